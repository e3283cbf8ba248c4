// The errors the platform itself raises (the HTTP edge, the idempotency store, health), declared once
// for the error catalogue (error-catalogue.ts, docs/errors.md).
import { defineErrors } from './error-catalogue.ts';

export const fail = defineErrors('platform', {
  IDEMPOTENCY_KEY_REUSED: {
    code: 'CONFLICT',
    vi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  IDEMPOTENCY_KEY_IN_USE: {
    code: 'CONFLICT',
    vi: 'Một yêu cầu khác cùng khóa Idempotency-Key vừa được xử lý; hãy gửi lại để nhận kết quả.',
    en: 'Another request under this Idempotency-Key was handled at the same time; retry to get its answer.',
  },
  REQUEST_NOT_JSON: {
    code: 'INVALID_JSON',
    vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  REQUEST_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    vi: 'Nội dung gửi lên quá lớn.',
    en: 'The request body is too large.',
  },
  REQUEST_MEDIA_TYPE_UNSUPPORTED: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    vi: 'Kiểu nội dung không được hỗ trợ; hãy gửi application/json.',
    en: 'Unsupported content type; send application/json.',
  },
  REQUEST_MALFORMED: {
    code: 'BAD_REQUEST',
    vi: 'Yêu cầu không hợp lệ.',
    en: 'The request is malformed.',
  },
  REQUEST_PATH_MALFORMED: {
    code: 'BAD_REQUEST',
    vi: 'Đường dẫn có mã hóa phần trăm (%) không hợp lệ.',
    en: 'The path has malformed percent-encoding.',
  },
  REQUEST_PATH_TOO_LONG: {
    code: 'URI_TOO_LONG',
    vi: 'Một phần của đường dẫn quá dài.',
    en: 'A segment of the path is too long.',
  },
  ROUTE_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không tìm thấy đường dẫn này.',
    en: 'No such path.',
  },
  CROSS_SITE_WRITE_REJECTED: {
    code: 'CSRF_REJECTED',
    vi: 'Yêu cầu từ trang web khác bị từ chối.',
    en: 'A write from another site was refused.',
  },
  WRITE_ORIGIN_MISSING: {
    code: 'CSRF_REJECTED',
    vi: 'Yêu cầu thay đổi dữ liệu bằng phiên đăng nhập phải có tiêu đề Origin hoặc Sec-Fetch-Site; ứng dụng ngoài trình duyệt hãy dùng mã truy cập (Bearer).',
    en: 'A write made with a session cookie must carry an Origin or Sec-Fetch-Site header; clients outside a browser use a Bearer token.',
  },
  METRICS_TOKEN_REQUIRED: {
    code: 'UNAUTHENTICATED',
    vi: 'Cần mã truy cập số liệu (METRICS_TOKEN).',
    en: 'The metrics token (METRICS_TOKEN) is required.',
  },
  DATABASE_NOT_READY: {
    code: 'SERVICE_UNAVAILABLE',
    vi: 'Cơ sở dữ liệu chưa sẵn sàng.',
    en: 'The database is not ready.',
  },
  SERVER_FAILED: {
    code: 'INTERNAL_ERROR',
    vi: 'Đã có lỗi hệ thống; vui lòng thử lại sau.',
    en: 'Something went wrong on the server; please try again later.',
  },
});
