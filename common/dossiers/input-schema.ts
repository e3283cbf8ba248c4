// The inputs of a dossier action as a small declarative schema: a strict subset of JSON Schema 2020-12
// (so the server may also hand it to Ajv or the OpenAPI document) that the web renders as a form and
// that this module validates itself. Validating here, without Ajv, keeps the lifecycle pure and usable
// in the browser under a strict Content-Security-Policy (Ajv compiles with `new Function`).

export type ChoiceOption = { const: string; title: string };

export type StringField = {
  type: 'string';
  /** Vietnamese label of the input. */
  title: string;
  description?: string;
  minLength?: number;
  maxLength: number;
  /** Unicode regular expression the value must contain a match of (`\S`: not blank). */
  pattern?: string;
  /** ISO 8601 instant with a time zone (RFC 3339 date-time), or a calendar date `YYYY-MM-DD`. */
  format?: 'date-time' | 'date';
  /** A closed list of values, each with its Vietnamese label. */
  oneOf?: readonly ChoiceOption[];
  /** Annotation only: the value the form starts from (the validator ignores it). */
  default?: string;
  /**
   * Annotation only (an `x-` keyword: Ajv and this validator ignore it): the value is the id of a file
   * sent to `POST /api/v1/files`, so the web offers a file to upload instead of a text box. Whether the
   * file exists, and may be attached by the caller, is the server's check.
   */
  'x-file'?: true;
};

export type IntegerField = {
  type: 'integer';
  title: string;
  description?: string;
  minimum?: number;
  maximum?: number;
};

export type ObjectField = {
  type: 'object';
  title?: string;
  description?: string;
  properties: Readonly<Record<string, InputField>>;
  required: readonly string[];
  additionalProperties: false;
};

export type ArrayField = {
  type: 'array';
  title: string;
  description?: string;
  items: ObjectField;
  minItems?: number;
  maxItems: number;
};

export type InputField = StringField | IntegerField | ObjectField | ArrayField;

/** The inputs of one action: always an object, unknown fields refused. */
export type InputSchema = ObjectField;

/** One failing input; `path` like `missingComponents/0/name` (empty for the whole input). */
export type InputProblem = { path: string; message: string };

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A calendar date `YYYY-MM-DD` that exists (RFC 3339 full-date). */
export function isFullDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** An RFC 3339 date-time with a valid calendar date and clock time (leap seconds refused). */
export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function join(path: string, segment: string | number): string {
  return path === '' ? String(segment) : `${path}/${segment}`;
}

function name(field: { title?: string }, path: string): string {
  return `“${field.title ?? (path || 'Dữ liệu nhập')}”`;
}

function checkString(field: StringField, value: unknown, path: string, out: InputProblem[]): void {
  if (typeof value !== 'string') {
    out.push({ path, message: `${name(field, path)} phải là chuỗi ký tự` });
    return;
  }
  // JSON Schema counts code points, not UTF-16 units.
  const length = [...value].length;
  if (field.oneOf !== undefined) {
    if (!field.oneOf.some((o) => o.const === value)) {
      out.push({
        path,
        message: `${name(field, path)} phải là một trong: ${field.oneOf.map((o) => o.title).join(', ')}`,
      });
    }
    return;
  }
  if (
    (field.minLength !== undefined && length < field.minLength) ||
    (field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(value))
  ) {
    out.push({ path, message: `${name(field, path)} không được để trống` });
  } else if (length > field.maxLength) {
    out.push({ path, message: `${name(field, path)} dài quá ${field.maxLength} ký tự` });
  } else if (field.format === 'date-time' && !isDateTime(value)) {
    out.push({
      path,
      message: `${name(field, path)} phải là thời điểm theo ISO 8601 có múi giờ (ví dụ 2025-07-01T08:00:00+07:00)`,
    });
  } else if (field.format === 'date' && !isFullDate(value)) {
    out.push({
      path,
      message: `${name(field, path)} phải là một ngày có thật (YYYY-MM-DD, ví dụ 2025-07-01)`,
    });
  }
}

function checkInteger(field: IntegerField, value: unknown, path: string, out: InputProblem[]): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    out.push({ path, message: `${name(field, path)} phải là số nguyên` });
  } else if (field.minimum !== undefined && value < field.minimum) {
    out.push({ path, message: `${name(field, path)} không được nhỏ hơn ${field.minimum}` });
  } else if (field.maximum !== undefined && value > field.maximum) {
    out.push({ path, message: `${name(field, path)} không được lớn hơn ${field.maximum}` });
  }
}

function checkObject(field: ObjectField, value: unknown, path: string, out: InputProblem[]): void {
  if (!isRecord(value)) {
    out.push({ path, message: `${name(field, path)} phải là một đối tượng` });
    return;
  }
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(field.properties, key)) {
      out.push({ path: join(path, key), message: `Trường “${key}” không thuộc thao tác này` });
    }
  }
  for (const [key, sub] of Object.entries(field.properties)) {
    const subPath = join(path, key);
    if (!Object.hasOwn(value, key)) {
      if (field.required.includes(key))
        out.push({ path: subPath, message: `Cần nhập ${name(sub, subPath)}` });
      continue;
    }
    checkField(sub, value[key], subPath, out);
  }
}

function checkArray(field: ArrayField, value: unknown, path: string, out: InputProblem[]): void {
  if (!Array.isArray(value)) {
    out.push({ path, message: `${name(field, path)} phải là một danh sách` });
    return;
  }
  if (field.minItems !== undefined && value.length < field.minItems) {
    out.push({ path, message: `${name(field, path)} phải có ít nhất ${field.minItems} mục` });
  } else if (value.length > field.maxItems) {
    out.push({ path, message: `${name(field, path)} có nhiều nhất ${field.maxItems} mục` });
  }
  value.forEach((item, i) => checkField(field.items, item, join(path, i), out));
}

function checkField(field: InputField, value: unknown, path: string, out: InputProblem[]): void {
  switch (field.type) {
    case 'string':
      return checkString(field, value, path, out);
    case 'integer':
      return checkInteger(field, value, path, out);
    case 'object':
      return checkObject(field, value, path, out);
    case 'array':
      return checkArray(field, value, path, out);
  }
}

/** Every problem of `value` against `schema`, in schema order; empty when the value is valid. */
export function validateInput(schema: InputSchema, value: unknown): InputProblem[] {
  const out: InputProblem[] = [];
  checkField(schema, value, '', out);
  return out;
}
