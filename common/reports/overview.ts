// The leader's overview (docs/domain/reports.md): who may read it, the month it covers and the on-time
// rate. Isomorphic: the server counts with it, the web shows the link and the month picker with it.
import type { Role } from '../auth/roles.ts';
import { vnDate, vnInstant, vnMonth } from '../time/vn-time.ts';

/** Roles that read the overview of the agencies they reach (desk officers and specialists do not). */
export const OVERVIEW_ROLES: readonly Role[] = ['leader', 'unit-admin', 'province-admin', 'auditor'];

/** `YYYY-MM`, January to December. */
export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

/** The Vietnamese civil month `at` falls in: `2026-11`. */
export const vnMonthOf = (at: Date): string => vnMonth(at);

/** [from, to) of a `YYYY-MM` month in Vietnamese civil time, as instants (a month starts at 00:00 UTC+7). */
export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: vnInstant({ year: y, month: m, day: 1 }), to: vnInstant({ year: y, month: m + 1, day: 1 }) };
}

export type FinishedSplit = { early: number; onTime: number; late: number };

/**
 * Share of the judged results that came early or on time: (early + onTime) / (early + onTime + late);
 * null when nothing was judged. Results without a due time (a procedure without a time limit) are not
 * judged, so they are not in the split.
 */
export function onTimeRate(f: FinishedSplit): number | null {
  const judged = f.early + f.onTime + f.late;
  return judged === 0 ? null : (f.early + f.onTime) / judged;
}

/** How a result came against its due time (kết quả trước hạn / đúng hạn / quá hạn). */
export const RESULT_VERDICTS = ['early', 'on-time', 'late'] as const;
export type ResultVerdict = (typeof RESULT_VERDICTS)[number];

/**
 * The verdict of a result, by the rule the overview counts with (reports.service.ts) and the national
 * reports use (legal-notes §4.1 r.12 and Biểu II.06a: trước hạn NgayTra < NgayHenTra, đúng hạn =,
 * quá hạn >): the result's time against the original due time (an apology's new appointment does not
 * change it, legal-notes §4.1 r.10). Late when after the due time; early when on an earlier Vietnamese
 * civil day; otherwise on time (the due day itself, not after the due time). Null without a result or a
 * due time (a procedure without a time limit is not judged).
 */
export function resultVerdict(
  resultAt: Date | string | null,
  dueAt: Date | string | null,
): ResultVerdict | null {
  if (resultAt === null || dueAt === null) return null;
  const result = new Date(resultAt).getTime();
  const due = new Date(dueAt).getTime();
  if (result > due) return 'late';
  return vnDate(result) < vnDate(due) ? 'early' : 'on-time';
}
