// The errors payments raise (the catalogue: server/platform/error-catalogue.ts, docs/errors.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('payments', {
  PAYMENT_CALLBACKS_TOO_MANY: {
    code: 'TOO_MANY_REQUESTS',
    vi: 'Quá nhiều thông báo thanh toán từ địa chỉ này; hãy gửi lại sau.',
    en: 'Too many payment callbacks from this address; send again later.',
  },
  PAYMENT_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không tìm thấy giao dịch thanh toán.',
    en: 'Payment not found.',
  },
  PAYMENT_RECEIPT_NOT_ISSUED: {
    code: 'NOT_FOUND',
    vi: 'Giao dịch này chưa được thanh toán nên chưa có biên lai.',
    en: 'This payment is not paid, so it has no receipt yet.',
  },
  PAYMENT_AUDITOR_READ_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Tài khoản thanh tra chỉ được xem.',
    en: 'An auditor account may only read.',
  },
  PAYMENT_DESK_OFFICER_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ cán bộ một cửa của cơ quan tiếp nhận hồ sơ được thu phí tại quầy.',
    en: "Only a desk officer of the dossier's receiving agency may take a payment at the desk.",
  },
  PAYMENT_TRANSFER_REFERENCE_MISSING: {
    code: 'VALIDATION_FAILED',
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'A transfer payment needs its transfer reference.',
  },
  PAYMENT_NOTHING_OWED: {
    code: 'CONFLICT',
    vi: 'Hồ sơ không còn khoản phí, lệ phí nào phải nộp.',
    en: 'The dossier owes no fee any more.',
  },
  PAYMENT_DOSSIER_CLOSED: {
    code: 'CONFLICT',
    vi: 'Hồ sơ đã kết thúc; không nhận thanh toán.',
    en: 'The dossier is closed; no payment is taken.',
  },
  PAYMENT_ONLINE_NOT_CONFIGURED: {
    code: 'SERVICE_UNAVAILABLE',
    vi: 'Thanh toán trực tuyến chưa được cấu hình; hãy nộp phí tại quầy.',
    en: 'Online payment is not configured; pay at the desk.',
  },
  PAYMENT_PLATFORM_REFUSED: {
    code: 'SERVICE_UNAVAILABLE',
    vi: 'Cổng thanh toán chưa nhận yêu cầu; vui lòng thử lại sau hoặc nộp phí tại quầy.',
    en: 'The payment platform did not take the request; try again later or pay at the desk.',
  },
});
