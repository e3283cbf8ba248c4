// The kinds of variable config.ts declares (integer, boolean, one of, text, refined text, URL) and the
// checks its refinements use: each a TypeBox schema with its default, documentation and the words of
// its error.
import { isIP } from 'node:net';
import { Type, type TSchema } from 'typebox';

export type Variable<T = unknown> = {
  schema: TSchema & { default?: unknown; description?: string };
  /** What a wrong value must be, for the error: "… must be <mustBe> (got "…")". */
  mustBe: string;
  /** The value in `.env.example` when it is not the default (a default that depends on others). */
  example?: string;
  /** The value is not repeated in the error (it can hold a password). */
  quiet?: boolean;
  /** The type of the value read (for the compiler only). */
  readonly value?: T;
};

/** The value's type, with undefined when the variable has no default. */
export type Read<T, F> = T | (undefined extends F ? undefined : never);

// Number with multipleOf rather than Integer: TypeBox converts "1.5" to the integer 1.
export const int = (min: number, max: number, fallback: number, doc: string): Variable<number> => ({
  schema: Type.Number({ multipleOf: 1, minimum: min, maximum: max, default: fallback, description: doc }),
  mustBe: `an integer between ${min} and ${max}`,
});
export const bool = <F extends boolean | undefined>(
  fallback: F,
  doc: string,
  example?: string,
): Variable<Read<boolean, F>> => ({
  schema: Type.Boolean({ default: fallback, description: doc }),
  mustBe: 'true or false',
  ...(example === undefined ? {} : { example }),
});
export const oneOf = <const V extends readonly string[], F extends V[number] | undefined>(
  values: V,
  fallback: F,
  doc: string,
  example?: string,
): Variable<Read<V[number], F>> => ({
  schema: Type.Union(
    values.map((v) => Type.Literal(v)),
    { default: fallback, description: doc },
  ),
  mustBe: `one of ${values.join(', ')}`,
  ...(example === undefined ? {} : { example }),
});
export const text = <F extends string | undefined>(fallback: F, doc: string): Variable<Read<string, F>> => ({
  schema: Type.String({ default: fallback, description: doc }),
  mustBe: 'text',
});
export const refined = <F extends string | undefined = undefined>(
  check: (value: string) => boolean,
  rule: { mustBe: string; doc: string; fallback?: F; example?: string; quiet?: boolean },
): Variable<Read<string, F>> => ({
  ...rule,
  schema: Type.Refine(Type.String({ default: rule.fallback, description: rule.doc }), check),
});

export function isUrl(value: string, protocols?: string[]): boolean {
  try {
    const u = new URL(value);
    return protocols === undefined || protocols.includes(u.protocol);
  } catch {
    return false;
  }
}
/** proxy-addr's names for ranges, beside addresses and CIDR ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

export function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY's entries; false or empty trusts no proxy. */
export function proxyList(value: string | undefined): string[] {
  if (value === undefined || value === 'false') return [];
  return value.split(',').map((e) => e.trim());
}

export const httpUrl = (doc: string): Variable<string | undefined> =>
  refined((v) => isUrl(v, ['http:', 'https:']), { mustBe: 'an absolute http(s) URL', doc });
