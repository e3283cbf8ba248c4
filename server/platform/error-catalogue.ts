// The error catalogue: every domain error a module raises, with its envelope code (and so its HTTP
// status, ERROR_STATUS), its Vietnamese message (what the envelope carries) and its English message,
// declared once per module (`<module>.errors.ts`) and gathered here into one registry, from which
// docs/errors.md is written (npm run docs:errors; a test keeps it in step). The envelope carries the
// entry's name as `reason` beside the HTTP-generic `code`, so a client can tell "no such dossier" from
// "no such file" without reading the message.
import { AppError, type ErrorCode, type ErrorDetail } from './errors.ts';

type Params = Record<string, string | number>;
/** A message, fixed or built from the error's parameters (e.g. the dossier code). */
type Text = string | ((p: Params) => string);

export type ErrorEntry = { code: ErrorCode; vi: Text; en: Text };
export type CatalogueRow = { module: string; reason: string; code: ErrorCode; vi: string; en: string };

export type RaiseOptions = {
  params?: Params;
  details?: ErrorDetail[];
  headers?: Record<string, string>;
  /** Fields the envelope carries beside the standard ones; the route's response schema lists them. */
  extra?: Record<string, string>;
};

const registry = new Map<string, CatalogueRow>();

// Shows a parameterised message with its placeholders: `Không tìm thấy hồ sơ {code}.`
const placeholders: Params = new Proxy({}, { get: (_, name) => `{${String(name)}}` });

const render = (text: Text, params: Params): string => (typeof text === 'string' ? text : text(params));

/**
 * Declares a module's errors and returns the function that raises them:
 * `const fail = defineErrors('dossiers', { DOSSIER_NOT_FOUND: { code: 'NOT_FOUND', vi, en } })`, then
 * `throw fail('DOSSIER_NOT_FOUND', { params: { code } })`. A name is declared once in the whole catalogue.
 */
export function defineErrors<const E extends Record<string, ErrorEntry>>(
  module: string,
  entries: E,
): (reason: keyof E & string, options?: RaiseOptions) => AppError {
  for (const [reason, e] of Object.entries(entries)) {
    const known = registry.get(reason);
    if (known && known.module !== module) {
      throw new Error(`error ${reason} is declared by both ${known.module} and ${module}`);
    }
    registry.set(reason, {
      module,
      reason,
      code: e.code,
      vi: render(e.vi, placeholders),
      en: render(e.en, placeholders),
    });
  }
  return (reason, options = {}) => {
    const entry = entries[reason]!;
    const err = new AppError(
      entry.code,
      render(entry.vi, options.params ?? {}),
      options.details,
      options.headers,
    );
    err.reason = reason;
    err.extra = options.extra;
    return err;
  };
}

/** Every entry declared so far (by the modules imported), by module then name. */
export function errorCatalogue(): CatalogueRow[] {
  return [...registry.values()].sort(
    (a, b) => a.module.localeCompare(b.module) || a.reason.localeCompare(b.reason),
  );
}
