// What is wrong with a filled declaration form, in Vietnamese, field by field: Ajv's errors turned into
// messages that name each field by its `title`, with the JSON pointer of the value they are about.
//
// Browser-safe: it imports Ajv's types only, never Ajv itself, so the web's apply and intake pages can
// describe the errors of the precompiled validator (form-runtime.ts) with exactly the server's words.
// forms.ts (which compiles with Ajv, server-side) re-exports everything here.
import type { ErrorObject } from 'ajv/dist/2020.js';

export type JsonSchemaObject = { [keyword: string]: unknown };

export type FormError = {
  /** JSON pointer of the failing value; for a missing property, the pointer it should have. */
  pointer: string;
  /** Vietnamese, naming the field by its `title`. */
  message: string;
  /** The JSON Schema keyword that failed (required, type, format …). */
  keyword: string;
};
export type FormValidationResult = { ok: true } | { ok: false; errors: FormError[] };
export type FormValidator = {
  schema: JsonSchemaObject;
  /** Every error at once (allErrors), in schema order. */
  validate(data: unknown): FormValidationResult;
};

export function isSchemaObject(v: unknown): v is JsonSchemaObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

const isObject = isSchemaObject;

/** Follows a local `$ref` ("#/$defs/x") inside the root; undefined for anchors or missing targets. */
function resolveLocal(root: JsonSchemaObject, ref: string): JsonSchemaObject | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const seg of ref.slice(2).split('/')) {
    const key = decodeURIComponent(unescapePointer(seg));
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
  }
  return isObject(node) ? node : undefined;
}

function deref(root: JsonSchemaObject, s: JsonSchemaObject, depth = 0): JsonSchemaObject {
  const ref = s.$ref;
  if (typeof ref !== 'string' || depth > 20) return s;
  const target = resolveLocal(root, ref);
  return target ? deref(root, target, depth + 1) : s;
}

function titleOf(root: JsonSchemaObject, s: JsonSchemaObject): string | undefined {
  if (typeof s.title === 'string' && s.title.trim() !== '') return s.title;
  const target = deref(root, s);
  return target !== s && typeof target.title === 'string' && target.title.trim() !== ''
    ? target.title
    : undefined;
}

/** The subschemas that describe `segment` (a property name or an array index) of instances of `s`. */
function children(
  root: JsonSchemaObject,
  s: JsonSchemaObject,
  segment: string,
  depth = 0,
): JsonSchemaObject[] {
  if (depth > 8) return [];
  const out: JsonSchemaObject[] = [];
  const own = (schema: JsonSchemaObject) => {
    const props = schema.properties;
    if (isObject(props) && isObject(props[segment])) out.push(props[segment]);
    if (/^\d+$/.test(segment)) {
      const index = Number(segment);
      const prefix = schema.prefixItems;
      if (Array.isArray(prefix) && isObject(prefix[index])) out.push(prefix[index]);
      else if (isObject(schema.items)) out.push(schema.items);
    }
    const patterns = schema.patternProperties;
    if (isObject(patterns)) {
      for (const [pattern, sub] of Object.entries(patterns)) {
        try {
          if (isObject(sub) && new RegExp(pattern, 'u').test(segment)) out.push(sub);
        } catch {
          // An invalid pattern was already refused at compile time.
        }
      }
    }
  };
  const target = deref(root, s);
  own(s);
  if (target !== s) own(target);
  for (const kw of ['allOf', 'anyOf', 'oneOf']) {
    const list = target[kw];
    if (Array.isArray(list)) {
      for (const branch of list)
        if (isObject(branch)) out.push(...children(root, branch, segment, depth + 1));
    }
  }
  for (const kw of ['then', 'else']) {
    const branch = target[kw];
    if (isObject(branch)) out.push(...children(root, branch, segment, depth + 1));
  }
  return out;
}

/** Every subschema that describes the instance at `segments`. */
function schemasAt(root: JsonSchemaObject, segments: string[]): JsonSchemaObject[] {
  let level: JsonSchemaObject[] = [root];
  for (const seg of segments) {
    level = level.flatMap((s) => children(root, s, seg));
    if (level.length === 0) return [];
  }
  return level;
}

/** The title describing the instance at `segments`, searching every schema that applies to it. */
function titleAt(root: JsonSchemaObject, segments: string[]): string | undefined {
  const level = schemasAt(root, segments);
  for (const s of level) {
    const t = titleOf(root, s);
    if (t !== undefined) return t;
  }
  return undefined;
}

function segmentsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
}

/**
 * How a message names the value at `segments`: its title (found from the root, else on
 * `fallbackSchema`, the schema that reported the error), else a readable fallback; values inside
 * arrays say which item ("Mã ngành (mục 2)").
 */
function subjectAt(root: JsonSchemaObject, segments: string[], fallbackSchema?: JsonSchemaObject): string {
  const title = titleAt(root, segments) ?? (fallbackSchema ? titleOf(root, fallbackSchema) : undefined);
  const last = segments.at(-1);
  if (last === undefined) return title ?? 'Tờ khai';
  const lastIndex = segments.findLastIndex((s) => /^\d+$/.test(s));
  if (lastIndex === segments.length - 1) {
    const n = Number(last) + 1;
    if (title !== undefined) return `${title} (mục ${n})`;
    const parent = titleAt(root, segments.slice(0, -1));
    return parent !== undefined ? `Mục ${n} của ${parent}` : `Mục ${n}`;
  }
  const base = title ?? `Trường “${last}”`;
  return lastIndex >= 0 ? `${base} (mục ${Number(segments[lastIndex]) + 1})` : base;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'văn bản',
  number: 'số',
  integer: 'số nguyên',
  boolean: 'giá trị có/không',
  object: 'nhóm thông tin',
  array: 'danh sách',
  null: 'để trống',
};

const FORMAT_MESSAGES: Record<string, string> = {
  date: 'phải là ngày hợp lệ theo dạng năm-tháng-ngày (ví dụ 2025-07-01)',
  time: 'phải là giờ hợp lệ (ví dụ 08:30:00+07:00)',
  'date-time': 'phải là thời điểm hợp lệ (ví dụ 2025-07-01T08:30:00+07:00)',
  'iso-date-time': 'phải là thời điểm hợp lệ (ví dụ 2025-07-01T08:30:00)',
  'iso-time': 'phải là giờ hợp lệ (ví dụ 08:30:00)',
  duration: 'phải là khoảng thời gian theo ISO 8601 (ví dụ P3D)',
  email: 'phải là địa chỉ thư điện tử hợp lệ',
  hostname: 'phải là tên miền hợp lệ',
  ipv4: 'phải là địa chỉ IPv4 hợp lệ',
  ipv6: 'phải là địa chỉ IPv6 hợp lệ',
  uri: 'phải là đường dẫn (URI) hợp lệ',
  url: 'phải là đường dẫn (URL) hợp lệ',
  'uri-reference': 'phải là đường dẫn (URI) hợp lệ',
  uuid: 'phải là mã UUID hợp lệ',
  regex: 'phải là biểu thức chính quy hợp lệ',
};

function formatValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function listValues(values: unknown[]): string {
  const shown = values.filter((v) => v !== null).map(formatValue);
  const text = shown.join(', ');
  return values.includes(null) ? `${text} hoặc để trống` : text;
}

type Described = { pointer: string; message: string };

function describe(root: JsonSchemaObject, e: ErrorObject): Described {
  const segments = segmentsOf(e.instancePath);
  const parent = isObject(e.parentSchema) ? e.parentSchema : undefined;
  const params = e.params as Record<string, unknown>;
  const childPointer = (name: string) => `${e.instancePath}/${escapePointer(name)}`;
  const subject = () => subjectAt(root, segments, parent);
  const here = (message: string): Described => ({ pointer: e.instancePath, message });
  const n = (key: string) => Number(params[key]);

  switch (e.keyword) {
    case 'required':
    case 'dependentRequired': {
      const missing = String(params.missingProperty);
      const segs = [...segments, missing];
      const propSchema = parent && isObject(parent.properties) ? parent.properties[missing] : undefined;
      const name = subjectAt(root, segs, isObject(propSchema) ? propSchema : undefined);
      // A box the applicant must tick (`const: true`, the cam đoan line) reads better as a request.
      if (schemasAt(root, segs).some((x) => deref(root, x).const === true)) {
        return { pointer: childPointer(missing), message: `Cần đánh dấu xác nhận: ${name}` };
      }
      const suffix =
        e.keyword === 'dependentRequired'
          ? ` khi đã khai ${subjectAt(root, [...segments, String(params.property)])}`
          : '';
      return { pointer: childPointer(missing), message: `${name} là bắt buộc${suffix}` };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const extra = String(params.additionalProperty ?? params.unevaluatedProperty);
      return {
        pointer: childPointer(extra),
        message: `Trường “${extra}” không có trong biểu mẫu${segments.length > 0 ? ` (${subject()})` : ''}`,
      };
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      return { pointer: childPointer(name), message: `Tên trường “${name}” không hợp lệ` };
    }
    case 'type': {
      const types = String(params.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t);
      return here(`${subject()} phải là ${types.join(' hoặc ')}`);
    }
    case 'minLength':
      return here(
        n('limit') <= 1
          ? `${subject()} không được để trống`
          : `${subject()} phải có ít nhất ${n('limit')} ký tự`,
      );
    case 'maxLength':
      return here(`${subject()} không được dài quá ${n('limit')} ký tự`);
    case 'pattern':
      return here(`${subject()} không đúng định dạng`);
    case 'format': {
      const format = String(params.format);
      return here(`${subject()} ${FORMAT_MESSAGES[format] ?? `không đúng định dạng “${format}”`}`);
    }
    case 'enum':
      return here(
        `${subject()} phải là một trong các giá trị: ${listValues(params.allowedValues as unknown[])}`,
      );
    case 'const':
      return here(
        params.allowedValue === true
          ? `Cần đánh dấu xác nhận: ${subject()}`
          : `${subject()} phải là “${formatValue(params.allowedValue)}”`,
      );
    case 'minimum':
      return here(`${subject()} phải lớn hơn hoặc bằng ${n('limit')}`);
    case 'exclusiveMinimum':
      return here(`${subject()} phải lớn hơn ${n('limit')}`);
    case 'maximum':
      return here(`${subject()} phải nhỏ hơn hoặc bằng ${n('limit')}`);
    case 'exclusiveMaximum':
      return here(`${subject()} phải nhỏ hơn ${n('limit')}`);
    case 'multipleOf':
      return here(`${subject()} phải là bội số của ${n('multipleOf')}`);
    case 'minItems':
      return here(`${subject()} phải có ít nhất ${n('limit')} mục`);
    case 'maxItems':
      return here(`${subject()} không được quá ${n('limit')} mục`);
    case 'uniqueItems':
      return here(
        `${subject()} có hai mục trùng nhau (mục ${Math.min(n('i'), n('j')) + 1} và mục ${Math.max(n('i'), n('j')) + 1})`,
      );
    case 'minProperties':
      return here(`${subject()} phải có ít nhất ${n('limit')} thông tin`);
    case 'maxProperties':
      return here(`${subject()} không được quá ${n('limit')} thông tin`);
    case 'contains':
    case 'minContains':
      return here(`${subject()} phải có ít nhất ${n('minContains') || 1} mục hợp lệ`);
    case 'maxContains':
      return here(`${subject()} có quá ${n('maxContains')} mục thỏa điều kiện`);
    case 'oneOf':
      return here(
        params.passingSchemas === null
          ? `${subject()} phải khớp đúng một trong các phương án cho phép`
          : `${subject()} khớp nhiều hơn một phương án, trong khi chỉ được chọn một`,
      );
    case 'anyOf':
      return here(`${subject()} phải khớp ít nhất một trong các phương án cho phép`);
    case 'not':
      return here(`${subject()} có giá trị không được phép`);
    case 'false schema':
      return here(`${subject()} không được phép khai`);
    default:
      return here(`${subject()} không hợp lệ`);
  }
}

// Errors Ajv reports inside these keywords restate what the keyword's own error says (each failed
// oneOf branch, each item that does not match `contains`), so the outer error alone is kept.
const SUMMARISING_KEYWORDS = new Set(['oneOf', 'anyOf', 'contains', 'propertyNames', 'not']);

/** Turns Ajv errors (compileForm's, or a precompiled validator's in the browser) into Vietnamese form errors. */
export function describeErrors(schema: JsonSchemaObject, errors: readonly ErrorObject[]): FormError[] {
  const summaries = errors.filter((e) => SUMMARISING_KEYWORDS.has(e.keyword)).map((e) => `${e.schemaPath}/`);
  const out: FormError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // `if` only says "must match then": the error from inside `then` is the useful one.
    if (e.keyword === 'if') continue;
    if (summaries.some((prefix) => e.schemaPath.startsWith(prefix))) continue;
    const { pointer, message } = describe(schema, e);
    const key = `${pointer}\u0000${e.keyword}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, message, keyword: e.keyword });
  }
  return out;
}
