// The home page's way to the reorganisations for those who acknowledge hand-overs (leaders, unit and
// province administrators; leaders have no "Quản trị"): a card, and how many hand-overs within reach
// still wait for an acknowledgement.
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PATHS } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { pendingHandovers, reorganisationQueries } from './reorganisations-api.ts';

export function ReorganisationsCard() {
  const { t } = useI18n();
  const list = useQuery(reorganisationQueries.list());
  const pending = list.data ? pendingHandovers(list.data.items) : 0;
  return (
    <li className="card">
      <Link to={PATHS.reorganisations} className="card-link">
        {t.home.reorganisationsLink}
      </Link>
      <p className="card-hint">{t.home.reorganisationsHint}</p>
      {pending > 0 ? (
        <p className="card-hint">
          <strong>{t.reorganisations.pending(pending)}</strong>
        </p>
      ) : null}
    </li>
  );
}
