// The errors sync raises (the catalogue: server/platform/error-catalogue.ts, docs/errors.md).
import { defineErrors } from '../../platform/error-catalogue.ts';

export const fail = defineErrors('sync', {
  SYNC_VIEWER_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị cấp tỉnh và thanh tra xem được tình trạng đồng bộ.',
    en: 'Only province administrators and auditors may see the sync status.',
  },
  SYNC_OPERATOR_ONLY: {
    code: 'FORBIDDEN',
    vi: 'Chỉ quản trị cấp tỉnh được xem và đẩy lại thông điệp đồng bộ.',
    en: 'Only province administrators may see and re-drive sync messages.',
  },
  SYNC_MESSAGE_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không có thông điệp ${p.id}.`,
    en: (p) => `Message ${p.id} not found.`,
  },
  SYNC_MESSAGE_NOT_DEAD: {
    code: 'CONFLICT',
    vi: (p) =>
      `Thông điệp ${p.id} đang ở trạng thái ${p.status}; chỉ đẩy lại được thông điệp đã dừng (dead).`,
    en: (p) => `Message ${p.id} is ${p.status}; only a dead message can be re-driven.`,
  },
  SYNC_INBOUND_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Không có hồ sơ nhận từ Cổng DVCQG mã ${p.id}.`,
    en: (p) => `No dossier received from the national portal with id ${p.id}.`,
  },
  SYNC_INBOUND_NOT_HELD: {
    code: 'CONFLICT',
    vi: (p) => `Hồ sơ ${p.portalCode} không ở trạng thái tạm giữ; chỉ tiếp nhận lại được hồ sơ đang tạm giữ.`,
    en: (p) => `Dossier ${p.portalCode} is not held; only a held dossier can be taken in again.`,
  },
  PORTAL_FILE_LINK_INVALID: {
    code: 'FORBIDDEN',
    vi: 'Đường dẫn tải tệp không hợp lệ: không phải đường dẫn hệ thống đã gửi Cổng DVCQG cho tệp này.',
    en: 'This download link is not one the system sent the national portal for this file.',
  },
  PORTAL_FILE_LINK_EXPIRED: {
    code: 'FORBIDDEN',
    vi: 'Đường dẫn tải tệp đã hết hạn; hồ sơ được gửi lại Cổng DVCQG sẽ kèm đường dẫn mới.',
    en: 'This download link has expired; the dossier sent to the portal again carries a new one.',
  },
  PORTAL_FILE_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: (p) => `Hồ sơ ${p.code} không có tệp này.`,
    en: (p) => `Dossier ${p.code} has no such file.`,
  },
});
