// Pieces the schema-driven form's fields share (schema-field.tsx, schema-input.tsx).
import type { ReactNode } from 'react';
import type { Messages } from '../../app/i18n/vi.ts';
import type { KnownFiles } from './file-id-field.tsx';
import type { FieldErrors, FormSchema } from './schema-values.ts';

export type Ctx = {
  t: Messages;
  root: FormSchema;
  value: unknown;
  errors: FieldErrors;
  idPrefix: string;
  onChange: (next: unknown) => void;
  /** The value as last rendered, for an upload that ends after other edits. */
  latest: { current: unknown };
  files: KnownFiles;
  /** An upload started or ended, named by a token its field keeps for its life. */
  uploading: (token: string, busy: boolean) => void;
};

/** The required mark: a star for the eye, the words for a screen reader. */
export function RequiredMark({ t }: { t: Messages }) {
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

/** A field's error, above its control; the control names it with aria-describedby `<id>-error`. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

/** A titled part of a long form (the intake's procedure, applicant, declaration, components). */
export function FormSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="form-section" aria-labelledby={id}>
      <h2 id={id} className="section-heading">
        {heading}
      </h2>
      {children}
    </section>
  );
}
