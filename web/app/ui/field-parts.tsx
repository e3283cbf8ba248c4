// The parts of a form field every form shares: the required mark, the label with its hint under it
// (the hint's id `<field id>-hint`) and the field's error (its id `<field id>-error`), both for the
// control's aria-describedby.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** The required mark: a star for the eye, the words for a screen reader. */
export function RequiredMark() {
  const { t } = useI18n();
  return (
    <>
      <span className="required-mark" aria-hidden="true">
        {' '}
        *
      </span>
      <span className="visually-hidden"> ({t.dossiers.form.required})</span>
    </>
  );
}

export function LabelAndHint({
  id,
  label,
  required,
  hint,
}: {
  id: string;
  label: ReactNode;
  required: boolean;
  hint?: string | null | undefined;
}) {
  return (
    <>
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </>
  );
}

/** A field's message, read with the field (its id `<field id>-error`, for aria-describedby). */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  );
}
