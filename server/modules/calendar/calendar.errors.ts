// The calendar's errors (server/platform/error-catalogue.ts): holiday calendars, office hours and due times.
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('calendar', {
  CALENDAR_INVALID_INPUT: {
    code: 'VALIDATION_FAILED',
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The request is not valid.',
  },
  CALENDAR_EDIT_FORBIDDEN: {
    code: 'FORBIDDEN',
    vi: (p) =>
      `Chỉ quản trị cấp tỉnh của tỉnh mã ${p.province} được sửa ngày nghỉ, ngày làm bù riêng của tỉnh.`,
    en: (p) =>
      `Only a province administrator of province ${p.province} may change its own days off and make-up days.`,
  },
  CALENDAR_PROVINCE_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không có tỉnh, thành phố mã ${p.code}.`,
    en: (p) => `No province with code ${p.code}.`,
  },
  PROVINCE_CALENDAR_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Ngày nghỉ, ngày làm bù riêng của tỉnh không hợp lệ.',
    en: "The province's own days off and make-up days are not valid.",
  },
  CALENDAR_YEAR_STALE_VERSION: {
    code: 'STALE_VERSION',
    vi: (p) =>
      `Lịch năm ${p.year} của tỉnh đã được sửa (phiên bản hiện tại ${p.version}); hãy tải lại rồi sửa.`,
    en: (p) =>
      `The province's calendar of ${p.year} has changed (now version ${p.version}); reload it and edit again.`,
  },
  CALENDAR_AGENCY_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không tìm thấy cơ quan mã ${p.code}.`,
    en: (p) => `Agency ${p.code} not found.`,
  },
  OFFICE_HOURS_FORBIDDEN: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị của cơ quan hoặc cấp trên được sửa giờ làm việc.',
    en: "Only the agency's administrators or those above may change its office hours.",
  },
  OFFICE_HOURS_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Giờ làm việc không hợp lệ.',
    en: 'The office hours are not valid.',
  },
  OFFICE_HOURS_STALE_VERSION: {
    code: 'STALE_VERSION',
    vi: 'Giờ làm việc đã được người khác sửa; hãy tải lại.',
    en: 'Someone else changed the office hours; reload them.',
  },
  DUE_TIME_NOT_COMPUTABLE: {
    code: 'VALIDATION_FAILED',
    vi: (p) => String(p.message),
    en: (p) => `The due time cannot be computed: ${p.message}`,
  },
});
