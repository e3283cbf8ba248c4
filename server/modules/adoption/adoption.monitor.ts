// The adoption monitor (GET /api/v1/reports/adoption): per agency with a one-stop desk in the caller's
// scope, grouped by administrative unit, what it received, resolved and returned in a period, how its
// staff signed in and acted, the share of its procedures that had a dossier, the verdict "not using the
// system" (or a reason for a legitimate zero), the requests to explain, and a 12-month trend. Received
// and resolved are read from the counts (report_month_counts for the whole months, report_day_counts
// for the days at the edges), never from the dossiers; docs/domain/reports.md, "Adoption monitor".
import { sql, type RawBuilder } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { vnDate, vnMidnight } from '../../../common/time/vn-time.ts';
import { nextDay, periodLabel } from '../../../common/reports/ii06a.ts';
import {
  adoptionVerdict,
  periodSlices,
  trendMonths,
  TREND_MONTHS,
} from '../../../common/reports/adoption.ts';
import type {
  AdoptionAgency,
  AdoptionAgencyBrief,
  AdoptionGroup,
  AdoptionResponse,
  ExplanationView,
  ZeroReasonView,
} from '../../../common/contracts/report-adoption.ts';
import { unitTrails } from '../org/index.ts';
import { finalSuccessors, inScope, type OverviewScope } from '../reports/index.ts';
import { explanationsOf } from './adoption.explanations.ts';
import { zeroReasonsCovering } from './adoption.zero-reasons.ts';
import { loadStaffActivity, type StaffActivity } from './adoption.staff.ts';
import { firstReceived, movedInAgencies, type MovedIn } from './adoption.moved-in.ts';

export type AdoptionPeriod = { from: string; to: string };
type MapKind = 'then' | 'today';

/** The agency a count row of `column` counts at: itself (`then`), or its final successor (`today`). */
function countedAt(column: string, successors: [string, string][]): RawBuilder<string> {
  if (successors.length === 0) return sql<string>`${sql.ref(column)}`;
  const cases = successors.map(([from, to]) => sql`WHEN ${from}::bigint THEN ${to}::bigint`);
  return sql<string>`(CASE ${sql.ref(column)} ${sql.join(cases, sql` `)} ELSE ${sql.ref(column)} END)`;
}

const RECEIVED = sql`(r.received_online + r.received_direct)`;
const RESOLVED = sql`(r.resolved_early + r.resolved_on_time + r.resolved_late + r.resolved_withdrawn + r.resolved_no_due)`;

type Activity = { received: number; resolved: number };

/**
 * Received and resolved in the period per agency in scope and procedure (every slot summed): the
 * system's own, the counts less what applied imports brought (moved_in_counts: a legacy system's
 * dossiers are not use of this one), and what they brought apart (`imported`).
 */
async function activity(
  deps: Deps,
  scope: OverviewScope,
  input: { period: AdoptionPeriod; at: RawBuilder<string> },
) {
  const { from, to } = input.period;
  const { months, days } = periodSlices(from, to);
  const parts: RawBuilder<unknown>[] = [];
  const columns = sql`r.agency_id, r.procedure_code, ${RECEIVED} AS received, ${RESOLVED} AS resolved,
    0 AS imported_received, 0 AS imported_resolved`;
  if (months)
    parts.push(sql`SELECT ${columns} FROM report_month_counts r
      WHERE r.month BETWEEN ${`${months.first}-01`}::date AND ${`${months.last}-01`}::date`);
  for (const [a, b] of days)
    parts.push(sql`SELECT ${columns} FROM report_day_counts r WHERE r.day BETWEEN ${a}::date AND ${b}::date`);
  parts.push(sql`SELECT m.agency_id, m.procedure_code, -m.received, -m.resolved, m.received, m.resolved
    FROM moved_in_counts m WHERE m.day BETWEEN ${from}::date AND ${to}::date`);
  const { rows } = await sql<{
    agency_id: string;
    procedure_code: string;
    received: string;
    resolved: string;
    imported_received: string;
    imported_resolved: string;
  }>`
    SELECT a.agency_id, r.procedure_code, sum(r.received) AS received, sum(r.resolved) AS resolved,
      sum(r.imported_received) AS imported_received, sum(r.imported_resolved) AS imported_resolved
    FROM (${sql.join(parts, sql` UNION ALL `)}) r
    JOIN agencies a ON a.agency_id = ${input.at}
    JOIN units u ON u.unit_id = a.unit_id
    WHERE ${inScope(scope)}
    GROUP BY a.agency_id, r.procedure_code
    HAVING sum(r.received) <> 0 OR sum(r.resolved) <> 0 OR sum(r.imported_received) <> 0
      OR sum(r.imported_resolved) <> 0`.execute(deps.db);
  const byAgency = new Map<string, { total: Activity; imported: Activity; procedures: Set<string> }>();
  for (const r of rows) {
    const entry = byAgency.get(r.agency_id) ?? {
      total: { received: 0, resolved: 0 },
      imported: { received: 0, resolved: 0 },
      procedures: new Set(),
    };
    entry.total.received += Number(r.received);
    entry.total.resolved += Number(r.resolved);
    entry.imported.received += Number(r.imported_received);
    entry.imported.resolved += Number(r.imported_resolved);
    if (Number(r.received) > 0 || Number(r.resolved) > 0) entry.procedures.add(r.procedure_code);
    byAgency.set(r.agency_id, entry);
  }
  return byAgency;
}

/** Received and resolved per agency in scope and month of the trend (report_month_counts), imports left out. */
async function trend(deps: Deps, scope: OverviewScope, input: { months: string[]; at: RawBuilder<string> }) {
  const first = `${input.months[0]}-01`;
  const last = `${input.months.at(-1)}-01`;
  const { rows } = await sql<{ agency_id: string; month: string; received: string; resolved: string }>`
    SELECT a.agency_id, to_char(r.month, 'YYYY-MM') AS month, sum(r.received) AS received, sum(r.resolved) AS resolved
    FROM (
      SELECT r.agency_id, r.month, ${RECEIVED} AS received, ${RESOLVED} AS resolved
      FROM report_month_counts r WHERE r.month BETWEEN ${first}::date AND ${last}::date
      UNION ALL
      SELECT m.agency_id, date_trunc('month', m.day)::date, -m.received, -m.resolved FROM moved_in_counts m
      WHERE m.day >= ${first}::date AND m.day < (${last}::date + interval '1 month')
    ) r
    JOIN agencies a ON a.agency_id = ${input.at}
    JOIN units u ON u.unit_id = a.unit_id
    WHERE ${inScope(scope)}
    GROUP BY a.agency_id, r.month`.execute(deps.db);
  const byAgency = new Map<string, { received: number[]; resolved: number[] }>();
  for (const r of rows) {
    const i = input.months.indexOf(r.month);
    if (i < 0) continue;
    const entry = byAgency.get(r.agency_id) ?? {
      received: new Array<number>(TREND_MONTHS).fill(0),
      resolved: new Array<number>(TREND_MONTHS).fill(0),
    };
    entry.received[i] = Math.max(0, Number(r.received));
    entry.resolved[i] = Math.max(0, Number(r.resolved));
    byAgency.set(r.agency_id, entry);
  }
  return byAgency;
}

/** Results returned in the period (the return action), per agency in scope where it was done. */
async function returned(
  deps: Deps,
  scope: OverviewScope,
  input: { period: AdoptionPeriod; at: RawBuilder<string> },
) {
  const { rows } = await sql<{ agency_id: string; n: string }>`
    SELECT a.agency_id, count(*) AS n
    FROM dossier_actions x
    JOIN agencies a ON a.agency_id = ${input.at}
    JOIN units u ON u.unit_id = a.unit_id
    WHERE x.kind = 'return-result'
      AND x.at >= ${vnMidnight(input.period.from).toISOString()}::timestamptz
      AND x.at < ${vnMidnight(nextDay(input.period.to)).toISOString()}::timestamptz
      AND ${inScope(scope)}
    GROUP BY a.agency_id`.execute(deps.db);
  return new Map(rows.map((r) => [r.agency_id, Number(r.n)]));
}

/**
 * The agencies expected to use the system: in scope, with a one-stop desk (or, closed, whose desk went
 * to a successor), valid with their unit in the period (`then`), or in force today and valid in the
 * period or the successor of an agency (`today`).
 */
async function deskAgencies(
  deps: Deps,
  scope: OverviewScope,
  input: { period: AdoptionPeriod; today: string },
) {
  const { from, to } = input.period;
  const desk = sql<boolean>`(EXISTS (SELECT 1 FROM desks k WHERE k.agency_id = a.agency_id)
    OR EXISTS (SELECT 1 FROM agency_successions s JOIN desks k ON k.agency_id = s.successor_id
      WHERE s.predecessor_id = a.agency_id))`;
  // The agency and its unit (an agency of a unit formed on 1/7/2025 carries no dates of its own).
  const startedBy = (day: string) =>
    sql<boolean>`((a.valid_from IS NULL OR a.valid_from <= ${day}::date) AND (u.valid_from IS NULL OR u.valid_from <= ${day}::date))`;
  const endsOnOrAfter = (day: string) =>
    sql<boolean>`((a.valid_to IS NULL OR a.valid_to >= ${day}::date) AND (u.valid_to IS NULL OR u.valid_to >= ${day}::date))`;
  const valid =
    scope.map === 'today'
      ? sql<boolean>`(${startedBy(input.today)} AND ${endsOnOrAfter(input.today)} AND (${startedBy(to)}
          OR EXISTS (SELECT 1 FROM agency_successions s WHERE s.successor_id = a.agency_id)))`
      : sql<boolean>`(${startedBy(to)} AND ${endsOnOrAfter(from)})`;
  return agencyRows(deps, sql<boolean>`${inScope(scope)} AND ${desk} AND ${valid}`);
}

async function agencyRows(deps: Deps, where: RawBuilder<boolean>) {
  return deps.db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select([
      'a.agency_id',
      'a.code',
      'a.name',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.path as unit_path',
    ])
    .where(where)
    .orderBy('u.path')
    .orderBy('a.code')
    .execute();
}

type AgencyRow = Awaited<ReturnType<typeof agencyRows>>[number];

/** The procedures each agency offers (catalogue offerings), by code. */
async function offerings(deps: Deps, agencyIds: string[]): Promise<Map<string, string[]>> {
  if (agencyIds.length === 0) return new Map();
  const rows = await deps.db
    .selectFrom('procedure_offerings as o')
    .innerJoin('procedures as p', 'p.procedure_id', 'o.procedure_id')
    .select(['o.agency_id', 'p.code'])
    .where('o.agency_id', 'in', agencyIds)
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.agency_id, [...(out.get(r.agency_id) ?? []), r.code]);
  return out;
}

/** The lists behind the figures: II.06a's dossiers of a cell, the agency's staff, its procedures. */
function drills(period: AdoptionPeriod & { map: MapKind }, code: string) {
  const ii06a = (cell: string) =>
    `/api/v1/reports/ii06a/dossiers?${new URLSearchParams({ ...period, agencyCode: code, groupBy: 'agency', key: code, cell }).toString()}`;
  const of = (path: string) => `${path}?${new URLSearchParams({ agencyCode: code }).toString()}`;
  return {
    received: ii06a('received.inPeriod'),
    resolved: ii06a('resolved.total'),
    staff: of('/api/v1/staff'),
    procedures: of('/api/v1/procedures'),
  };
}

const NO_STAFF: StaffActivity = { total: 0, signedIn: 0, signIns: 0, actions: 0 };

/** Never below zero, should the counts and what the imports brought ever disagree. */
const nonNegative = (f: Activity): Activity => ({
  received: Math.max(0, f.received),
  resolved: Math.max(0, f.resolved),
});

const earliest = (days: (string | null)[]): string | null =>
  days.reduce<string | null>((min, d) => (d !== null && (min === null || d < min) ? d : min), null);

/** A unit's moving in: its agencies' together (the first import, all their dossiers, the earliest day). */
function unitMovedIn(agencies: AdoptionAgency[]): Pick<AdoptionGroup, 'movedIn' | 'firstReceivedOn'> {
  const moved = agencies.flatMap((a) => (a.movedIn ? [a.movedIn] : []));
  const firstReceivedOn = earliest(agencies.map((a) => a.firstReceivedOn));
  if (moved.length === 0) return { movedIn: null, firstReceivedOn };
  const movedIn: MovedIn = {
    since: earliest(moved.map((m) => m.since))!,
    dossiers: moved.reduce((n, m) => n + m.dossiers, 0),
    historyFrom: earliest(moved.map((m) => m.historyFrom))!,
  };
  return { movedIn, firstReceivedOn };
}
const zeros = () => new Array<number>(TREND_MONTHS).fill(0);

export async function getAdoption(
  deps: Deps,
  actor: Actor,
  scope: OverviewScope & { map: MapKind },
  period: AdoptionPeriod,
): Promise<AdoptionResponse> {
  const now = deps.clock.now();
  const today = vnDate(now);
  const months = trendMonths(period.to);
  const successors = scope.map === 'today' ? await finalSuccessors(deps) : [];
  const counted = countedAt('r.agency_id', successors);
  const actedAt = countedAt('x.agency_id', successors);
  const [byActivity, byTrend, byReturned, listed, roots, movedIn] = await Promise.all([
    activity(deps, scope, { period, at: counted }),
    trend(deps, scope, { months, at: counted }),
    returned(deps, scope, { period, at: actedAt }),
    deskAgencies(deps, scope, { period, today }),
    agencyRows(deps, sql<boolean>`a.code IN (${sql.join(scope.roots)})`),
    movedInAgencies(deps, scope, countedAt('r.agency_id', successors)),
  ]);
  // Agencies with figures but no desk now (a desk closed since) are listed too: rows add up to totals.
  const extra = [...new Set([...byActivity.keys(), ...byReturned.keys()])].filter(
    (id) => !listed.some((a) => a.agency_id === id),
  );
  const agencies =
    extra.length === 0
      ? listed
      : [...listed, ...(await agencyRows(deps, sql<boolean>`a.agency_id IN (${sql.join(extra)})`))].sort(
          (x, y) =>
            x.unit_path === y.unit_path ? x.code.localeCompare(y.code) : x.unit_path < y.unit_path ? -1 : 1,
        );
  const ids = agencies.map((a) => a.agency_id);
  const brief = new Map<string, AdoptionAgencyBrief>(
    agencies.map((a) => [a.agency_id, { code: a.code, name: a.name, unitName: a.unit_name }]),
  );
  const [offered, staff, reasons, explanations, trails, firsts] = await Promise.all([
    offerings(deps, ids),
    loadStaffActivity(deps, {
      agencyIds: ids,
      from: vnMidnight(period.from),
      to: vnMidnight(nextDay(period.to)),
    }),
    zeroReasonsCovering(deps, { agencyIds: ids, period, brief }),
    explanationsOf(deps, actor, { agencyIds: ids, period }),
    unitTrails(
      deps.db,
      agencies.map((a) => a.unit_path),
      scope.map === 'today' ? today : period.to,
    ),
    firstReceived(deps, scope, { agencyIds: ids, at: counted }),
  ]);

  const mapView = { ...period, map: scope.map };
  const present = (a: AgencyRow): AdoptionAgency => {
    const act = byActivity.get(a.agency_id);
    const figures = nonNegative(act?.total ?? { received: 0, resolved: 0 });
    const moved = movedIn.get(a.agency_id);
    const codes = offered.get(a.agency_id) ?? [];
    const used = codes.filter((c) => act?.procedures.has(c)).length;
    const reason: ZeroReasonView | null = reasons.get(a.agency_id) ?? null;
    const d = drills(mapView, a.code);
    return {
      code: a.code,
      name: a.name,
      verdict: adoptionVerdict(figures, reason !== null),
      received: { value: figures.received, drill: d.received },
      resolved: { value: figures.resolved, drill: d.resolved },
      returned: { value: byReturned.get(a.agency_id) ?? 0, drill: null },
      staff: { ...(staff.get(a.agency_id) ?? NO_STAFF), drill: d.staff },
      procedures: {
        offered: codes.length,
        used,
        share: codes.length === 0 ? null : used / codes.length,
        drill: d.procedures,
      },
      zeroReason: reason,
      explanations: explanations.get(a.agency_id) ?? [],
      trend: byTrend.get(a.agency_id) ?? { received: zeros(), resolved: zeros() },
      movedIn: moved
        ? { ...moved, inPeriod: nonNegative(act?.imported ?? { received: 0, resolved: 0 }) }
        : null,
      firstReceivedOn: firsts.get(a.agency_id) ?? null,
    };
  };

  // The agencies come in the order of the tree (unit path): one group per unit.
  const groups: AdoptionGroup[] = [];
  let groupPath: string | null = null;
  for (const a of agencies) {
    if (a.unit_path !== groupPath) {
      groups.push({
        unit: { code: a.unit_code, name: a.unit_name },
        trail: trails.get(a.unit_path) ?? [],
        agencies: [],
        movedIn: null,
        firstReceivedOn: null,
      });
      groupPath = a.unit_path;
    }
    groups.at(-1)!.agencies.push(present(a));
  }
  for (const g of groups) Object.assign(g, unitMovedIn(g.agencies));
  const all = groups.flatMap((g) => g.agencies);
  const requests: ExplanationView[] = all.flatMap((a) => a.explanations);
  const sum = (pick: (a: AdoptionAgency) => number) => all.reduce((n, a) => n + pick(a), 0);
  const sumTrend = (pick: (a: AdoptionAgency) => number[]) =>
    months.map((_, i) => all.reduce((n, a) => n + pick(a)[i]!, 0));
  return {
    from: period.from,
    to: period.to,
    periodLabel: periodLabel(period.from, period.to),
    asOf: now.toISOString(),
    today,
    map: scope.map,
    scope: roots.map((r) => ({ code: r.code, name: r.name, unitName: r.unit_name })),
    months,
    totals: {
      agencies: all.length,
      using: all.filter((a) => a.verdict === 'using').length,
      notUsing: all.filter((a) => a.verdict === 'not-using').length,
      zeroExplained: all.filter((a) => a.verdict === 'zero-explained').length,
      received: sum((a) => a.received.value),
      resolved: sum((a) => a.resolved.value),
      returned: sum((a) => a.returned.value),
      requests: requests.length,
      answered: requests.filter((e) => e.state === 'answered').length,
      late: requests.filter((e) => e.state === 'late').length,
      trend: { received: sumTrend((a) => a.trend.received), resolved: sumTrend((a) => a.trend.resolved) },
      movedIn: all.filter((a) => a.movedIn !== null).length,
      movedInNotUsing: all.filter((a) => a.movedIn !== null && a.verdict === 'not-using').length,
    },
    groups,
  };
}
