// The documents module's errors (docs/errors.md): the applicant's document store (kho dữ liệu).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('documents', {
  DOCUMENT_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không tìm thấy giấy tờ này.',
    en: 'No such document.',
  },
  DOCUMENT_LOOKUP_DESK_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ cán bộ một cửa tiếp nhận hồ sơ được tra cứu kho dữ liệu của người nộp.',
    en: "Only desk officers receiving dossiers look up an applicant's document store.",
  },
  DOCUMENT_LOOKUP_STAFF_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Công dân xem giấy tờ của mình ở mục “Giấy tờ của tôi”.',
    en: 'A citizen reads their own documents under “My documents”.',
  },
});
