// The adoption monitor (issue "Steering by figures", item 5; docs/domain/reports.md, "Adoption
// monitor"): who is not using the system, who was asked to explain, who answered and who is late.
// Isomorphic: the server reads the count tables with the period's slices and judges with the verdict
// and the state below; the web shows the same words and builds the period picker's dates with them.
import type { Role } from '../auth/roles.ts';
import { vnDate } from '../time/vn-time.ts';
import { DATE_PATTERN, namedPeriod, nextDay, previousDay } from './ii06a.ts';

/** `using`: something received or resolved; `not-using`: nothing, no reason recorded; `zero-explained`: nothing, with a reason. */
export const ADOPTION_VERDICTS = ['using', 'not-using', 'zero-explained'] as const;
export type AdoptionVerdict = (typeof ADOPTION_VERDICTS)[number];

/** An explanation request: waiting (due day not past), late (unanswered after its due day), answered. */
export const EXPLANATION_STATES = ['awaiting', 'late', 'answered'] as const;
export type ExplanationState = (typeof EXPLANATION_STATES)[number];

/** Who records a reason for a legitimate zero (Không phát sinh hồ sơ): an agency's or the province's administrator. */
export const ZERO_REASON_ROLES: readonly Role[] = ['unit-admin', 'province-admin'];
/** Who asks an agency to explain (yêu cầu giải trình): the province's administrator. */
export const EXPLANATION_REQUESTER_ROLES: readonly Role[] = ['province-admin'];
/** Who answers for an agency: a leader holding the role at that very agency. */
export const EXPLANATION_ANSWER_ROLES: readonly Role[] = ['leader'];

/** The months of the trend: the period's last month and the eleven before it. */
export const TREND_MONTHS = 12;

/** Years a report period may name (PostgreSQL and the calendars hold them; year 0 does not exist). */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

const DATE = new RegExp(DATE_PATTERN);

/** `YYYY-MM-DD` naming a day that exists (no 30 February) in the years a report may name. */
export function isCivilDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  if (y < FIRST_YEAR || y > LAST_YEAR) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export type FieldProblem = { path: string; message: string };

/**
 * What is wrong with a period's days, one problem per field (`<where>/from`, `<where>/to`): a day
 * that does not exist, or an end before the start.
 */
export function periodProblems(
  period: { from: string; to: string },
  where: 'query' | 'body',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const bad = `Ngày không có thật hoặc ngoài các năm ${FIRST_YEAR}–${LAST_YEAR}; nhập theo dạng YYYY-MM-DD.`;
  if (!isCivilDate(period.from)) problems.push({ path: `${where}/from`, message: bad });
  if (!isCivilDate(period.to)) problems.push({ path: `${where}/to`, message: bad });
  else if (problems.length === 0 && period.to < period.from)
    problems.push({ path: `${where}/to`, message: 'Ngày cuối kỳ phải không trước ngày đầu kỳ.' });
  return problems;
}

/** `2026-11` → `2026-12`; `n` months later (earlier when negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const lastDayOf = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return namedPeriod('month', y, m).to;
};

/**
 * How a period is read from the count tables: its whole months from report_months (`months`, first
 * and last `YYYY-MM`, or null) and the days before and after them from report_days (`days`, ranges
 * of civil days, both ends included).
 */
export function periodSlices(
  from: string,
  to: string,
): { months: { first: string; last: string } | null; days: [string, string][] } {
  const first = from.endsWith('-01') ? from.slice(0, 7) : addMonths(from.slice(0, 7), 1);
  const last = to === lastDayOf(to.slice(0, 7)) ? to.slice(0, 7) : addMonths(to.slice(0, 7), -1);
  if (first > last) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < `${first}-01`) days.push([from, previousDay(`${first}-01`)]);
  const end = lastDayOf(last);
  if (to > end) days.push([nextDay(end), to]);
  return { months: { first, last }, days };
}

/** The trend's months, oldest first: the month of `to` and the eleven before it (`YYYY-MM`). */
export function trendMonths(to: string): string[] {
  const lastMonth = to.slice(0, 7);
  return Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(lastMonth, i - TREND_MONTHS + 1));
}

/**
 * Not using the system: nothing received and nothing resolved in the period — unless a reason for a
 * legitimate zero covers the period ("Không phát sinh hồ sơ").
 */
export function adoptionVerdict(
  figures: { received: number; resolved: number },
  zeroReasonRecorded: boolean,
): AdoptionVerdict {
  if (figures.received > 0 || figures.resolved > 0) return 'using';
  return zeroReasonRecorded ? 'zero-explained' : 'not-using';
}

/**
 * Where a request stands on `today` (a Vietnamese civil day): answered; late once its due day has
 * passed without an answer (the due day itself is still in time); else awaiting.
 */
export function explanationState(
  e: { dueOn: string; answeredAt: string | null },
  today: string,
): ExplanationState {
  if (e.answeredAt !== null) return 'answered';
  return today > e.dueOn ? 'late' : 'awaiting';
}

/** Answered after its due day (a Vietnamese civil day): the answer came, but late. */
export function answeredLate(e: { dueOn: string; answeredAt: string | null }): boolean {
  return e.answeredAt !== null && vnDate(new Date(e.answeredAt)) > e.dueOn;
}
