// A small form renderer for the JSON Schema subset the declarations (tờ khai) and the action inputs
// use: objects (nested, as fieldsets), strings (text, long text, date, date-time, email, a closed
// list by `enum` or `oneOf`), booleans (a tick box when only `true` is allowed, else Có/Không),
// integers, arrays of objects (rows added and removed), `$ref` to `#/$defs/…`, `default`, `examples`
// (offered with a datalist), a file to upload for a string marked `x-file` (its value is the file id).
// Titles are the labels; required items carry a mark. The server validates: its `details[].path` are
// mapped back to the field they name (`errorsFor`).
import { useId, useRef, type ReactNode } from 'react';
import type { ErrorDetail } from '../../app/http.ts';
import { detailText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { localInputToIso } from '../calendar/vn-time.ts';
import { FileIdField, type KnownFiles } from './file-id-field.tsx';

export type FormSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  properties?: Record<string, FormSchema>;
  required?: readonly string[];
  items?: FormSchema;
  enum?: readonly unknown[];
  oneOf?: readonly { const?: unknown; title?: string }[];
  const?: unknown;
  default?: unknown;
  examples?: readonly unknown[];
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  $ref?: string;
  $defs?: Record<string, FormSchema>;
  'x-footnotes'?: Record<string, string>;
  'x-propertyOrder'?: readonly string[];
  /** The value is the id of a file uploaded through POST /files (common/dossiers/input-schema.ts). */
  'x-file'?: boolean;
};

export type FormValue = Record<string, unknown>;
type Path = readonly string[];

const LONG_TEXT = 300;

function resolve(root: FormSchema, schema: FormSchema): FormSchema {
  const m = schema.$ref ? /^#\/\$defs\/([^/]+)$/.exec(schema.$ref) : null;
  const target = m ? root.$defs?.[m[1]!] : undefined;
  if (!target) return schema;
  const merged: FormSchema = { ...target, ...schema };
  delete merged.$ref;
  return merged;
}

function kind(schema: FormSchema): string {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (t) return t;
  if (schema.properties) return 'object';
  return 'string';
}

const isRecord = (v: unknown): v is FormValue => typeof v === 'object' && v !== null && !Array.isArray(v);

function getAt(value: unknown, path: Path): unknown {
  let here = value;
  for (const key of path) {
    if (Array.isArray(here)) here = here[Number(key)];
    else if (isRecord(here)) here = here[key];
    else return undefined;
  }
  return here;
}

function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [key, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) {
    const copy = [...(value as unknown[])];
    copy[Number(key)] = setAt(copy[Number(key)], rest, next);
    return copy;
  }
  const base = isRecord(value) ? value : {};
  return { ...base, [key]: setAt(base[key], rest, next) };
}

/** The starting value: `default`s, and one empty row for arrays that need at least one. */
export function initialValue(root: FormSchema, schema: FormSchema = root): unknown {
  const s = resolve(root, schema);
  const k = kind(s);
  if (k === 'object') {
    const out: FormValue = {};
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      const v = initialValue(root, child);
      if (v !== undefined) out[key] = v;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (k === 'array') return (s.minItems ?? 0) > 0 ? [initialValue(root, s.items ?? {}) ?? {}] : undefined;
  return typeof s.default === 'string' ? s.default : undefined;
}

/**
 * What is sent: blanks dropped; integers as numbers; date-times in ISO with +07:00; an optional group
 * holding nothing but its defaults (a mother's nationality prefilled, nothing else) left out.
 */
export function pruneValue(root: FormSchema, schema: FormSchema, value: unknown, required = true): unknown {
  const s = resolve(root, schema);
  const k = kind(s);
  if (k === 'object') {
    if (!isRecord(value)) return required && schema === root ? {} : undefined;
    const req = new Set(s.required ?? []);
    const out: FormValue = {};
    let entered = false;
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      const v = pruneValue(root, child, value[key], req.has(key));
      if (v === undefined) continue;
      out[key] = v;
      if (v !== resolve(root, child).default) entered = true;
    }
    if (schema === root) return out;
    return entered || (required && Object.keys(out).length > 0) ? out : undefined;
  }
  if (k === 'array') {
    if (!Array.isArray(value)) return undefined;
    const items = value
      .map((item) => pruneValue(root, { ...(s.items ?? {}) }, item, false))
      .filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (k === 'boolean') return typeof value === 'boolean' ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (k === 'integer' || k === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  if (s.format === 'date-time') return localInputToIso(value) ?? value;
  return value;
}

/** The titles along a path, for the error summary: "Người yêu cầu › Họ, chữ đệm, tên". */
function titleAt(root: FormSchema, path: Path): string | null {
  let s: FormSchema = root;
  const titles: string[] = [];
  for (const key of path) {
    s = resolve(root, s);
    const next = kind(s) === 'array' ? (/^\d+$/.test(key) ? s.items : undefined) : s.properties?.[key];
    if (!next) return null;
    if (kind(s) === 'array') titles.push(`${Number(key) + 1}`);
    s = resolve(root, next);
    if (kind(s) !== 'array' || !/^\d+$/.test(key)) titles.push(s.title ?? key);
  }
  return titles.join(' › ');
}

export const fieldId = (prefix: string, path: Path): string =>
  `${prefix}-${path.join('-').replace(/[^A-Za-z0-9_-]/g, '_')}`;

export type FieldErrors = Record<string, string>;
export type MappedErrors = {
  /** By path inside the form, `nguoiYeuCau/hoTen`. */
  fields: FieldErrors;
  /** For the summary: label and field id of each. */
  problems: { message: string; fieldId?: string; label?: string }[];
};

/** `details[].path` under `prefix` (`body/formData/`) → the field it names; others stay general. */
export function errorsFor(
  t: Messages,
  root: FormSchema,
  idPrefix: string,
  prefix: string,
  details: readonly ErrorDetail[],
): MappedErrors & { rest: ErrorDetail[] } {
  const fields: FieldErrors = {};
  const problems: MappedErrors['problems'] = [];
  const rest: ErrorDetail[] = [];
  for (const d of details) {
    const inside = d.path.startsWith(prefix) ? d.path.slice(prefix.length) : null;
    const path = inside ? inside.split('/').filter((x) => x !== '') : [];
    const label = path.length > 0 ? titleAt(root, path) : null;
    if (label === null) {
      rest.push(d);
      continue;
    }
    const key = path.join('/');
    const message = detailText(t, d);
    if (!(key in fields)) {
      fields[key] = message;
      problems.push({ message, fieldId: fieldId(idPrefix, path), label });
    }
  }
  return { fields, problems, rest };
}

type Ctx = {
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

function RequiredMark({ t }: { t: Messages }) {
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

function describe(root: FormSchema, s: FormSchema): string | null {
  const d = s.description;
  if (!d) return null;
  // "(2)" alone points at a footnote of the printed form: show the footnote itself.
  const m = /^\((\d+)\)$/.exec(d.trim());
  if (m) return root['x-footnotes']?.[m[1]!] ?? null;
  return d;
}

/**
 * Stable keys for the rows of an array field, so that a row keeps its state (an upload under way, its
 * progress) when a row above it is removed. Rows are plain values without ids: the keys live beside
 * them, told of each add and remove; a value replaced from outside (a reset) gets keys for its length.
 */
function useRowKeys(length: number) {
  const state = useRef({ keys: [] as number[], next: 0 });
  const s = state.current;
  while (s.keys.length < length) s.keys.push(s.next++);
  if (s.keys.length > length) s.keys.length = length;
  return {
    at: (i: number) => s.keys[i],
    add: () => {
      s.keys.push(s.next++);
    },
    remove: (i: number) => {
      s.keys.splice(i, 1);
    },
  };
}

function Field({
  ctx,
  schema,
  path,
  required,
}: {
  ctx: Ctx;
  schema: FormSchema;
  path: Path;
  required: boolean;
}) {
  const { t, root, errors, idPrefix } = ctx;
  const s = resolve(root, schema);
  const k = kind(s);
  const id = fieldId(idPrefix, path);
  const key = path.join('/');
  const error = errors[key];
  const hint = describe(root, s);
  const title = s.title ?? path.at(-1) ?? '';
  const value = getAt(ctx.value, path);
  const rowKeys = useRowKeys(Array.isArray(value) ? value.length : 0);
  const set = (v: unknown) => ctx.onChange(setAt(ctx.value, path, v));
  const errorNode = error ? (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
  const hintNode = hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
  const describedBy =
    [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;

  if (k === 'object') {
    return (
      <fieldset className={error ? 'schema-group field-invalid' : 'schema-group'} id={id} tabIndex={-1}>
        <legend>
          {title}
          {required ? <RequiredMark t={t} /> : null}
        </legend>
        {hintNode}
        {errorNode}
        <Fields ctx={ctx} schema={s} path={path} />
      </fieldset>
    );
  }

  if (k === 'array') {
    const rows = Array.isArray(value) ? (value as unknown[]) : [];
    const item = resolve(root, s.items ?? {});
    const max = s.maxItems ?? 50;
    return (
      <fieldset className={error ? 'schema-group field-invalid' : 'schema-group'} id={id} tabIndex={-1}>
        <legend>
          {title}
          {required ? <RequiredMark t={t} /> : null}
        </legend>
        {hintNode}
        {errorNode}
        <ol className="schema-rows">
          {rows.map((_, i) => (
            <li key={rowKeys.at(i)}>
              <fieldset className="schema-row">
                <legend>{`${item.title ?? title} ${i + 1}`}</legend>
                <Fields ctx={ctx} schema={item} path={[...path, String(i)]} />
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    rowKeys.remove(i);
                    set(rows.filter((__, j) => j !== i));
                  }}
                >
                  {t.dossiers.form.removeRow}
                  <span className="visually-hidden"> {`${item.title ?? title} ${i + 1}`}</span>
                </button>
              </fieldset>
            </li>
          ))}
        </ol>
        {rows.length < max ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              rowKeys.add();
              set([...rows, initialValue(root, item) ?? {}]);
            }}
          >
            {t.dossiers.form.addRow(item.title ?? title)}
          </button>
        ) : null}
      </fieldset>
    );
  }

  if (k === 'boolean' && s.const === true) {
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        {errorNode}
        <div className="field-checkbox">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => set(e.target.checked ? true : undefined)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            aria-required={required || undefined}
          />
          <label htmlFor={id}>
            {title}
            {required ? <RequiredMark t={t} /> : null}
          </label>
        </div>
        {hintNode}
      </div>
    );
  }

  const label = (
    <label htmlFor={id}>
      {title}
      {required ? <RequiredMark t={t} /> : null}
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
  } else {
    const type =
      s.format === 'date'
        ? 'date'
        : s.format === 'date-time'
          ? 'datetime-local'
          : s.format === 'email'
            ? 'email'
            : 'text';
    const examples = (s.examples ?? []).filter((x): x is string => typeof x === 'string');
    control = (
      <>
        <input
          {...common}
          type={type}
          value={text}
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

/**
 * The properties in the order of the printed form. The catalogue keeps schemas in a jsonb column,
 * which sorts keys (shortest first), so the schema's own order is lost: `x-propertyOrder` when the
 * schema has one, else the `required` list (written in the form's order), then the others.
 */
export function orderedProperties(s: FormSchema): [string, FormSchema][] {
  const props = s.properties ?? {};
  const order = [...(s['x-propertyOrder'] ?? s.required ?? []), ...Object.keys(props)];
  return [...new Set(order)].filter((k) => k in props).map((k) => [k, props[k]!]);
}

function Fields({ ctx, schema, path }: { ctx: Ctx; schema: FormSchema; path: Path }) {
  const s = resolve(ctx.root, schema);
  const required = new Set(s.required ?? []);
  return (
    <>
      {orderedProperties(s).map(([key, child]) => (
        <Field key={key} ctx={ctx} schema={child} path={[...path, key]} required={required.has(key)} />
      ))}
    </>
  );
}

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
