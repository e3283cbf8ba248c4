// The notifications module's errors, declared once for the error catalogue (docs/errors.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('notifications', {
  NOTIFY_PROVINCE_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không có tỉnh, thành phố mã ${p.code}.`,
    en: (p) => `No province with code ${p.code}.`,
  },
  NOTIFY_PROVINCE_ADMIN_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Mẫu thông báo và kênh gửi của tỉnh do quản trị cấp tỉnh của tỉnh đó quản lý.',
    en: "A province's notification templates and channels are managed by its own provincial administrators.",
  },
  NOTIFY_DEMO_INBOX_ADMIN_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Hộp thư thử nghiệm của tỉnh dành cho quản trị cấp tỉnh của tỉnh đó.',
    en: "A province's demo inbox is for its own provincial administrators.",
  },
  NOTIFY_HEALTH_OPERATORS_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Tình trạng gửi thông báo dành cho quản trị cấp tỉnh và thanh tra.',
    en: 'The notification health view is for provincial administrators and inspectors.',
  },
  NOTIFY_TEMPLATE_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Mẫu thông báo chưa hợp lệ; xem từng trường được nêu.',
    en: 'The notification template is not valid; see each field named.',
  },
  NOTIFY_CALLBACK_UNAUTHORISED: {
    code: 'UNAUTHENTICATED',
    vi: 'Báo cáo gửi tin không có chữ ký hoặc khóa hợp lệ.',
    en: 'The delivery callback carries no valid signature or secret.',
  },
  NOTIFY_CALLBACK_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Báo cáo gửi tin thiếu trường bắt buộc; xem từng trường được nêu.',
    en: 'The delivery callback lacks required fields; see each field named.',
  },
  NOTIFY_PREFERENCES_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Lựa chọn nhận thông báo công việc chưa hợp lệ; xem từng trường được nêu.',
    en: 'The worklist notification choice is not valid; see each field named.',
  },
});
