// The signatures module's errors (docs/errors.md): the result register, signing sessions, the seal,
// remote signing and the public verification (#19; docs/domain/signatures-product.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('signatures', {
  SIGNATURES_RESULT_NUMBER_TAKEN: {
    code: 'CONFLICT',
    vi: (p) => `Số, ký hiệu “${p.number}” đã có trong sổ văn bản kết quả của cơ quan năm ${p.year}.`,
    en: (p) => `The number “${p.number}” is already in the agency's result register for ${p.year}.`,
  },
  SIGNATURES_REGISTER_READERS_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ lãnh đạo, thanh tra và quản trị cấp tỉnh của cơ quan xem sổ văn bản kết quả.',
    en: "Only the agency's leaders, auditors and province administrators read its result register.",
  },
  SIGNATURES_AGENCY_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không tìm thấy cơ quan này.',
    en: 'No such agency.',
  },
  SIGNATURES_SIGNED_RESULT_REQUIRED: {
    code: 'UNPROCESSABLE',
    vi: 'Trường hợp này bắt buộc ký số kết quả: hồ sơ chưa có văn bản kết quả điện tử (PDF) được ký số hợp lệ của cơ quan giải quyết, nên chưa trả kết quả được.',
    en: 'This case requires a signed result: the dossier has no electronic result (PDF) validly signed by the deciding agency, so the result cannot be returned yet.',
  },
  SIGNATURES_NOT_PDF: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    vi: 'Tệp không phải PDF: chỉ kiểm tra được chữ ký số trên tệp PDF.',
    en: 'The file is not a PDF: only signatures in PDF files are verified.',
  },
  SIGNATURES_FILE_MISSING: {
    code: 'BAD_REQUEST',
    vi: 'Chưa gửi tệp PDF cần kiểm tra.',
    en: 'No PDF file was sent.',
  },
  SIGNATURES_VERIFY_TOO_MANY: {
    code: 'TOO_MANY_REQUESTS',
    vi: 'Quá nhiều lượt kiểm tra chữ ký từ địa chỉ này. Vui lòng thử lại sau ít phút.',
    en: 'Too many verifications from this address. Please try again in a few minutes.',
  },
  SIGNATURES_FILE_UNREADABLE: {
    code: 'BAD_REQUEST',
    vi: 'Dữ liệu gửi lên không đọc được (multipart không hợp lệ hoặc tệp quá 20 MB).',
    en: 'The upload cannot be read (invalid multipart, or a file over 20 MB).',
  },
  SIGNATURES_RESULT_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không tìm thấy văn bản kết quả có mã xác thực này.',
    en: 'No result has this verification code.',
  },
  SIGNATURES_SEAL_UNAVAILABLE: {
    code: 'UNPROCESSABLE',
    vi: (p) => `Cơ quan ${p.agency} chưa được cấu hình chứng thư số của tổ chức (con dấu điện tử).`,
    en: (p) => `The agency ${p.agency} has no organisation certificate (electronic seal) configured.`,
  },
  SIGNATURES_REMOTE_UNAVAILABLE: {
    code: 'UNPROCESSABLE',
    vi: 'Hệ thống chưa được cấu hình dịch vụ ký số từ xa.',
    en: 'No remote signing service is configured.',
  },
  SIGNATURES_REMOTE_TIMEOUT: {
    code: 'SERVICE_UNAVAILABLE',
    vi: 'Dịch vụ ký số từ xa không trả lời kịp thời. Vui lòng thử lại.',
    en: 'The remote signing service did not answer in time. Please try again.',
  },
  SIGNATURES_REMOTE_REFUSED: {
    code: 'UNPROCESSABLE',
    vi: (p) => `Yêu cầu ký số từ xa không được thực hiện: ${p.detail}.`,
    en: (p) => `The remote signing request was not carried out: ${p.detail}.`,
  },
  SIGNATURES_SESSION_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không tìm thấy phiên ký số này.',
    en: 'No such signing session.',
  },
  SIGNATURES_SESSION_TOKEN_INVALID: {
    code: 'FORBIDDEN',
    vi: 'Mã phiên ký số không đúng.',
    en: 'The signing session token is wrong.',
  },
  SIGNATURES_SESSION_CLOSED: {
    code: 'CONFLICT',
    vi: (p) => `Phiên ký số không còn chờ tệp đã ký (${p.status}).`,
    en: (p) => `The signing session no longer waits for a signed file (${p.status}).`,
  },
  SIGNATURES_SIGNER_NOT_ALLOWED: {
    code: 'FORBIDDEN',
    vi: 'Chỉ người đang được phê duyệt hồ sơ này mới ký số văn bản kết quả của hồ sơ.',
    en: "Only whoever may approve this dossier now signs its result.",
  },
  SIGNATURES_FILE_NOT_SIGNABLE: {
    code: 'UNPROCESSABLE',
    vi: 'Tệp cần ký phải là tệp PDF do chính người ký tải lên.',
    en: 'The file to sign must be a PDF uploaded by the signer.',
  },
  SIGNATURES_UPLOAD_REFUSED: {
    code: 'UNPROCESSABLE',
    vi: (p) => `Tệp đã ký không được chấp nhận: ${p.detail}.`,
    en: (p) => `The signed file was not accepted: ${p.detailEn}.`,
  },
});
