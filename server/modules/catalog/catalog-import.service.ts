// Importing a catalogue file (the shape of procedures.json, catalog-file.ts) and exporting the
// published versions in the same shape.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { appendAudits, type AuditActor, type AuditEntry } from '../../platform/audit.ts';
import type { JsonSchemaObject } from '../../../common/catalog/forms.ts';
import type { Procedure } from '../../../common/catalog/procedure.ts';
import { parseCatalogueFile } from './catalog-source.ts';
import { exportCatalogueFile } from './catalog-export.ts';
import { hashOf, versionColumns } from './catalog.repository.ts';
import { procedureFlags, type ProcedureFlag } from '../../../common/catalog/flags.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { fail } from './catalog.errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';

// Imports take this transaction lock first, so two at once run one after the other, the second reading
// what the first committed.
const IMPORT_LOCK = 7_357_101;

export type ImportItem = {
  index: number;
  code: string;
  /** `drafted`: imported as a draft because of its flags (never published until they are gone). */
  result: 'created' | 'updated' | 'unchanged' | 'drafted' | 'rejected';
  version?: number;
  flags?: ProcedureFlag[];
};
export type ImportReport = {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  drafted: number;
  rejected: { index: number; code?: string; reasons: { path: string; message: string }[] }[];
  items: ImportItem[];
};

export type ImportOptions = {
  dryRun: boolean;
  forms?: Map<string, JsonSchemaObject>;
  requestId?: string | null;
  /**
   * Publish flagged records too (their flags are still stored and shown). Only the seed of the 47
   * procedures shipped since the first release uses it, so the demo keeps them as it always had them.
   */
  publishFlagged?: boolean;
};

type Current = {
  procedure_id: string;
  published?: { hash: string; form: JsonSchemaObject | null };
  draft?: { version: number; hash: string; form: JsonSchemaObject | null };
};

async function currentVersions(trx: Transaction<DB>): Promise<Map<string, Current>> {
  const rows = await trx
    .selectFrom('procedures as p')
    .leftJoin('procedure_versions as v', (j) =>
      j.onRef('v.procedure_id', '=', 'p.procedure_id').on('v.status', 'in', ['published', 'draft']),
    )
    .select(['p.procedure_id', 'p.code', 'v.status', 'v.version', 'v.content_hash', 'v.form_schema'])
    .execute();
  const out = new Map<string, Current>();
  for (const r of rows) {
    const c = out.get(r.code) ?? { procedure_id: r.procedure_id };
    out.set(r.code, c);
    if (r.status === 'published') c.published = { hash: r.content_hash!, form: r.form_schema };
    if (r.status === 'draft') c.draft = { version: r.version!, hash: r.content_hash!, form: r.form_schema };
  }
  return out;
}

/** The next version number of a procedure, its row locked as a new draft locks it (catalog-versions.service.ts). */
async function nextVersion(trx: Transaction<DB>, procedureId: string): Promise<number> {
  await trx
    .selectFrom('procedures')
    .select('procedure_id')
    .where('procedure_id', '=', procedureId)
    .forUpdate()
    .execute();
  const max = await trx
    .selectFrom('procedure_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('procedure_id', '=', procedureId)
    .executeTakeFirstOrThrow();
  return (max.v ?? 0) + 1;
}

const BATCH = 500;

type NewVersion = {
  procedureId: string;
  version: number;
  p: Procedure;
  form: JsonSchemaObject | null;
  flags: ProcedureFlag[];
  status: 'draft' | 'published';
};

async function insertVersions(
  trx: Transaction<DB>,
  rows: NewVersion[],
  at: { now: Date; by: AuditActor },
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('procedure_versions')
    .values(
      rows.map((r) => ({
        procedure_id: r.procedureId,
        version: r.version,
        status: r.status,
        ...versionColumns(r.p, r.form, r.flags),
        created_at: at.now,
        created_by: at.by.userId,
        published_at: r.status === 'published' ? at.now : null,
      })),
    )
    .execute();
}

/**
 * Imports a catalogue file (the shape of procedures.json, or the national catalogue's records:
 * catalog-national.ts). A record without flags (common/catalog/flags.ts) is created and published as
 * version 1, or, changed, gets a new published version (the previous one is retired); identical ones
 * are left alone. A record with flags becomes a draft carrying them (the version in force, if any,
 * stays): it reaches citizens only once an administrator has completed it and published it. Valid
 * records are applied in one transaction; rejected records are reported.
 */
export async function importCatalogue(
  deps: Deps,
  by: AuditActor,
  json: unknown,
  options: ImportOptions,
): Promise<ImportReport> {
  const { records, positions, rejected } = parseCatalogueFile(json);
  const report: ImportReport = {
    dryRun: options.dryRun,
    created: 0,
    updated: 0,
    unchanged: 0,
    drafted: 0,
    rejected,
    items: [],
  };
  const now = deps.clock.now();
  const today = vnDate(now);
  const apply = async (trx: Transaction<DB>) => {
    await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
    const audits: AuditEntry[] = [];
    const existing = await currentVersions(trx);
    const fresh: Omit<NewVersion, 'procedureId' | 'version'>[] = [];
    for (const [i, p] of records.entries()) {
      const index = positions[i]!;
      const current = existing.get(p.code);
      const form = options.forms?.get(p.code) ?? current?.published?.form ?? current?.draft?.form ?? null;
      const hash = hashOf(p, form);
      const flags = procedureFlags(p, today);
      const withFlags = flags.length > 0 ? { flags } : {};
      if (current?.published?.hash === hash || (flags.length > 0 && current?.draft?.hash === hash)) {
        report.unchanged++;
        report.items.push({ index, code: p.code, result: 'unchanged', ...withFlags });
        continue;
      }
      const asDraft = flags.length > 0 && options.publishFlagged !== true;
      if (asDraft && current?.draft) {
        const reasons = [
          {
            path: 'code',
            message: `Thủ tục ${p.code} đang có bản nháp phiên bản ${current.draft.version} chưa công bố: hãy hoàn thiện và công bố bản nháp đó trước khi nhập bản mới`,
          },
        ];
        report.rejected.push({ index, code: p.code, reasons });
        report.items.push({ index, code: p.code, result: 'rejected', ...withFlags });
        continue;
      }
      const result = asDraft ? 'drafted' : current ? 'updated' : 'created';
      const status = asDraft ? 'draft' : 'published';
      let version = 1;
      if (!current) {
        fresh.push({ p, form, flags, status });
      } else {
        version = await nextVersion(trx, current.procedure_id);
        if (!asDraft) {
          await trx
            .updateTable('procedure_versions')
            .set({ status: 'retired', retired_at: now })
            .where('procedure_id', '=', current.procedure_id)
            .where('status', '=', 'published')
            .execute();
        }
        await insertVersions(trx, [{ procedureId: current.procedure_id, version, p, form, flags, status }], {
          now,
          by,
        });
      }
      report[result]++;
      report.items.push({ index, code: p.code, result, version, ...withFlags });
      audits.push({
        action: 'procedure.imported',
        entityType: 'procedure',
        entityId: p.code,
        details: { result, version, ...(flags.length > 0 ? { flags: flags.map((f) => f.code) } : {}) },
        requestId: options.requestId ?? null,
      });
    }
    // New procedures in batches (a national catalogue is thousands): their rows, then version 1 of each.
    for (let start = 0; start < fresh.length; start += BATCH) {
      const part = fresh.slice(start, start + BATCH);
      const ids = await trx
        .insertInto('procedures')
        .values(part.map((f) => ({ code: f.p.code, created_at: now })))
        .returning(['procedure_id', 'code'])
        .execute();
      const idOf = new Map(ids.map((r) => [r.code, r.procedure_id]));
      await insertVersions(
        trx,
        part.map((f) => ({ ...f, procedureId: idOf.get(f.p.code)!, version: 1 })),
        { now, by },
      );
    }
    // The audit chain's lock is held until commit: take it only for the last writes.
    await appendAudits(trx, by, audits, now);
  };
  if (options.dryRun) {
    // Same decisions, nothing kept.
    await deps.db
      .transaction()
      .execute(async (trx) => {
        await apply(trx);
        throw new DryRunDone();
      })
      .catch((err: unknown) => {
        if (!(err instanceof DryRunDone)) throw err;
      });
  } else {
    // A draft or version created beside the import can still take a number or code it meant to use:
    // the import is refused whole (409), nothing of it kept, never a 500.
    await deps.db
      .transaction()
      .execute(apply)
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? fail('CATALOG_CHANGED_MEANWHILE') : err;
      });
  }
  const reported = new Set(report.items.filter((x) => x.result === 'rejected').map((x) => x.index));
  for (const r of rejected) {
    if (!reported.has(r.index)) report.items.push({ index: r.index, code: r.code ?? '', result: 'rejected' });
  }
  report.rejected.sort((a, b) => a.index - b.index);
  report.items.sort((a, b) => a.index - b.index);
  return report;
}

class DryRunDone extends Error {}

export async function exportCatalogue(deps: Deps) {
  const rows = await deps.db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
    .select(['v.data'])
    .where('v.status', '=', 'published')
    .orderBy('p.code')
    .execute();
  return exportCatalogueFile(rows.map((r) => r.data));
}
