// The slips module's errors. The renderers are pure (data in, bytes out) and know no HTTP: they throw
// SlipError with a code of their own, which the caller that prints for a request (the dossier module)
// answers as UNPROCESSABLE with the same message.
export const SLIP_ERROR_CODES = ['NO_SUCH_FORM', 'INVALID_SLIP_DATA'] as const;
export type SlipErrorCode = (typeof SLIP_ERROR_CODES)[number];

export class SlipError extends Error {
  readonly code: SlipErrorCode;
  constructor(code: SlipErrorCode, message: string) {
    super(message);
    this.name = 'SlipError';
    this.code = code;
  }
}
