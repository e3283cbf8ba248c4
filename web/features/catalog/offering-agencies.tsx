// The agencies of this deployment that receive a procedure (Nơi nộp hồ sơ). A commune-level
// procedure may be offered by a thousand wards and communes, so the list is filtered as one types
// (diacritics-insensitive, in the browser) and shown a page at a time.
import { useId } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { AgencyCount, AgencyFilterField, useAgencyFilter } from './agency-filter.tsx';
import type { OfferingAgency } from './catalog-api.ts';

const FILTER_FROM = 8;

export function OfferingAgencies({ agencies }: { agencies: OfferingAgency[] }) {
  const { t } = useI18n();
  const id = useId();
  const filtered = useAgencyFilter(agencies);

  if (agencies.length === 0) return <p className="note-warning">{t.procedure.where.none}</p>;

  return (
    <div className="offering">
      <h3 className="subsection-heading">{t.procedure.where.offered(agencies.length)}</h3>
      {agencies.length > FILTER_FROM ? (
        <AgencyFilterField
          id={id}
          hintId={`${id}-hint`}
          label={t.procedure.where.filterLabel}
          agencies={filtered}
        />
      ) : null}
      <ul className="agency-list" id={`${id}-list`}>
        {filtered.shown.map(({ agency }) => (
          <li key={agency.code}>
            <span className="agency-name">{agency.name}</span>{' '}
            <span className="code muted">{agency.code}</span>
          </li>
        ))}
      </ul>
      <AgencyCount agencies={filtered} />
      {filtered.shown.length < filtered.matches.length ? (
        <button type="button" className="button" onClick={filtered.more}>
          {t.procedure.where.more}
        </button>
      ) : null}
    </div>
  );
}
