// One procedure in the portal's result list: name (the link), code, field, levels and the time
// limit of each channel that has one.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { procedurePath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import type { ProcedureListItem } from './catalog-api.ts';
import { CHANNELS, timeLimitText } from './catalog-format.ts';

export function ProcedureCard({ procedure: p }: { procedure: ProcedureListItem }) {
  const { t } = useI18n();
  const limits = CHANNELS.flatMap((c) => {
    const limit = p.timeLimits[c];
    return limit ? [{ channel: c, text: timeLimitText(t, limit) }] : [];
  });
  return (
    <li className="procedure-card">
      <h3 className="procedure-card-title">
        <Link to={procedurePath(p.code)}>{p.name}</Link>
      </h3>
      <p className="procedure-card-meta">
        <span>
          {t.portal.code} <span className="code">{p.code}</span>
        </span>
        {p.field ? <span>{p.field.name}</span> : null}
        {p.levels.length > 0 ? <span>{p.levels.map((l) => t.catalog.levels[l]).join(', ')}</span> : null}
        {p.onlineLevel ? <span>{t.catalog.onlineLevels[p.onlineLevel]}</span> : null}
      </p>
      {limits.length === 0 ? (
        <p className="procedure-card-limits muted">{t.portal.noTimeLimit}</p>
      ) : (
        <dl className="limit-list">
          {limits.map((l) => (
            <div key={l.channel} className="limit-item">
              <dt>{t.catalog.channels[l.channel]}</dt>
              <dd>{l.text}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}
