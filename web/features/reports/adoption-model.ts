// The adoption monitor's address and period picker apart from React (adoption-page.tsx), tested: the
// period lives in the address as civil days (?tu=YYYY-MM-DD&den=YYYY-MM-DD&co-quan=), the picker
// offers a month, a quarter, a year or two days, and shows back whichever a period is.
import { isCivilDate } from '../../../common/reports/adoption.ts';
import { namedPeriod } from '../../../common/reports/ii06a.ts';
import { AGENCY_CODE } from '../../../common/org/code-patterns.ts';
import { vnCivil } from '../../../common/time/vn-time.ts';
import { withQuery } from '../../app/http.ts';
import { PATHS } from '../../app/paths.ts';

export type AdoptionAddress = { from: string; to: string; agencyCode: string | undefined };

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The picker's fields as typed: a month `YYYY-MM`, a quarter 1–4 with its year, a year, two days. */
export type PeriodForm = {
  kind: PeriodKind;
  month: string;
  quarter: string;
  year: string;
  from: string;
  to: string;
};

export type PeriodProblem = {
  field: 'month' | 'year' | 'from' | 'to';
  problem: 'month' | 'year' | 'date' | 'order';
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

/** This month in Vietnam, whole. */
export function thisMonth(now = new Date()): { from: string; to: string } {
  const c = vnCivil(now);
  return namedPeriod('month', c.year, c.month);
}

/** `?tu=&den=&co-quan=`: a period of real days in order, else this month; an agency code or none. */
export function readAdoptionQuery(search: string, now = new Date()): AdoptionAddress {
  const p = new URLSearchParams(search);
  const from = p.get('tu') ?? '';
  const to = p.get('den') ?? '';
  const agencyCode = p.get('co-quan');
  const period = isCivilDate(from) && isCivilDate(to) && from <= to ? { from, to } : thisMonth(now);
  return {
    ...period,
    agencyCode: agencyCode !== null && AGENCY_CODE.test(agencyCode) ? agencyCode : undefined,
  };
}

export function adoptionHref(a: AdoptionAddress): string {
  return withQuery(PATHS.adoption, { tu: a.from, den: a.to, 'co-quan': a.agencyCode });
}

/** The picker showing a period: the month, quarter or year it is exactly, else its two days. */
export function formOfPeriod(from: string, to: string): PeriodForm {
  const [y, m] = from.split('-').map(Number) as [number, number];
  const form: PeriodForm = {
    kind: 'range',
    month: from.slice(0, 7),
    quarter: String(Math.floor((m - 1) / 3) + 1),
    year: String(y),
    from,
    to,
  };
  const is = (p: { from: string; to: string }) => p.from === from && p.to === to;
  if (is(namedPeriod('month', y, m))) return { ...form, kind: 'month' };
  if (is(namedPeriod('quarter', y, Number(form.quarter)))) return { ...form, kind: 'quarter' };
  if (is(namedPeriod('year', y))) return { ...form, kind: 'year' };
  return form;
}

/** The period the picker's fields name, or what is wrong with them (one problem per field). */
export function periodOfForm(f: PeriodForm): { from: string; to: string } | { problems: PeriodProblem[] } {
  if (f.kind === 'month') {
    const m = MONTH.exec(f.month.trim());
    if (!m || !isCivilDate(`${m[1]}-${m[2]}-01`)) return { problems: [{ field: 'month', problem: 'month' }] };
    return namedPeriod('month', Number(m[1]), Number(m[2]));
  }
  if (f.kind === 'quarter' || f.kind === 'year') {
    const year = f.year.trim();
    if (!YEAR.test(year) || !isCivilDate(`${year}-01-01`))
      return { problems: [{ field: 'year', problem: 'year' }] };
    return f.kind === 'year'
      ? namedPeriod('year', Number(year))
      : namedPeriod('quarter', Number(year), Math.min(4, Math.max(1, Number(f.quarter) || 1)));
  }
  const problems: PeriodProblem[] = [];
  if (!isCivilDate(f.from)) problems.push({ field: 'from', problem: 'date' });
  if (!isCivilDate(f.to)) problems.push({ field: 'to', problem: 'date' });
  else if (problems.length === 0 && f.to < f.from) problems.push({ field: 'to', problem: 'order' });
  return problems.length > 0 ? { problems } : { from: f.from, to: f.to };
}

/** `2026-11` → `11/2026`, the trend's month as the table and the chart say it. */
export const monthText = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** `2026-11-04` → `04/11/2026`. */
export const dayText = (day: string): string => day.split('-').reverse().join('/');

/** The share of offered procedures that had a dossier, as a whole percent, or null. */
export const percent = (share: number | null): string | null =>
  share === null ? null : `${Math.round(share * 100)} %`;
