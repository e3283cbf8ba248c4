// JSON over fetch with the session cookie. Every failure becomes an ApiError carrying the server's
// error envelope { error: { code, message, details?, requestId } }, or NETWORK_ERROR when the server
// could not be reached.
export type ErrorDetail = { path: string; message: string; code?: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: ErrorDetail[];
    requestId?: string | null;
    retryAfterSeconds?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

type Unauthorized = (path: string) => void;
let onUnauthorized: Unauthorized = () => {};

/** The session layer learns here that the server no longer knows the user (expired session). */
export function setUnauthorizedHandler(handler: Unauthorized): void {
  onUnauthorized = handler;
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

function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

function isEnvelope(
  body: unknown,
): body is { error: { code: string; message: string; details?: ErrorDetail[]; requestId?: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

async function request<T>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
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
  if (response.status === 401 && !path.startsWith('/api/v1/auth/')) onUnauthorized(path);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  if (isEnvelope(parsed)) {
    throw new ApiError({
      status: response.status,
      code: parsed.error.code,
      message: parsed.error.message,
      details: parsed.error.details ?? [],
      requestId: parsed.error.requestId ?? null,
      retryAfterSeconds,
    });
  }
  throw new ApiError({ status: response.status, code: 'INTERNAL_ERROR', message: '', retryAfterSeconds });
}

export function apiGet<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', withQuery(path, query), undefined, signal);
}

export function apiPost<T>(path: string, body?: unknown): Promise<T> {
  return request<T>('POST', path, body ?? {});
}

/** POST with an Idempotency-Key: a retry after a lost answer, or a double click, is the same request. */
export function apiPostOnce<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
  return request<T>('POST', path, body ?? {}, undefined, { 'idempotency-key': idempotencyKey });
}

export function apiPut<T>(path: string, body: unknown): Promise<T> {
  return request<T>('PUT', path, body);
}
