// The imports module's errors (docs/errors.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('imports', {
  IMPORT_ADMINS_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị viên cấp tỉnh hoặc quản trị đơn vị được nhập dữ liệu từ hệ thống cũ.',
    en: 'Only a province or unit administrator may import data from a legacy system.',
  },
  IMPORT_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không có lần nhập này trong phạm vi của bạn.',
    en: 'There is no such import within your reach.',
  },
  IMPORT_FILE_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Tệp nhập không đọc được; xem từng mục được nêu.',
    en: 'The import file cannot be read; see each item named.',
  },
  IMPORT_FILE_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    vi: (p) => `Tệp nhập lớn quá ${p.limit}.`,
    en: (p) => `The import file is larger than ${p.limit}.`,
  },
  IMPORT_NOT_RESUMABLE: {
    code: 'CONFLICT',
    vi: 'Lần nhập này đã xong hoặc đang được chạy; không tiếp tục được.',
    en: 'This import is finished or being run; it cannot be resumed.',
  },
});
