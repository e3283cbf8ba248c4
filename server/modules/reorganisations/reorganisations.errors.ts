// The reorganisations module's errors (docs/errors.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('reorganisations', {
  REORGANISATION_INVALID: {
    code: 'VALIDATION_FAILED',
    vi: 'Phương án sắp xếp chưa hợp lệ; xem từng mục được nêu.',
    en: 'The reorganisation plan is not valid; see each item named.',
  },
  REORGANISATION_ADMINS_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị viên cấp tỉnh được sắp xếp đơn vị hành chính và cơ quan.',
    en: 'Only a province administrator may reorganise units and agencies.',
  },
  REORGANISATION_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không có đợt sắp xếp này trong phạm vi của bạn.',
    en: 'There is no such reorganisation within your reach.',
  },
  HANDOVER_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Không có biên bản bàn giao này trong đợt sắp xếp.',
    en: 'There is no such hand-over in this reorganisation.',
  },
  HANDOVER_NOT_SUCCESSOR: {
    code: 'FORBIDDEN',
    vi: 'Chỉ lãnh đạo hoặc quản trị viên của cơ quan nhận bàn giao được xác nhận đã nhận.',
    en: 'Only a leader or administrator of the receiving agency may acknowledge the hand-over.',
  },
  HANDOVER_ALREADY_ACKNOWLEDGED: {
    code: 'CONFLICT',
    vi: 'Biên bản bàn giao này đã được xác nhận.',
    en: 'This hand-over has already been acknowledged.',
  },
});
