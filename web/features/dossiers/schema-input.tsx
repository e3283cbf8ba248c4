// The control of a scalar field of the schema-driven form: Có/Không for a boolean, a list for `enum`
// or `oneOf`, a number, a file to upload (`x-file`), long text, or a text, date, date-time or email
// input with its `examples` offered in a datalist.
import type { ReactNode } from 'react';
import { FileIdField } from './file-id-field.tsx';
import { RequiredMark } from '../../app/ui/field-parts.tsx';
import { DateInput } from '../../app/ui/date-input.tsx';
import type { Ctx } from './schema-parts.tsx';
import { setAt, type FormSchema, type Path } from './schema-values.ts';

/** Longer texts than this are typed in a textarea. */
const LONG_TEXT = 300;

/** What the field is, as schema-field.tsx worked it out. */
export type ScalarFacts = {
  kind: string;
  id: string;
  path: Path;
  title: string;
  value: unknown;
  required: boolean;
  error: string | undefined;
  describedBy: string | undefined;
};

export function ScalarField({
  ctx,
  schema: s,
  field,
  hint: hintNode,
  errorNode,
}: {
  ctx: Ctx;
  schema: FormSchema;
  field: ScalarFacts;
  hint: ReactNode;
  errorNode: ReactNode;
}) {
  const { t } = ctx;
  const { kind: k, id, path, title, value, required, error, describedBy } = field;
  const set = (v: unknown) => ctx.onChange(setAt(ctx.value, path, v));
  const label = (
    <label htmlFor={id}>
      {title}
      {required ? <RequiredMark /> : null}
    </label>
  );
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
  } as const;
  const text = typeof value === 'string' ? value : '';
  let control: ReactNode;

  if (k === 'boolean') {
    control = (
      <select
        {...common}
        value={value === true ? 'yes' : value === false ? 'no' : ''}
        onChange={(e) => set(e.target.value === 'yes' ? true : e.target.value === 'no' ? false : undefined)}
      >
        <option value="">{t.dossiers.form.choose}</option>
        <option value="yes">{t.dossiers.form.yes}</option>
        <option value="no">{t.dossiers.form.no}</option>
      </select>
    );
  } else if (s.enum || s.oneOf) {
    const options = s.oneOf
      ? s.oneOf.map((o) => ({ value: String(o.const), label: o.title ?? String(o.const) }))
      : (s.enum ?? []).map((v) => ({ value: String(v), label: String(v) }));
    control = (
      <select {...common} value={text} onChange={(e) => set(e.target.value)}>
        <option value="">{t.dossiers.form.choose}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (k === 'integer' || k === 'number') {
    control = (
      <input
        {...common}
        type="number"
        inputMode="numeric"
        step={k === 'integer' ? 1 : 'any'}
        min={s.minimum}
        max={s.maximum}
        value={typeof value === 'number' ? String(value) : text}
        onChange={(e) => set(e.target.value)}
      />
    );
  } else if (s['x-file'] === true) {
    return (
      <FileIdField
        id={id}
        label={label}
        hint={hintNode}
        error={errorNode}
        describedBy={describedBy}
        required={required}
        value={text || undefined}
        known={ctx.files}
        onChange={(fileId) => ctx.onChange(setAt(ctx.latest.current, path, fileId))}
        onUploading={(token, busy) => ctx.uploading(token, busy)}
      />
    );
  } else if ((s.maxLength ?? 0) > LONG_TEXT) {
    control = <textarea {...common} rows={3} value={text} onChange={(e) => set(e.target.value)} />;
  } else if (s.format === 'date' || s.format === 'date-time') {
    control = (
      <DateInput
        id={id}
        withTime={s.format === 'date-time'}
        value={text}
        onChange={(v) => set(v)}
        readOnly={s.readOnly === true || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        required={required}
      />
    );
  } else {
    const type = s.format === 'email' ? 'email' : 'text';
    const examples = (s.examples ?? []).filter((x): x is string => typeof x === 'string');
    control = (
      <>
        <input
          {...common}
          type={type}
          value={text}
          readOnly={s.readOnly === true || undefined}
          maxLength={s.maxLength}
          list={examples.length > 0 ? `${id}-examples` : undefined}
          autoComplete="off"
          onChange={(e) => set(e.target.value)}
        />
        {examples.length > 0 ? (
          <datalist id={`${id}-examples`}>
            {examples.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
        ) : null}
      </>
    );
  }

  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      {label}
      {hintNode}
      {errorNode}
      {control}
    </div>
  );
}
