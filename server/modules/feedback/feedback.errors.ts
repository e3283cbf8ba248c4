// The feedback (PAKN) module's errors (docs/errors.md, docs/domain/feedback.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('feedback', {
  FEEDBACK_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không tìm thấy phản ánh, kiến nghị ${p.code}.`,
    en: (p) => `No feedback or petition ${p.code}.`,
  },
  FEEDBACK_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Dữ liệu phản ánh, kiến nghị không hợp lệ.',
    en: 'The feedback or petition is not valid.',
  },
  FEEDBACK_FORBIDDEN: {
    code: 'FORBIDDEN',
    vi: (p) => `Chỉ ${p.who} của cơ quan xử lý (trong phạm vi) được thực hiện thao tác này.`,
    en: (p) => `Only ${p.who} of the handling agency (within reach) may take this action.`,
  },
  FEEDBACK_STALE_VERSION: {
    code: 'STALE_VERSION',
    vi: 'Phản ánh, kiến nghị đã được người khác cập nhật; hãy tải lại.',
    en: 'The feedback or petition was changed by someone else; reload it.',
  },
  FEEDBACK_ACTION_NOT_ALLOWED: {
    code: 'CONFLICT',
    vi: (p) => `Không thể thực hiện thao tác này khi phản ánh, kiến nghị ở trạng thái "${p.status}".`,
    en: (p) => `This action cannot be taken while the feedback or petition is "${p.status}".`,
  },
  FEEDBACK_RATING_NOT_YET: {
    code: 'CONFLICT',
    vi: 'Chỉ đánh giá được sau khi đã có câu trả lời.',
    en: 'The answer can be rated once it has been given.',
  },
  FEEDBACK_RATING_ALREADY_GIVEN: {
    code: 'CONFLICT',
    vi: 'Câu trả lời này đã được đánh giá; mỗi phản ánh, kiến nghị được đánh giá một lần.',
    en: 'This answer has already been rated; each is rated once.',
  },
  FEEDBACK_RATING_NOT_SENDER: {
    code: 'FORBIDDEN',
    vi: 'Chỉ người gửi phản ánh, kiến nghị được đánh giá câu trả lời.',
    en: 'Only the sender may rate the answer.',
  },
  FEEDBACK_TOO_MANY: {
    code: 'TOO_MANY_REQUESTS',
    vi: 'Quá nhiều yêu cầu; hãy thử lại sau ít phút.',
    en: 'Too many requests; try again in a few minutes.',
  },
  FEEDBACK_FILE_REFUSED: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    vi: 'Tệp đính kèm phải là ảnh JPEG, PNG hoặc tệp PDF.',
    en: 'An attachment must be a JPEG or PNG image or a PDF file.',
  },
  FEEDBACK_FILE_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    vi: 'Tệp đính kèm tối đa 10 MB.',
    en: 'An attachment is at most 10 MB.',
  },
  FEEDBACK_FILE_MISSING: {
    code: 'VALIDATION_FAILED',
    vi: 'Cần một tệp trong trường "file" (multipart/form-data).',
    en: 'One file is needed in the "file" field (multipart/form-data).',
  },
  FEEDBACK_SETTINGS_FORBIDDEN: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị cấp tỉnh của tỉnh này được xem và sửa thời hạn xử lý phản ánh, kiến nghị.',
    en: "Only the province's administrators may read and change its feedback time limits.",
  },
});
