// The values of the schema-driven forms (schema-form.tsx), apart from React: the JSON Schema subset
// the declarations (tờ khai) and the action inputs use, the starting value, what is sent, the order of
// the fields, and the server's `details[].path` mapped back to the field each names.
import type { ErrorDetail } from '../../app/http.ts';
import { detailText } from '../../app/errors.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { localInputToIso } from '../calendar/vn-time.ts';

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
  /** Shown, not edited (the citizen's apply page: what the identity provider vouched for). */
  readOnly?: boolean;
};

export type FormValue = Record<string, unknown>;
export type Path = readonly string[];

export function resolve(root: FormSchema, schema: FormSchema): FormSchema {
  const m = schema.$ref ? /^#\/\$defs\/([^/]+)$/.exec(schema.$ref) : null;
  const target = m ? root.$defs?.[m[1]!] : undefined;
  if (!target) return schema;
  const merged: FormSchema = { ...target, ...schema };
  delete merged.$ref;
  return merged;
}

export function kind(schema: FormSchema): string {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (t) return t;
  if (schema.properties) return 'object';
  return 'string';
}

const isRecord = (v: unknown): v is FormValue => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getAt(value: unknown, path: Path): unknown {
  let here = value;
  for (const key of path) {
    if (Array.isArray(here)) here = here[Number(key)];
    else if (isRecord(here)) here = here[key];
    else return undefined;
  }
  return here;
}

export function setAt(value: unknown, path: Path, next: unknown): unknown {
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
export function titleAt(root: FormSchema, path: Path): string | null {
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

/** A field's hint: its description, or the footnote of the printed form it points at. */
export function describe(root: FormSchema, s: FormSchema): string | null {
  const d = s.description;
  if (!d) return null;
  // "(2)" alone points at a footnote of the printed form: show the footnote itself.
  const m = /^\((\d+)\)$/.exec(d.trim());
  if (m) return root['x-footnotes']?.[m[1]!] ?? null;
  return d;
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
