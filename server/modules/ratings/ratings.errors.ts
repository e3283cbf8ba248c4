// The ratings module's errors (docs/errors.md). A dossier the caller cannot see is the dossier
// module's DOSSIER_NOT_FOUND (getVisibleDossier).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('ratings', {
  RATING_ALREADY_GIVEN: {
    code: 'CONFLICT',
    vi: 'Hồ sơ này đã được đánh giá; mỗi hồ sơ được đánh giá một lần.',
    en: 'This dossier has already been rated; a dossier is rated once.',
  },
  RATING_NOT_YET: {
    code: 'CONFLICT',
    vi: 'Hồ sơ được đánh giá sau khi người nộp đã nhận kết quả.',
    en: 'A dossier is rated once the applicant has received the result.',
  },
  RATING_COUNTER_DESK_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ cán bộ một cửa của cơ quan tiếp nhận hồ sơ được ghi nhận đánh giá tại quầy.',
    en: 'Only desk officers of the receiving agency record a rating at the counter.',
  },
});
