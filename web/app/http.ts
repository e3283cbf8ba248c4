// The one HTTP client of the web app: JSON over fetch with the session cookie (same origin only, so
// the server's CSRF rule — same-origin JSON requests — holds), for staff and citizen pages alike.
// Every failure becomes an ApiError carrying the server's error envelope
// { error: { code, message, details?, requestId } }, or NETWORK_ERROR when the server could not be
// reached. A 401 ends the session of the side that asked: staff (session.tsx) or citizen
// (citizen-session.tsx), never the other one.
export type ErrorDetail = { path: string; message: string; code?: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;
  /** Fields of the envelope beyond the usual ones (intake's 422 names the dossier and its slip). */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: ErrorDetail[];
    requestId?: string | null;
    retryAfterSeconds?: number | null;
    extra?: Record<string, unknown>;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
    this.extra = init.extra ?? {};
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export type Query = Record<string, string | number | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A Retry-After header (seconds, or an HTTP date) as seconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds : null;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - now) / 1000);
}

const KNOWN = new Set(['code', 'message', 'details', 'requestId']);

function isDetail(value: unknown): value is ErrorDetail {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return typeof d.path === 'string' && typeof d.message === 'string';
}

/**
 * The one envelope parser: a failed response (its status, parsed body and Retry-After header) as an
 * ApiError. A body that is not the envelope (a proxy's error page) is described by the status alone.
 */
export function apiErrorOf(
  status: number,
  body: unknown,
  retryAfter: string | null = null,
  now = Date.now(),
): ApiError {
  const raw = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  const error = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const extra = Object.fromEntries(Object.entries(error).filter(([key]) => !KNOWN.has(key)));
  return new ApiError({
    status,
    code: typeof error.code === 'string' ? error.code : 'INTERNAL_ERROR',
    message: typeof error.message === 'string' ? error.message : '',
    details: Array.isArray(error.details) ? error.details.filter(isDetail) : [],
    requestId: typeof error.requestId === 'string' ? error.requestId : null,
    retryAfterSeconds: parseRetryAfter(retryAfter, now),
    extra,
  });
}

/** Which session a request belongs to, and so which one a 401 ends. */
export type Audience = 'staff' | 'citizen';
type Unauthorized = (path: string) => void;
const unauthorized: Record<Audience, Unauthorized> = { staff: () => {}, citizen: () => {} };

/** The session layer of `audience` learns here that the server no longer knows its user. */
export function setUnauthorizedHandler(handler: Unauthorized, audience: Audience = 'staff'): void {
  unauthorized[audience] = handler;
}

/**
 * Whether a 401 on `path` means the session of `audience` ended. Not for the requests that ask
 * who is signed in or sign in: there a 401 is the answer, not an expiry.
 */
export function endsSession(audience: Audience, path: string): boolean {
  const bare = path.split('?')[0] ?? path;
  return audience === 'staff' ? !bare.startsWith('/api/v1/auth/') : bare !== '/api/v1/citizen/me';
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RequestOptions = {
  /** JSON, or a file's bytes (a Blob) sent as they are with the content type given in `headers`. */
  body?: unknown;
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** Whose session this is: `staff` unless a citizen page asks. */
  as?: Audience;
};

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const { body, headers = {}, signal, as = 'staff' } = options;
  const raw = typeof Blob !== 'undefined' && body instanceof Blob;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined || raw ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : raw ? body : JSON.stringify(body),
      signal: signal ?? null,
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
    // Not JSON (a proxy's error page): described by the status alone.
    if (isAbort(error)) throw error;
  }
  if (response.ok) return parsed as T;
  if (response.status === 401 && endsSession(as, path)) unauthorized[as](path);
  throw apiErrorOf(response.status, parsed, response.headers.get('retry-after'));
}

export function apiGet<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>('GET', path, { ...(query ? { query } : {}), signal });
}

export function apiPost<T>(path: string, body?: unknown): Promise<T> {
  return apiRequest<T>('POST', path, { body: body ?? {} });
}

/** POST with an Idempotency-Key: a retry after a lost answer, or a double click, is the same request. */
export function apiPostOnce<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
  return apiRequest<T>('POST', path, { body: body ?? {}, headers: { 'idempotency-key': idempotencyKey } });
}

export function apiPut<T>(path: string, body: unknown): Promise<T> {
  return apiRequest<T>('PUT', path, { body });
}

export function apiPatch<T>(path: string, body: unknown): Promise<T> {
  return apiRequest<T>('PATCH', path, { body });
}

export function apiDelete(path: string): Promise<void> {
  return apiRequest<void>('DELETE', path);
}

/** A file's own bytes as the body (an import of a CSV or XLSX), with its content type. */
export function apiPostFile<T>(path: string, file: Blob, contentType: string, query?: Query): Promise<T> {
  return apiRequest<T>('POST', path, {
    body: file,
    headers: { 'content-type': contentType },
    ...(query ? { query } : {}),
  });
}
