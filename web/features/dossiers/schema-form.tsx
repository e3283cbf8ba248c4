// A small form renderer for the JSON Schema subset the declarations (tờ khai) and the action inputs
// use: objects (nested, as fieldsets), strings (text, long text, date, date-time, email, a closed
// list by `enum` or `oneOf`), booleans (a tick box when only `true` is allowed, else Có/Không),
// integers, arrays of objects (rows added and removed), `$ref` to `#/$defs/…`, `default`, `examples`
// (offered with a datalist), a file to upload for a string marked `x-file` (its value is the file id).
// Titles are the labels; required items carry a mark. The server validates: its `details[].path` are
// mapped back to the field they name (`errorsFor`, schema-values.ts).
import { useId, useRef } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { KnownFiles } from './file-id-field.tsx';
import { Fields } from './schema-field.tsx';
import type { Ctx } from './schema-parts.tsx';
import type { FieldErrors, FormSchema } from './schema-values.ts';

export {
  errorsFor,
  fieldId,
  initialValue,
  orderedProperties,
  pruneValue,
  type FieldErrors,
  type FormSchema,
  type FormValue,
  type MappedErrors,
} from './schema-values.ts';

/** The fields of an object schema (no <form>: the page owns it and its submit button). */
export function SchemaForm({
  schema,
  value,
  onChange,
  errors,
  idPrefix,
  onUploadingChange,
}: {
  schema: FormSchema;
  value: unknown;
  onChange: (next: unknown) => void;
  errors: FieldErrors;
  idPrefix?: string;
  /** Whether a file is being uploaded (the page holds its submit until it is done). */
  onUploadingChange?: (uploading: boolean) => void;
}) {
  const { t } = useI18n();
  const generated = useId().replace(/[^A-Za-z0-9]/g, '');
  const latest = useRef(value);
  latest.current = value;
  const files = useRef<KnownFiles>(new Map()).current;
  const pending = useRef(new Set<string>()).current;
  const uploading = (fieldId: string, busy: boolean) => {
    if (busy) pending.add(fieldId);
    else pending.delete(fieldId);
    onUploadingChange?.(pending.size > 0);
  };
  const ctx: Ctx = {
    t,
    root: schema,
    value,
    errors,
    idPrefix: idPrefix ?? `sf${generated}`,
    onChange,
    latest,
    files,
    uploading,
  };
  return (
    <div className="schema-form">
      <Fields ctx={ctx} schema={schema} path={[]} />
    </div>
  );
}
