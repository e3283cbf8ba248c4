// Pieces of the staff forms: the grant rows as the form's `grants` value, an account field, the
// summary lines of grant problems, and where the focus goes when a form opens or is refused.
import { useEffect, useRef } from 'react';
import { useController, type Control, type UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from '../../app/field-frame.tsx';
import type { useI18n } from '../../app/i18n/i18n.tsx';
import type { Problem } from '../calendar/error-summary.tsx';
import { GrantsEditor } from './grants-editor.tsx';
import {
  grantErrorKey,
  grantFieldId,
  type GrantErrors,
  type GrantRow,
  type StaffFailure,
} from './grants-rows.ts';

export type CreateValues = { username: string; fullName: string; password: string; grants: GrantRow[] };
export type GrantsValues = { grants: GrantRow[] };

export function grantProblems(
  t: ReturnType<typeof useI18n>['t'],
  prefix: string,
  rows: readonly GrantRow[],
  errors: GrantErrors,
): Problem[] {
  const out: Problem[] = [];
  rows.forEach((row, i) => {
    for (const field of ['role', 'agency'] as const) {
      const message = errors[grantErrorKey(row.id, field)];
      if (!message) continue;
      out.push({
        message,
        label: `${t.staff.grants.rowLegend(i + 1)} – ${field === 'role' ? t.staff.grants.role : t.staff.grants.agency}`,
        fieldId: row.locked ? undefined : grantFieldId(prefix, row.id, field),
      });
    }
  });
  return out;
}

/** The form's heading takes the focus when it opens; the error summary's, after each refusal. */
export function useFormFocus(failure: StaffFailure | null) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (failure) summaryHeading.current?.focus();
  }, [failure]);
  return { headingRef, summaryHeading };
}

/** The grants of a form, edited row by row (the rows are the form's `grants` value). */
export function FormGrants({
  control,
  idPrefix,
  legend,
  failure,
}: {
  control: Control<GrantsValues> | Control<CreateValues>;
  idPrefix: string;
  legend: string;
  failure: StaffFailure | null;
}) {
  const { field } = useController({ control: control as Control<GrantsValues>, name: 'grants' });
  const general = failure?.general ?? [];
  return (
    <GrantsEditor
      idPrefix={idPrefix}
      legend={legend}
      rows={field.value}
      onChange={field.onChange}
      errors={failure?.grants ?? {}}
      generalError={general.length > 0 ? general.join(' ') : undefined}
    />
  );
}

export function AccountInput({
  id,
  label,
  error,
  hint,
  type = 'text',
  autoComplete,
  registered,
}: {
  id: string;
  label: string;
  error: string | undefined;
  hint?: string;
  type?: string;
  autoComplete: string;
  registered: UseFormRegisterReturn;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} star>
      {(aria) => (
        <input
          id={id}
          type={type}
          required
          autoComplete={autoComplete}
          spellCheck={false}
          {...aria}
          {...registered}
        />
      )}
    </FieldFrame>
  );
}
