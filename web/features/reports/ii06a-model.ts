// Biểu II.06a's addresses apart from React (ii06a-page.tsx, ii06a-drill-page.tsx), tested: the page's
// search params (Vietnamese slugs, as officers share them) ⇄ the report's choices ⇄ the API's query;
// the named periods (month, quarter, half, year) the picker offers; the drill-down's address built from
// the `drill` URL the server gives each row.
import { AGENCY_CODE } from '../../../common/org/code-patterns.ts';
import { II06A_CELLS, namedPeriod, type Ii06aCell, type Ii06aGroup } from '../../../common/reports/ii06a.ts';
import { vnCivil } from '../../../common/time/vn-time.ts';
import { withQuery } from '../../app/http.ts';
import { PATHS } from '../../app/paths.ts';

export type Ii06aChoices = {
  from: string;
  to: string;
  agencyCode: string | undefined;
  groupBy: Ii06aGroup;
  map: 'today' | 'then';
  late: 'time' | 'day';
  withdrawn: 'on-time' | 'excluded';
};

/** The report's query as the API takes it (GET /api/v1/reports/ii06a). */
export type Ii06aApiQuery = Ii06aChoices & { format?: 'xlsx' | 'pdf' };

export type DrillAddress = {
  report: Ii06aChoices;
  /** The row's key; undefined: the total row. */
  key: string | undefined;
  cell: Ii06aCell;
  page: number;
};

/** Each value of a choice and its slug in the page's address; the first is the default. */
const SLUGS = {
  groupBy: [
    ['agency', 'co-quan'],
    ['unit', 'don-vi'],
    ['field', 'linh-vuc'],
    ['procedure', 'thu-tuc'],
    ['level', 'cap'],
  ],
  map: [
    ['today', 'hien-nay'],
    ['then', 'khi-tiep-nhan'],
  ],
  late: [
    ['time', 'theo-gio'],
    ['day', 'theo-ngay'],
  ],
  withdrawn: [
    ['on-time', 'dung-han'],
    ['excluded', 'khong-tinh'],
  ],
} as const;

type Choice = keyof typeof SLUGS;
/** The address's parameter of each choice. */
const PARAM: Record<Choice, string> = { groupBy: 'nhom', map: 'ban-do', late: 'qua-han', withdrawn: 'rut' };

function readChoice<C extends Choice>(p: URLSearchParams, choice: C): Ii06aChoices[C] {
  const pairs = SLUGS[choice] as readonly (readonly [string, string])[];
  const slug = p.get(PARAM[choice]);
  return (pairs.find(([, s]) => s === slug) ?? pairs[0]!)[0] as Ii06aChoices[C];
}

/** The slug of a choice, or undefined for the default (the address stays short). */
function slugOf(choice: Choice, value: string): string | undefined {
  const pairs = SLUGS[choice] as readonly (readonly [string, string])[];
  const i = pairs.findIndex(([v]) => v === value);
  return i <= 0 ? undefined : pairs[i]![1];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real civil date `YYYY-MM-DD`. */
export function isCivilDate(d: string): boolean {
  if (!DAY.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
}

/** The quarter that holds `now` in Vietnam: the report's default period. */
export function currentQuarter(now: Date = new Date()): { from: string; to: string } {
  const c = vnCivil(now);
  return namedPeriod('quarter', c.year, Math.floor((c.month - 1) / 3) + 1);
}

/** `?tu=&den=&co-quan=&nhom=&ban-do=&qua-han=&rut=`; a missing or broken period is the current quarter. */
export function readIi06aAddress(search: string, now: Date = new Date()): Ii06aChoices {
  const p = new URLSearchParams(search);
  const from = p.get('tu') ?? '';
  const to = p.get('den') ?? '';
  const period = isCivilDate(from) && isCivilDate(to) && from <= to ? { from, to } : currentQuarter(now);
  const agency = p.get('co-quan');
  return {
    ...period,
    agencyCode: agency !== null && AGENCY_CODE.test(agency) ? agency : undefined,
    groupBy: readChoice(p, 'groupBy'),
    map: readChoice(p, 'map'),
    late: readChoice(p, 'late'),
    withdrawn: readChoice(p, 'withdrawn'),
  };
}

function addressQuery(c: Ii06aChoices): Record<string, string | undefined> {
  return {
    tu: c.from,
    den: c.to,
    'co-quan': c.agencyCode,
    nhom: slugOf('groupBy', c.groupBy),
    'ban-do': slugOf('map', c.map),
    'qua-han': slugOf('late', c.late),
    rut: slugOf('withdrawn', c.withdrawn),
  };
}

export function ii06aHref(c: Ii06aChoices): string {
  return withQuery(PATHS.reportIi06a, addressQuery(c));
}

export function apiQuery(c: Ii06aChoices): Ii06aApiQuery {
  return { ...c };
}

/** The statutory file of the same report: "Tải Excel (.xlsx)", "Tải PDF". */
export function exportHref(c: Ii06aChoices, format: 'xlsx' | 'pdf'): string {
  return withQuery('/api/v1/reports/ii06a', { ...c, format });
}

/** The column (3–13) of a cell, as the form numbers it and as the drill-down's address names it. */
export const columnOf = (cell: Ii06aCell): number => II06A_CELLS.find((c) => c.cell === cell)!.column;

/**
 * The drill-down page of one figure: from the row's `drill` URL (the server's, with the period,
 * scope, grouping, rules and row key it counted with) and the cell, the web address
 * `/bao-cao/ii06a/ho-so?…&dong=<key>&cot=<column>`.
 */
export function drillHref(drill: string, cell: Ii06aCell, page = 1): string {
  const q = new URLSearchParams(drill.split('?')[1] ?? '');
  const report = readApiChoices(q);
  return withQuery(PATHS.reportIi06aDossiers, {
    ...addressQuery(report),
    dong: q.get('key') ?? undefined,
    cot: String(columnOf(cell)),
    trang: page > 1 ? String(page) : undefined,
  });
}

/** The choices in an API query string (a `drill` URL's). */
function readApiChoices(q: URLSearchParams): Ii06aChoices {
  const pick = <C extends Choice>(choice: C, name: string): Ii06aChoices[C] => {
    const pairs = SLUGS[choice] as readonly (readonly [string, string])[];
    const value = q.get(name);
    return (pairs.find(([v]) => v === value) ?? pairs[0]!)[0] as Ii06aChoices[C];
  };
  return {
    from: q.get('from') ?? '',
    to: q.get('to') ?? '',
    agencyCode: q.get('agencyCode') ?? undefined,
    groupBy: pick('groupBy', 'groupBy'),
    map: pick('map', 'map'),
    late: pick('late', 'late'),
    withdrawn: pick('withdrawn', 'withdrawn'),
  };
}

/** The drill-down page's address; null when it names no period or no column of the form. */
export function readDrillAddress(search: string): DrillAddress | null {
  const p = new URLSearchParams(search);
  const from = p.get('tu') ?? '';
  const to = p.get('den') ?? '';
  if (!isCivilDate(from) || !isCivilDate(to) || from > to) return null;
  const cell = II06A_CELLS.find((c) => String(c.column) === p.get('cot'))?.cell;
  if (!cell) return null;
  const key = p.get('dong');
  const page = Number(p.get('trang') ?? '1');
  return {
    report: readIi06aAddress(search),
    key: key === null || key === '' ? undefined : key,
    cell,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The drill-down page's address for another page of the same list. */
export function drillPageHref(d: DrillAddress, page: number): string {
  return withQuery(PATHS.reportIi06aDossiers, {
    ...addressQuery(d.report),
    dong: d.key,
    cot: String(columnOf(d.cell)),
    trang: page > 1 ? String(page) : undefined,
  });
}

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'range';
/** A period as the picker shows it: a named one (its kind, year and index) or any days. */
export type PeriodPick = { kind: PeriodKind; year: number; index: number; from: string; to: string };

const COUNTS: Record<Exclude<PeriodKind, 'range' | 'year'>, number> = { month: 12, quarter: 4, half: 2 };

/** The picker's view of a period: the named one it is, else a range of days. */
export function periodPick(from: string, to: string): PeriodPick {
  const year = Number(from.slice(0, 4));
  for (const kind of ['month', 'quarter', 'half', 'year'] as const) {
    const n = kind === 'year' ? 1 : COUNTS[kind];
    for (let index = 1; index <= n; index++) {
      const p = namedPeriod(kind, year, index);
      if (p.from === from && p.to === to) return { kind, year, index, from, to };
    }
  }
  return { kind: 'range', year, index: 1, from, to };
}

/** The days of a picked period; a range keeps its own (checked by `checkRange`). */
export function periodDays(p: PeriodPick): { from: string; to: string } {
  if (p.kind === 'range') return { from: p.from, to: p.to };
  const n = p.kind === 'year' ? 1 : COUNTS[p.kind];
  return namedPeriod(p.kind, p.year, Math.min(Math.max(1, p.index), n));
}

/** How many indexes a kind has (12 months, 4 quarters, 2 halves, 1 year). */
export const indexCount = (kind: PeriodKind): number =>
  kind === 'range' || kind === 'year' ? 1 : COUNTS[kind];

export type RangeProblem = 'from' | 'to' | 'order' | 'length';

/** What is wrong with typed days, as the server would refuse them (at most ten years, from ≤ to). */
export function checkRange(from: string, to: string): RangeProblem[] {
  const problems: RangeProblem[] = [];
  if (!isCivilDate(from)) problems.push('from');
  if (!isCivilDate(to)) problems.push('to');
  if (problems.length > 0) return problems;
  if (from > to) return ['order'];
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= 3660) return ['length'];
  return [];
}

/** The years the picker offers: this year back to 2015 (the calendars' first year). */
export function pickerYears(now: Date = new Date()): number[] {
  const last = vnCivil(now).year;
  return Array.from({ length: last - 2015 + 1 }, (_, i) => last - i);
}
