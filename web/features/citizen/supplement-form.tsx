// "Bổ sung hồ sơ" on the citizen's dossier page: rows of a paper's name and a file, and a note, sent
// with If-Match on the version read (409 STALE_VERSION: the page reloads and says why). The rules of
// what may be sent and where the server's messages go: supplement-rules.ts.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { SendOrCancel } from '../../app/ui/form-actions.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import { newIdempotencyKey } from '../dossiers/dossiers-api.ts';
import { actOnMyDossier, type CitizenDossierView } from './citizen-api.ts';
import { FileField, UploadAnnouncer, useUploads } from './file-upload.tsx';
import {
  fieldMessages,
  placeSupplementDetails,
  rowsToSend,
  supplementBody,
  supplementProblems,
  type Placed,
  type SupplementBody,
  type SupplementRow,
} from './supplement-rules.ts';

/** The answer to an action on the dossier, handed to the page. */
export type ActionOutcome = {
  view: CitizenDossierView;
  version: number;
  onDone: (v: CitizenDossierView) => void;
  onStale: () => void;
  onCancel: () => void;
};

let rowCounter = 0;
const newRow = (): SupplementRow => ({ key: `supplement-row-${++rowCounter}`, name: '' });

export function SupplementForm({ view, version, onDone, onStale, onCancel }: ActionOutcome) {
  const { t } = useI18n();
  const c = t.citizen.supplement;
  const uploads = useUploads(t);
  const form = useForm<{ rows: SupplementRow[]; note: string }>({
    defaultValues: { rows: [newRow()], note: '' },
  });
  const rows = useFieldArray({ control: form.control, name: 'rows' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLHeadingElement>(null);
  const key = useRef(newIdempotencyKey());
  const asked = [...view.history].reverse().find((h) => h.action === 'request-supplement');

  useEffect(() => heading.current?.focus(), []);

  const show = (found: Placed[]) => {
    setFields(fieldMessages(found));
    setProblems(found.map((f) => f.problem));
    window.setTimeout(() => summary.current?.focus(), 0);
  };

  const send = useMutation({
    mutationFn: ({ body }: { body: SupplementBody; sent: SupplementRow[] }) =>
      actOnMyDossier(view.code, 'supplement', version, body, key.current),
    onSuccess: onDone,
    onError: (error, { sent }) => {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        onStale();
        return;
      }
      key.current = newIdempotencyKey();
      if (error instanceof ApiError && error.details.length > 0)
        show(placeSupplementDetails(t, error.details, form.getValues('rows'), sent));
      else show([{ key: null, problem: { message: errorText(t, error) } }]);
    },
  });

  const onSubmit = form.handleSubmit(({ rows: all, note }) => {
    if (send.isPending) return;
    const found = supplementProblems(t, all, uploads);
    if (found.length > 0) {
      show(found);
      return;
    }
    const sent = rowsToSend(all, uploads.fileIds);
    send.mutate({ body: supplementBody(sent, uploads.fileIds, note), sent });
  });

  return (
    <section className="panel action-form" aria-labelledby="supplement-heading">
      <h3 id="supplement-heading" className="panel-heading" tabIndex={-1} ref={heading}>
        {c.heading}
      </h3>
      {asked?.note ? (
        <p className="notice">
          <span className="component-label">{c.asked}:</span> {asked.note}
        </p>
      ) : null}
      <p className="hint">{c.intro}</p>
      <ErrorSummary title={t.citizen.actionFailed} problems={problems} headingRef={summary} />
      <UploadAnnouncer uploads={uploads} />
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <ol className="supplement-rows">
          {rows.fields.map((r, i) => {
            const nameError = fields[`${r.key}/name`];
            return (
              <li key={r.key}>
                <fieldset className="schema-row">
                  <legend>{c.row(i + 1)}</legend>
                  <div className={nameError ? 'field field-invalid' : 'field'}>
                    <label htmlFor={`${r.key}-name`}>{c.nameLabel}</label>
                    {nameError ? (
                      <p className="field-error" id={`${r.key}-name-error`}>
                        {nameError}
                      </p>
                    ) : null}
                    <input
                      id={`${r.key}-name`}
                      type="text"
                      maxLength={500}
                      {...form.register(`rows.${i}.name`)}
                      aria-invalid={nameError ? true : undefined}
                      aria-describedby={nameError ? `${r.key}-name-error` : undefined}
                    />
                  </div>
                  <FileField
                    id={`${r.key}-file`}
                    slot={r.key}
                    uploads={uploads}
                    label={c.file}
                    multiple={false}
                    error={fields[`${r.key}/fileId`]}
                  />
                  {rows.fields.length > 1 ? (
                    <button type="button" className="button button-small" onClick={() => rows.remove(i)}>
                      {t.dossiers.form.removeRow}
                      <span className="visually-hidden"> {c.row(i + 1)}</span>
                    </button>
                  ) : null}
                </fieldset>
              </li>
            );
          })}
        </ol>
        {rows.fields.length < 50 ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => rows.append(newRow(), { shouldFocus: false })}
          >
            {c.addRow}
          </button>
        ) : null}
        <div className="field">
          <label htmlFor="supplement-note">{c.note}</label>
          <textarea id="supplement-note" rows={3} maxLength={2000} {...form.register('note')} />
        </div>
        <SendOrCancel label={c.send} sending={send.isPending} onCancel={onCancel} />
      </form>
    </section>
  );
}
