// The reports' own navigation, at the top of each report page: the overview, Biểu II.06a and the
// adoption monitor.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PATHS } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';

export function ReportsNav() {
  const { t } = useI18n();
  return (
    <nav className="reports-nav" aria-label={t.ii06a.reportsNav}>
      <ul>
        <li>
          <Link to={PATHS.reports}>{t.reports.nav}</Link>
        </li>
        <li>
          <Link to={PATHS.reportIi06a}>{t.ii06a.nav}</Link>
        </li>
        <li>
          <Link to={PATHS.adoption}>{t.adoption.nav}</Link>
        </li>
      </ul>
    </nav>
  );
}
