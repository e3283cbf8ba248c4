// The portal home's card that opens the public dashboard.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PATHS } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { DASHBOARD_CARD } from './public-dashboard-words.ts';

export function PublicDashboardCard() {
  const { lang } = useI18n();
  const w = DASHBOARD_CARD[lang];
  return (
    <li className="card">
      <Link to={PATHS.publicDashboard} className="card-link">
        {w.link}
      </Link>
      <p className="card-hint">{w.hint}</p>
    </li>
  );
}
