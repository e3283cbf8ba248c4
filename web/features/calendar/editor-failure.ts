// What a refused save of an editor (the calendar year, an agency's office hours) means for the
// form: someone saved first (409 STALE_VERSION: reload), or problems, each beside the field the
// server names by its path when the editor can find it, else above the form.
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import type { Messages } from '../../app/i18n/vi.ts';

export type EditorFailure =
  { kind: 'stale' } | { kind: 'problems'; fields: Record<string, string>; general: string[] };

/**
 * `locate` turns a detail's path (`body/holidays/3/date`) into the form's field name, or null when
 * no field of the form is meant. The first message for a field wins. A refusal without details is
 * one general problem (`forbidden` for a 403, else the error in words).
 */
export function editorFailure(
  t: Messages,
  error: unknown,
  locate: (path: string) => string | null,
  forbidden: string,
): EditorFailure {
  if (error instanceof ApiError && error.code === 'STALE_VERSION') return { kind: 'stale' };
  if (!(error instanceof ApiError) || error.details.length === 0) {
    const refused = error instanceof ApiError && error.status === 403;
    return { kind: 'problems', fields: {}, general: [refused ? forbidden : errorText(t, error)] };
  }
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const detail of error.details) {
    const name = locate(detail.path);
    if (name === null) general.push(detailText(t, detail));
    else fields[name] ??= detailText(t, detail);
  }
  return { kind: 'problems', fields, general };
}
