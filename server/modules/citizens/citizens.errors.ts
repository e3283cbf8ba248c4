// The citizens module's errors, declared once for the error catalogue (docs/errors.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('citizens', {
  CITIZEN_SIGN_IN_REQUIRED: {
    code: 'UNAUTHENTICATED',
    vi: 'Vui lòng đăng nhập bằng tài khoản định danh điện tử.',
    en: 'Please sign in with your electronic identity account.',
  },
  CITIZEN_SIGN_IN_NOT_CONFIGURED: {
    code: 'SERVICE_UNAVAILABLE',
    vi: 'Đăng nhập công dân chưa được cấu hình (OIDC_ISSUER).',
    en: 'Citizen sign-in is not configured (OIDC_ISSUER).',
  },
  CITIZEN_PROVIDER_UNREACHABLE: {
    code: 'SERVICE_UNAVAILABLE',
    vi: 'Không kết nối được với nhà cung cấp định danh; vui lòng thử lại sau.',
    en: 'The identity provider cannot be reached; please try again later.',
  },
  CITIZEN_SIGN_IN_EXPIRED: {
    code: 'UNAUTHENTICATED',
    vi: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ; vui lòng đăng nhập lại.',
    en: 'The sign-in has expired or is invalid; please sign in again.',
  },
  CITIZEN_SIGN_IN_CANCELLED: {
    code: 'UNAUTHENTICATED',
    vi: 'Bạn đã hủy đăng nhập hoặc nhà cung cấp định danh từ chối.',
    en: 'You cancelled the sign-in or the identity provider refused it.',
  },
  CITIZEN_PROVIDER_REFUSED: {
    code: 'UNAUTHENTICATED',
    vi: 'Không xác thực được với nhà cung cấp định danh; vui lòng đăng nhập lại.',
    en: 'The identity provider could not authenticate you; please sign in again.',
  },
  CITIZEN_CLAIMS_MISSING: {
    code: 'UNAUTHENTICATED',
    vi: 'Tài khoản định danh không cung cấp họ tên và số định danh cá nhân; không thể đăng nhập.',
    en: 'The identity account gives no full name and personal identification number; cannot sign in.',
  },
});
