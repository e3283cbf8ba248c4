// The catalogue's errors (server/platform/error-catalogue.ts): procedures, their versions, declaration
// forms and workflows.
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('catalog', {
  CATALOG_INVALID_INPUT: {
    code: 'VALIDATION_FAILED',
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The request is not valid.',
  },
  CATALOG_EDIT_FORBIDDEN: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị cấp tỉnh được sửa danh mục thủ tục hành chính.',
    en: 'Only a province administrator may change the procedure catalogue.',
  },
  PROCEDURE_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không có thủ tục mã ${p.code}.`,
    en: (p) => `There is no procedure ${p.code}.`,
  },
  PROCEDURE_NOT_PUBLISHED: {
    code: 'NOT_FOUND',
    vi: (p) => `Thủ tục ${p.code} chưa có phiên bản đang áp dụng.`,
    en: (p) => `Procedure ${p.code} has no published version.`,
  },
  PROCEDURE_VERSION_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không có phiên bản ${p.version} của thủ tục ${p.code}.`,
    en: (p) => `Procedure ${p.code} has no version ${p.version}.`,
  },
  PROCEDURE_HAS_NO_VERSION: {
    code: 'NOT_FOUND',
    vi: (p) => `Thủ tục ${p.code} chưa có phiên bản nào.`,
    en: (p) => `Procedure ${p.code} has no version yet.`,
  },
  CATALOG_PUBLISHED_LIST_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    vi: 'Hãy gửi nội dung tệp danh sách công bố với Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (.xlsx) hoặc text/csv.',
    en: "Send the published list's bytes as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (.xlsx) or text/csv.",
  },
  CATALOG_PUBLISHED_LIST_UNREADABLE: {
    code: 'VALIDATION_FAILED',
    vi: 'Không đọc được danh sách thủ tục công bố (xem chi tiết): cần một bảng có cột "Mã TTHC".',
    en: 'The published list of procedures cannot be read (see details): it needs a table with a "Mã TTHC" column.',
  },
  CATALOG_CHANGED_MEANWHILE: {
    code: 'CONFLICT',
    vi: 'Danh mục vừa được thay đổi cùng lúc (một lần nhập hoặc một phiên bản khác); hãy nhập lại.',
    en: 'The catalogue was changed at the same time (another import or version); import again.',
  },
  PROCEDURE_DRAFT_EXISTS: {
    code: 'CONFLICT',
    vi: (p) => `Thủ tục ${p.code} đã có một bản nháp; hãy sửa hoặc công bố bản đó.`,
    en: (p) => `Procedure ${p.code} already has a draft; edit or publish that one.`,
  },
  PROCEDURE_VERSION_NOT_DRAFT: {
    code: 'CONFLICT',
    vi: 'Chỉ sửa được bản nháp; hãy tạo bản nháp mới.',
    en: 'Only a draft can be edited; create a new draft.',
  },
  PROCEDURE_PUBLISH_NOT_DRAFT: {
    code: 'CONFLICT',
    vi: 'Chỉ công bố được bản nháp.',
    en: 'Only a draft can be published.',
  },
  PROCEDURE_RETIRE_NOT_PUBLISHED: {
    code: 'CONFLICT',
    vi: 'Chỉ bãi bỏ được phiên bản đang áp dụng.',
    en: 'Only the published version can be retired.',
  },
  PROCEDURE_WORKFLOWS_OFF_LIMIT: {
    code: 'UNPROCESSABLE',
    vi: 'Quy trình nội bộ chưa khớp thời hạn giải quyết; chưa thể công bố.',
    en: 'The internal workflows do not add up to the time limits; the version cannot be published yet.',
  },
  PROCEDURE_DRAFT_INCOMPLETE: {
    code: 'UNPROCESSABLE',
    vi: 'Bản nháp còn thiếu hoặc sai thông tin; chưa thể công bố.',
    en: 'The draft has missing or wrong information; it cannot be published yet.',
  },
  PROCEDURE_FLAGGED: {
    code: 'UNPROCESSABLE',
    vi: (p) =>
      `Thủ tục ${p.code} còn ${p.count} điểm thiếu dữ liệu cần bổ sung (xem chi tiết); chưa thể công bố cho người dân.`,
    en: (p) =>
      `Procedure ${p.code} still has ${p.count} data gap(s) to complete (see details); it cannot be published to citizens yet.`,
  },
  PROCEDURE_FORM_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Biểu mẫu tờ khai không hợp lệ.',
    en: 'The declaration form is not valid.',
  },
  PROCEDURE_DRAFT_NEEDS_SIGN_IN: {
    code: 'UNAUTHENTICATED',
    vi: 'Vui lòng đăng nhập.',
    en: 'Please sign in (a draft is shown to staff only).',
  },
  PROCEDURE_FORM_NO_BROWSER_VALIDATOR: {
    code: 'UNPROCESSABLE',
    vi: 'Biểu mẫu của phiên bản này không tạo được bộ kiểm tra cho trình duyệt; tờ khai được kiểm tra khi gửi.',
    en: "This version's form cannot be compiled into a browser validator; the declaration is checked on submission.",
  },
  WORKFLOW_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Quy trình nội bộ không hợp lệ.',
    en: 'The internal workflow is not valid.',
  },
  WORKFLOW_VERSION_RETIRED: {
    code: 'CONFLICT',
    vi: 'Phiên bản đã bãi bỏ không sửa được quy trình.',
    en: 'The workflow of a retired version cannot be changed.',
  },
  WORKFLOW_AGENCY_OUT_OF_SCOPE: {
    code: 'FORBIDDEN',
    vi: 'Cơ quan này nằm ngoài phạm vi quản trị của bạn.',
    en: 'This agency is outside what you administer.',
  },
  WORKFLOW_STALE_VERSION: {
    code: 'STALE_VERSION',
    vi: 'Quy trình đã được người khác sửa; hãy tải lại.',
    en: 'Someone else changed the workflow; reload it.',
  },
});
