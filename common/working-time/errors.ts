import type { ValidationProblem } from './types.ts';

export type WorkingTimeErrorCode =
  | 'INVALID_INSTANT'
  | 'INVALID_DATE'
  | 'INVALID_DURATION'
  | 'INVALID_PAUSE'
  | 'INVALID_CALENDAR'
  | 'INVALID_OFFICE_HOURS'
  | 'CALENDAR_YEAR_MISSING'
  | 'NO_WORKING_SESSION'
  | 'UNSUPPORTED_YEAR';

/**
 * Thrown by the engine; common/ cannot see the server's AppError, so the server maps `code`
 * (VALIDATION_FAILED for the INVALID_* codes with `details`, UNPROCESSABLE for a missing year).
 */
export class WorkingTimeError extends Error {
  readonly code: WorkingTimeErrorCode;
  readonly details: ValidationProblem[];
  constructor(code: WorkingTimeErrorCode, message: string, details: ValidationProblem[] = []) {
    super(message);
    this.name = 'WorkingTimeError';
    this.code = code;
    this.details = details;
  }
}
