// Pieces the schema-driven form and the intake share: the fields' context and a titled part of the form.
import { TitledSection, type SectionProps } from '../../app/ui/titled-section.tsx';
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

/** A titled part of a long form (the intake's procedure, applicant, declaration, components). */
export function FormSection(props: SectionProps) {
  return <TitledSection className="form-section" headingClassName="section-heading" {...props} />;
}
