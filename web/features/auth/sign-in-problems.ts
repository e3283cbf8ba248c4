// A refused sign-in in words: a lockout (429) in minutes to wait, the server's field problems by
// field, anything else as one general line. Derived again at each render from the error, so the
// words follow a switch of language.
import { detailField, detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import type { Messages } from '../../app/i18n/vi.ts';

export const SIGN_IN_FIELDS = ['username', 'password'] as const;
export type SignInField = (typeof SIGN_IN_FIELDS)[number];
export type SignInProblems = { general: string | null; fields: Partial<Record<SignInField, string>> };
export const NO_PROBLEMS: SignInProblems = { general: null, fields: {} };

function isField(name: string): name is SignInField {
  return (SIGN_IN_FIELDS as readonly string[]).includes(name);
}

export function describeSignIn(t: Messages, error: unknown): SignInProblems {
  if (error instanceof ApiError && error.status === 429) {
    const seconds = error.retryAfterSeconds;
    return {
      general:
        seconds === null ? errorText(t, error) : t.signIn.lockout(Math.max(1, Math.ceil(seconds / 60))),
      fields: {},
    };
  }
  if (error instanceof ApiError && error.details.length > 0) {
    const fields: SignInProblems['fields'] = {};
    const other: string[] = [];
    for (const d of error.details) {
      const field = detailField(d);
      if (isField(field)) fields[field] ??= detailText(t, d);
      else other.push(detailText(t, d));
    }
    return { general: other.length > 0 ? other.join(' ') : null, fields };
  }
  return { general: errorText(t, error), fields: {} };
}
