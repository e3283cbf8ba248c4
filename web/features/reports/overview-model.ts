// The overview page's address, numbers and agencies apart from React (overview-page.tsx), tested.
import { DOSSIER_STATUSES } from '../../../common/dossiers/statuses.ts';
import { MONTH_PATTERN, OVERVIEW_ROLES } from '../../../common/reports/overview.ts';
import type { Role } from '../../../common/auth/roles.ts';
import { withQuery } from '../../app/http.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { PATHS } from '../../app/paths.ts';
import type { Overview, OverviewFigures } from './reports-api.ts';
import { AGENCY_CODE } from '../../../common/org/code-patterns.ts';

export const MONTH = new RegExp(MONTH_PATTERN);

// Bars and slices: dark enough for 3:1 against white (WCAG 1.4.11), told apart by the legend too.
export const COLORS = {
  primary: '#0a4a86',
  early: '#1b6b2b',
  onTime: '#0a4a86',
  late: '#b3261e',
  none: '#6b7685',
  dueSoon: '#a05a00',
};

export type OverviewAddress = { month: string | undefined; agencyCode: string | undefined };

/** `?thang=2026-11&co-quan=000.12.22.H26`; anything else in them is left out. */
export function readOverviewQuery(search: string): OverviewAddress {
  const p = new URLSearchParams(search);
  const month = p.get('thang');
  const agencyCode = p.get('co-quan');
  return {
    month: month !== null && MONTH.test(month) ? month : undefined,
    agencyCode: agencyCode !== null && AGENCY_CODE.test(agencyCode) ? agencyCode : undefined,
  };
}

export function overviewHref(query: OverviewAddress): string {
  return withQuery(PATHS.reports, { thang: query.month, 'co-quan': query.agencyCode });
}

export function statusLabel(t: Messages, status: keyof typeof DOSSIER_STATUSES): string {
  return t.lang === 'vi' ? DOSSIER_STATUSES[status].label : DOSSIER_STATUSES[status].englishLabel;
}

export const isEmpty = (f: OverviewFigures): boolean =>
  f.inPeriod === 0 && f.finished.total === 0 && f.dueSoon === 0 && f.overdue === 0;

export type Formats = {
  n: (v: number) => string;
  rate: (v: number | null) => string;
  /** The satisfied share with the number of ratings it is out of: "75 % (4)". */
  satisfied: (x: OverviewFigures) => string;
};

export function formatsFor(t: Messages): Formats {
  const number = new Intl.NumberFormat(t.time.numberLocale);
  const percent = new Intl.NumberFormat(t.time.numberLocale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    n: (v) => number.format(v),
    rate: (v) => (v === null ? t.reports.noRate : percent.format(v)),
    satisfied: (x) => {
      const rated = x.satisfaction.verySatisfied + x.satisfaction.satisfied + x.satisfaction.unsatisfied;
      return x.satisfiedRate === null
        ? t.reports.noRate
        : t.reports.outOf(percent.format(x.satisfiedRate), number.format(rated));
    },
  };
}

type Agency = { code: string; name: string };

/** The agencies the user leads (each once), and the one asked for when it is not one of them. */
export function agencyOptions(
  roles: readonly { role: Role; agencyCode: string; agencyName: string }[],
  data: Pick<Overview, 'scope'> | undefined,
  asked: string | undefined,
): Agency[] {
  const list: Agency[] = [];
  for (const r of roles) {
    if (OVERVIEW_ROLES.includes(r.role) && !list.some((a) => a.code === r.agencyCode))
      list.push({ code: r.agencyCode, name: r.agencyName });
  }
  const one = data?.scope.length === 1 && asked ? data.scope[0]! : null;
  if (one && !list.some((a) => a.code === one.code)) list.push({ code: one.code, name: one.name });
  return list;
}
