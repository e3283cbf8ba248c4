// An import as a job: the file taken in (in chunks of records, one transaction: all of it or none),
// then run batch by batch — each batch judged in full, then its report, its dossiers (a real run) and
// the import's counters written in ONE transaction, so a stopped run resumes at its next batch and a
// record is written whole or not at all. The state lives in `imports`; any process may resume a run
// whose lease has lapsed.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { DB, ImportScopeGrant } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { insertJsonRows } from '../../db/json-rows.ts';
import { isLockTimeout } from '../../db/errors.ts';
import { unstorableFields, unstorableText } from '../../platform/http/storable-input.ts';
import type { DossierImportFormat, ImportFormat } from '../../../common/contracts/imports.ts';
import { fail } from './imports.errors.ts';
import { importResolver, registryDay } from './import-resolve.ts';
import {
  planBatch,
  writeBatch,
  type BatchContext,
  type PlannedBatch,
  type ReportLine,
} from './import-batch.ts';

/** Records per batch: one chunk of the file, one transaction, a few multi-row statements. */
export const IMPORT_BATCH_LINES = 500;
const LEASE_MS = 120_000;

/**
 * The import's own bookkeeping (when it ran, its lease, its pace) is measured in real time: it is the
 * operation's, not the dossiers' (their times come from deps.clock, which tests move by hand).
 */
export const wallClock = (): Date => new Date();
export const IMPORT_ADMIN_ROLES = ['province-admin', 'unit-admin'] as const;

export type ImportLines = AsyncIterable<[number, string]>;

export type NewImport = {
  kind: 'dossiers';
  format: ImportFormat;
  dryRun: boolean;
  fileName: string | null;
  lines: ImportLines;
  requestId: string | null;
};

/** The administrator grants an import runs within; none: the actor may not import. */
export function importScope(actor: Actor): ImportScopeGrant[] {
  return actor.grants
    .filter((g) => (IMPORT_ADMIN_ROLES as readonly string[]).includes(g.role))
    .map((g) => ({ role: g.role, agencyId: g.agencyId, agencyPath: g.agencyPath, unitPath: g.unitPath }));
}

const ESCAPED_SUSPECT = /\\u(0000|d[89a-f][0-9a-f]{2})/i;

/** Why a line cannot be stored, or null; a JSON escape of NUL or of a surrogate is decoded to be judged. */
function unstorableLine(text: string): string | null {
  const raw = unstorableText(text);
  if (raw !== null || !ESCAPED_SUSPECT.test(text)) return raw;
  try {
    return unstorableFields(JSON.parse(text), '')[0]?.message ?? null;
  } catch {
    return null;
  }
}

/** Takes the file in and records the import (state running); the run is `runImport`'s. */
export async function createImport(deps: Deps, actor: Actor, input: NewImport): Promise<string> {
  const scope = importScope(actor);
  if (scope.length === 0) throw fail('IMPORT_ADMINS_ONLY');
  const now = wallClock();
  return deps.db.transaction().execute(async (trx) => {
    const { import_id: id } = await trx
      .insertInto('imports')
      .values({
        kind: input.kind,
        format: input.format,
        dry_run: input.dryRun,
        state: 'running',
        file_name: input.fileName,
        scope: JSON.stringify(scope),
        created_by: actor.userId,
        started_at: now,
      })
      .returning('import_id')
      .executeTakeFirstOrThrow();
    const hash = createHash('sha256');
    let chunk: [number, string][] = [];
    let chunks = 0;
    let total = 0;
    const unstorable: { path: string; message: string }[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      await trx
        .insertInto('import_chunks')
        .values({
          import_id: id,
          chunk_no: chunks++,
          first_line: chunk[0]![0],
          lines: JSON.stringify(chunk),
        })
        .execute();
      chunk = [];
    };
    for await (const [line, text] of input.lines) {
      hash.update(text).update('\n');
      if (text.trim() === '') continue;
      // Text the database cannot keep (NUL, a lone surrogate, also as a JSON escape) refuses the file,
      // as it refuses any request (platform/http/storable-input.ts): every such line is named.
      const why = unstorableLine(text);
      if (why !== null && unstorable.length < 20) unstorable.push({ path: `body/${line}`, message: why });
      chunk.push([line, text]);
      total++;
      if (chunk.length >= IMPORT_BATCH_LINES) await flush();
    }
    await flush();
    if (unstorable.length > 0) throw fail('IMPORT_FILE_INVALID', { details: unstorable });
    if (total === 0)
      throw fail('IMPORT_FILE_INVALID', {
        details: [{ path: 'body', message: 'Tệp không có bản ghi nào.' }],
      });
    await trx
      .updateTable('imports')
      .set({ total, chunks, file_sha256: hash.digest('hex') })
      .where('import_id', '=', id)
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'import.create',
        entityType: 'import',
        entityId: id,
        details: {
          kind: input.kind,
          format: input.format,
          dryRun: input.dryRun,
          total,
          fileName: input.fileName,
        },
        requestId: input.requestId,
      },
      deps.clock.now(),
    );
    return id;
  });
}

export type ImportProgress = { total: number; processed: number; accepted: number; refused: number };

/**
 * Runs (or resumes) an import to its end, unless another process holds its lease: batch after batch
 * from `next_chunk`. `onProgress` hears of each batch written; answering false stops the run there
 * (a process shutting down), its lease given back so that a resume goes on from the next batch. Never
 * throws: a run that cannot go on is marked failed with the reason.
 */
export async function runImport(
  deps: Deps,
  id: string,
  onProgress?: (p: ImportProgress) => boolean | void,
): Promise<'done' | 'failed' | 'busy' | 'stopped'> {
  const now = wallClock();
  const claimed = await deps.db
    .updateTable('imports')
    .set({
      locked_until: new Date(now.getTime() + LEASE_MS),
      run_started_at: now,
      run_processed_from: sql<number>`processed`,
    })
    .where('import_id', '=', id)
    .where('state', '=', 'running')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .returningAll()
    .executeTakeFirst();
  if (claimed === undefined) return 'busy';
  try {
    const owner = await deps.db
      .selectFrom('users')
      .select(['user_id', 'username'])
      .where('user_id', '=', claimed.created_by)
      .executeTakeFirstOrThrow();
    const ctx: BatchContext = {
      deps,
      importId: id,
      format: claimed.format as DossierImportFormat,
      scope: claimed.scope,
      resolver: importResolver(deps, registryDay(now)),
      acceptedInRun: new Map(),
    };
    const who = { userId: owner.user_id, label: owner.username };
    // Batches are judged in order, one after the other (each sees the codes the ones before accepted),
    // and written while the next is judged; on PostgreSQL two are written at once, each committing
    // only after the one before it (`turn`), so the import's counters and resume point still move
    // batch by batch. PGlite is one session: one batch at a time.
    const lanes = deps.driver === 'pg' ? 2 : 1;
    // Each batch's turn: settled once it has committed and `onProgress` has heard of it; the batch
    // after it commits only then, and is undone when the turn fails (a failure, or a stop).
    const turns: Promise<unknown>[] = [];
    let turn: Promise<unknown> = Promise.resolve();
    try {
      for (let chunkNo = claimed.next_chunk; chunkNo < claimed.chunks; chunkNo++) {
        const lines = await readChunk(deps, id, chunkNo);
        const batch = { id, chunkNo, dryRun: claimed.dry_run, who, turn };
        const { written } = await judgeDossierBatch(deps, ctx, { ...batch, format: ctx.format }, lines);
        turn = written.then((progress) => {
          if (onProgress?.(progress) === false) throw new RunStopped();
        });
        // Known to be awaited (below, or by allSettled): no rejection goes unheard.
        turn.catch(() => {});
        turns.push(turn);
        if (turns.length >= lanes) await turns.shift();
      }
      while (turns.length > 0) await turns.shift();
    } catch (err) {
      // Every batch still being written is over (committed or undone) before the run is marked.
      await Promise.allSettled(turns);
      if (!(err instanceof RunStopped)) throw err;
      await deps.db.updateTable('imports').set({ locked_until: null }).where('import_id', '=', id).execute();
      return 'stopped';
    }
    const end = wallClock();
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('imports')
        .set({ state: 'done', finished_at: end, locked_until: null })
        .where('import_id', '=', id)
        .execute();
      await trx.deleteFrom('import_chunks').where('import_id', '=', id).execute();
    });
    return 'done';
  } catch (err) {
    await deps.db
      .updateTable('imports')
      .set({
        state: 'failed',
        finished_at: wallClock(),
        locked_until: null,
        error: err instanceof Error ? err.message.slice(0, 2000) : String(err).slice(0, 2000),
      })
      .where('import_id', '=', id)
      .execute();
    return 'failed';
  }
}

/**
 * Judges a batch of dossiers (awaited by the caller: batches are judged in file order) and starts
 * writing it (not awaited: the next batch is judged meanwhile). Once it has committed, its codes are
 * answered by import_records and leave the run's memory, which stays flat however long the file.
 */
async function judgeDossierBatch(
  deps: Deps,
  ctx: BatchContext,
  batch: Batch & { format: DossierImportFormat },
  lines: [number, string][],
): Promise<{ written: Promise<ImportProgress> }> {
  const plan = await planBatch(ctx, lines);
  const written = commitBatch(deps, batch, plan).then((progress) => {
    for (const w of plan.writes) ctx.acceptedInRun.delete(w.dossier.code);
    return progress;
  });
  return { written };
}

/** `onProgress` asked the run to stop. */
class RunStopped extends Error {}

/** The records of one staged chunk of the file, as [line number, text]. */
async function readChunk(deps: Deps, id: string, chunkNo: number): Promise<[number, string][]> {
  const chunk = await deps.db
    .selectFrom('import_chunks')
    .select('lines')
    .where('import_id', '=', id)
    .where('chunk_no', '=', chunkNo)
    .executeTakeFirstOrThrow();
  return JSON.parse(chunk.lines) as [number, string][];
}

type Batch = {
  id: string;
  chunkNo: number;
  dryRun: boolean;
  who: { userId: string; label: string };
  /** Settles when the batch before this one has committed (rejects when it failed). */
  turn: Promise<unknown>;
};

/**
 * Writes one judged batch. Should the batch's statements fail where the checks foresaw nothing (a
 * code taken meanwhile by another writer), each accepted record is written alone, and one that still
 * fails is refused with the reason: the others are kept, nothing of it is.
 */
async function commitBatch(
  deps: Deps,
  batch: Batch & { format: DossierImportFormat },
  plan: PlannedBatch,
): Promise<ImportProgress> {
  const now = deps.clock.now();
  const write = { importId: batch.id, format: batch.format, now, turn: batch.turn };
  if (!batch.dryRun && plan.writes.length > 0) {
    try {
      return await recordBatch(deps, batch, plan, (trx) =>
        writeBatch(trx, { ...write, writes: plan.writes }),
      );
    } catch (err) {
      // A lock not had in time is no record's fault: the run fails with it (see recordBatch).
      if (isLockTimeout(err)) throw err;
      // The batch before failed: this one fails with it (the run stops there), nothing of it written.
      await batch.turn;
      for (const w of plan.writes) {
        try {
          await deps.db.transaction().execute((trx) => writeBatch(trx, { ...write, writes: [w] }));
        } catch (err) {
          const r = plan.report.find((x) => x.line === w.line)!;
          r.outcome = 'refused';
          r.reason = `Không ghi được: ${err instanceof Error ? err.message : String(err)}`.slice(0, 2000);
        }
      }
    }
  }
  return recordBatch(deps, batch, plan, async () => {});
}

/** The batch's report and the import's counters, with `alsoWrite`, in one transaction. */
async function recordBatch(
  deps: Deps,
  batch: Batch,
  plan: { report: ReportLine[]; unchanged: number },
  alsoWrite: (trx: Transaction<DB>) => Promise<void>,
): Promise<ImportProgress> {
  const now = wallClock();
  const accepted = plan.report.filter((r) => r.outcome === 'accepted').length;
  const refused = plan.report.length - accepted;
  return deps.db.transaction().execute(async (trx) => {
    // Two batches written at once must never wait on each other's rows (import-batch.ts writeBatch
    // takes shared rows only on its turn): should one ever, the run fails saying so, not hangs.
    await sql`SET LOCAL lock_timeout = '60s'`.execute(trx);
    await alsoWrite(trx);
    // The rows above were written beside the batch before; the counters move after it, in file order.
    await batch.turn;
    await insertJsonRows(
      trx,
      'import_records',
      plan.report.map((r) => ({
        import_id: batch.id,
        line: r.line,
        code: r.code,
        outcome: r.outcome,
        reason: r.reason ?? null,
      })),
    );
    const row = await trx
      .updateTable('imports')
      .set({
        processed: sql<number>`processed + ${plan.report.length}`,
        accepted: sql<number>`accepted + ${accepted}`,
        refused: sql<number>`refused + ${refused}`,
        unchanged: sql<number>`unchanged + ${plan.unchanged}`,
        next_chunk: batch.chunkNo + 1,
        locked_until: new Date(now.getTime() + LEASE_MS),
      })
      .where('import_id', '=', batch.id)
      .where('next_chunk', '=', batch.chunkNo)
      .returning(['total', 'processed', 'accepted', 'refused'])
      .executeTakeFirst();
    // Another process took the run over (the lease lapsed): this one's batch is undone.
    if (row === undefined) throw new Error('the import was taken over by another run');
    if (!batch.dryRun && accepted - plan.unchanged > 0)
      await appendAudit(
        trx,
        batch.who,
        {
          action: 'import.batch',
          entityType: 'import',
          entityId: batch.id,
          details: {
            firstLine: plan.report[0]?.line ?? null,
            lastLine: plan.report.at(-1)?.line ?? null,
            written: accepted - plan.unchanged,
            refused,
          },
          chain: 'deployment',
        },
        deps.clock.now(),
      );
    return row;
  });
}
