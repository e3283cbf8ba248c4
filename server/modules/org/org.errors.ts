// The org module's errors, declared once for the error catalogue (docs/errors.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('org', {
  ORG_QUERY_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The request is invalid.',
  },
  ORG_PLACES_PUBLIC_UNITS_ONLY: {
    code: 'VALIDATION_FAILED',
    vi: 'Danh sách công khai chỉ có đơn vị hành chính (kind=unit).',
    en: 'The public list holds administrative units only (kind=unit).',
  },
  ORG_UNIT_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không có đơn vị hành chính mã ${p.code}.`,
    en: (p) => `No administrative unit with code ${p.code}.`,
  },
  ORG_UNIT_OUT_OF_REACH: {
    code: 'FORBIDDEN',
    vi: 'Đơn vị hành chính này nằm ngoài phạm vi của bạn.',
    en: 'This administrative unit is outside your reach.',
  },
});
