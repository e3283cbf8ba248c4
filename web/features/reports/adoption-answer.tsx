// A leader answers an explanation request addressed to their agency (POST …/explanations/<id>/answer),
// once; the answer carries an Idempotency-Key, so a double click or a retry answers once.
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { useInvalidate } from '../../app/query.ts';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import { FocusedNotice, type Notice } from '../../app/ui/focused-notice.tsx';
import { newIdempotencyKey } from '../dossiers/dossiers-api.ts';
import { adoptionQueries, answerExplanation } from './adoption-api.ts';

export function AdoptionAnswer({ id }: { id: string }) {
  const { t } = useI18n();
  const r = t.adoption.requests;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice | null>(null);
  const key = useRef(newIdempotencyKey());
  const field = useRef<HTMLTextAreaElement>(null);
  const invalidate = useInvalidate();
  const fieldId = `adoption-answer-${id}`;

  const send = useMutation({
    mutationFn: () => answerExplanation(id, text.trim(), key.current),
    onSuccess: async () => {
      setNotice({ text: r.sent, warning: false });
      await invalidate(adoptionQueries.all);
    },
    onError: (e) => {
      const detail = e instanceof ApiError ? e.details?.[0] : undefined;
      if (detail) {
        setError(detailText(t, detail));
        field.current?.focus();
      } else setNotice({ text: errorText(t, e), warning: true });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (send.isPending) return;
    if (text.trim() === '') {
      setError(r.replyMissing);
      field.current?.focus();
      return;
    }
    setError(undefined);
    setNotice(null);
    send.mutate();
  };

  return (
    <form className="form adoption-answer" onSubmit={submit} noValidate>
      <FocusedNotice notice={notice} />
      <div className={error ? 'field field-invalid' : 'field'}>
        <LabelAndHint id={fieldId} label={r.reply} required hint={r.replyHint} />
        <FieldError id={fieldId} error={error} />
        <textarea
          ref={field}
          id={fieldId}
          rows={4}
          maxLength={4000}
          value={text}
          aria-required
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${fieldId}-error` : null, `${fieldId}-hint`].filter(Boolean).join(' ')}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={send.isPending || undefined}>
          {send.isPending ? t.dossiers.page.sending : r.send}
        </button>
      </div>
    </form>
  );
}
