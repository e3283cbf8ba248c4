// What a declaration form may fill in by itself: a field annotated `"x-prefill": "<source>"` takes its
// value from the chosen agency ("Kính gửi") or from the identity the identity provider vouched for
// (VNeID: name, personal ID number, date of birth), so a signed-in citizen never retypes them. One
// implementation for the citizen's apply page (which fills and shows the vouched fields read-only) and
// the server's online submission, which fills what is absent and puts the vouched value in place of a
// different one: the requester of an online application is the person the identity provider
// authenticated (ND 69/2024/NĐ-CP on electronic identification), so the declaration names them.
import type { JsonSchemaObject } from './forms.ts';

export const PREFILL_SOURCES = [
  'agency.name',
  'applicant.fullName',
  'applicant.idNumber',
  'applicant.idKind',
  'applicant.birthDate',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

/** Sources the identity provider vouches for: read-only on the apply page, checked by the server. */
export const VOUCHED_SOURCES: ReadonlySet<PrefillSource> = new Set([
  'applicant.fullName',
  'applicant.idNumber',
  'applicant.birthDate',
]);

/** How the requester's identity paper is named when it is the personal ID number (form footnote 3). */
export const ID_KIND_PERSONAL_NUMBER = 'Số định danh cá nhân';

/** The values at hand; a missing one fills nothing (a provider that sends no birth date, say). */
export type PrefillFacts = {
  agencyName?: string | null | undefined;
  fullName?: string | null | undefined;
  idNumber?: string | null | undefined;
  birthDate?: string | null | undefined;
};

export type PrefillField = { path: string[]; source: PrefillSource };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every annotated field of a form, with its path of property names (local `$ref`s followed). */
export function prefillFields(schema: JsonSchemaObject): PrefillField[] {
  const found: PrefillField[] = [];
  const resolve = (node: Record<string, unknown>): Record<string, unknown> => {
    const ref = node.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
    let target: unknown = schema;
    for (const part of ref.slice(2).split('/')) target = isObject(target) ? target[part] : undefined;
    return isObject(target) ? { ...target, ...node } : node;
  };
  const walk = (node: Record<string, unknown>, path: string[], depth: number) => {
    if (depth > 8) return;
    const source = node['x-prefill'];
    if (typeof source === 'string' && (PREFILL_SOURCES as readonly string[]).includes(source))
      found.push({ path, source: source as PrefillSource });
    const props = node.properties;
    if (!isObject(props)) return;
    for (const [key, child] of Object.entries(props))
      if (isObject(child)) walk(resolve(child), [...path, key], depth + 1);
  };
  walk(schema, [], 0);
  return found;
}

export function prefillValue(source: PrefillSource, facts: PrefillFacts): string | null {
  const v = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null);
  switch (source) {
    case 'agency.name':
      return v(facts.agencyName);
    case 'applicant.fullName':
      return v(facts.fullName);
    case 'applicant.idNumber':
      return v(facts.idNumber);
    case 'applicant.idKind':
      return v(facts.idNumber) ? ID_KIND_PERSONAL_NUMBER : null;
    case 'applicant.birthDate':
      return v(facts.birthDate);
  }
}

export function valueAt(data: unknown, path: readonly string[]): unknown {
  let node: unknown = data;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}

/** A copy of `data` with `value` at `path` (objects made on the way). */
export function withValueAt(data: unknown, path: readonly string[], value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = isObject(data) ? { ...data } : {};
  let node = root;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else {
      const next = isObject(node[key]) ? { ...node[key] } : {};
      node[key] = next;
      node = next;
    }
  });
  return root;
}

const same = (a: string, b: string) =>
  a.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi') ===
  b.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');

export type PrefillOutcome = {
  data: Record<string, unknown>;
  /** Vouched fields given with another value: replaced by the vouched value, listed for a warning. */
  corrected: { path: string[]; source: PrefillSource; given: unknown; vouched: string }[];
};

/**
 * Fills every annotated field that is empty with its value. `vouched`: the facts come from the
 * identity provider, so a vouched field given with another value takes the vouched value (listed in
 * `corrected`); unvouched fields ("Kính gửi", the kind of identity paper) keep what was typed.
 */
export function applyPrefill(
  schema: JsonSchemaObject,
  data: unknown,
  facts: PrefillFacts,
  { vouched }: { vouched: boolean },
): PrefillOutcome {
  let out: Record<string, unknown> = isObject(data) ? { ...data } : {};
  const corrected: PrefillOutcome['corrected'] = [];
  for (const field of prefillFields(schema)) {
    const value = prefillValue(field.source, facts);
    if (value === null) continue;
    const given = valueAt(out, field.path);
    const empty = given === undefined || given === null || (typeof given === 'string' && given.trim() === '');
    if (empty) out = withValueAt(out, field.path, value);
    else if (
      vouched &&
      VOUCHED_SOURCES.has(field.source) &&
      (typeof given !== 'string' || !same(given, value))
    ) {
      out = withValueAt(out, field.path, value);
      corrected.push({ path: field.path, source: field.source, given, vouched: value });
    }
  }
  return { data: out, corrected };
}

/** A copy of `data` with every field filled from `source` set to `value` ("Kính gửi" follows the agency). */
export function setPrefilled(
  schema: JsonSchemaObject,
  data: unknown,
  source: PrefillSource,
  value: string,
): Record<string, unknown> {
  let out: Record<string, unknown> = isObject(data) ? { ...data } : {};
  for (const f of prefillFields(schema)) if (f.source === source) out = withValueAt(out, f.path, value);
  return out;
}

/** The fields the identity provider vouches for and has a value for: shown read-only. */
export function vouchedPaths(schema: JsonSchemaObject, facts: PrefillFacts): string[][] {
  return prefillFields(schema)
    .filter((f) => VOUCHED_SOURCES.has(f.source) && prefillValue(f.source, facts) !== null)
    .map((f) => f.path);
}
