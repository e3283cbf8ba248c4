// The change-password form's checks before it is sent (the server checks again): each field's problem
// in the interface's language, and the server's field errors mapped back to the fields.
import { PASSWORD_MIN_LENGTH } from '../../../common/contracts/auth.ts';
import { detailField, detailText } from '../../app/errors.ts';
import type { ErrorDetail } from '../../app/http.ts';
import type { Messages } from '../../app/i18n/vi.ts';

export const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'again'] as const;
export type PasswordField = (typeof PASSWORD_FIELDS)[number];
export type PasswordValues = Record<PasswordField, string>;
export type PasswordProblems = Partial<Record<PasswordField, string>>;

export function checkPasswords(t: Messages, v: PasswordValues): PasswordProblems {
  const p = t.passwordChange;
  const out: PasswordProblems = {};
  if (v.currentPassword === '') out.currentPassword = p.currentMissing;
  if (v.newPassword.length < PASSWORD_MIN_LENGTH) out.newPassword = p.tooShort(PASSWORD_MIN_LENGTH);
  else if (v.again !== v.newPassword) out.again = p.mismatch;
  return out;
}

/** The server's `details` (body/currentPassword, body/newPassword) as the fields' problems. */
export function serverProblems(t: Messages, details: readonly ErrorDetail[]): PasswordProblems {
  const out: PasswordProblems = {};
  for (const d of details) {
    const field = detailField(d);
    if (field === 'currentPassword' || field === 'newPassword') out[field] = detailText(t, d);
  }
  return out;
}
