// The adoption monitor's errors (docs/errors.md). Who may read it, and the unknown or unreachable
// agency, are the overview's errors (reports.errors.ts): the same scope rule answers the same way.
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('adoption', {
  ADOPTION_INPUT_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Dữ liệu chưa hợp lệ; xem từng trường được nêu.',
    en: 'The input is not valid; see each field named.',
  },
  ADOPTION_AGENCY_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không có cơ quan mã ${p.code}.`,
    en: (p) => `No agency with code ${p.code}.`,
  },
  ADOPTION_ZERO_REASON_ADMINS_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị viên của cơ quan hoặc quản trị viên cấp tỉnh quản lý cơ quan này được ghi lý do không phát sinh hồ sơ.',
    en: 'Only an administrator of the agency or the province administrator over it may record why it had no dossiers.',
  },
  ADOPTION_ZERO_REASON_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không có lý do nào được ghi cho cơ quan và kỳ này.',
    en: 'No reason is recorded for this agency and period.',
  },
  EXPLANATION_REQUESTERS_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị viên cấp tỉnh quản lý cơ quan này được yêu cầu giải trình.',
    en: 'Only the province administrator over this agency may ask it for an explanation.',
  },
  EXPLANATION_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không có yêu cầu giải trình này trong phạm vi của bạn.',
    en: 'There is no such explanation request within your reach.',
  },
  EXPLANATION_LEADERS_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ lãnh đạo của cơ quan được yêu cầu mới trả lời yêu cầu giải trình.',
    en: 'Only a leader of the agency asked may answer the explanation request.',
  },
  EXPLANATION_ALREADY_ANSWERED: {
    code: 'CONFLICT',
    vi: 'Yêu cầu giải trình này đã được trả lời.',
    en: 'This explanation request has already been answered.',
  },
  EXPLANATION_INBOX_LEADERS_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Danh sách yêu cầu giải trình gửi đến cơ quan dành cho lãnh đạo cơ quan.',
    en: 'The explanation requests addressed to an agency are for its leaders.',
  },
});
