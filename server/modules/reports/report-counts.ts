// Reading the report counts (report_days, report_months; kept by the triggers of migration
// 20261210000000_report-counts): a period reads each whole month from report_months and the days of the
// months a boundary cuts from report_days, so a year costs twelve rows per agency and procedure, not 365.
// Every report of issue "Steering by figures" reads through here.
import { sql, type RawBuilder } from 'kysely';
import type { Deps } from '../../deps.ts';
import {
  REBUILD_REPORT_COUNTS,
  REPORT_COUNT_COLUMNS,
} from '../../db/migrations/20261210000000_report-counts.ts';
import { nextDay } from '../../../common/reports/ii06a.ts';
import type { OverviewScope, Reach } from './reports.service.ts';

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
  const wholeMonths = sql`SELECT agency_id, procedure_code, month AS at, ${cols} FROM report_months
    WHERE month < ${end}::date${cut.length > 0 ? sql` AND month NOT IN (${sql.join(cut.map((m) => sql`${m}::date`))})` : sql``}`;
  if (cut.length === 0) return sql`(${wholeMonths})`;
  const days = sql.join(
    cut.map((m) => sql`(day >= ${m}::date AND day < (${m}::date + interval '1 month')::date)`),
    sql` OR `,
  );
  return sql`(${wholeMonths} UNION ALL SELECT agency_id, procedure_code, day AS at, ${cols} FROM report_days
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

/**
 * Recounts report_days and report_months from the dossiers and ratings (npm run cli --
 * reports:rebuild), in one transaction that holds off writes to the counted tables meanwhile; answers
 * how many (agency, procedure, day) rows the rebuild changed: 0 when the triggers had kept them exact.
 */
export async function rebuildReportCounts(
  deps: Deps,
): Promise<{ days: number; months: number; changed: number }> {
  const key = 'agency_id, procedure_code, day';
  const sums = REPORT_COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ');
  const nonZero = REPORT_COUNT_COLUMNS.map((c) => `sum(${c}) <> 0`).join(' OR ');
  const folded = `SELECT ${key}, ${sums} FROM report_days GROUP BY ${key} HAVING ${nonZero}`;
  return deps.db.transaction().execute(async (tx) => {
    await sql`LOCK TABLE dossiers, payments, portal_sync_state, dossier_ratings IN SHARE MODE`.execute(tx);
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
