// The auth module's errors, declared once for the error catalogue (docs/errors.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('auth', {
  AUTH_SIGN_IN_REQUIRED: {
    code: 'UNAUTHENTICATED',
    vi: 'Vui lòng đăng nhập.',
    en: 'Please sign in.',
  },
  AUTH_TOKEN_INVALID: {
    code: 'UNAUTHENTICATED',
    vi: 'Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.',
    en: 'The access token is invalid, expired or revoked.',
  },
  AUTH_CREDENTIALS_INVALID: {
    code: 'INVALID_CREDENTIALS',
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  AUTH_LOCKED_OUT: {
    code: 'TOO_MANY_REQUESTS',
    vi: 'Đăng nhập sai quá nhiều lần; tạm khóa đăng nhập từ nơi này. Vui lòng thử lại sau.',
    en: 'Too many failed sign-ins; signing in from here is paused for a while. Please try again later.',
  },
  AUTH_TOKEN_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không tìm thấy mã truy cập này.',
    en: 'No such access token.',
  },
  AUTH_USERNAME_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Tên đăng nhập không hợp lệ.',
    en: 'Invalid username.',
  },
  AUTH_ROLE_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Vai trò không hợp lệ.',
    en: 'Invalid role.',
  },
  AUTH_AGENCY_UNKNOWN: {
    code: 'VALIDATION_FAILED',
    vi: 'Không có cơ quan này.',
    en: 'No such agency.',
  },
  AUTH_USERNAME_TAKEN: {
    code: 'CONFLICT',
    vi: (p) => `Tên đăng nhập ${p.username} đã tồn tại.`,
    en: (p) => `The username ${p.username} already exists.`,
  },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    code: 'FORBIDDEN',
    vi: 'Mật khẩu của bạn đã được đặt lại. Hãy đổi mật khẩu trước khi tiếp tục.',
    en: 'Your password was reset. Change it before you continue.',
  },
  AUTH_PASSWORD_CHANGE_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Chưa đổi được mật khẩu.',
    en: 'The password was not changed.',
  },
  AUTH_ACCOUNT_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không có tài khoản ${p.username}.`,
    en: (p) => `No account ${p.username}.`,
  },
});
