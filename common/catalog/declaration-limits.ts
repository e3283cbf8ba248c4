// A declaration is held to its form (issue #20, finding 11): what the form does not declare is not
// stored, and no declaration is larger than a filled form can be.
//
// - Closed objects: an object the form describes (it names `properties`, a `$ref` or composes
//   subschemas) takes no undeclared field unless the form says so with its own `additionalProperties`
//   or `unevaluatedProperties`. holdToForm adds `unevaluatedProperties: false` there, which, unlike
//   `additionalProperties`, counts the fields declared through `$ref`, `allOf` and `if`/`then` — so a
//   form that splits its fields over branches is not broken by being closed. Subschemas that only test
//   (if, not, contains, allOf members…) are left as written: closing them would change what they test.
// - Text: a string field without its own `maxLength` (or enum, const) takes at most
//   DECLARATION_TEXT_MAX characters; a form that needs longer text says so.
// - Size: the whole declaration is at most DECLARATION_MAX_BYTES of JSON (declarationSizeErrors), a
//   limit no form can lift and that holds even where form errors are only warnings (a dossier handed
//   over by the national portal).
// The server's validator and the browser's (the standalone module) are both compiled from the held
// form, so they agree.
import { isSchemaObject as isObject, type FormError, type JsonSchemaObject } from './form-errors.ts';

export const DECLARATION_TEXT_MAX = 2000;
export const DECLARATION_MAX_BYTES = 128 * 1024;

/** Keywords under which a subschema describes the instance (or a part of it) itself. */
const INSTANCE_MAPS = ['properties', 'patternProperties'];
const INSTANCE_ONE = ['additionalProperties', 'unevaluatedProperties', 'items', 'unevaluatedItems'];
const INSTANCE_LIST = ['prefixItems'];
/** Keywords under which a subschema is applied beside its parent, or only tests the instance. */
const BRANCH_MAPS = ['$defs', 'definitions', 'dependentSchemas'];
const BRANCH_ONE = ['if', 'then', 'else', 'not', 'contains', 'propertyNames'];
const BRANCH_LIST = ['allOf', 'anyOf', 'oneOf'];

const describesObject = (s: JsonSchemaObject) =>
  'properties' in s || '$ref' in s || 'allOf' in s || 'anyOf' in s || 'oneOf' in s || 'if' in s;

const isStringSchema = (s: JsonSchemaObject) =>
  s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'));

function hold(schema: unknown, instance: boolean): unknown {
  if (!isObject(schema)) return schema;
  const out: JsonSchemaObject = { ...schema };
  if (instance) {
    if (describesObject(out) && !('additionalProperties' in out) && !('unevaluatedProperties' in out))
      out.unevaluatedProperties = false;
    if (isStringSchema(out) && !('maxLength' in out) && !('enum' in out) && !('const' in out))
      out.maxLength = DECLARATION_TEXT_MAX;
  } else if (isStringSchema(out) && !('maxLength' in out) && !('enum' in out) && !('const' in out)) {
    // A branch's string type still bounds the value it is applied to (a $defs entry used by $ref).
    out.maxLength = DECLARATION_TEXT_MAX;
  }
  const map = (kw: string, asInstance: boolean) => {
    const m = out[kw];
    if (isObject(m))
      out[kw] = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, hold(v, asInstance)]));
  };
  const one = (kw: string, asInstance: boolean) => {
    if (kw in out) out[kw] = hold(out[kw], asInstance);
  };
  const list = (kw: string, asInstance: boolean) => {
    const l = out[kw];
    if (Array.isArray(l)) out[kw] = l.map((v) => hold(v, asInstance));
  };
  for (const kw of INSTANCE_MAPS) map(kw, true);
  for (const kw of INSTANCE_ONE) one(kw, true);
  for (const kw of INSTANCE_LIST) list(kw, true);
  for (const kw of BRANCH_MAPS) map(kw, false);
  for (const kw of BRANCH_ONE) one(kw, false);
  for (const kw of BRANCH_LIST) list(kw, false);
  return out;
}

/** The form a declaration is validated against: `schema` closed and bounded as the file comment says. */
export function holdToForm(schema: JsonSchemaObject): JsonSchemaObject {
  return hold(schema, true) as JsonSchemaObject;
}

/** The size problem of a whole declaration, if any (keyword `maxBytes`). */
export function declarationSizeErrors(data: unknown): FormError[] {
  const bytes = new TextEncoder().encode(JSON.stringify(data) ?? '').length;
  if (bytes <= DECLARATION_MAX_BYTES) return [];
  return [
    {
      pointer: '',
      keyword: 'maxBytes',
      message: `Tờ khai quá lớn (${Math.ceil(bytes / 1024)} KB); tối đa ${DECLARATION_MAX_BYTES / 1024} KB.`,
    },
  ];
}
