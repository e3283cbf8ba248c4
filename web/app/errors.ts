// Turning an API failure into words for the user, in the language of the interface. The server
// writes its messages in Vietnamese; English uses the dictionary by error code.
import { ApiError, type ErrorDetail } from './http.ts';
import type { Messages } from './i18n/vi.ts';

export function errorText(t: Messages, error: unknown): string {
  if (!(error instanceof ApiError)) return t.errors.generic;
  if (error.code === 'NETWORK_ERROR') return t.errors.network;
  if (t.lang === 'vi' && error.message) return error.message;
  return t.errors.byCode[error.code] ?? t.errors.generic;
}

export function detailText(t: Messages, detail: ErrorDetail): string {
  if (t.lang === 'vi') return detail.message;
  return (detail.code ? t.errors.byField[detail.code] : undefined) ?? t.errors.invalidField;
}

/** `body/username` → `username`; `query/parentCode` → `parentCode`. */
export function detailField(detail: ErrorDetail): string {
  const parts = detail.path.split('/').filter((p) => p !== '');
  return parts.length > 1 ? parts.slice(1).join('.') : (parts[0] ?? '');
}
