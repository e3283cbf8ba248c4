// The KPI and 766 pages' addresses, periods and numbers apart from React, tested (kpis-model.test.ts).
import { DATE_PATTERN } from '../../../common/reports/ii06a.ts';
import { AGENCY_CODE } from '../../../common/org/code-patterns.ts';
import { withQuery } from '../../app/http.ts';
import { PATHS } from '../../app/paths.ts';

const DATE = new RegExp(DATE_PATTERN);

export type ReportAddress = { from: string; to: string; agencyCode: string | undefined };

/** The current month to `today` (a Vietnamese civil date). */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

/** `?tu=2026-11-01&den=2026-11-30&co-quan=H26.104`; anything else falls back to this month. */
export function readReportAddress(search: string, today: string): ReportAddress {
  const p = new URLSearchParams(search);
  const from = p.get('tu');
  const to = p.get('den');
  const agency = p.get('co-quan');
  const fallback = defaultPeriod(today);
  const ok = (d: string | null): d is string => d !== null && DATE.test(d);
  const both = ok(from) && ok(to) && from <= to;
  return {
    from: both ? from : fallback.from,
    to: both ? to : fallback.to,
    agencyCode: agency !== null && AGENCY_CODE.test(agency) ? agency : undefined,
  };
}

export function reportHref(path: string, a: ReportAddress): string {
  return withQuery(path, { tu: a.from, den: a.to, 'co-quan': a.agencyCode });
}

/**
 * A report as a file (`format=xlsx|pdf`): the API address the page reads (`from`, `to`, `agencyCode`),
 * so the file holds the figures on screen. The KPI, 766 and adoption pages' downloads.
 */
export function reportFileHref(
  path: string,
  q: { from: string; to: string; agencyCode?: string | undefined },
  format: 'xlsx' | 'pdf',
): string {
  return withQuery(path, { from: q.from, to: q.to, agencyCode: q.agencyCode, format });
}

/** The drill page for an API list (only the reports' own lists are followed). */
export function drillHref(link: string, back: string): string {
  return withQuery(PATHS.reportDrill, { nguon: link, ve: back });
}

export const isReportList = (link: string | null): link is string =>
  link !== null &&
  /^\/api\/v1\/reports\/(kpis\/dossiers|kpis\/procedures|ii06a\/dossiers)\?[^#]*$/.test(link);

/** A back link: only a page of the reports area. */
export const isReportPage = (link: string | null): link is string =>
  link !== null && link.startsWith('/bao-cao') && !link.startsWith('//');

/** A share as a percentage with one decimal: 0.6667 → "66,7 %" (vi). */
export function percentFormat(locale: string): (v: number | null, none: string) => string {
  const f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return (v, none) => (v === null ? none : f.format(v));
}

/** Points with at most two decimals: 16.44 → "16,44". */
export function pointsFormat(locale: string): (v: number) => string {
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (v) => f.format(v);
}

/** A target typed as a percentage ("95", "95,5") as a share; null when not 0–100. */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  const v = Number(t);
  return v >= 0 && v <= 100 ? Math.round(v * 100) / 10_000 : null;
}

/** A share shown as a percentage to type over: 0.955 → "95.5". */
export const percentText = (share: number): string => String(Math.round(share * 10_000) / 100);

/** YYYY-MM-DD → dd/mm/yyyy. */
export const civilText = (date: string): string => date.split('-').reverse().join('/');
