// The one error the slip renderers throw; the dossier module maps it to AppError (UNPROCESSABLE).
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
