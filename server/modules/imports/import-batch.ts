// One batch of an import (one chunk of the file): every record read, checked against the registry and
// the administrator's reach, and judged accepted or refused before anything is written; then, in a
// real run, the accepted ones written with a few multi-row statements in the caller's transaction.
// A refused record writes nothing but its report line.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB, ImportScopeGrant } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { enqueue, message } from '../../platform/jobs/outbox.ts';
import { PortalStatusTopic } from '../../../common/contracts/outbox-topics.ts';
import { DOSSIER_STATUSES, isTerminalStatus } from '../../../common/dossiers/index.ts';
import { foldVietnamese } from '../../../common/text/fold.ts';
import { AGENCY_CODE_SOURCE } from '../../../common/org/code-patterns.ts';
import { grantReachesAgency } from '../org/index.ts';
import { readDvcqgLine, type ImportProblem, type LegacyDossier } from './dvcqg-record.ts';
import { importedState } from './import-state.ts';
import { insertJsonRows } from '../../db/json-rows.ts';
import type { ImportResolver, MappedAgency, ResolvedProcedure } from './import-resolve.ts';
import { opencpsPath, readOpencpsLine } from './opencps-record.ts';
import type { DossierImportFormat } from '../../../common/contracts/imports.ts';

export type ReportLine = {
  line: number;
  code: string | null;
  outcome: 'accepted' | 'refused';
  reason?: string;
};

type Write = {
  line: number;
  dossier: LegacyDossier;
  receiving: MappedAgency;
  competent: MappedAgency;
  procedure: ResolvedProcedure;
  hash: string;
};

export type PlannedBatch = { report: ReportLine[]; writes: Write[]; unchanged: number };

export type BatchContext = {
  deps: Deps;
  importId: string;
  format: DossierImportFormat;
  scope: ImportScopeGrant[];
  resolver: ImportResolver;
  /**
   * The codes this run accepted in batches not yet committed, with their lines: a batch is judged while
   * the one before is still being written, whose codes are not in import_records yet.
   */
  acceptedInRun: Map<string, number>;
};

function readLine(format: DossierImportFormat, text: string) {
  return format === 'opencps' ? readOpencpsLine(text) : readDvcqgLine(text);
}

const reasonOf = (problems: { path: string; message: string }[]) =>
  problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)).join(' ');

/** Judges every record of the batch; writes nothing. */
export async function planBatch(ctx: BatchContext, lines: [number, string][]): Promise<PlannedBatch> {
  const report: ReportLine[] = [];
  const candidates: Write[] = [];
  const seen = new Map<string, number>();
  const refuse = (line: number, code: string | null, reason: string) =>
    report.push({ line, code, outcome: 'refused', reason });
  for (const [line, text] of lines) {
    const read = readLine(ctx.format, text);
    if (!read.ok) {
      refuse(line, read.code ?? null, reasonOf(read.problems));
      continue;
    }
    const d = read.dossier;
    const earlier = seen.get(d.code);
    if (earlier !== undefined) {
      refuse(line, d.code, `Mã hồ sơ ${d.code} trùng với dòng ${earlier} của tệp.`);
      continue;
    }
    seen.set(d.code, line);
    const judged = await judge(ctx, d);
    if ('problem' in judged) {
      const { path, message } = judged.problem;
      refuse(line, d.code, `${ctx.format === 'opencps' ? opencpsPath(path) : path}: ${message}`);
      continue;
    }
    const hash = createHash('sha256').update(`${ctx.format}\n${text}`).digest('hex');
    candidates.push({ line, dossier: d, ...judged, hash });
  }
  return settleAgainstStored(ctx, candidates, report);
}

async function judge(
  ctx: BatchContext,
  d: LegacyDossier,
): Promise<{ problem: ImportProblem } | Pick<Write, 'receiving' | 'competent' | 'procedure'>> {
  const problem = (path: string, message: string) => ({ problem: { path, message } });
  const competent = await ctx.resolver.agency(d.competentAgencyCode);
  if (!competent.ok) return problem('DonViXuLy', competent.message);
  const receiving = await ctx.resolver.agency(d.receivingAgencyCode);
  if (!receiving.ok) return problem('NoiNopHoSo', receiving.message);
  for (const [path, a] of [
    ['NoiNopHoSo', receiving.value.current],
    ['DonViXuLy', competent.value.current],
  ] as const) {
    const target = { agencyPath: a.path, unitPath: a.unit_path };
    if (!ctx.scope.some((g) => grantReachesAgency(g, target)))
      return problem(path, `Cơ quan ${a.code} (${a.name}) ngoài phạm vi quản trị của người nhập.`);
  }
  const closed = isTerminalStatus(d.status);
  const procedure = await ctx.resolver.procedure(
    d.procedureCode,
    { competent: competent.value.current, receiving: receiving.value.current, channel: d.channel },
    closed,
  );
  if (!procedure.ok) return problem('MaTTHC', procedure.message);
  return { receiving: receiving.value, competent: competent.value, procedure: procedure.value };
}

/**
 * Against what is stored: a code motcua already holds is unchanged when this same record imported it
 * (a second run of the file), refused otherwise; a code accepted at an earlier line of this import (in
 * an earlier batch) is a duplicate.
 */
async function settleAgainstStored(
  ctx: BatchContext,
  candidates: Write[],
  report: ReportLine[],
): Promise<PlannedBatch> {
  const writes: Write[] = [];
  let unchanged = 0;
  if (candidates.length === 0) return { report: sortReport(report), writes, unchanged };
  const codes = candidates.map((c) => c.dossier.code);
  const db = ctx.deps.db;
  const stored = await db
    .selectFrom('dossiers as d')
    .leftJoin('dossier_imports as i', 'i.dossier_id', 'd.dossier_id')
    .select(['d.code', 'i.record_sha256', 'i.import_id'])
    .where('d.code', 'in', codes)
    .execute();
  const byCode = new Map(stored.map((s) => [s.code, s]));
  const earlier = await db
    .selectFrom('import_records')
    .select(['code', 'line'])
    .where('import_id', '=', ctx.importId)
    .where('outcome', '=', 'accepted')
    .where('code', 'in', codes)
    .execute();
  const earlierLine = new Map(earlier.map((e) => [e.code, e.line]));
  for (const c of candidates) {
    const code = c.dossier.code;
    const line = earlierLine.get(code) ?? ctx.acceptedInRun.get(code);
    const s = byCode.get(code);
    if (line !== undefined && line < c.line) {
      report.push({
        line: c.line,
        code,
        outcome: 'refused',
        reason: `Mã hồ sơ ${code} trùng với dòng ${line} của tệp.`,
      });
    } else if (s !== undefined && s.record_sha256 === c.hash) {
      unchanged++;
      report.push({
        line: c.line,
        code,
        outcome: 'accepted',
        reason: 'Đã nhập trước đây, không có gì thay đổi.',
      });
    } else if (s !== undefined) {
      report.push({
        line: c.line,
        code,
        outcome: 'refused',
        reason:
          s.import_id === null
            ? `Mã hồ sơ ${code} đã có trong hệ thống (không phải hồ sơ nhập).`
            : `Mã hồ sơ ${code} đã được nhập (lần nhập ${s.import_id}) với nội dung khác; hồ sơ nay do hệ thống này xử lý, không ghi đè.`,
      });
    } else {
      writes.push(c);
      report.push({ line: c.line, code, outcome: 'accepted' });
      ctx.acceptedInRun.set(code, c.line);
    }
  }
  return { report: sortReport(report), writes, unchanged };
}

const sortReport = (r: ReportLine[]) => r.sort((a, b) => a.line - b.line);

const CODE_RE = new RegExp(
  `^(?<agency>${AGENCY_CODE_SOURCE})-(?<yy>\\d{2})(?<mm>\\d{2})(?<dd>\\d{2})-(?<seq>\\d{4,})$`,
);

/** Writes the accepted dossiers of a batch in `trx`: a few statements whatever the batch's size. */
export async function writeBatch(
  trx: Transaction<DB>,
  w: {
    importId: string;
    format: DossierImportFormat;
    writes: Write[];
    now: Date;
    /** Settles when the batch written beside this one has committed (imports.service.ts). */
    turn: Promise<unknown>;
  },
): Promise<void> {
  const { writes, now } = w;
  if (writes.length === 0) return;
  const built = writes.map((x) => ({ x, ...importedState(x.procedure.workflow, x.dossier) }));
  // The portal's sync state first: its trigger then finds no dossier and leaves the count of
  // synchronised dossiers to the dossiers' own trigger, which reads it (one count, not two).
  await syncStates(trx, writes, now);
  const inserted = await insertJsonRows(
    trx,
    'dossiers',
    built.map(({ x, state, columns }) => {
      const d = x.dossier;
      const current = x.procedure.stepAgencies[columns.stepIndex]?.agencyId ?? x.receiving.current.agency_id;
      return {
        code: d.code,
        alternative_code: d.alternativeCode,
        procedure_version_id: x.procedure.procedureVersionId,
        procedure_code: d.procedureCode,
        case_key: null,
        channel: d.channel,
        receiving_agency_id: x.receiving.current.agency_id,
        received_by_agency_id: x.receiving.named.agency_id,
        competent_agency_id: x.competent.current.agency_id,
        current_agency_id: current,
        step_agencies: x.procedure.stepAgencies,
        workflow: x.procedure.workflow,
        applicant: d.applicant,
        applicant_id_number: d.applicant.idNumber,
        applicant_search: `${foldVietnamese(d.applicant.fullName)} ${d.applicant.idNumber}`,
        form_data: d.summary === '' ? {} : { trichYeu: d.summary },
        components: componentsOf(d),
        requested_return_channel: null,
        state,
        status: state.status,
        version: state.version,
        assignee_user_id: null,
        received_at: columns.received_at,
        due_at: columns.due_at,
        calendar_version: null,
        extended_due_at: null,
        step_due_at: null,
        result_at: columns.result_at,
        returned_at: columns.returned_at,
        closed_at: columns.closed_at,
        submitted_at: d.submittedAt,
        created_by: null,
        submitted_by_citizen_id: null,
        updated_at: now,
      };
    }),
    ['dossier_id', 'code'],
  );
  const idOf = new Map(inserted.map((r) => [r.code, r.dossier_id]));
  await insertJsonRows(
    trx,
    'dossier_agencies',
    writes.flatMap((x) => {
      const id = idOf.get(x.dossier.code)!;
      const ids = new Set([
        x.receiving.current.agency_id,
        x.receiving.named.agency_id,
        x.competent.current.agency_id,
        x.competent.named.agency_id,
        ...x.procedure.stepAgencies.map((s) => s.agencyId),
      ]);
      return [...ids].map((agency_id) => ({ dossier_id: id, agency_id }));
    }),
  );
  // Rows two batches may share — the day counters, and the adoption monitor's moved-in rows that
  // dossier_imports' trigger adds to — are taken only once the batch before has committed, so that
  // neither waits on a lock the other holds while it waits for its turn.
  await w.turn;
  await insertJsonRows(
    trx,
    'dossier_imports',
    writes.map((x) => ({
      dossier_id: idOf.get(x.dossier.code)!,
      import_id: w.importId,
      line: x.line,
      source: w.format,
      record_sha256: x.hash,
      read_only: isTerminalStatus(x.dossier.status),
      legacy_status_code: x.dossier.statusCode,
      history: x.dossier.history,
      fees: x.dossier.fees,
      imported_at: now,
    })),
  );
  await bumpCounters(trx, writes);
}

/** The components as intake stores them: files kept where the legacy system serves them, by link. */
function componentsOf(d: LegacyDossier) {
  const by = new Map<
    string,
    { code: string; provided: 'electronic'; links: { name: string; url: string }[] }
  >();
  for (const f of d.files) {
    const c = by.get(f.component) ?? { code: f.component, provided: 'electronic' as const, links: [] };
    c.links.push({ name: f.name, url: f.url });
    by.set(f.component, c);
  }
  return [...by.values()];
}

/**
 * Synchronised by the legacy system: acknowledged as of now, so nothing is sent until motcua changes
 * the dossier (its next status message is an update of the portal's record). Otherwise its status is
 * sent once, as any status message.
 */
async function syncStates(trx: Transaction<DB>, writes: Write[], now: Date): Promise<void> {
  const synced = writes.filter((x) => x.dossier.synced);
  if (synced.length > 0)
    await trx
      .insertInto('portal_sync_state')
      .values(
        synced.map((x) => ({
          dossier_code: x.dossier.code,
          agency_id: x.receiving.current.agency_id,
          latest_outbox_id: '0',
          latest_status_code: x.dossier.statusCode,
          changed_at: now,
          acked_outbox_id: '0',
          acked_status_code: x.dossier.statusCode,
          acked_at: now,
        })),
      )
      .onConflict((oc) => oc.column('dossier_code').doNothing())
      .execute();
  const unsent = writes.filter((x) => !x.dossier.synced);
  await enqueue(
    trx,
    unsent.map((x) =>
      message(PortalStatusTopic, x.dossier.code, {
        dossierCode: x.dossier.code,
        status: x.dossier.status,
        statusCode: DOSSIER_STATUSES[x.dossier.status].code,
        version: 0,
        at: now.toISOString(),
      }),
    ),
    now,
  );
}

/**
 * A code in motcua's own form (`<agency>-<yymmdd>-<sequence>`) of an agency that still issues codes:
 * the day's counter moves past it, so the gap-free sequence never issues it again.
 */
async function bumpCounters(trx: Transaction<DB>, writes: Write[]): Promise<void> {
  const bumps = new Map<string, { agency_id: string; day: string; last_value: number }>();
  for (const x of writes) {
    const m = CODE_RE.exec(x.dossier.code)?.groups;
    if (m === undefined) continue;
    const agency = [x.receiving.named, x.receiving.current].find((a) => a.code === m.agency);
    const seq = Number(m.seq);
    if (agency === undefined || seq < 1 || seq > 9999) continue;
    const day = `20${m.yy}-${m.mm}-${m.dd}`;
    if (Number.isNaN(Date.parse(day)) || new Date(day).toISOString().slice(0, 10) !== day) continue;
    const key = `${agency.agency_id}|${day}`;
    const prev = bumps.get(key);
    if (prev === undefined || prev.last_value < seq)
      bumps.set(key, { agency_id: agency.agency_id, day, last_value: seq });
  }
  if (bumps.size === 0) return;
  await trx
    .insertInto('dossier_code_counters')
    .values([...bumps.values()])
    .onConflict((oc) =>
      oc.columns(['agency_id', 'day']).doUpdateSet({
        last_value: sql`greatest(dossier_code_counters.last_value, excluded.last_value)`,
      }),
    )
    .execute();
}
