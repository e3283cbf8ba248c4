// Choosing records of the applicant's document store to reuse for one dossier component
// (docs/domain/documents.md): a group of checkboxes, one per record, each labelled by the document's
// name and described by its dossier, issuing agency and date; the citizen also gets a link to the
// record's file. Used by the citizen's apply page and the desk's intake. On the apply page every
// component offers the store, so there the group is a disclosure (`collapsible`), closed until opened,
// open while records are chosen or the server refused one: a phone does not scroll past every record
// under every component.
import { useEffect, useState } from 'react';
import type { ApplicantDocument } from '../../../common/contracts/documents.ts';
import { MAX_REUSED_PER_COMPONENT } from '../../../common/dossiers/reuse.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { reuseOptionId } from './reuse-ids.ts';
import './reuse.css';

export { reuseOptionId };

export function ReuseChoice({
  id,
  code,
  componentName,
  documents,
  chosen,
  onChange,
  fileUrl,
  error,
  collapsible = false,
}: {
  id: string;
  code: string;
  componentName: string;
  documents: readonly ApplicantDocument[];
  chosen: readonly string[];
  onChange: (documentId: string, chosen: boolean) => void;
  /** Where the record's file is downloaded (the citizen's own records; the desk's, audited). */
  fileUrl?: ((documentId: string) => string) | undefined;
  error?: string | undefined;
  collapsible?: boolean;
}) {
  const { t } = useI18n();
  const r = t.reuse;
  const [open, setOpen] = useState(() => chosen.length > 0 || Boolean(error));
  // A refused citation is shown, and its checkbox is where the error summary sends focus.
  useEffect(() => {
    if (error) setOpen(true);
  }, [error]);
  const full = chosen.length >= MAX_REUSED_PER_COMPONENT;
  const errorId = `${id}-error`;
  const statusId = `${id}-status`;
  const group = (
    <fieldset
      className={error ? 'reuse-group field-invalid' : 'reuse-group'}
      aria-describedby={[error ? errorId : '', statusId].filter(Boolean).join(' ')}
    >
      <legend>
        {r.legend}
        <span className="visually-hidden"> {r.legendFor(code, componentName)}</span>
      </legend>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <ul className="reuse-list">
        {documents.map((d, i) => {
          const optionId = reuseOptionId(id, i);
          const checked = chosen.includes(d.documentId);
          return (
            <li key={d.documentId} className={checked ? 'reuse-item reuse-item-chosen' : 'reuse-item'}>
              <input
                type="checkbox"
                id={optionId}
                checked={checked}
                disabled={full && !checked}
                onChange={(e) => onChange(d.documentId, e.target.checked)}
                aria-describedby={`${optionId}-facts`}
                aria-invalid={error ? true : undefined}
              />
              <div className="reuse-body">
                <label htmlFor={optionId}>{d.name}</label>
                <dl className="reuse-facts" id={`${optionId}-facts`}>
                  <div>
                    <dt>{r.dossier}</dt>
                    <dd className="code">{d.dossierCode}</dd>
                  </div>
                  <div>
                    <dt>{r.agency}</dt>
                    <dd>{d.issuingAgency.name}</dd>
                  </div>
                  <div>
                    <dt>{r.issued}</dt>
                    <dd>{formatInstant(t, d.issuedAt)}</dd>
                  </div>
                </dl>
                {fileUrl ? (
                  <a className="reuse-file" href={fileUrl(d.documentId)} download>
                    {r.open}
                    <span className="visually-hidden"> {d.name}</span>
                  </a>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <p className="hint reuse-status" id={statusId}>
        {chosen.length > 0 ? r.chosen(chosen.length) : null}
        {full ? ` ${r.limit(MAX_REUSED_PER_COMPONENT)}` : null}
      </p>
    </fieldset>
  );
  if (!collapsible) return group;
  return (
    <details className="reuse-disclosure" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {r.offer(documents.length)}
        <span className="visually-hidden"> {r.legendFor(code, componentName)}</span>
        {chosen.length > 0 ? <span className="reuse-summary-chosen"> {r.chosen(chosen.length)}</span> : null}
      </summary>
      {group}
    </details>
  );
}
