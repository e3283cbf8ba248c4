// /phan-anh-kien-nghi/ghi-nhan: a desk or hotline officer records feedback received by phone, on paper,
// by e-mail or in person (POST /feedback/recorded) for one of their agencies: the sender (name, phone,
// e-mail, address), kind, subject, content, when it was received (default now). Each refused field is
// shown beside itself (`body/sender/phone` → the phone field); success gives the code and a link.
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { feedbackItemPath } from '../../app/paths.ts';
import { useInvalidate } from '../../app/query.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { DateInput } from '../../app/ui/date-input.tsx';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import { newIdempotencyKey } from '../dossiers/dossiers-api.ts';
import { feedbackQueries, recordFeedback, type SubmitFeedbackResponse } from './feedback-api.ts';
import { describedBy, TextField, useFeedbackWords } from './feedback-fields.tsx';
import { SenderContactFields } from './feedback-sender-fields.tsx';
import { FEEDBACK_KINDS, RECORDED_CHANNELS } from '../../../common/feedback/vocabulary.ts';

/** The ids the error paths name (`body/sender/phone` → `fr-sender-phone`, see idOf). */
const SENDER_IDS = {
  fullName: 'fr-sender-fullName',
  phone: 'fr-sender-phone',
  email: 'fr-sender-email',
  address: 'fr-sender-address',
} as const;

const CHANNELS = RECORDED_CHANNELS;
const KINDS = FEEDBACK_KINDS;
type Values = {
  channel: (typeof CHANNELS)[number];
  agencyCode: string;
  receivedAt: string;
  kind: (typeof KINDS)[number];
  subject: string;
  content: string;
  fullName: string;
  phone: string;
  email: string;
  address: string;
};

/** `body/sender/phone` → `fr-sender-phone`: the id of the field an error path names. */
const idOf = (path: string) =>
  `fr-${path
    .split('/')
    .filter((p) => p !== '' && p !== 'body')
    .join('-')}`;

export function FeedbackRecordPage() {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const r = w.staff.record;
  const s = w.send;
  const { session } = useSession();
  const invalidate = useInvalidate();
  const agencies = (session.status === 'signed-in' ? session.user.roles : [])
    .filter((x) => x.role === 'desk-officer' || x.role === 'leader')
    .filter((x, i, all) => all.findIndex((y) => y.agencyCode === x.agencyCode) === i);
  const form = useForm<Values>({
    defaultValues: {
      channel: 'phone',
      agencyCode: agencies[0]?.agencyCode ?? '',
      receivedAt: '',
      kind: 'phan-anh',
    },
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<SubmitFeedbackResponse | null>(null);
  // One key per record being written: a retry after a lost answer is the same PAKN (a refusal recorded
  // nothing, and a success clears the form: either way the next send takes a new key).
  const idempotencyKey = useRef(newIdempotencyKey());
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      recordFeedback(
        {
          channel: v.channel,
          agencyCode: v.agencyCode,
          kind: v.kind,
          subject: v.subject.trim(),
          content: v.content.trim(),
          sender: {
            fullName: v.fullName.trim(),
            phone: v.phone.trim(),
            email: v.email.trim(),
            ...(v.address.trim() ? { address: v.address.trim() } : {}),
          },
          ...(v.receivedAt ? { receivedAt: `${v.receivedAt}:00+07:00` } : {}),
        },
        idempotencyKey.current,
      ),
    onSuccess: (res) => {
      idempotencyKey.current = newIdempotencyKey();
      setDone(res);
      setErrors({});
      setFailure(null);
      form.reset();
      return invalidate(feedbackQueries.all);
    },
    onError: (error: unknown) => {
      if (error instanceof ApiError) idempotencyKey.current = newIdempotencyKey();
      const next: Record<string, string> = {};
      for (const d of error instanceof ApiError ? error.details : []) next[idOf(d.path)] ??= detailText(t, d);
      setErrors(next);
      setFailure(errorText(t, error));
      const first = Object.keys(next)[0];
      if (first) document.getElementById(first)?.focus();
    },
  });
  const err = (id: string) => errors[id];
  if (agencies.length === 0)
    return (
      <Page title={r.title} heading={r.title}>
        <p className="notice">{r.noAgency}</p>
      </Page>
    );
  return (
    <Page title={r.title} heading={r.title} intro={r.intro}>
      {done ? (
        <div className="notice notice-success" role="status">
          <p>{r.done(done.code)}</p>
          <Link to={feedbackItemPath(done.code)}>{r.open}</Link>
        </div>
      ) : null}
      <form
        noValidate
        onSubmit={(e) => void form.handleSubmit((v) => !mutation.isPending && mutation.mutate(v))(e)}
      >
        <div role="alert" className={failure ? 'inline-error' : undefined}>
          {failure}
        </div>
        <div className="filter-row">
          <div className="field">
            <label htmlFor="fr-channel">{r.channel}</label>
            <select id="fr-channel" {...form.register('channel')}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {w.channels[c]}
                </option>
              ))}
            </select>
          </div>
          <div className={err('fr-agencyCode') ? 'field field-invalid' : 'field'}>
            <label htmlFor="fr-agencyCode">{r.agency}</label>
            <FieldError id="fr-agencyCode" error={err('fr-agencyCode')} />
            <select id="fr-agencyCode" {...form.register('agencyCode')}>
              {agencies.map((a) => (
                <option key={a.agencyCode} value={a.agencyCode} lang="vi">
                  {a.agencyName}
                </option>
              ))}
            </select>
          </div>
          <div className={err('fr-receivedAt') ? 'field field-invalid' : 'field'}>
            <LabelAndHint id="fr-receivedAt" label={r.receivedAt} required={false} hint={r.receivedAtHint} />
            <FieldError id="fr-receivedAt" error={err('fr-receivedAt')} />
            <DateInput
              id="fr-receivedAt"
              withTime
              value={form.watch('receivedAt')}
              onChange={(v) => form.setValue('receivedAt', v)}
              aria-describedby={describedBy('fr-receivedAt', err('fr-receivedAt'), r.receivedAtHint)}
            />
          </div>
          <div className="field">
            <label htmlFor="fr-kind">{s.kind}</label>
            <select id="fr-kind" {...form.register('kind')}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {w.kinds[k]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <TextField
          id="fr-subject"
          label={s.subject}
          required
          maxLength={300}
          error={err('fr-subject')}
          registration={form.register('subject')}
        />
        <TextField
          id="fr-content"
          label={s.content}
          required
          multiline
          maxLength={10000}
          error={err('fr-content')}
          registration={form.register('content')}
        />
        <fieldset className="form-section">
          <legend className="subsection-heading">{s.sender}</legend>
          <SenderContactFields
            fields={['fullName', 'phone', 'email', 'address']}
            ids={SENDER_IDS}
            errors={{
              fullName: err(SENDER_IDS.fullName),
              phone: err(SENDER_IDS.phone),
              email: err(SENDER_IDS.email),
              address: err(SENDER_IDS.address),
            }}
            register={(k) => form.register(k)}
            own={false}
          />
        </fieldset>
        <button
          type="submit"
          className="button button-primary"
          aria-disabled={mutation.isPending || undefined}
        >
          {mutation.isPending ? s.sending : r.submit}
        </button>
      </form>
    </Page>
  );
}
