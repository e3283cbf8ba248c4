// A form field's frame, the same on every hand-written form: the label, an optional hint, the
// error (between them and the control, so it is read before the control), and the aria
// attributes that tie the control to both.
import type { ReactNode } from 'react';

export type FieldAria = { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };

export function FieldFrame({
  id,
  label,
  hint,
  error,
  also,
  star = false,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  /** Another element describing the control (after the error and hint). */
  also?: string;
  /** A visible mark after the label of a required field. */
  star?: boolean;
  className?: string | undefined;
  children: (aria: FieldAria) => ReactNode;
}) {
  const classes = ['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ');
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : '', also ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      <label htmlFor={id}>
        {label}
        {star ? (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children({ 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
    </div>
  );
}

/** Submit (its words change while busy) and cancel, at the foot of an editor. */
export function FormActions({
  busy,
  texts: [text, busyText, cancelText],
  onCancel,
}: {
  busy: boolean;
  /** Submit, submit while busy, cancel. */
  texts: readonly [string, string, string];
  onCancel: () => void;
}) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {busy ? busyText : text}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {cancelText}
      </button>
    </div>
  );
}

/** A labelled select of a filter form; `options` in order, the first usually "any". */
export function SelectFilter<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
  className = 'field',
}: {
  id: string;
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
