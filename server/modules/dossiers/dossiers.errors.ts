// The dossier module's errors (docs/errors.md): each raised as `throw fail(REASON, { params, details })`.
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('dossiers', {
  DOSSIER_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không tìm thấy hồ sơ ${p.code}.`,
    en: (p) => `Dossier ${p.code} not found.`,
  },
  DOSSIER_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The data sent is not valid.',
  },
  DOSSIER_ONLINE_COMPONENTS_MISSING: {
    code: 'VALIDATION_FAILED',
    vi: 'Hồ sơ trực tuyến cần đủ các thành phần bắt buộc.',
    en: 'An online dossier needs every required component.',
  },
  DOSSIER_INCOMPLETE: {
    code: 'DOSSIER_INCOMPLETE',
    vi: 'Hồ sơ chưa đầy đủ; đã lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.',
    en: 'The dossier is incomplete; a supplement request was issued.',
  },
  DOSSIER_NO_WORKFLOW: {
    code: 'UNPROCESSABLE',
    vi: 'Thủ tục chưa có quy trình và thời hạn dùng được; quản trị cần khai báo quy trình.',
    en: 'The procedure has no usable workflow and time limit; an administrator must declare one.',
  },
  DOSSIER_STEP_AGENCY_UNRESOLVED: {
    code: 'UNPROCESSABLE',
    vi: (p) => `Bước “${p.step}” của quy trình không xác định được cơ quan thực hiện.`,
    en: (p) => `The performing agency of workflow step “${p.step}” cannot be determined.`,
  },
  DOSSIER_DESK_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ cán bộ một cửa được tiếp nhận hồ sơ tại quầy.',
    en: 'Only desk officers receive dossiers at the desk.',
  },
  DOSSIER_INTAKE_OUT_OF_REACH: {
    code: 'FORBIDDEN',
    vi: (p) =>
      `Bộ phận một cửa ${p.desk} không tiếp nhận hồ sơ cho ${p.agency}: cơ quan này ngoài phạm vi của bộ phận.`,
    en: (p) =>
      `The desk of ${p.desk} does not receive dossiers for ${p.agency}: that agency is outside its reach.`,
  },
  DOSSIER_PORTAL_NATIONAL: {
    code: 'CONFLICT',
    vi: 'Từ ngày 01/7/2025, hồ sơ trực tuyến được nộp trên Cổng Dịch vụ công quốc gia; cổng này chuyển bạn sang đó.',
    en: 'Since 1 July 2025 online dossiers are submitted on the National Public Service Portal.',
  },
  DOSSIER_AUDITOR_READ_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Tài khoản thanh tra chỉ được xem.',
    en: 'An auditor account may only read.',
  },
  DOSSIER_STALE_VERSION: {
    code: 'STALE_VERSION',
    vi: 'Hồ sơ đã thay đổi; hãy tải lại rồi thực hiện.',
    en: 'The dossier has changed; reload it and try again.',
  },
  DOSSIER_ACTION_FORBIDDEN: {
    code: 'FORBIDDEN',
    vi: (p) => String(p.message),
    en: 'The caller may not perform this action on the dossier.',
  },
  DOSSIER_ACTION_NOT_ALLOWED: {
    code: 'CONFLICT',
    vi: (p) => String(p.message),
    en: 'The action is not allowed in the dossier’s current status.',
  },
  DOSSIER_ASSIGNEE_CANNOT_TAKE_STEP: {
    code: 'UNPROCESSABLE',
    vi: 'Người được chọn không nhận được bước tiếp theo của hồ sơ.',
    en: 'The person chosen cannot take the dossier’s next step.',
  },
  DOSSIER_ACTION_INPUT_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: (p) => String(p.message),
    en: 'The action’s input is not valid.',
  },
  DOSSIER_LOOKUP_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không tìm thấy hồ sơ với mã này.',
    en: 'No dossier with this code.',
  },
  DOSSIER_LOOKUP_TOO_MANY: {
    code: 'TOO_MANY_REQUESTS',
    vi: 'Tra cứu quá nhiều lần; vui lòng thử lại sau.',
    en: 'Too many lookups; try again later.',
  },
  DOSSIER_FILE_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Hồ sơ ${p.code} không có tệp này.`,
    en: (p) => `Dossier ${p.code} has no such file.`,
  },
  DOSSIER_SLIP_NOT_ISSUED: {
    code: 'NOT_FOUND',
    vi: 'Hồ sơ chưa có phiếu này.',
    en: 'The dossier has no such slip yet.',
  },
  DOSSIER_SLIP_NO_DUE_TIME: {
    code: 'UNPROCESSABLE',
    vi: 'Hồ sơ chưa có hạn trả kết quả để in phiếu hẹn.',
    en: 'The dossier has no due time to print on the appointment slip.',
  },
  DOSSIER_SLIP_UNRENDERABLE: {
    code: 'UNPROCESSABLE',
    vi: (p) => String(p.message),
    en: 'The slip cannot be rendered.',
  },
  DOSSIER_DESK_AGENCY_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không tìm thấy cơ quan mã ${p.code}.`,
    en: (p) => `No agency with code ${p.code}.`,
  },
  DOSSIER_DESK_OUT_OF_REACH: {
    code: 'FORBIDDEN',
    vi: 'Cơ quan này nằm ngoài phạm vi của bạn.',
    en: 'This agency is outside your reach.',
  },
  DOSSIER_LIST_CURSOR_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Con trỏ trang (after) không hợp lệ hoặc thuộc cách sắp xếp khác; hãy mở lại trang đầu.',
    en: 'The page cursor (after) is not valid or belongs to another order; open the first page again.',
  },
  DOSSIER_LIST_AGENCY_UNKNOWN: {
    code: 'VALIDATION_FAILED',
    vi: (p) => `Không có cơ quan mã ${p.code} để lọc danh sách.`,
    en: (p) => `No agency with code ${p.code} to filter the list by.`,
  },
  DOSSIER_EXPORT_TOO_LARGE: {
    code: 'UNPROCESSABLE',
    vi: (p) => `Danh sách vượt quá ${p.limit} hồ sơ, giới hạn của một lần xuất Excel; hãy lọc hẹp hơn.`,
    en: (p) =>
      `The list holds more than ${p.limit} dossiers, the limit of one Excel export; narrow the filter.`,
  },
  DOSSIER_BULK_DUPLICATE: {
    code: 'VALIDATION_FAILED',
    vi: 'Một hồ sơ được chọn hai lần.',
    en: 'A dossier was chosen twice.',
  },
});
