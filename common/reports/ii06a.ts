// Biểu số II.06a/VPCP/KSTT (and II.06b by level): the counting rules, written once (legal-notes §5 D1;
// docs/domain/reports.md, "Biểu II.06a"). Isomorphic: the server's counts (the report_days/report_months
// triggers, server/db/migrations/20261210000000_report-counts.ts) follow them, the drill-down lists the
// dossiers they count, and the tests recount every cell from dossiers with `countDossier` below.
import { vnDate } from '../time/vn-time.ts';

/** `YYYY-MM-DD`. */
export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';

/** How the rows are grouped: II.06a by agency, unit, field or procedure; II.06b by level. */
export const II06A_GROUPS = ['agency', 'unit', 'field', 'procedure', 'level'] as const;
export type Ii06aGroup = (typeof II06A_GROUPS)[number];

/**
 * The choices the sources leave open (legal-notes D1 is [P]: production practice, unverified against
 * the circular's own guidance), each with the default the report uses:
 * - `late`: `time` (default) — a result after the due time is late, even on the due day; `day` — only a
 *   result on a later civil day is late (the NgayTra > NgayHenTra comparison of the national reports).
 * - `withdrawn`: `on-time` (default) — a withdrawal (rút hồ sơ) or a stop (dừng xử lý) is resolved on
 *   time on the day it closed, as production counts "trả lại/xin rút"; `excluded` — not counted among the
 *   resolved, though still among the received (columns 3–6), and not in progress once closed.
 */
export type Ii06aRules = { late: 'time' | 'day'; withdrawn: 'on-time' | 'excluded' };
export const DEFAULT_II06A_RULES: Ii06aRules = { late: 'time', withdrawn: 'on-time' };

/** The 13 columns' figures (columns 3–13); column 1 is the row number, 2 the row's name. */
export type Ii06aFigures = {
  received: { total: number; online: number; directOrPostal: number; carriedOver: number };
  resolved: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; withinLimit: number; overdue: number };
};

/** Each figure's place in the statutory form, `received.online` → column 4. */
export const II06A_CELLS = [
  { cell: 'received.total', column: 3, label: 'Tổng số hồ sơ tiếp nhận' },
  { cell: 'received.online', column: 4, label: 'Trong kỳ: trực tuyến' },
  { cell: 'received.directOrPostal', column: 5, label: 'Trong kỳ: trực tiếp, dịch vụ bưu chính' },
  { cell: 'received.carriedOver', column: 6, label: 'Từ kỳ trước chuyển sang' },
  { cell: 'resolved.total', column: 7, label: 'Tổng số hồ sơ đã giải quyết' },
  { cell: 'resolved.early', column: 8, label: 'Trước hạn' },
  { cell: 'resolved.onTime', column: 9, label: 'Đúng hạn' },
  { cell: 'resolved.late', column: 10, label: 'Quá hạn' },
  { cell: 'inProgress.total', column: 11, label: 'Tổng số hồ sơ đang giải quyết' },
  { cell: 'inProgress.withinLimit', column: 12, label: 'Trong hạn' },
  { cell: 'inProgress.overdue', column: 13, label: 'Quá hạn' },
] as const;
export type Ii06aCell = (typeof II06A_CELLS)[number]['cell'];
export const II06A_CELL_NAMES = II06A_CELLS.map((c) => c.cell) as readonly Ii06aCell[];

export const zeroFigures = (): Ii06aFigures => ({
  received: { total: 0, online: 0, directOrPostal: 0, carriedOver: 0 },
  resolved: { total: 0, early: 0, onTime: 0, late: 0 },
  inProgress: { total: 0, withinLimit: 0, overdue: 0 },
});

export function addFigures(a: Ii06aFigures, b: Ii06aFigures): Ii06aFigures {
  const out = zeroFigures();
  for (const part of ['received', 'resolved', 'inProgress'] as const) {
    const target = out[part] as Record<string, number>;
    const x = a[part] as Record<string, number>;
    const y = b[part] as Record<string, number>;
    for (const key of Object.keys(target)) target[key] = x[key]! + y[key]!;
  }
  return out;
}

export function cellValue(f: Ii06aFigures, cell: Ii06aCell): number {
  const [part, key] = cell.split('.') as [keyof Ii06aFigures, string];
  return (f[part] as Record<string, number>)[key]!;
}

/** The fields of a dossier the rules read. */
export type CountedDossier = {
  status: string;
  channel: string;
  receivedAt: Date | string | null;
  dueAt: Date | string | null;
  resultAt: Date | string | null;
  closedAt: Date | string | null;
};

const day = (at: Date | string): string => vnDate(new Date(at));
const time = (at: Date | string): number => new Date(at).getTime();

/** A received dossier is counted: received, and neither waiting for reception nor refused at it. */
export function isCounted(d: CountedDossier): boolean {
  return d.receivedAt !== null && d.status !== 'submitted' && d.status !== 'refused';
}

/** When a counted dossier was resolved: its result, or its withdrawal or stop; null while open. */
export function resolvedAt(d: CountedDossier): Date | string | null {
  if (d.status === 'result-ready' || d.status === 'returned') return d.resultAt;
  if (d.status === 'withdrawn' || d.status === 'stopped') return d.closedAt;
  return null;
}

export type Verdict = 'early' | 'on-time' | 'late' | 'withdrawn';

/** How a resolved dossier counts (column 8, 9 or 10), or `withdrawn` for a withdrawal or stop. */
export function verdictOf(d: CountedDossier, rules: Ii06aRules): Verdict | null {
  const at = resolvedAt(d);
  if (at === null) return null;
  if (d.status === 'withdrawn' || d.status === 'stopped') return 'withdrawn';
  // A procedure without a time limit the engine counts: resolved on time.
  if (d.dueAt === null) return 'on-time';
  if (time(at) > time(d.dueAt) && (rules.late === 'time' || day(at) > day(d.dueAt))) return 'late';
  return day(at) < day(d.dueAt) ? 'early' : 'on-time';
}

/** A period: civil days `from`–`to`, both included; `today`, the civil day of "now". */
export type Ii06aPeriod = { from: string; to: string; today: string };

/**
 * Where one dossier counts in a period, or null when it does not: the columns it adds one to.
 * - 4/5: received (received_at) in the period, online or not; 6: received before the period and not
 *   resolved before its first day.
 * - 7–10: resolved in the period (8 before the due day, 9 on it, 10 after the due time; a withdrawal or a
 *   stop on time unless the rules exclude it).
 * - 11–13: received by the period's last day and not resolved by then; 13 when its due day is before the
 *   end of the period's last day (due that day or earlier), or, for a period reaching today or later,
 *   before today: a dossier due today is within its limit until the day ends.
 */
export function countDossier(d: CountedDossier, p: Ii06aPeriod, rules: Ii06aRules): Ii06aCell[] | null {
  if (!isCounted(d)) return null;
  const received = day(d.receivedAt!);
  if (received > p.to) return null;
  const at = resolvedAt(d);
  const verdict = verdictOf(d, rules);
  const excluded = verdict === 'withdrawn' && rules.withdrawn === 'excluded';
  const resolvedDay = at === null ? null : day(at);
  const cells: Ii06aCell[] = [];
  if (received >= p.from) {
    cells.push(d.channel === 'online' ? 'received.online' : 'received.directOrPostal');
  } else if (resolvedDay === null || resolvedDay >= p.from) {
    cells.push('received.carriedOver');
  } else {
    return null;
  }
  cells.push('received.total');
  if (resolvedDay !== null && resolvedDay <= p.to) {
    if (excluded) return cells;
    cells.push('resolved.total');
    cells.push(
      verdict === 'early' ? 'resolved.early' : verdict === 'late' ? 'resolved.late' : 'resolved.onTime',
    );
    return cells;
  }
  cells.push('inProgress.total');
  const cutOff = p.to < p.today ? p.to : previousDay(p.today);
  const overdue = d.dueAt !== null && day(d.dueAt) <= cutOff;
  cells.push(overdue ? 'inProgress.overdue' : 'inProgress.withinLimit');
  return cells;
}

/** The civil day before `date` (`YYYY-MM-DD`). */
export function previousDay(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The civil day after `date`. */
export function nextDay(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Figures of a set of dossiers, recounted one by one (the tests' naive recount; the drill's filter). */
export function countDossiers(
  dossiers: readonly CountedDossier[],
  p: Ii06aPeriod,
  rules: Ii06aRules,
): Ii06aFigures {
  const f = zeroFigures();
  for (const d of dossiers) {
    for (const cell of countDossier(d, p, rules) ?? []) {
      const [part, key] = cell.split('.') as [keyof Ii06aFigures, string];
      (f[part] as Record<string, number>)[key]! += 1;
    }
  }
  return f;
}

/** The form's identities: 3 = 4 + 5 + 6, 7 = 8 + 9 + 10, 11 = 12 + 13. */
export function columnsAddUp(f: Ii06aFigures): boolean {
  return (
    f.received.total === f.received.online + f.received.directOrPostal + f.received.carriedOver &&
    f.resolved.total === f.resolved.early + f.resolved.onTime + f.resolved.late &&
    f.inProgress.total === f.inProgress.withinLimit + f.inProgress.overdue
  );
}

/** A named period of the report: a month, a quarter, a half year, a year (Vietnamese civil dates). */
export function namedPeriod(
  kind: 'month' | 'quarter' | 'half' | 'year',
  year: number,
  index = 1,
): { from: string; to: string } {
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : kind === 'half' ? 6 : 12;
  const first = kind === 'year' ? 1 : (index - 1) * months + 1;
  const last = first + months - 1;
  const end = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(end)}` };
}

/** Vietnamese words for a period, as the form's title block names it: "Quý IV năm 2026". */
export function periodLabel(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number, number];
  const whole = fd === 1 && to === namedPeriod('month', ty, tm).to;
  if (whole && fy === ty) {
    const months = tm - fm + 1;
    if (months === 1) return `Tháng ${fm} năm ${fy}`;
    if (months === 3 && fm % 3 === 1) return `Quý ${['I', 'II', 'III', 'IV'][(fm - 1) / 3]} năm ${fy}`;
    if (months === 6 && (fm === 1 || fm === 7)) return `6 tháng ${fm === 1 ? 'đầu' : 'cuối'} năm ${fy}`;
    if (months === 12) return `Năm ${fy}`;
  }
  const vn = (d: string) => d.split('-').reverse().join('/');
  return `Từ ngày ${vn(from)} đến ngày ${vn(to)}`;
}
