// Reading the report counts (kept by the triggers of migration 20261210000000_report-counts, through
// the views report_month_counts and report_day_counts: the folded counts and the deltas not yet
// folded): a period reads each whole month by month and the days of the months a boundary cuts day by
// day, so a year costs twelve rows per agency and procedure, not 365. Every report of issue "Steering
// by figures" reads through here. The worker folds the deltas the triggers append (foldReportDeltas).
import { sql, type RawBuilder } from 'kysely';
import type { Deps } from '../../deps.ts';
import {
  applyRows,
  REBUILD_REPORT_COUNTS,
  REPORT_COUNT_COLUMNS,
} from '../../db/migrations/20261210000000_report-counts.ts';
import { nextDay } from '../../../common/reports/ii06a.ts';
import type { OverviewScope, Reach } from './reports.service.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import { startPeriodic, type Periodic } from '../../platform/jobs/periodic.ts';

export type CountColumn = (typeof REPORT_COUNT_COLUMNS)[number];
export { REPORT_COUNT_COLUMNS };

/** The first day of the month of `date` (`YYYY-MM-DD`). */
const monthOf = (date: string): string => `${date.slice(0, 7)}-01`;

/**
 * The counts up to `to` (civil day, included) as rows (agency_id, procedure_code, at, counts…), `at`
 * being a day or the first day of a whole month. `boundaries` are the days the caller compares `at`
 * with (`at < b`): a month a boundary falls inside is read day by day, so that every comparison with a
 * boundary is exact for every row.
 */
export function countRows(to: string, boundaries: readonly string[]): RawBuilder<unknown> {
  const end = nextDay(to);
  const cut = [...new Set([...boundaries, end].filter((b) => b.slice(8) !== '01').map(monthOf))].sort();
  const cols = sql.raw(REPORT_COUNT_COLUMNS.join(', '));
  const wholeMonths = sql`SELECT agency_id, procedure_code, month AS at, ${cols} FROM report_month_counts
    WHERE month < ${end}::date${cut.length > 0 ? sql` AND month NOT IN (${sql.join(cut.map((m) => sql`${m}::date`))})` : sql``}`;
  if (cut.length === 0) return sql`(${wholeMonths})`;
  const days = sql.join(
    cut.map((m) => sql`(day >= ${m}::date AND day < (${m}::date + interval '1 month')::date)`),
    sql` OR `,
  );
  return sql`(${wholeMonths} UNION ALL SELECT agency_id, procedure_code, day AS at, ${cols} FROM report_day_counts
    WHERE day < ${end}::date AND (${days}))`;
}

/**
 * Each closed agency and the agency that finally took it over (chains of reorganisations), read once
 * per report: a few hundred rows at most (one per closed agency), none in most deployments.
 */
export async function finalSuccessors(deps: Deps): Promise<[string, string][]> {
  const { rows } = await sql<{ from_id: string; to_id: string }>`
    WITH RECURSIVE c(from_id, to_id, depth) AS (
      SELECT predecessor_id, successor_id, 1 FROM agency_successions
      UNION ALL
      SELECT c.from_id, s.successor_id, c.depth + 1 FROM c JOIN agency_successions s ON s.predecessor_id = c.to_id
      WHERE c.depth < 50)
    SELECT DISTINCT ON (from_id) from_id, to_id FROM c ORDER BY from_id, depth DESC`.execute(deps.db);
  return rows.map((r) => [r.from_id, r.to_id]);
}

/**
 * The agency a figure counts at, `column` holding where the dossier was received: that agency (`then`),
 * or its final successor (`today`, `successors` from finalSuccessors): a CASE over the few closed
 * agencies, no per-row lookup.
 */
export function countedAt(
  scope: Pick<OverviewScope, 'map'>,
  successors: [string, string][],
  column = 'd.received_by_agency_id',
): RawBuilder<string> {
  const ref = sql.ref(column);
  if (scope.map !== 'today' || successors.length === 0) return sql<string>`${ref}`;
  const cases = successors.map(([from, to]) => sql`WHEN ${from}::bigint THEN ${to}::bigint`);
  return sql<string>`(CASE ${ref} ${sql.join(cases, sql` `)} ELSE ${ref} END)`;
}

function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

/** Agency `a` in unit `u` is reached by `r` (org.policy.ts grantReachesAgency, in SQL). */
function reaches(r: Reach): RawBuilder<boolean> {
  return sql<boolean>`(a.path LIKE ${likePrefix(r.agencyPath)} OR (u.path LIKE ${likePrefix(r.unitPath)} AND u.path <> ${r.unitPath}))`;
}

/** Agency `a` in unit `u` is within the scope: reached by a grant, and by `within` when set. */
export function inScope(scope: Pick<OverviewScope, 'reach' | 'within'>): RawBuilder<boolean> {
  const any =
    scope.reach.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`(${sql.join(scope.reach.map(reaches), sql` OR `)})`;
  return scope.within ? sql<boolean>`(${any} AND ${reaches(scope.within)})` : any;
}

/** The Vietnamese civil day of a timestamptz column (UTC+7, no daylight saving). */
export const vnDay = (column: string | RawBuilder<unknown>): RawBuilder<string> =>
  sql<string>`((${typeof column === 'string' ? sql.ref(column) : column} AT TIME ZONE 'UTC') + interval '7 hours')::date`;

/** Deltas folded per statement: a few seconds of a busy province's writes. */
const FOLD_BATCH = 20_000;

/**
 * Folds up to `batch` of the deltas the report-count triggers appended into report_days and
 * report_months in one statement (taken FOR UPDATE SKIP LOCKED, deleted and added at once, so a reader
 * sees each once, folded or not; two folders never take the same one); answers how many it folded.
 */
export async function foldReportBatch(deps: Pick<Deps, 'db'>, batch: number): Promise<number> {
  const cols = REPORT_COUNT_COLUMNS.join(', ');
  const statement = applyRows('SELECT * FROM taken', {
    sourceCte: `taken AS (DELETE FROM report_deltas WHERE ctid = ANY (ARRAY(
      SELECT ctid FROM report_deltas LIMIT ${Math.max(1, Math.floor(batch))} FOR UPDATE SKIP LOCKED))
      RETURNING agency_id, procedure_code, day, ${cols})`,
    answer: 'count(*) AS n FROM taken',
  });
  const { rows } = await sql.raw<{ n: string }>(statement).execute(deps.db);
  return Number(rows[0]!.n);
}

/** Folds every delta there is, a batch at a time (the worker, every few seconds); answers how many. */
export async function foldReportDeltas(deps: Pick<Deps, 'db'>, batch = FOLD_BATCH): Promise<number> {
  let folded = 0;
  for (;;) {
    const n = await foldReportBatch(deps, batch);
    folded += n;
    if (n < batch) return folded;
  }
}

/** The worker's fold of the report deltas, every `intervalMs` (10 s by default). */
export function startReportFolder(deps: Deps, log: JobLog, intervalMs = 10_000): Periodic {
  return startPeriodic({
    name: 'report-counts-fold',
    intervalMs,
    log,
    run: () => foldReportDeltas(deps),
  });
}

/**
 * Recounts report_days and report_months from the dossiers and ratings (npm run cli --
 * reports:rebuild), in one transaction that holds off writes to the counted tables and the fold
 * meanwhile; answers how many (agency, procedure, day) rows the rebuild changed: 0 when the triggers
 * had kept them exact (the deltas not yet folded counted with them).
 */
export async function rebuildReportCounts(
  deps: Deps,
): Promise<{ days: number; months: number; changed: number }> {
  const key = 'agency_id, procedure_code, day';
  const sums = REPORT_COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ');
  const nonZero = REPORT_COUNT_COLUMNS.map((c) => `sum(${c}) <> 0`).join(' OR ');
  const folded = `SELECT ${key}, ${sums} FROM report_day_counts GROUP BY ${key} HAVING ${nonZero}`;
  return deps.db.transaction().execute(async (tx) => {
    await sql`LOCK TABLE dossiers, payments, portal_sync_state, dossier_ratings IN SHARE MODE`.execute(tx);
    await sql`LOCK TABLE report_deltas IN EXCLUSIVE MODE`.execute(tx);
    await sql.raw(`CREATE TEMPORARY TABLE report_days_before ON COMMIT DROP AS ${folded}`).execute(tx);
    for (const statement of REBUILD_REPORT_COUNTS) await sql.raw(statement).execute(tx);
    const changed = await sql
      .raw<{ n: string }>(
        `SELECT count(*) AS n FROM ((SELECT * FROM report_days_before EXCEPT ALL (${folded}))
          UNION ALL ((${folded}) EXCEPT ALL SELECT * FROM report_days_before)) x`,
      )
      .execute(tx);
    const count = async (table: string) =>
      Number((await sql.raw<{ n: string }>(`SELECT count(*) AS n FROM ${table}`).execute(tx)).rows[0]!.n);
    return {
      days: await count('report_days'),
      months: await count('report_months'),
      changed: Number(changed.rows[0]!.n),
    };
  });
}
