// The portal's "Gửi phản ánh, kiến nghị" form: kind, subject, content; where (a place picked — a ward
// or commune of today's map goes to its People's Committee, sent as unitCode with its province — or a
// procedure or dossier code, from which the server finds the agency in charge);
// photos or PDF sent at once as chosen (POST /public/feedback/files, each answered with a token echoed
// on sending); the sender (feedback-sender-fields.tsx). What the browser can check is checked before
// sending; the server's refusal names each field by its path (`body/sender/phone` …), shown beside
// the field and in the summary, which takes the focus.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { PlacePicker, type PickedPlace } from '../../app/ui/place-picker.tsx';
import { ErrorSummary, type Problem } from '../calendar/error-summary.tsx';
import { useCitizenSession } from '../citizen/citizen-session.tsx';
import { FileField, UploadAnnouncer, useUploads } from '../citizen/file-upload.tsx';
import { publicUnits } from '../org/org-api.ts';
import { newIdempotencyKey } from '../dossiers/dossiers-api.ts';
import {
  FEEDBACK_FILES_URL,
  submitFeedback,
  type SubmitFeedbackBody,
  type SubmitFeedbackResponse,
} from './feedback-api.ts';
import { TextField, useFeedbackWords } from './feedback-fields.tsx';
import {
  EMPTY_SEND,
  provinceOf,
  SEND_FIELDS,
  sendFieldOf,
  sendProblems,
  submitBody,
  type SendField,
  type SendValues,
} from './feedback-rules.ts';
import { SenderFields } from './feedback-sender-fields.tsx';
import { FEEDBACK_KINDS } from '../../../common/feedback/vocabulary.ts';

const KINDS = FEEDBACK_KINDS;
const MAX_FILES = 5;

export function FeedbackSendForm({ onSent }: { onSent: (sent: SubmitFeedbackResponse) => void }) {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const s = w.send;
  const { session } = useCitizenSession();
  const citizen = session.status === 'signed-in' ? session.citizen : null;
  const form = useForm<SendValues>({ defaultValues: EMPTY_SEND });
  const uploads = useUploads(t, FEEDBACK_FILES_URL);
  const [place, setPlace] = useState<PickedPlace | null>(null);
  const [problems, setProblems] = useState<Partial<Record<SendField, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [tries, setTries] = useState(0);
  const summaryRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (tries > 0) summaryRef.current?.focus();
  }, [tries]);

  const refuse = (fields: Partial<Record<SendField, string>>, other: string[]) => {
    setProblems(fields);
    setGeneral(other);
    setTries((n) => n + 1);
  };

  // One key per PAKN being written: a retry of a send whose answer was lost is the same PAKN; after a
  // refusal nothing was recorded, so the next attempt takes a new key.
  const idempotencyKey = useRef(newIdempotencyKey());
  const mutation = useMutation({
    mutationFn: (body: SubmitFeedbackBody) => submitFeedback(body, idempotencyKey.current),
    onSuccess: onSent,
    onError: (error: unknown) => {
      if (error instanceof ApiError) idempotencyKey.current = newIdempotencyKey();
      if (error instanceof ApiError && error.details.length > 0) {
        const fields: Partial<Record<SendField, string>> = {};
        const other: string[] = [];
        for (const d of error.details) {
          const field = sendFieldOf(d.path);
          if (field) fields[field] ??= detailText(t, d);
          else other.push(detailText(t, d));
        }
        refuse(fields, other);
      } else refuse({}, [errorText(t, error)]);
    },
  });

  const LOCAL = {
    required: w.required,
    badPhone: s.badPhone,
    badEmail: s.badEmail,
    whereNeeded: s.whereNeeded,
    filesBusy: s.filesBusy,
  };
  const onSubmit = form.handleSubmit((values) => {
    if (mutation.isPending) return;
    const provinceCode = provinceOf(place);
    const files = uploads.uploaded('files');
    const local = sendProblems(values, { citizen, provinceCode, uploading: uploads.busy });
    const fields: Partial<Record<SendField, string>> = {};
    for (const [k, v] of Object.entries(local)) fields[k as SendField] = LOCAL[v];
    if (files.length > MAX_FILES) fields.files = s.tooManyFiles;
    if (Object.keys(fields).length > 0) return refuse(fields, []);
    setProblems({});
    setGeneral([]);
    mutation.mutate(submitBody(values, { citizen, provinceCode, unitCode: place?.code ?? null, files }));
  });

  const LABELS: Record<SendField, string> = {
    kind: s.kind,
    subject: s.subject,
    content: s.content,
    place: s.where,
    procedureCode: s.procedureCode,
    dossierCode: s.dossierCode,
    files: s.files,
    fullName: s.fullName,
    phone: s.phone,
    email: s.email,
    address: s.address,
    consent: s.consent,
  };
  const summary: Problem[] = [
    ...(Object.keys(LABELS) as SendField[]).flatMap((f) =>
      problems[f] ? [{ message: problems[f], fieldId: SEND_FIELDS[f], label: LABELS[f] }] : [],
    ),
    ...general.map((message) => ({ message })),
  ];
  const F = SEND_FIELDS;
  return (
    <form className="feedback-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <ErrorSummary title={w.problemsTitle} problems={summary} headingRef={summaryRef} />
      <fieldset className="radio-group">
        <legend>{s.kind}</legend>
        {KINDS.map((k) => (
          <div key={k} className="field-checkbox">
            <input
              type="radio"
              id={`fb-kind-${k}`}
              value={k}
              aria-describedby={`fb-kind-${k}-hint`}
              {...form.register('kind')}
            />
            <label htmlFor={`fb-kind-${k}`}>
              {w.kinds[k]}
              <span className="hint" id={`fb-kind-${k}-hint`}>
                {' '}
                — {w.kindHints[k]}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <TextField
        id={F.subject}
        label={s.subject}
        required
        maxLength={300}
        error={problems.subject}
        registration={form.register('subject')}
      />
      <TextField
        id={F.content}
        label={s.content}
        hint={s.contentHint}
        required
        multiline
        maxLength={10000}
        error={problems.content}
        registration={form.register('content')}
      />
      <fieldset className="form-section">
        <legend className="subsection-heading">{s.where}</legend>
        <p className="hint">{s.whereHint}</p>
        <PlacePicker
          id={F.place}
          label={s.place}
          hint={s.placeHint}
          source={publicUnits}
          what="unit"
          value={place}
          onPick={setPlace}
          error={problems.place}
        />
        <TextField
          id={F.procedureCode}
          label={s.procedureCode}
          hint={s.procedureHint}
          maxLength={50}
          error={problems.procedureCode}
          registration={form.register('procedureCode')}
        />
        <TextField
          id={F.dossierCode}
          label={s.dossierCode}
          hint={s.dossierHint}
          maxLength={100}
          error={problems.dossierCode}
          registration={form.register('dossierCode')}
        />
      </fieldset>
      <FileField
        id={F.files}
        slot="files"
        uploads={uploads}
        label={s.files}
        types={s.filesHint}
        error={problems.files}
      />
      <UploadAnnouncer uploads={uploads} />
      <SenderFields citizen={citizen} form={form} problems={problems} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          aria-disabled={mutation.isPending || undefined}
        >
          {mutation.isPending ? s.sending : s.submit}
        </button>
      </div>
    </form>
  );
}
