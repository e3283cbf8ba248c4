// The parts of a form field the citizen's forms share: the label with its required mark, and the
// hint under it (its id `<field id>-hint`, for aria-describedby).
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';

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
