// The sender rates the answer (POST /public/feedback/<code>/rating): the level of satisfaction, their
// phone as given when sending (a signed-in citizen's is filled in), an optional comment. Once only: the
// server's 409 and any refusal are said in the alert; success is announced and the lookup read again.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { useInvalidate } from '../../app/query.ts';
import { FieldError } from '../../app/ui/field-parts.tsx';
import { useCitizenSession } from '../citizen/citizen-session.tsx';
import { rateFeedback } from './feedback-api.ts';
import { TextField, useFeedbackWords } from './feedback-fields.tsx';
import { PHONE } from './feedback-rules.ts';

const LEVELS = ['very-satisfied', 'satisfied', 'unsatisfied'] as const;
type Values = { level: (typeof LEVELS)[number] | ''; phone: string; comment: string };

export function RatingForm({ code, rated }: { code: string; rated: boolean }) {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const r = w.rating;
  const { session } = useCitizenSession();
  const invalidate = useInvalidate();
  const phone = session.status === 'signed-in' ? (session.citizen.phone ?? '') : '';
  const form = useForm<Values>({
    defaultValues: { level: '', phone, comment: '' },
    reValidateMode: 'onSubmit',
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      rateFeedback(code, {
        level: v.level as (typeof LEVELS)[number],
        phone: v.phone.trim(),
        ...(v.comment.trim() ? { comment: v.comment.trim() } : {}),
      }),
    onSuccess: (res) => {
      setFailure(null);
      setDone(r.done(w.levels[res.level as (typeof LEVELS)[number]] ?? res.label));
      return invalidate(['citizen', 'feedback', code]);
    },
    onError: (error: unknown) => {
      const detail = error instanceof ApiError ? error.details[0] : undefined;
      setFailure(detail ? detailText(t, detail) : errorText(t, error));
    },
  });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit((v) => {
    if (!mutation.isPending) mutation.mutate(v);
  });
  if (done)
    return (
      <p className="notice notice-success" role="status">
        {done}
      </p>
    );
  if (rated) return null;
  return (
    <form
      className="form-section feedback-rating"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      aria-labelledby="rating-heading"
    >
      <h3 id="rating-heading" className="subsection-heading">
        {r.heading}
      </h3>
      <p className="hint">{r.intro}</p>
      <fieldset
        className={errors.level ? 'radio-group field-invalid' : 'radio-group'}
        aria-describedby={errors.level ? 'rating-level-error' : undefined}
      >
        <legend>{r.level}</legend>
        <FieldError id="rating-level" error={errors.level?.message} />
        {LEVELS.map((level) => (
          <div key={level} className="field-checkbox">
            <input
              type="radio"
              id={`rating-level-${level}`}
              value={level}
              {...form.register('level', { validate: (v) => v !== '' || r.chooseLevel })}
            />
            <label htmlFor={`rating-level-${level}`}>{w.levels[level]}</label>
          </div>
        ))}
      </fieldset>
      <TextField
        id="rating-phone"
        label={r.phone}
        type="tel"
        required
        autoComplete="tel"
        maxLength={20}
        error={errors.phone?.message}
        registration={form.register('phone', {
          validate: (v) => (v.trim() === '' ? w.required : PHONE.test(v.trim()) || w.send.badPhone),
        })}
      />
      <TextField
        id="rating-comment"
        label={r.comment}
        multiline
        maxLength={1000}
        registration={form.register('comment')}
      />
      <div role="alert" className={failure ? 'inline-error' : undefined}>
        {failure}
      </div>
      <button type="submit" className="button button-primary" aria-disabled={mutation.isPending || undefined}>
        {mutation.isPending ? r.sending : r.submit}
      </button>
    </form>
  );
}
