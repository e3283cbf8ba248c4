// One rule at the edge for every route: text the database cannot store is refused before any handler
// sees it. PostgreSQL refuses NUL (U+0000) in text and jsonb, and a lone UTF-16 surrogate (half of a
// pair, which JSON's \ud800 escapes and JavaScript strings can hold) is no Unicode scalar value: the
// driver sends it as U+FFFD on PostgreSQL and PGlite fails on it. Either used to reach the database as a
// 500, or be stored silently altered (issue #20, finding 5). The rule looks at every string of the
// request — the JSON body at any depth (its keys too), the query, the path parameters and the headers —
// and answers 400 VALIDATION_FAILED naming each failing field, as schema validation does. Nesting deeper
// than MAX_DEPTH is refused on the same walk: no form or contract comes near it, and the code that
// handles a body (serialisers, validators, the jsonb encoder) recurses.
//
// Parts read by a handler itself (a multipart upload's filename, streamed after this hook) are checked
// there with `unstorableText` (modules/files).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from '../errors.ts';

/** Deeper JSON than this is refused (a declaration form nests 4 levels; contracts fewer). */
export const MAX_DEPTH = 32;

// NUL, or any surrogate code unit: the cheap scan; a surrogate found sends the string to isWellFormed.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const SUSPECT = /[\u0000\ud800-\udfff]/;

/**
 * Why `value` cannot be stored as text, or null when it can: a NUL character, or a lone surrogate.
 * The one check for every input; callers that read input outside the edge hook (multipart filenames)
 * call it too.
 */
export function unstorableText(value: string): string | null {
  if (!SUSPECT.test(value)) return null;
  if (value.includes('\u0000')) return 'Chứa ký tự NUL (U+0000), không lưu được.';
  if (!value.isWellFormed()) return 'Chứa ký tự Unicode không hợp lệ (nửa cặp thay thế), không lưu được.';
  return null;
}

const escapeSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Every unstorable string in `value` (object keys included) and every place nested deeper than
 * MAX_DEPTH, named by `prefix` and its JSON pointer. Iterative: a hostile nesting cannot overflow the
 * stack. At most `limit` problems are named.
 */
export function unstorableFields(value: unknown, prefix: string, limit = 20): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: prefix, depth: 0 }];
  while (stack.length > 0 && out.length < limit) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const why = unstorableText(v);
      if (why) out.push({ path, message: why, code: 'unstorableText' });
      continue;
    }
    if (typeof v !== 'object' || v === null || Buffer.isBuffer(v)) continue;
    if (depth >= MAX_DEPTH) {
      out.push({ path, message: `Lồng nhau quá ${MAX_DEPTH} cấp.`, code: 'maxDepth' });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}/${i}`, depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const childPath = `${path}/${escapeSegment(key)}`;
      const why = unstorableText(key);
      if (why) out.push({ path: childPath, message: why, code: 'unstorableText' });
      stack.push({ v: child, path: childPath, depth: depth + 1 });
    }
  }
  return out;
}

/** The request's problems, every part of it (headers, params, query, body) in that order. */
export function unstorableInput(request: FastifyRequest): ErrorDetail[] {
  return [
    ...unstorableFields(request.headers, 'headers'),
    ...unstorableFields(request.params, 'params'),
    ...unstorableFields(request.query, 'query'),
    ...unstorableFields(request.body, 'body'),
  ];
}

export function refuseUnstorable(details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', details);
}

/**
 * Checks every request after its body is parsed and before its schema is: a refused request reaches
 * no validator, handler or database. Added before the routes, so it covers them all.
 */
export function installStorableInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const details = unstorableInput(request);
    if (details.length > 0) throw refuseUnstorable(details);
  });
}
