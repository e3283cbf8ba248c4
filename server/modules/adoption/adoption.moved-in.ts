// Moving in, as the adoption monitor shows it (issue "Moving in", item 5): which agencies in scope have
// their history from a legacy system (moved_in_agencies: the applied imports that wrote dossiers
// received there, when, how many, from how far back), and the first day each received a dossier in
// this system itself — the report counts' receptions less those the imports brought
// (moved_in_counts), the first month with one found on report_months, its day on report_days. Both
// are as of now, whatever the period; both count at the receiving agency of the day, or at its final
// successor (`at`, as the monitor's figures). docs/domain/reports.md, "Adoption monitor".
import { sql, type RawBuilder } from 'kysely';
import type { Deps } from '../../deps.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { inScope, type OverviewScope } from '../reports/index.ts';

export type MovedIn = { since: string; dossiers: number; historyFrom: string };

/** Per agency in scope that has moved in: the first applied import's day, its dossiers, how far back. */
export async function movedInAgencies(
  deps: Deps,
  scope: OverviewScope,
  at: RawBuilder<string>,
): Promise<Map<string, MovedIn>> {
  const { rows } = await sql<{ agency_id: string; since: Date; dossiers: string; history_from: Date }>`
    SELECT a.agency_id, min(r.first_imported_at) AS since, sum(r.dossiers) AS dossiers,
      min(r.history_from) AS history_from
    FROM moved_in_agencies r
    JOIN imports i ON i.import_id = r.import_id AND NOT i.dry_run
    JOIN agencies a ON a.agency_id = ${at}
    JOIN units u ON u.unit_id = a.unit_id
    WHERE ${inScope(scope)}
    GROUP BY a.agency_id`.execute(deps.db);
  return new Map(
    rows.map((r) => [
      r.agency_id,
      {
        since: vnDate(new Date(r.since)),
        dossiers: Number(r.dossiers),
        historyFrom: vnDate(new Date(r.history_from)),
      },
    ]),
  );
}

const RECEIVED = sql`(r.received_online + r.received_direct)`;

/**
 * Per agency of `agencyIds` (in scope), the first civil day it received a dossier in this system: the
 * first month whose receptions outnumber those imports brought, then that month's first such day.
 */
export async function firstReceived(
  deps: Deps,
  scope: OverviewScope,
  input: { agencyIds: string[]; at: RawBuilder<string> },
): Promise<Map<string, string>> {
  if (input.agencyIds.length === 0) return new Map();
  const ids = sql.join(input.agencyIds);
  const { rows } = await sql<{ agency_id: string; day: string }>`
    WITH own_months AS (
      SELECT a.agency_id, r.month
      FROM (
        SELECT r.agency_id, r.month, ${RECEIVED} AS n FROM report_month_counts r
        UNION ALL
        SELECT m.agency_id, date_trunc('month', m.day)::date, -m.received FROM moved_in_counts m
      ) r
      JOIN agencies a ON a.agency_id = ${input.at}
      JOIN units u ON u.unit_id = a.unit_id
      WHERE a.agency_id IN (${ids}) AND ${inScope(scope)}
      GROUP BY a.agency_id, r.month HAVING sum(r.n) > 0
    ), first_months AS (
      SELECT agency_id, min(month) AS month FROM own_months GROUP BY agency_id
    ), own_days AS (
      SELECT f.agency_id, r.day
      FROM (
        SELECT r.agency_id, r.day, ${RECEIVED} AS n FROM report_day_counts r
        WHERE r.day >= (SELECT min(month) FROM first_months)
        UNION ALL
        SELECT m.agency_id, m.day, -m.received FROM moved_in_counts m
        WHERE m.day >= (SELECT min(month) FROM first_months)
      ) r
      JOIN first_months f ON f.agency_id = ${input.at} AND date_trunc('month', r.day)::date = f.month
      GROUP BY f.agency_id, r.day HAVING sum(r.n) > 0
    )
    SELECT agency_id, to_char(min(day), 'YYYY-MM-DD') AS day FROM own_days GROUP BY agency_id`.execute(
    deps.db,
  );
  return new Map(rows.map((r) => [r.agency_id, r.day]));
}
