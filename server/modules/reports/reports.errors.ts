// The reports module's errors, declared once for the error catalogue (docs/errors.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('reports', {
  REPORT_ROLE_REQUIRED: {
    code: 'FORBIDDEN',
    vi: 'Báo cáo tổng quan dành cho lãnh đạo, quản trị đơn vị, quản trị cấp tỉnh và thanh tra.',
    en: 'The overview report is for leaders, agency administrators, provincial administrators and inspectors.',
  },
  REPORT_AGENCY_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không có cơ quan mã ${p.code}.`,
    en: (p) => `No agency with code ${p.code}.`,
  },
  REPORT_AGENCY_OUT_OF_REACH: {
    code: 'FORBIDDEN',
    vi: 'Cơ quan này nằm ngoài phạm vi của bạn.',
    en: 'This agency is outside your reach.',
  },
  REPORT_PERIOD_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Kỳ báo cáo chưa hợp lệ; xem từng trường được nêu.',
    en: 'The reporting period is not valid; see each field named.',
  },
});
