// The staff module's errors, declared once for the error catalogue (docs/errors.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('staff', {
  STAFF_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không có cán bộ ${p.username}.`,
    en: (p) => `No staff member ${p.username}.`,
  },
  STAFF_INPUT_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The request is invalid.',
  },
  STAFF_AGENCY_OUT_OF_REACH: {
    code: 'FORBIDDEN',
    vi: 'Cơ quan này nằm ngoài phạm vi của bạn.',
    en: 'This agency is outside your reach.',
  },
  STAFF_GRANTS_REFUSED: {
    code: 'FORBIDDEN',
    vi: 'Bạn không có quyền giao hoặc thu hồi một số vai trò này.',
    en: 'You may not give or take away some of these roles.',
  },
  STAFF_USERNAME_TAKEN: {
    code: 'CONFLICT',
    vi: (p) => `Tên đăng nhập ${p.username} đã có người dùng.`,
    en: (p) => `The username ${p.username} is taken.`,
  },
  STAFF_GRANTS_STALE: {
    code: 'STALE_VERSION',
    vi: 'Vai trò của cán bộ này vừa được người khác thay đổi; hãy tải lại.',
    en: "Someone else just changed this staff member's roles; reload.",
  },
  STAFF_LAST_ADMIN_ROLE: {
    code: 'UNPROCESSABLE',
    vi: 'Không thể tự thu hồi vai trò quản trị cuối cùng của mình.',
    en: 'You cannot take away your own last administrator role.',
  },
  STAFF_SELF_ALREADY_ACTIVE: {
    code: 'UNPROCESSABLE',
    vi: 'Tài khoản của bạn đang hoạt động.',
    en: 'Your account is active.',
  },
  STAFF_SELF_DEACTIVATION: {
    code: 'UNPROCESSABLE',
    vi: 'Không thể tự khóa tài khoản của mình.',
    en: 'You cannot deactivate your own account.',
  },
  STAFF_RESET_OUT_OF_REACH: {
    code: 'FORBIDDEN',
    vi: 'Cán bộ này có vai trò ngoài phạm vi quản trị của bạn; chỉ quản trị cấp trên được đặt lại mật khẩu.',
    en: 'This staff member holds roles outside your administration; only a higher administrator may reset the password.',
  },
  STAFF_SELF_PASSWORD_RESET: {
    code: 'UNPROCESSABLE',
    vi: 'Không tự đặt lại mật khẩu của mình ở đây; hãy dùng chức năng đổi mật khẩu.',
    en: 'You do not reset your own password here; change it instead.',
  },
  STAFF_ACCOUNT_OUT_OF_REACH: {
    code: 'FORBIDDEN',
    vi: 'Cán bộ này có vai trò ngoài phạm vi quản trị của bạn; chỉ quản trị cấp trên được khóa hoặc mở khóa tài khoản.',
    en: 'This staff member holds roles outside your administration; only a higher administrator may deactivate or activate the account.',
  },
  STAFF_IMPORT_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: (p) =>
      `Không đọc được danh sách cán bộ (${p.count} lỗi); không nhập dòng nào. Xem từng lỗi được nêu và sửa tệp.`,
    en: (p) =>
      `The staff list cannot be read (${p.count} problem(s)); no row was imported. See each problem named and fix the file.`,
  },
  STAFF_IMPORT_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    vi: 'Hãy gửi nội dung tệp với Content-Type text/csv hoặc application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (.xlsx).',
    en: "Send the file's bytes as text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (.xlsx).",
  },
  STAFF_IMPORT_FORBIDDEN: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị đơn vị hoặc quản trị cấp tỉnh được nhập danh sách cán bộ.',
    en: 'Only a unit or province administrator may import a staff list.',
  },
});
