// Choosing one agency among those offering a procedure — a ward procedure is offered by a thousand
// wards and communes — by typing part of its name (diacritics-insensitive, in the browser) and picking
// a radio button, a dozen at a time. The choice stays named above the list while the filter changes.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { AGENCY_STEP, AgencyCount, AgencyFilterField, useAgencyFilter } from '../catalog/agency-filter.tsx';
import type { OfferingAgency } from '../catalog/catalog-api.ts';

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
  const filtered = useAgencyFilter(agencies);
  const chosen = agencies.find((a) => a.code === value) ?? null;
  const many = agencies.length > AGENCY_STEP;

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
        <AgencyFilterField id={id} hintId={`${id}-filter-hint`} label={c.filterLabel} agencies={filtered} />
      ) : null}
      <ul className="choice-list" id={`${id}-list`}>
        {filtered.shown.map(({ agency }) => (
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
      {many ? <AgencyCount agencies={filtered} /> : null}
      {filtered.shown.length < filtered.matches.length ? (
        <button type="button" className="button button-small" onClick={filtered.more}>
          {t.procedure.where.more}
        </button>
      ) : null}
    </fieldset>
  );
}
