// The apply page's third step: a file field for each component that may be sent online (each file is
// sent at once, with progress), the records of the citizen's document store to reuse instead, and the
// papers that are shown at the desk rather than sent.
import type { UseQueryResult } from '@tanstack/react-query';
import { chooseDocument, type ReuseChoices } from '../../../common/dossiers/reuse.ts';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { ProcedureDetail } from '../catalog/catalog-api.ts';
import { ReuseChoice } from '../documents/reuse-choice.tsx';
import { declarationComponents, presentedOnly, type UploadSlot } from './apply-rules.ts';
import { ID } from './apply-steps.ts';
import { documentFileUrl, type ApplicantDocumentItem, type ApplicantDocumentList } from './documents-api.ts';
import { FileField, UploadAnnouncer, type Uploads } from './file-upload.tsx';

/** What the citizen's document store offers for reuse: loading, nothing, or why it could not be read. */
function StoreStatus({
  store,
  organisation,
}: {
  store: UseQueryResult<ApplicantDocumentList>;
  organisation: boolean;
}) {
  const { t } = useI18n();
  const r = t.reuse;
  if (!store.data && (store.isFetching || !store.isError))
    return (
      <p className="muted" role="status">
        {r.loading}
      </p>
    );
  if (!store.data)
    return (
      <div className="inline-error" role="alert">
        <p>{r.loadFailed(errorText(t, store.error))}</p>
        <button type="button" className="button" onClick={() => void store.refetch()}>
          {t.errors.retry}
        </button>
      </div>
    );
  const { items, total } = store.data;
  if (items.length === 0)
    return (
      <p className="note" role="status">
        {r.none}
      </p>
    );
  return (
    <div className="note" role="status">
      <p>{organisation ? r.organisation : r.intro(total)}</p>
      {!organisation && total > items.length ? <p>{r.more(items.length, total)}</p> : null}
    </div>
  );
}

export function AttachmentsStep({
  detail,
  slots,
  uploads,
  store,
  organisation,
  reuse,
  fields,
}: {
  detail: ProcedureDetail;
  slots: readonly UploadSlot[];
  uploads: Uploads;
  store: UseQueryResult<ApplicantDocumentList>;
  organisation: boolean;
  /** Offered only for the citizen's own dossier, when the store has records. */
  reuse: {
    documents: readonly ApplicantDocumentItem[];
    chosen: ReuseChoices;
    onChange: (next: ReuseChoices) => void;
  } | null;
  fields: Record<string, string>;
}) {
  const { t } = useI18n();
  const a = t.citizen.apply;
  const shown = presentedOnly(detail.procedure);
  const declared = declarationComponents(detail.procedure);
  return (
    <>
      <p>{a.attachIntro}</p>
      {declared.length > 0 ? (
        <div className="note" id="apply-declared">
          <p>{a.declaredOnScreen}</p>
          <ul className="plain-list">
            {declared.map((d) => (
              <li key={d.code}>
                <span className="code">{d.code}</span> {d.component.name}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <UploadAnnouncer uploads={uploads} />
      <StoreStatus store={store} organisation={organisation} />
      <ol className="attach-list">
        {slots.map((s) => (
          <li key={s.code}>
            <FileField
              id={ID.slot(s.code)}
              slot={s.code}
              uploads={uploads}
              label={
                <>
                  <span className="code">{s.code}</span> {s.component.name}
                </>
              }
              hint={
                s.required
                  ? s.component.form
                    ? t.dossiers.intake.condition(s.component.form)
                    : s.component.condition
                  : s.component.condition
                    ? a.optionalWhen(s.component.condition)
                    : a.optional
              }
              required={s.required}
              error={fields[`component/${s.code}`]}
            />
            {reuse ? (
              <ReuseChoice
                id={ID.reuse(s.code)}
                code={s.code}
                componentName={s.component.name}
                documents={reuse.documents}
                chosen={reuse.chosen[s.code] ?? []}
                onChange={(documentId, chosen) =>
                  reuse.onChange(chooseDocument(reuse.chosen, s.code, documentId, chosen))
                }
                fileUrl={documentFileUrl}
                error={fields[`reuse/${s.code}`]}
                collapsible
              />
            ) : null}
          </li>
        ))}
      </ol>
      {shown.length > 0 ? (
        <section className="note" aria-labelledby="apply-presented-heading">
          <h3 id="apply-presented-heading" className="subsection-heading">
            {a.presentedHeading}
          </h3>
          <ul className="plain-list">
            {shown.map((c, i) => (
              <li key={i}>
                {c.name}
                {c.condition ? <span className="muted"> ({c.condition})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
