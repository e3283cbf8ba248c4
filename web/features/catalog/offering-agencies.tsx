// The agencies of this deployment that receive a procedure (Nơi nộp hồ sơ). A commune-level
// procedure may be offered by a thousand wards and communes, so the list is filtered as one types
// (diacritics-insensitive, in the browser) and shown a page at a time.
import { useId, useMemo, useState } from 'react';
import { foldedWords, foldVietnamese } from '../../../common/text/fold.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { OfferingAgency } from './catalog-api.ts';

const STEP = 12;
const FILTER_FROM = 8;

export function OfferingAgencies({ agencies }: { agencies: OfferingAgency[] }) {
  const { t } = useI18n();
  const id = useId();
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(STEP);
  const folded = useMemo(
    () => agencies.map((a) => ({ agency: a, key: foldVietnamese(`${a.name} ${a.code}`) })),
    [agencies],
  );
  const words = foldedWords(filter);
  const matches = words.length === 0 ? folded : folded.filter((f) => words.every((w) => f.key.includes(w)));
  const shown = matches.slice(0, limit);

  if (agencies.length === 0) return <p className="note-warning">{t.procedure.where.none}</p>;

  return (
    <div className="offering">
      <h3 className="subsection-heading">{t.procedure.where.offered(agencies.length)}</h3>
      {agencies.length > FILTER_FROM ? (
        <div className="field">
          <label htmlFor={`${id}-filter`}>{t.procedure.where.filterLabel}</label>
          <p className="hint" id={`${id}-hint`}>
            {t.procedure.where.filterHint}
          </p>
          <input
            id={`${id}-filter`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setLimit(STEP);
            }}
            aria-describedby={`${id}-hint`}
            aria-controls={`${id}-list`}
          />
        </div>
      ) : null}
      <ul className="agency-list" id={`${id}-list`}>
        {shown.map(({ agency }) => (
          <li key={agency.code}>
            <span className="agency-name">{agency.name}</span>{' '}
            <span className="code muted">{agency.code}</span>
          </li>
        ))}
      </ul>
      <p className="muted table-count" role="status">
        {matches.length === 0
          ? t.procedure.where.noMatch
          : t.procedure.where.shown(shown.length, matches.length)}
      </p>
      {shown.length < matches.length ? (
        <button type="button" className="button" onClick={() => setLimit((n) => n + STEP)}>
          {t.procedure.where.more}
        </button>
      ) : null}
    </div>
  );
}
