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
  REPORT_PROVINCE_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không có tỉnh, thành phố mã ${p.code}.`,
    en: (p) => `No province with code ${p.code}.`,
  },
  KPI_TARGETS_OUT_OF_REACH: {
    code: 'FORBIDDEN',
    vi: 'Chỉ tiêu của tỉnh này dành cho lãnh đạo, quản trị và thanh tra của tỉnh.',
    en: "This province's targets are for its own leaders, administrators and inspectors.",
  },
  KPI_TARGETS_EDIT_FORBIDDEN: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị cấp tỉnh của tỉnh này được đặt chỉ tiêu.',
    en: "Only this province's administrators may set its targets.",
  },
  KPI_TARGETS_STALE_VERSION: {
    code: 'STALE_VERSION',
    vi: (p) => `Chỉ tiêu của tỉnh đã được sửa (phiên bản hiện tại ${p.version}); hãy tải lại rồi sửa.`,
    en: (p) => `The province's targets have changed (now version ${p.version}); reload them and edit again.`,
  },
  INDEX_766_NO_FORMULA: {
    code: 'UNPROCESSABLE',
    vi: (p) => `Chưa có phiên bản công thức Chỉ số 766 có hiệu lực vào ngày ${p.from}.`,
    en: (p) => `No version of the Decision 766 formulas was in force on ${p.from}.`,
  },
  INDEX_766_OFFICIAL_FORBIDDEN: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị cấp tỉnh quản lý cơ quan này được ghi điểm chính thức.',
    en: 'Only a provincial administrator reaching this agency may record its official score.',
  },
  REPORT_PUBLIC_TOO_MANY: {
    code: 'TOO_MANY_REQUESTS',
    vi: 'Xem số liệu quá nhiều lần; vui lòng thử lại sau.',
    en: 'Too many requests for the figures; try again later.',
  },
});
