// The reports' own navigation, at the top of each report page: the overview, Biểu II.06a, the KPIs,
// the Decision 766 index and the adoption monitor; the page shown is marked, not linked.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PATHS } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { kpiMessages } from './kpi-messages.ts';

export function ReportsNav() {
  const { t, lang } = useI18n();
  const { location } = useRouter();
  const k = kpiMessages(lang).nav;
  const items = [
    [PATHS.reports, t.reports.nav],
    [PATHS.reportIi06a, t.ii06a.nav],
    [PATHS.reportKpis, k.kpis],
    [PATHS.report766, k.index766],
    [PATHS.adoption, t.adoption.nav],
    [PATHS.reportFeedback, t.nav.feedback],
  ] as const;
  return (
    <nav className="reports-nav" aria-label={t.ii06a.reportsNav}>
      <ul>
        {items.map(([path, label]) => (
          <li key={path}>
            {location.pathname === path ? (
              <span aria-current="page">{label}</span>
            ) : (
              <Link to={path}>{label}</Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
