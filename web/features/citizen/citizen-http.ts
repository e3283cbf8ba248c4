// Requests of the citizen side: app/http.ts's client on behalf of the citizen session, so that a 401
// here ends the citizen session (citizen-session.tsx) and never the staff one.
// This file loads with the app (the procedure page's "Nộp trực tuyến" needs the portal settings);
// the heavier calls of the citizen pages are in citizen-api.ts, loaded with those pages.
import { queryOptions } from '@tanstack/react-query';
import type { CitizenView, PortalSettings } from '../../../common/contracts/citizens.ts';
import { apiRequest, setUnauthorizedHandler, withQuery, type RequestOptions } from '../../app/http.ts';

export type { CitizenView, PortalSettings };

/** The citizen session learns here that the server no longer knows the citizen. */
export function setCitizenUnauthorizedHandler(handler: () => void): void {
  setUnauthorizedHandler(() => handler(), 'citizen');
}

export function citizenRequest<T>(
  method: 'GET' | 'POST',
  path: string,
  options: Omit<RequestOptions, 'as'> = {},
): Promise<T> {
  return apiRequest<T>(method, path, { ...options, as: 'citizen' });
}

export function getCitizen(signal?: AbortSignal): Promise<{ citizen: CitizenView }> {
  return citizenRequest('GET', '/api/v1/citizen/me', { signal });
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

/** The portal's mode as a query (null when it could not be read), shown at once when already read. */
export const portalSettingsQuery = queryOptions({
  queryKey: ['citizen', 'settings'] as const,
  queryFn: loadPortalSettings,
  initialData: () => portalSettingsNow() ?? undefined,
});

/** The national portal's page of a procedure. */
export function nationalProcedureUrl(s: PortalSettings, code: string): string {
  return s.nationalProcedureUrl.split('{code}').join(encodeURIComponent(code));
}
