// Biểu số II.06a/VPCP/KSTT and II.06b: the 13 columns per agency, unit, field, procedure or level for
// any period, read from the report counts (report-counts.ts), never from the dossiers; and the dossiers
// behind any figure (the drill-down), listed from the dossiers by the same rules (common/reports/ii06a.ts,
// docs/domain/reports.md, "Biểu II.06a").
import { sql, type RawBuilder } from 'kysely';
import type { Deps } from '../../deps.ts';
import {
  II06A_CELLS,
  nextDay,
  periodLabel,
  previousDay,
  zeroFigures,
  addFigures,
  type Ii06aCell,
  type Ii06aFigures,
  type Ii06aGroup,
  type Ii06aRules,
} from '../../../common/reports/ii06a.ts';
import type { Ii06aDrillResponse, Ii06aResponse, Ii06aRow } from '../../../common/contracts/report-ii06a.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { RESOLVED_AT, procedureNames, toDrillItem } from './dossier-list.ts';
import { countRows, countedAt, finalSuccessors, inScope, vnDay } from './report-counts.ts';
import type { OverviewScope } from './reports.service.ts';

export type Ii06aAsk = {
  from: string;
  to: string;
  groupBy: Ii06aGroup;
  rules: Ii06aRules;
  /** The query string the drill links repeat (period, scope, grouping, rules). */
  drillBase: string;
};

/** The last day whose due times count as passed: the period's end, or yesterday for a period reaching today. */
export function cutOffOf(to: string, now: Date): string {
  const today = vnDate(now);
  return to < today ? to : previousDay(today);
}

const NO_FIELD = 'Chưa xác định lĩnh vực';
const LEVEL_NAMES: Record<string, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};
const LEVEL_ORDER = ['province', 'district', 'commune'];

/** The level of agency `a` in unit `u`: the province's, a district's (before 1/7/2025) or a commune's. */
const levelOf = sql<string>`(CASE WHEN u.level = 1 THEN 'province'
  WHEN u.level = 2 AND u.type IN ('Quận', 'Huyện', 'Thị xã', 'Thành phố') THEN 'district' ELSE 'commune' END)`;

/** The row key and name of a grouping, over agency `a`, unit `u` and procedure names `pf` (by code `procedure`). */
function grouping(
  groupBy: Ii06aGroup,
  procedure: RawBuilder<string>,
): { key: RawBuilder<string>; name: RawBuilder<string> } {
  switch (groupBy) {
    case 'agency':
      return { key: sql`a.code`, name: sql`a.name` };
    case 'unit':
      return { key: sql`u.code`, name: sql`u.name` };
    case 'field':
      return { key: sql`coalesce(pf.field_name, '')`, name: sql`coalesce(pf.field_name, '')` };
    case 'procedure':
      return { key: procedure, name: sql`coalesce(pf.name, ${procedure})` };
    case 'level':
      return { key: levelOf, name: levelOf };
  }
}

const n = (v: unknown): number => Number(v ?? 0);

export async function getIi06a(
  deps: Deps,
  scope: OverviewScope,
  ask: Ii06aAsk,
): Promise<Omit<Ii06aResponse, 'scope'>> {
  const now = deps.clock.now();
  const { from, to, groupBy, rules } = ask;
  const cut = cutOffOf(to, now);
  const successors = scope.map === 'today' ? await finalSuccessors(deps) : [];
  const counted = countedAt(scope, successors, 'r.agency_id');
  const { key, name } = grouping(groupBy, sql`r.procedure_code`);
  const inPeriod = sql`r.at >= ${from}::date`;
  const before = sql`r.at < ${from}::date`;
  const dueBy = sql`r.at < ${nextDay(cut)}::date`;
  const resolvedAll = sql`(r.resolved_early + r.resolved_on_time + r.resolved_late + r.resolved_withdrawn + r.resolved_no_due)`;
  const received = sql`(r.received_online + r.received_direct)`;
  const sum = (expr: RawBuilder<unknown>, alias: string, filter?: RawBuilder<unknown>) =>
    (filter ? sql`sum(${expr}) FILTER (WHERE ${filter})` : sql`sum(${expr})`).as(alias);
  const rows = await deps.db
    .selectFrom(countRows(to, [from, nextDay(cut)]).as('r'))
    .innerJoin('agencies as a', (j) => j.on(sql<boolean>`a.agency_id = ${counted}`))
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .leftJoin(procedureNames.as('pf'), (j) => j.on(sql<boolean>`pf.code = r.procedure_code`))
    .where(inScope(scope))
    .select([key.as('key'), name.as('name')])
    .select([
      sum(sql`r.received_online`, 'online', inPeriod),
      sum(sql`r.received_direct`, 'direct', inPeriod),
      sum(received, 'received_before', before),
      sum(resolvedAll, 'resolved_before', before),
      sum(sql`r.resolved_early`, 'early', inPeriod),
      sum(sql`r.resolved_on_time + r.resolved_no_due`, 'on_time', inPeriod),
      sum(sql`r.resolved_late`, 'late', inPeriod),
      sum(sql`r.late_same_day`, 'late_same_day', inPeriod),
      sum(sql`r.resolved_withdrawn`, 'withdrawn', inPeriod),
      sum(received, 'received_all'),
      sum(resolvedAll, 'resolved_all'),
      sum(sql`r.due - r.due_met - r.due_passed_closed`, 'overdue', dueBy),
      // Resolved after the cut-off (today, for a period reaching today) past a due day before it.
      sum(sql`r.due_passed_closed - r.due_passed_same_day`, 'overdue_closed_since', sql`NOT ${dueBy}`),
    ])
    .groupBy([key, name])
    .execute();

  const figures = (r: Record<string, unknown>): Ii06aFigures => {
    const f = zeroFigures();
    const sameDay = rules.late === 'day' ? n(r['late_same_day']) : 0;
    f.received.online = n(r['online']);
    f.received.directOrPostal = n(r['direct']);
    f.received.carriedOver = n(r['received_before']) - n(r['resolved_before']);
    f.received.total = f.received.online + f.received.directOrPostal + f.received.carriedOver;
    f.resolved.early = n(r['early']);
    f.resolved.onTime = n(r['on_time']) + sameDay + (rules.withdrawn === 'on-time' ? n(r['withdrawn']) : 0);
    f.resolved.late = n(r['late']) - sameDay;
    f.resolved.total = f.resolved.early + f.resolved.onTime + f.resolved.late;
    f.inProgress.total = n(r['received_all']) - n(r['resolved_all']);
    f.inProgress.overdue = n(r['overdue']) - n(r['overdue_closed_since']);
    f.inProgress.withinLimit = f.inProgress.total - f.inProgress.overdue;
    return f;
  };
  const drillOf = (rowKey: string | null) =>
    `/api/v1/reports/ii06a/dossiers?${ask.drillBase}${rowKey === null ? '' : `&key=${encodeURIComponent(rowKey)}`}`;
  const out: Ii06aRow[] = rows
    .map((r) => ({ key: String(r.key), name: String(r.name), f: figures(r as Record<string, unknown>) }))
    .filter(({ f }) => f.received.total > 0 || f.resolved.total > 0 || f.inProgress.total > 0)
    .map(({ key: k, name: label, f }) => ({
      key: k,
      name: groupBy === 'level' ? LEVEL_NAMES[k]! : groupBy === 'field' && k === '' ? NO_FIELD : label,
      ...f,
      drill: drillOf(k),
    }))
    .sort((x, y) =>
      groupBy === 'level'
        ? LEVEL_ORDER.indexOf(x.key) - LEVEL_ORDER.indexOf(y.key)
        : x.name.localeCompare(y.name, 'vi') || x.key.localeCompare(y.key),
    );
  const total = out.reduce<Ii06aFigures>((acc, r) => addFigures(acc, r), zeroFigures());
  return {
    from,
    to,
    asOf: now.toISOString(),
    periodLabel: periodLabel(from, to),
    groupBy,
    rules,
    map: scope.map ?? 'today',
    rows: out,
    total: { ...total, drill: drillOf(null) },
  };
}

/** The SQL condition of one cell over dossier `d` (common/reports/ii06a.ts countDossier, in SQL). */
function cellCondition(
  cell: Ii06aCell | 'received.inPeriod',
  ask: Ii06aAsk,
  cut: string,
): RawBuilder<boolean> {
  const { from, to, rules } = ask;
  const R = vnDay('d.received_at');
  const S = RESOLVED_AT;
  const SD = vnDay(S);
  const DD = vnDay('d.due_at');
  const withdrawn = sql`d.status IN ('withdrawn', 'stopped')`;
  const open = sql`(${S} IS NULL OR ${SD} > ${to}::date)`;
  const resolvedIn = sql`(${S} IS NOT NULL AND ${SD} >= ${from}::date AND ${SD} <= ${to}::date)`;
  const lateBy = rules.late === 'time' ? sql`true` : sql`${SD} > ${DD}`;
  const late = sql`(NOT ${withdrawn} AND d.due_at IS NOT NULL AND ${S} > d.due_at AND ${lateBy})`;
  const early = sql`(NOT ${withdrawn} AND d.due_at IS NOT NULL AND ${S} <= d.due_at AND ${SD} < ${DD})`;
  const onTime = sql`((NOT ${withdrawn} AND NOT ${late} AND NOT ${early}) OR (${withdrawn} AND ${rules.withdrawn === 'on-time'}))`;
  const overdue = sql`(d.due_at IS NOT NULL AND ${DD} <= ${cut}::date)`;
  const conditions: Record<Ii06aCell | 'received.inPeriod', RawBuilder<unknown>> = {
    'received.inPeriod': sql`${R} >= ${from}::date`,
    'received.online': sql`${R} >= ${from}::date AND d.channel = 'online'`,
    'received.directOrPostal': sql`${R} >= ${from}::date AND d.channel <> 'online'`,
    'received.carriedOver': sql`${R} < ${from}::date AND (${S} IS NULL OR ${SD} >= ${from}::date)`,
    'received.total': sql`(${R} >= ${from}::date OR ${S} IS NULL OR ${SD} >= ${from}::date)`,
    'resolved.total': sql`${resolvedIn} AND (${early} OR ${late} OR ${onTime})`,
    'resolved.early': sql`${resolvedIn} AND ${early}`,
    'resolved.onTime': sql`${resolvedIn} AND ${onTime}`,
    'resolved.late': sql`${resolvedIn} AND ${late}`,
    'inProgress.total': open,
    'inProgress.withinLimit': sql`${open} AND NOT ${overdue}`,
    'inProgress.overdue': sql`${open} AND ${overdue}`,
  };
  return sql<boolean>`(d.received_at IS NOT NULL AND d.status NOT IN ('submitted', 'refused') AND ${R} <= ${to}::date AND ${conditions[cell]})`;
}

export async function getIi06aDossiers(
  deps: Deps,
  scope: OverviewScope,
  ask: Ii06aAsk & {
    cell: Ii06aCell | 'received.inPeriod';
    key: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<Ii06aDrillResponse> {
  const cut = cutOffOf(ask.to, deps.clock.now());
  const successors = scope.map === 'today' ? await finalSuccessors(deps) : [];
  const counted = countedAt(scope, successors, 'd.received_by_agency_id');
  const { key } = grouping(ask.groupBy, sql`d.procedure_code`);
  const base = deps.db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', (j) => j.on(sql<boolean>`a.agency_id = ${counted}`))
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .leftJoin(procedureNames.as('pf'), (j) => j.on(sql<boolean>`pf.code = d.procedure_code`))
    .where(inScope(scope))
    .where(cellCondition(ask.cell, ask, cut))
    .$if(ask.key !== undefined, (q) => q.where(sql<boolean>`${key} = ${ask.key}`));
  const [count, items] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    base
      .select([
        'd.code',
        'd.procedure_code',
        'd.status',
        'd.channel',
        'd.received_at',
        'd.due_at',
        'a.code as agency_code',
        'a.name as agency_name',
        sql<string | null>`pf.name`.as('procedure_name'),
        sql<string | null>`d.applicant->>'fullName'`.as('applicant_name'),
        RESOLVED_AT.as('resolved_at'),
      ])
      .orderBy('d.received_at')
      .orderBy('d.code')
      .limit(ask.pageSize)
      .offset((ask.page - 1) * ask.pageSize)
      .execute(),
  ]);
  const column = II06A_CELLS.find((c) => c.cell === ask.cell) ?? {
    column: null,
    label: 'Số mới tiếp nhận trong kỳ (cột 4 và 5)',
  };
  return {
    cell: ask.cell,
    column: column.column,
    label: column.label,
    total: Number(count.n),
    page: ask.page,
    pageSize: ask.pageSize,
    items: items.map(toDrillItem),
  };
}
