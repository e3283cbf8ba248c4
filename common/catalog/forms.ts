// Declaration forms (tờ khai, đơn đề nghị) as JSON Schema 2020-12, one per procedure version, and the
// validator that checks a filled form and says what is wrong in Vietnamese, field by field.
//
// A form schema comes from an administrator, so compiling it must never reach out: no remote $ref or
// $dynamicRef, no $async, no loadSchema. Ajv compiles to JavaScript with `new Function`, which the app's
// Content-Security-Policy (script-src 'self') forbids in the browser: the server also turns each form
// into Ajv standalone code (formValidatorModule), served as a same-origin module that the browser runs
// with form-runtime.ts; the messages come from form-errors.ts on both sides (docs/domain/catalog.md).
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import {
  describeErrors,
  escapePointer,
  isSchemaObject as isObject,
  type FormValidationResult,
  type FormValidator,
  type JsonSchemaObject,
} from './form-errors.ts';
import { CHANNEL_LABELS, type Procedure } from './procedure.ts';

export {
  describeErrors,
  type FormError,
  type FormValidationResult,
  type FormValidator,
  type JsonSchemaObject,
} from './form-errors.ts';

/** A reason a schema was refused; `path` is a JSON pointer into the schema. */
export type FormSchemaProblem = { path: string; message: string };

export class FormSchemaError extends Error {
  readonly code = 'FORM_SCHEMA_INVALID';
  readonly problems: FormSchemaProblem[];
  constructor(problems: FormSchemaProblem[]) {
    super(`Biểu mẫu không hợp lệ: ${problems.map((p) => `${p.path || '/'}: ${p.message}`).join('; ')}`);
    this.name = 'FormSchemaError';
    this.problems = problems;
  }
}

export const FORM_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_KEYWORDS = [
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'unevaluatedItems',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'additionalItems',
  'contentSchema',
];
const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
const REF_KEYWORDS = ['$ref', '$dynamicRef', '$recursiveRef'];

/** Calls `visit` on every subschema (schema positions only: not inside const, enum, default, x-*). */
function walkSchema(schema: unknown, path: string, visit: (s: JsonSchemaObject, path: string) => void): void {
  if (!isObject(schema)) return;
  visit(schema, path);
  for (const kw of SCHEMA_MAP_KEYWORDS) {
    const map = schema[kw];
    if (isObject(map)) {
      for (const [name, sub] of Object.entries(map))
        walkSchema(sub, `${path}/${kw}/${escapePointer(name)}`, visit);
    }
  }
  for (const kw of SCHEMA_KEYWORDS) walkSchema(schema[kw], `${path}/${kw}`, visit);
  for (const kw of SCHEMA_LIST_KEYWORDS) {
    const list = schema[kw];
    if (Array.isArray(list)) list.forEach((sub, i) => walkSchema(sub, `${path}/${kw}/${i}`, visit));
  }
}

/** Every `x-…` key anywhere in the document: registered as annotation-only keywords. */
function extensionKeywords(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) extensionKeywords(v, into);
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('x-')) into.add(k);
      extensionKeywords(v, into);
    }
  }
  return into;
}

/**
 * The checks made before Ajv sees the schema: it must be an object, in the 2020-12 dialect, and
 * self-contained (every reference starts with `#`), with nothing asynchronous.
 */
export function checkFormSchema(schema: unknown): FormSchemaProblem[] {
  if (!isObject(schema)) {
    return [{ path: '', message: 'Biểu mẫu phải là một đối tượng JSON Schema' }];
  }
  const problems: FormSchemaProblem[] = [];
  walkSchema(schema, '', (s, path) => {
    for (const kw of REF_KEYWORDS) {
      const ref = s[kw];
      if (ref === undefined) continue;
      if (typeof ref !== 'string') {
        problems.push({ path: `${path}/${kw}`, message: `${kw} phải là chuỗi` });
      } else if (kw === '$recursiveRef') {
        problems.push({
          path: `${path}/${kw}`,
          message: '$recursiveRef (bản nháp 2019-09) không được hỗ trợ',
        });
      } else if (!ref.startsWith('#')) {
        problems.push({
          path: `${path}/${kw}`,
          message: `Tham chiếu ngoài “${ref}” không được phép: biểu mẫu chỉ được tham chiếu đến chính nó (bắt đầu bằng #)`,
        });
      }
    }
    if ('$async' in s) {
      problems.push({ path: `${path}/$async`, message: 'Kiểm tra bất đồng bộ ($async) không được phép' });
    }
    if ('$schema' in s && s.$schema !== FORM_SCHEMA_DIALECT) {
      problems.push({
        path: `${path}/$schema`,
        message: `Chỉ hỗ trợ JSON Schema 2020-12 (${FORM_SCHEMA_DIALECT})`,
      });
    }
  });
  return problems;
}

/**
 * The Ajv options forms are compiled with, on the server (compileForm) and for the browser's standalone
 * module (formValidatorModule, which adds `code: { source: true }`); both go through compileWithAjv.
 * strictSchema stays on so a misspelt keyword is refused, not silently ignored; the type-level strict
 * checks are off because ordinary forms trip them (an `if` with `properties` but no `type`).
 */
export const FORM_AJV_OPTIONS = {
  allErrors: true,
  verbose: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
  logger: false,
} as const;

function compileProblem(err: unknown): FormSchemaProblem {
  const message = err instanceof Error ? err.message : String(err);
  const missingRef = isObject(err) && typeof err.missingRef === 'string' ? err.missingRef : null;
  if (missingRef !== null)
    return { path: '', message: `Không tìm thấy tham chiếu “${missingRef}” trong biểu mẫu` };
  const unknownKeyword = /unknown keyword: "([^"]*)"/.exec(message);
  if (unknownKeyword) {
    return {
      path: '',
      message: `Từ khóa “${unknownKeyword[1]}” không được hỗ trợ (từ khóa riêng phải bắt đầu bằng “x-”)`,
    };
  }
  const unknownFormat = /unknown format "([^"]*)"/.exec(message);
  if (unknownFormat) return { path: '', message: `Định dạng “${unknownFormat[1]}” không được hỗ trợ` };
  return { path: '', message: `Biểu mẫu không biên dịch được: ${message}` };
}

/**
 * The one way a form schema becomes Ajv code, shared by compileForm and formValidatorModule so that the
 * server's and the browser's validators cannot drift: the same checks before Ajv, the same options,
 * ajv-formats, and every `x-…` key registered as an annotation-only keyword. `source` keeps the
 * generated code, which standalone output needs. Throws FormSchemaError.
 */
function compileWithAjv(
  schema: unknown,
  options: { source: boolean },
): { ajv: Ajv2020; check: ValidateFunction; schema: JsonSchemaObject } {
  const problems = checkFormSchema(schema);
  if (problems.length > 0 || !isObject(schema)) throw new FormSchemaError(problems);
  const ajv = new Ajv2020(
    options.source ? { ...FORM_AJV_OPTIONS, code: { source: true } } : FORM_AJV_OPTIONS,
  );
  addFormats.default(ajv);
  for (const keyword of extensionKeywords(schema, new Set())) {
    try {
      ajv.addKeyword({ keyword });
    } catch {
      problems.push({ path: '', message: `Tên từ khóa riêng “${keyword}” không hợp lệ` });
    }
  }
  if (problems.length > 0) throw new FormSchemaError(problems);
  const valid = ajv.validateSchema(schema);
  if (valid !== true) {
    const errors = ajv.errors ?? [];
    throw new FormSchemaError(
      errors.length > 0
        ? errors.map((e) => ({
            path: e.instancePath,
            message: `Lược đồ không hợp lệ: ${e.message ?? e.keyword}`,
          }))
        : [{ path: '', message: 'Lược đồ không hợp lệ' }],
    );
  }
  try {
    return { ajv, check: ajv.compile(schema), schema };
  } catch (err) {
    throw new FormSchemaError([compileProblem(err)]);
  }
}

/**
 * Compiles a form schema into a validator, or throws FormSchemaError listing why the schema is
 * refused (remote references, $async, another dialect, keywords Ajv does not know, schema errors).
 * Server-side only (see the file comment about CSP).
 */
export function compileForm(schema: unknown): FormValidator {
  const { check, schema: form } = compileWithAjv(schema, { source: false });
  return {
    schema: form,
    validate(data: unknown): FormValidationResult {
      if (check(data)) return { ok: true };
      return { ok: false, errors: describeErrors(form, check.errors ?? []) };
    },
  };
}

/**
 * The form's validator as an ES module for the browser: Ajv's standalone code (CommonJS) wrapped as
 * `export default function (require) { … return module.exports; }`, whose result is the validate
 * function. No `new Function` runs in the browser: the module is an ordinary same-origin script, and the
 * few runtime helpers the code requires are passed in (form-runtime.ts). Throws FormSchemaError.
 */
export function formValidatorModule(schema: unknown): string {
  const { ajv, check } = compileWithAjv(schema, { source: true });
  const cjs = standaloneCode.default(ajv, check);
  return [
    '// Generated by motcua from the declaration form (Ajv standalone code); see common/catalog/forms.ts.',
    'export default function (require) {',
    'const module = { exports: {} };',
    'const exports = module.exports;',
    cjs,
    ';',
    'return module.exports;',
    '}',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------
// The generic form

/** Result delivery choices (ND 118/2025 Điều 22: at the desk, by public postal service, online). */
export const RESULT_DELIVERY_OPTIONS = [
  'Nhận trực tiếp',
  'Qua dịch vụ bưu chính công ích',
  'Nhận trực tuyến',
];

/**
 * A plain request form for procedures that have no prescribed declaration form: who asks, for what,
 * and how they want the result. Marked `x-generic: true` so the UI can say so.
 */
export function genericDeclarationForm(procedure: Procedure): JsonSchemaObject {
  const kinhGui: JsonSchemaObject = { type: 'string', title: 'Kính gửi', maxLength: 300 };
  if (procedure.competentAgency.text !== null) kinhGui.default = procedure.competentAgency.text;
  const online = procedure.channels.includes('online');
  return {
    $schema: FORM_SCHEMA_DIALECT,
    $id: `urn:motcua:form:${procedure.code}:generic`,
    title: 'Đơn đề nghị giải quyết thủ tục hành chính',
    description: `Dùng cho thủ tục ${procedure.code} – ${procedure.name} khi thủ tục không có mẫu tờ khai riêng.`,
    'x-procedureCodes': [procedure.code],
    'x-generic': true,
    type: 'object',
    properties: {
      kinhGui,
      nguoiYeuCau: {
        type: 'object',
        title: 'Thông tin người yêu cầu',
        properties: {
          hoTen: { type: 'string', title: 'Họ, chữ đệm và tên', minLength: 1, maxLength: 100 },
          ngaySinh: { type: 'string', format: 'date', title: 'Ngày, tháng, năm sinh' },
          soDinhDanh: {
            type: 'string',
            title: 'Số định danh cá nhân (hoặc số hộ chiếu)',
            pattern: '^[0-9A-Za-z]{6,20}$',
          },
          noiCuTru: { type: 'string', title: 'Nơi cư trú', minLength: 1, maxLength: 500 },
          dienThoai: { type: 'string', title: 'Số điện thoại', pattern: '^\\+?[0-9][0-9 .-]{7,18}$' },
          email: { type: 'string', format: 'email', title: 'Thư điện tử', maxLength: 254 },
        },
        required: ['hoTen', 'soDinhDanh', 'noiCuTru'],
        additionalProperties: false,
      },
      toChuc: {
        type: 'object',
        title: 'Tổ chức đề nghị (khi người yêu cầu đại diện cho tổ chức)',
        properties: {
          tenToChuc: { type: 'string', title: 'Tên tổ chức', minLength: 1, maxLength: 300 },
          maSo: {
            type: 'string',
            title: 'Mã số doanh nghiệp / mã số thuế',
            pattern: '^[0-9]{10}(-[0-9]{3})?$',
          },
          diaChi: { type: 'string', title: 'Địa chỉ trụ sở', maxLength: 500 },
        },
        required: ['tenToChuc'],
        additionalProperties: false,
      },
      noiDungYeuCau: {
        type: 'string',
        title: 'Nội dung đề nghị',
        description: `Nêu rõ yêu cầu đối với thủ tục “${procedure.name}”`,
        minLength: 1,
        maxLength: 4000,
      },
      hinhThucNhanKetQua: {
        type: 'string',
        title: 'Hình thức nhận kết quả',
        enum: RESULT_DELIVERY_OPTIONS,
        default: online ? 'Nhận trực tuyến' : 'Nhận trực tiếp',
      },
      diaChiNhanKetQua: {
        type: 'string',
        title: 'Địa chỉ nhận kết quả qua bưu chính',
        minLength: 1,
        maxLength: 500,
      },
      ghiChu: { type: 'string', title: 'Ghi chú', maxLength: 2000 },
      camDoan: {
        type: 'boolean',
        const: true,
        title: 'Tôi cam đoan những thông tin đã khai là đúng sự thật và chịu trách nhiệm trước pháp luật',
      },
      ngayLap: { type: 'string', format: 'date', title: 'Ngày lập đơn' },
    },
    required: ['nguoiYeuCau', 'noiDungYeuCau', 'hinhThucNhanKetQua', 'camDoan'],
    additionalProperties: false,
    if: {
      properties: { hinhThucNhanKetQua: { const: RESULT_DELIVERY_OPTIONS[1] } },
      required: ['hinhThucNhanKetQua'],
    },
    then: { required: ['diaChiNhanKetQua'] },
    'x-channels': procedure.channels.map((c) => CHANNEL_LABELS[c]),
  };
}
