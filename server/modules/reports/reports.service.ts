// The leader's overview: per receiving agency in the caller's reach, the month's dossiers by status,
// what is due soon or overdue now, and the month's results early, on time or late — each counted by
// PostgreSQL in one GROUP BY (the same Kysely code on PGlite and PostgreSQL). The definitions are in
// docs/domain/reports.md; the route decides the scope (reports.routes.ts).
import { sql, type RawBuilder } from 'kysely';
import type { Static } from 'typebox';
import type { Deps } from '../../deps.ts';
import type { Grant } from '../../platform/actor.ts';
import { DOSSIER_STATUSES, DOSSIER_STATUS_KEYS } from '../../../common/dossiers/index.ts';
import {
  addWorkingTime,
  defaultOfficeHours,
  type OfficeHours,
  type WorkCalendar,
} from '../../../common/working-time/index.ts';
import { monthRange, onTimeRate, vnMonthOf } from '../../../common/reports/overview.ts';
import { satisfiedRate } from '../../../common/dossiers/ratings.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import type {
  OverviewAgency,
  OverviewAgencyRow,
  OverviewFigures,
  OverviewResponse,
} from '../../../common/contracts/reports.ts';
import { loadCalendar, provinceCodeOf, provincesWithOwnDays } from '../calendar/index.ts';

export type Reach = Pick<Grant, 'agencyPath' | 'unitPath'>;

/** Which agencies the overview counts: reached by one of `reach`, and by `within` when set. */
export type OverviewScope = {
  /** Codes of the agencies the overview starts from, named in the answer. */
  roots: string[];
  /** The caller's grants that may read the overview. */
  reach: Reach[];
  /** One agency asked for (agencyCode): only what it reaches. */
  within: Reach | null;
  /**
   * The map the figures are counted on: `then`, where each dossier was received (the agency of the
   * day); `today`, a closed agency's dossiers counted at its successor in force today (#16.3).
   */
  map?: 'then' | 'today';
};

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
 * The agency a dossier's figures count at: where it was received (`then`), or its final successor
 * (`today`, `successors` from finalSuccessors): a CASE over the few closed agencies, no per-row lookup.
 */
function countedAt(scope: OverviewScope, successors: [string, string][]): RawBuilder<string> {
  if (scope.map !== 'today' || successors.length === 0) return sql<string>`d.received_by_agency_id`;
  const cases = successors.map(([from, to]) => sql`WHEN ${from}::bigint THEN ${to}::bigint`);
  return sql<string>`(CASE d.received_by_agency_id ${sql.join(cases, sql` `)} ELSE d.received_by_agency_id END)`;
}

/** Statuses whose legal clock runs: only these can be due soon or overdue (a paused due time moves). */
const RUNNING = ['received', 'processing'] as const;
const RESULT = ['result-ready', 'returned'] as const;

function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

/** Agency `a` in unit `u` is reached by `r` (org.policy.ts grantReachesAgency, in SQL). */
function reaches(r: Reach): RawBuilder<boolean> {
  return sql<boolean>`(a.path LIKE ${likePrefix(r.agencyPath)} OR (u.path LIKE ${likePrefix(r.unitPath)} AND u.path <> ${r.unitPath}))`;
}

export function inScope(scope: OverviewScope): RawBuilder<boolean> {
  const any =
    scope.reach.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`(${sql.join(scope.reach.map(reaches), sql` OR `)})`;
  return scope.within ? sql<boolean>`(${any} AND ${reaches(scope.within)})` : any;
}

/** The Vietnamese civil day of a timestamptz column (UTC+7, no daylight saving). */
const vnDay = (column: string) => sql`((${sql.ref(column)} AT TIME ZONE 'UTC') + interval '7 hours')::date`;

/**
 * The latest due time that counts as "due soon" now, per competent agency: one working day from now
 * with the agency's office hours (the standard hours unless it keeps its own) and the calendar in force
 * in its province (the national schedule with the province's own days).
 */
async function dueSoonLimit(deps: Deps, now: Date): Promise<RawBuilder<unknown>> {
  const calendars = new Map<string | null, WorkCalendar>();
  const calendarOf = async (province: string | null) => {
    let calendar = calendars.get(province);
    if (!calendar) {
      calendar = (await loadCalendar(deps, { province })).calendar;
      calendars.set(province, calendar);
    }
    return calendar;
  };
  const until = (calendar: WorkCalendar, hours: OfficeHours) =>
    addWorkingTime(now, { value: 1, unit: 'working-day' }, calendar, { hours, explain: false }).dueAt;
  const standard = until(await calendarOf(null), defaultOfficeHours());
  const agency = sql.ref<string>('d.competent_agency_id');
  // Provinces with days of their own: the others work by the national schedule alone.
  const provinces = await provincesWithOwnDays(deps.db);
  const byProvince = await Promise.all(
    provinces.map(
      async (p) => sql`WHEN ${p} THEN ${until(await calendarOf(p), defaultOfficeHours())}::timestamptz`,
    ),
  );
  const otherwise =
    byProvince.length === 0
      ? sql`${standard}::timestamptz`
      : sql`(CASE ${provinceCodeOf(agency)} ${sql.join(byProvince, sql` `)} ELSE ${standard}::timestamptz END)`;
  const own = await deps.db
    .selectFrom('office_hours as h')
    .select(['h.agency_id', 'h.hours', provinceCodeOf(sql.ref<string>('h.agency_id')).as('province')])
    .execute();
  if (own.length === 0) return otherwise;
  const cases = await Promise.all(
    own.map(
      async (r) =>
        sql`WHEN ${r.agency_id}::bigint THEN ${until(await calendarOf(r.province), r.hours)}::timestamptz`,
    ),
  );
  return sql`(CASE d.competent_agency_id ${sql.join(cases, sql` `)} ELSE ${otherwise} END)`;
}

type Counts = Record<string, string | number | null>;

function figuresOf(r: Counts): OverviewFigures {
  const n = (key: string) => Number(r[key] ?? 0);
  const byStatus = DOSSIER_STATUS_KEYS.map((status, i) => ({
    status,
    code: DOSSIER_STATUSES[status].code,
    label: DOSSIER_STATUSES[status].label,
    count: n(`s${i}`),
  }));
  const finished = {
    total: n('finished'),
    early: n('early'),
    onTime: n('on_time'),
    late: n('late'),
    noDueTime: n('no_due'),
  };
  return {
    inPeriod: byStatus.reduce((sum, s) => sum + s.count, 0),
    byStatus,
    dueSoon: n('due_soon'),
    overdue: n('overdue'),
    finished,
    onTimeRate: onTimeRate(finished),
    ...satisfactionOf({
      verySatisfied: n('very_satisfied'),
      satisfied: n('satisfied'),
      unsatisfied: n('unsatisfied'),
    }),
  };
}

function satisfactionOf(satisfaction: OverviewFigures['satisfaction']) {
  return { satisfaction, satisfiedRate: satisfiedRate(satisfaction) };
}

function sumFigures(rows: OverviewFigures[]): OverviewFigures {
  const byStatus = DOSSIER_STATUS_KEYS.map((status, i) => ({
    status,
    code: DOSSIER_STATUSES[status].code,
    label: DOSSIER_STATUSES[status].label,
    count: rows.reduce((sum, r) => sum + r.byStatus[i]!.count, 0),
  }));
  const total = (pick: (f: OverviewFigures) => number) => rows.reduce((sum, r) => sum + pick(r), 0);
  const finished = {
    total: total((f) => f.finished.total),
    early: total((f) => f.finished.early),
    onTime: total((f) => f.finished.onTime),
    late: total((f) => f.finished.late),
    noDueTime: total((f) => f.finished.noDueTime),
  };
  return {
    inPeriod: total((f) => f.inPeriod),
    byStatus,
    dueSoon: total((f) => f.dueSoon),
    overdue: total((f) => f.overdue),
    finished,
    onTimeRate: onTimeRate(finished),
    ...satisfactionOf({
      verySatisfied: total((f) => f.satisfaction.verySatisfied),
      satisfied: total((f) => f.satisfaction.satisfied),
      unsatisfied: total((f) => f.satisfaction.unsatisfied),
    }),
  };
}

const civilDate = vnDate;

export async function getOverview(
  deps: Deps,
  scope: OverviewScope,
  monthAsked: string | undefined,
): Promise<Static<typeof OverviewResponse>> {
  const now = deps.clock.now();
  const month = monthAsked ?? vnMonthOf(now);
  const { from, to } = monthRange(month);
  const [fromIso, toIso, nowIso] = [from.toISOString(), to.toISOString(), now.toISOString()];
  const limit = await dueSoonLimit(deps, now);
  const counted = countedAt(scope, scope.map === 'today' ? await finalSuccessors(deps) : []);

  const submittedInMonth = sql`(d.submitted_at >= ${fromIso}::timestamptz AND d.submitted_at < ${toIso}::timestamptz)`;
  const running = sql`(d.status IN (${sql.join([...RUNNING])}) AND d.due_at IS NOT NULL)`;
  const resultInMonth = sql`(d.status IN (${sql.join([...RESULT])}) AND d.result_at >= ${fromIso}::timestamptz AND d.result_at < ${toIso}::timestamptz)`;
  // Ratings count in the month they were given, whenever the dossier was submitted or decided.
  const ratedInMonth = sql`(r.rated_at >= ${fromIso}::timestamptz AND r.rated_at < ${toIso}::timestamptz)`;
  const count = (alias: string, condition: RawBuilder<unknown>) =>
    sql<string>`count(*) FILTER (WHERE ${condition})`.as(alias);

  const rows = await deps.db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', (j) => j.on(sql<boolean>`a.agency_id = ${counted}`))
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .leftJoin('dossier_ratings as r', 'r.dossier_id', 'd.dossier_id')
    .where(inScope(scope))
    .where(sql<boolean>`(${submittedInMonth} OR ${running} OR ${resultInMonth} OR ${ratedInMonth})`)
    .groupBy(['a.agency_id', 'a.code', 'a.name', 'u.name', 'u.path'])
    .select(['a.code', 'a.name', 'u.name as unit_name'])
    .select([
      ...DOSSIER_STATUS_KEYS.map((s, i) => count(`s${i}`, sql`d.status = ${s} AND ${submittedInMonth}`)),
      count('overdue', sql`${running} AND d.due_at < ${nowIso}::timestamptz`),
      count('due_soon', sql`${running} AND d.due_at >= ${nowIso}::timestamptz AND d.due_at <= ${limit}`),
      count('finished', resultInMonth),
      count('no_due', sql`${resultInMonth} AND d.due_at IS NULL`),
      count('late', sql`${resultInMonth} AND d.result_at > d.due_at`),
      count(
        'on_time',
        sql`${resultInMonth} AND d.result_at <= d.due_at AND ${vnDay('d.result_at')} = ${vnDay('d.due_at')}`,
      ),
      count('early', sql`${resultInMonth} AND ${vnDay('d.result_at')} < ${vnDay('d.due_at')}`),
      count('very_satisfied', sql`${ratedInMonth} AND r.level = 'very-satisfied'`),
      count('satisfied', sql`${ratedInMonth} AND r.level = 'satisfied'`),
      count('unsatisfied', sql`${ratedInMonth} AND r.level = 'unsatisfied'`),
    ])
    .orderBy('u.path')
    .orderBy('a.code')
    .execute();

  const agencies: OverviewAgencyRow[] = rows.map((r) => ({
    agency: { code: r.code, name: r.name, unitName: r.unit_name },
    figures: figuresOf(r as unknown as Counts),
  }));

  // Agencies with a one-stop desk, valid in the month: the ones expected to receive dossiers.
  const [firstDay, nextFirstDay] = [civilDate(from), civilDate(to)];
  const deskAgencies = deps.db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .where(inScope(scope))
    .where(sql<boolean>`EXISTS (SELECT 1 FROM desks k WHERE k.agency_id = a.agency_id)`)
    .where((eb) => eb.or([eb('a.valid_from', 'is', null), eb('a.valid_from', '<', nextFirstDay)]))
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', firstDay)]));
  const [withDesk, without, roots] = await Promise.all([
    deskAgencies.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    deskAgencies
      .where(
        sql<boolean>`NOT EXISTS (SELECT 1 FROM dossiers d WHERE ${counted} = a.agency_id AND ${submittedInMonth})`,
      )
      .select(['a.code', 'a.name', 'u.name as unit_name'])
      .orderBy('u.path')
      .orderBy('a.code')
      .execute(),
    deps.db
      .selectFrom('agencies as a')
      .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
      .select(['a.code', 'a.name', 'u.name as unit_name'])
      .where('a.code', 'in', scope.roots)
      .orderBy('u.path')
      .orderBy('a.code')
      .execute(),
  ]);
  const agency = (r: { code: string; name: string; unit_name: string }): OverviewAgency => ({
    code: r.code,
    name: r.name,
    unitName: r.unit_name,
  });

  return {
    month,
    from: fromIso,
    to: toIso,
    asOf: nowIso,
    scope: roots.map(agency),
    totals: sumFigures(agencies.map((a) => a.figures)),
    agencies,
    agenciesWithDesk: Number(withDesk.n),
    agenciesWithoutDossiers: without.map(agency),
  };
}
