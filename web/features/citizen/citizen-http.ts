// Requests of the citizen side. Not through app/http.ts: a 401 there ends the *staff* session (its
// unauthorized handler), while a 401 here only means that no citizen is signed in — the citizen session
// (citizen-session.tsx) learns it through its own handler. Errors are the same ApiError.
// This file loads with the app (the procedure page's "Nộp trực tuyến" needs the portal settings);
// the heavier calls of the citizen pages are in citizen-api.ts, loaded with those pages.
import type { CitizenView, PortalSettings } from '../../../common/contracts/citizens.ts';
import { ApiError, isAbort, withQuery, type ErrorDetail, type Query } from '../../app/http.ts';

export type { CitizenView, PortalSettings };

const ME = '/api/v1/citizen/me';
let onUnauthorized: () => void = () => {};

/** The citizen session learns here that the server no longer knows the citizen. */
export function setCitizenUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Envelope = {
  error?: { code?: unknown; message?: unknown; details?: ErrorDetail[]; requestId?: unknown };
};

/** The server's error envelope (or the status alone) as an ApiError. */
export function apiErrorOf(status: number, body: unknown, retryAfter: string | null = null): ApiError {
  const error = (body as Envelope | null)?.error;
  const seconds = retryAfter === null ? null : Number(retryAfter);
  return new ApiError({
    status,
    code: typeof error?.code === 'string' ? error.code : 'INTERNAL_ERROR',
    message: typeof error?.message === 'string' ? error.message : '',
    details: Array.isArray(error?.details) ? error.details : [],
    requestId: typeof error?.requestId === 'string' ? error.requestId : null,
    retryAfterSeconds: seconds !== null && Number.isFinite(seconds) ? seconds : null,
  });
}

export async function citizenRequest<T>(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal; query?: Query } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' });
  }
  if (response.status === 204) return undefined as T;
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch (error) {
    if (isAbort(error)) throw error;
  }
  if (response.ok) return parsed as T;
  if (response.status === 401 && path !== ME) onUnauthorized();
  throw apiErrorOf(response.status, parsed, response.headers.get('retry-after'));
}

export function getCitizen(signal?: AbortSignal): Promise<{ citizen: CitizenView }> {
  return citizenRequest('GET', ME, signal ? { signal } : {});
}

export function signOutCitizen(): Promise<void> {
  return citizenRequest('POST', '/api/v1/citizen/sign-out', { body: {} });
}

/**
 * Where the browser goes to sign in: the server sends it on to the identity provider (VNeID, or the
 * development provider in demo mode), which sends it back to `next`.
 */
export function citizenSignInUrl(next: string): string {
  return withQuery('/api/v1/citizen/sign-in', { next });
}

let settings: PortalSettings | null = null;
let pending: Promise<PortalSettings | null> | null = null;

/** The portal's mode, read once per visit; null when it could not be read (asked again next time). */
export function loadPortalSettings(): Promise<PortalSettings | null> {
  if (settings) return Promise.resolve(settings);
  pending ??= citizenRequest<PortalSettings>('GET', '/api/v1/portal/settings')
    .then((s) => (settings = s))
    .catch(() => null)
    .finally(() => {
      pending = null;
    });
  return pending;
}

/** The settings if already read. */
export function portalSettingsNow(): PortalSettings | null {
  return settings;
}

/** The national portal's page of a procedure. */
export function nationalProcedureUrl(s: PortalSettings, code: string): string {
  return s.nationalProcedureUrl.split('{code}').join(encodeURIComponent(code));
}
