// The procedure page's "Nộp trực tuyến". In the portal's local mode it opens the apply page (which asks
// the citizen to sign in first, and comes back); in national mode — the rule since 1 July 2025, when
// provincial portals stopped taking online applications — it hands over to the national portal's page
// of the procedure, and says that the one-stop desk still takes the dossier in person.
// A procedure the back office cannot take in online (no usable time limit, no agency offering it) gets
// the reason instead of the button. Loads with the app: only the settings request and a link, no code
// of the apply flow.
import { useQuery } from '@tanstack/react-query';
import { CHANNELS, type Channel } from '../../../common/catalog/procedure.ts';
import type { OnlineUnavailableReason } from '../../../common/contracts/catalog.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { applyPath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { nationalProcedureUrl, portalSettingsQuery } from './citizen-http.ts';

export function ApplyOnline({
  code,
  channels,
  online,
}: {
  code: string;
  channels: readonly Channel[];
  /** Whether the back office can take it in online, and why not (the procedure's detail). */
  online: { available: boolean; reason: OnlineUnavailableReason | null };
}) {
  const { t } = useI18n();
  const c = t.citizen.national;
  const settings = useQuery(portalSettingsQuery).data;

  // Older records list no channel: all three, as the procedure page reads them.
  if (!(channels.length === 0 ? CHANNELS : channels).includes('online')) return null;
  if (!online.available && online.reason !== null)
    return (
      <div className="apply-online" id="apply-online-unavailable">
        <p className="note-warning">{t.citizen.onlineUnavailable[online.reason]}</p>
      </div>
    );
  if (settings?.mode === 'national') {
    return (
      <div className="apply-online">
        <p>
          <a className="button button-primary" href={nationalProcedureUrl(settings, code)}>
            {c.link}
          </a>
        </p>
        <p>{c.note}</p>
      </div>
    );
  }
  return (
    <div className="apply-online">
      <p>
        <Link to={applyPath(code)} className="button button-primary">
          {t.citizen.applyOnline}
        </Link>
      </p>
      <p className="muted">{t.citizen.applyHint}</p>
    </div>
  );
}
