// Choosing one agency among those offering a procedure — a ward procedure is offered by a thousand
// wards and communes — by typing part of its name (diacritics-insensitive, in the browser) and picking
// a radio button, a dozen at a time. The choice stays named above the list while the filter changes.
import { useMemo, useState } from 'react';
import { foldedWords, foldVietnamese } from '../../../common/text/fold.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { OfferingAgency } from '../catalog/catalog-api.ts';

const STEP = 12;

export function AgencyChoice({
  id,
  legend,
  hint,
  agencies,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  agencies: readonly OfferingAgency[];
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const c = t.citizen.apply;
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(STEP);
  const folded = useMemo(
    () => agencies.map((a) => ({ agency: a, key: foldVietnamese(`${a.name} ${a.code}`) })),
    [agencies],
  );
  const words = foldedWords(filter);
  const matches = words.length === 0 ? folded : folded.filter((f) => words.every((w) => f.key.includes(w)));
  const shown = matches.slice(0, limit);
  const chosen = agencies.find((a) => a.code === value) ?? null;
  const many = agencies.length > STEP;

  return (
    <fieldset className={error ? 'choice-group field-invalid' : 'choice-group'} id={id} tabIndex={-1}>
      <legend>
        {legend}
        <span className="required-mark" aria-hidden="true">
          {' '}
          *
        </span>
        <span className="visually-hidden"> ({t.dossiers.form.required})</span>
      </legend>
      {hint ? <p className="hint">{hint}</p> : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <p className="choice-chosen" aria-live="polite">
        {chosen ? c.chosen(chosen.name) : c.noneChosen}
      </p>
      {many ? (
        <div className="field">
          <label htmlFor={`${id}-filter`}>{c.filterLabel}</label>
          <p className="hint" id={`${id}-filter-hint`}>
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
            aria-describedby={`${id}-filter-hint`}
            aria-controls={`${id}-list`}
          />
        </div>
      ) : null}
      <ul className="choice-list" id={`${id}-list`}>
        {shown.map(({ agency }) => (
          <li key={agency.code}>
            <input
              type="radio"
              id={`${id}-${agency.code}`}
              name={id}
              value={agency.code}
              checked={agency.code === value}
              onChange={() => onChange(agency.code)}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            <label htmlFor={`${id}-${agency.code}`}>
              {agency.name} <span className="code muted">{agency.code}</span>
            </label>
          </li>
        ))}
      </ul>
      {many ? (
        <p className="muted table-count" role="status">
          {matches.length === 0
            ? t.procedure.where.noMatch
            : t.procedure.where.shown(shown.length, matches.length)}
        </p>
      ) : null}
      {shown.length < matches.length ? (
        <button type="button" className="button button-small" onClick={() => setLimit((n) => n + STEP)}>
          {t.procedure.where.more}
        </button>
      ) : null}
    </fieldset>
  );
}
