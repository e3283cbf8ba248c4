// One error type, one code → HTTP status map, one envelope (STYLE.md).
export type ErrorDetail = { path: string; message: string; code?: string };

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  STALE_VERSION: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  /** A desk intake recorded incomplete: the envelope also names the dossier and its supplement-request slip. */
  DOSSIER_INCOMPLETE: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string> | undefined;
  /** The catalogue entry (error-catalogue.ts) this error was raised as, when it was. */
  reason: string | undefined;
  /** Fields the envelope carries beside the standard ones (e.g. the dossier an incomplete intake recorded). */
  extra: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[], headers?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.headers = headers;
    this.reason = undefined;
    this.extra = undefined;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
