// The feedback forms' text fields: label, hint, the field's message (local or the server's, by the
// envelope's path) and the control described by them; and the words of the pages in the interface's
// language.
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { FieldError, LabelAndHint } from '../../app/ui/field-parts.tsx';
import { feedbackMessages, type FeedbackMessages } from './feedback-messages.ts';

export function useFeedbackWords(): FeedbackMessages {
  const { lang } = useI18n();
  return feedbackMessages(lang);
}

export function describedBy(
  id: string,
  error: string | undefined,
  hint: string | null | undefined,
): string | undefined {
  return [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField({
  id,
  label,
  hint,
  error,
  required = false,
  multiline = false,
  type = 'text',
  autoComplete,
  maxLength,
  registration,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'tel' | 'email';
  autoComplete?: string | undefined;
  maxLength: number;
  registration: UseFormRegisterReturn;
}) {
  const common = {
    id,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy(id, error, hint),
    ...registration,
  };
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <LabelAndHint id={id} label={label} required={required} hint={hint} />
      <FieldError id={id} error={error} />
      {multiline ? (
        <textarea rows={6} {...common} />
      ) : (
        <input
          type={type}
          autoComplete={autoComplete}
          spellCheck={type === 'text' ? undefined : false}
          {...common}
        />
      )}
    </div>
  );
}
