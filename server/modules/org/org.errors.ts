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
  // The agency registry (agency-registry.*.ts, #16.2).
  ORG_AGENCY_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không có cơ quan mã ${p.code}.`,
    en: (p) => `No agency with code ${p.code}.`,
  },
  ORG_AGENCY_OUT_OF_REACH: {
    code: 'FORBIDDEN',
    vi: 'Cơ quan này nằm ngoài phạm vi của bạn.',
    en: 'This agency is outside your reach.',
  },
  ORG_REGISTRY_ADMINS_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị viên đơn vị hoặc quản trị cấp tỉnh có phạm vi tới cơ quan này được đổi tên cơ quan và quản lý bộ phận tiếp nhận của cơ quan.',
    en: 'Only a unit or province administrator reaching this agency may rename it and manage its receiving points.',
  },
  ORG_REGISTRY_PROVINCE_ADMINS_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị cấp tỉnh của tỉnh, thành phố này được tạo, đổi mã, chuyển, đóng cơ quan và nhập mã định danh.',
    en: "Only this province's administrator may create, re-code, move and close agencies and import agency codes.",
  },
  ORG_AGENCY_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Thông tin cơ quan chưa hợp lệ; xem từng mục được nêu.',
    en: 'The agency is not valid; see each field named.',
  },
  ORG_AGENCY_CODE_TAKEN: {
    code: 'CONFLICT',
    vi: (p) =>
      `Mã định danh ${p.code} đã được cấp cho một cơ quan (kể cả cơ quan đã đóng); mã đã cấp không cấp lại.`,
    en: (p) =>
      `The code ${p.code} was already given to an agency (closed ones included); a code is never given twice.`,
  },
  ORG_AGENCY_CLOSED: {
    code: 'CONFLICT',
    vi: (p) => `Cơ quan ${p.code} đã đóng (ngày cuối ${p.validTo}); không thay đổi được.`,
    en: (p) => `Agency ${p.code} is closed (last day ${p.validTo}); it cannot be changed.`,
  },
  ORG_AGENCY_CLOSE_REFUSED: {
    code: 'CONFLICT',
    vi: (p) =>
      `Chưa đóng được cơ quan ${p.code}: ${p.reasons}. Cơ quan còn hồ sơ đang giải quyết thì đóng bằng một đợt sắp xếp có bàn giao (POST /api/v1/reorganisations); cơ quan trực thuộc và vai trò cán bộ thì chuyển, đóng hoặc thu hồi trước.`,
    en: (p) =>
      `Agency ${p.code} cannot be closed yet: ${p.reasons}. An agency with open dossiers is closed by a reorganisation with a hand-over (POST /api/v1/reorganisations); move or close its agencies and take away its staff roles first.`,
  },
  ORG_DESK_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không có bộ phận tiếp nhận này.',
    en: 'There is no such receiving point.',
  },
  ORG_DESK_NAME_TAKEN: {
    code: 'CONFLICT',
    vi: (p) => `Cơ quan đã có bộ phận tiếp nhận tên "${p.name}".`,
    en: (p) => `The agency already has a receiving point named "${p.name}".`,
  },
  ORG_DESK_LAST_WITH_OFFICERS: {
    code: 'CONFLICT',
    vi: (p) =>
      `Đây là bộ phận tiếp nhận cuối cùng của cơ quan, và cơ quan còn ${p.officers} cán bộ một cửa; thêm bộ phận khác hoặc thu hồi vai trò cán bộ một cửa trước.`,
    en: (p) =>
      `This is the agency's last receiving point and it still has ${p.officers} desk officer(s); add another or take away their desk-officer role first.`,
  },
  ORG_AGENCY_IMPORT_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    vi: 'Hãy gửi nội dung tệp với Content-Type text/csv hoặc application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (.xlsx).',
    en: "Send the file's bytes as text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (.xlsx).",
  },
  ORG_AGENCY_IMPORT_PROVINCE: {
    code: 'VALIDATION_FAILED',
    vi: 'Bạn quản trị nhiều tỉnh, thành phố: chọn một (provinceCode).',
    en: 'You administer more than one province: choose one (provinceCode).',
  },
  ORG_AGENCY_IMPORT_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: (p) =>
      `Danh sách mã định danh còn ${p.count} lỗi; không áp dụng dòng nào. Xem từng dòng được nêu, sửa tệp và chạy thử lại.`,
    en: (p) =>
      `The code list still has ${p.count} problem(s); no row was applied. See each row named, fix the file and try it again.`,
  },
});
