// The files module's errors, declared once for the error catalogue (docs/errors.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('files', {
  FILE_NOT_MULTIPART: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    vi: 'Hãy gửi tệp dưới dạng multipart/form-data.',
    en: 'Send the file as multipart/form-data.',
  },
  FILE_UNREADABLE: {
    code: 'BAD_REQUEST',
    vi: 'Không đọc được tệp gửi lên.',
    en: 'The uploaded file cannot be read.',
  },
  FILE_MISSING: {
    code: 'VALIDATION_FAILED',
    vi: 'Thiếu tệp.',
    en: 'No file.',
  },
  FILE_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    vi: 'Tệp vượt quá 20 MB.',
    en: 'The file is larger than 20 MB.',
  },
  FILE_NAME_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Tên tệp không hợp lệ.',
    en: 'The file name cannot be stored.',
  },
  FILE_EMPTY: {
    code: 'VALIDATION_FAILED',
    vi: 'Tệp rỗng.',
    en: 'The file is empty.',
  },
  FILE_TYPE_REFUSED: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    vi: 'Chỉ nhận tệp PDF, JPEG hoặc PNG.',
    en: 'Only PDF, JPEG or PNG files are accepted.',
  },
});
