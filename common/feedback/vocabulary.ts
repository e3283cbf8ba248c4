// The PAKN vocabulary (phản ánh, kiến nghị, issue #18; docs/domain/feedback.md): the kinds, channels,
// categories, statuses and actions, with the Vietnamese labels shown on screen, and the code's form.
// TypeBox-free, so that the web's chunks take the labels from here (the contract re-exports them and
// builds its schemas on them): one list and one wording for server and web.

/** Phản ánh (an opinion on a rule or on how it is applied) or kiến nghị (one with a proposed fix): NĐ 20 Điều 3. */
export const FEEDBACK_KINDS = ['phan-anh', 'kien-nghi'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_KIND_LABELS: Readonly<Record<FeedbackKind, string>> = {
  'phan-anh': 'Phản ánh',
  'kien-nghi': 'Kiến nghị',
};

/** How it reached the system: the portal, the national portal (dvcqg), or recorded by an officer (NĐ 20 Điều 6). */
export const FEEDBACK_CHANNELS = ['portal', 'dvcqg', 'phone', 'paper', 'email', 'in-person'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];
export const FEEDBACK_CHANNEL_LABELS: Readonly<Record<FeedbackChannel, string>> = {
  portal: 'Cổng dịch vụ công',
  dvcqg: 'Cổng Dịch vụ công quốc gia',
  phone: 'Điện thoại (đường dây nóng)',
  paper: 'Văn bản giấy',
  email: 'Thư điện tử',
  'in-person': 'Trực tiếp',
};
/** The channels an officer records (`POST /api/v1/feedback/recorded`). */
export const RECORDED_CHANNELS = ['phone', 'paper', 'email', 'in-person'] as const;

/**
 * The four bins of NĐ 20/2008 Điều 9 khoản 2: not accepted (with the reason); about the behaviour of an
 * agency or official (handled by the competent body); within the agency's competence; outside it (to be
 * transferred within 5 working days of receipt).
 */
export const FEEDBACK_CATEGORIES = [
  'not-accepted',
  'official-conduct',
  'own-competence',
  'outside-competence',
] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];
export const FEEDBACK_CATEGORY_LABELS: Readonly<Record<FeedbackCategory, string>> = {
  'not-accepted': 'Không đủ điều kiện tiếp nhận',
  'official-conduct': 'Về hành vi của cơ quan, cán bộ, công chức',
  'own-competence': 'Thuộc thẩm quyền xử lý',
  'outside-competence': 'Không thuộc thẩm quyền (chuyển cơ quan có thẩm quyền)',
};

/**
 * The statuses. `received` → (classify) `processing` | `awaiting-transfer` | `not-accepted`;
 * `awaiting-transfer` → (transfer) `received` at the new agency; `processing` → (submit-answer)
 * `awaiting-approval` → (approve) `approved` | (return-answer) `processing`; `approved` → (publish)
 * `published` | (send-to-sender) `answered`; `published` | `answered` | `not-accepted` → (reopen)
 * `processing`. Hidden is a flag, not a status.
 */
export const FEEDBACK_STATUSES = [
  'received',
  'awaiting-transfer',
  'processing',
  'awaiting-approval',
  'approved',
  'published',
  'answered',
  'not-accepted',
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS: Readonly<Record<FeedbackStatus, string>> = {
  received: 'Đã tiếp nhận, chờ phân loại',
  'awaiting-transfer': 'Chờ chuyển cơ quan có thẩm quyền',
  processing: 'Đang xử lý',
  'awaiting-approval': 'Chờ lãnh đạo duyệt trả lời',
  approved: 'Đã duyệt trả lời',
  published: 'Đã trả lời, công khai',
  answered: 'Đã trả lời người gửi',
  'not-accepted': 'Không tiếp nhận',
};

/** The staff actions (`POST /api/v1/feedback/:code/actions/:action`). */
export const FEEDBACK_ACTIONS = [
  'classify',
  'transfer',
  'assign',
  'draft-answer',
  'submit-answer',
  'return-answer',
  'approve',
  'publish',
  'send-to-sender',
  'hide',
  'unhide',
  'reopen',
] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];
export const FEEDBACK_ACTION_LABELS: Readonly<Record<FeedbackAction, string>> = {
  classify: 'Phân loại',
  transfer: 'Chuyển cơ quan có thẩm quyền',
  assign: 'Giao xử lý',
  'draft-answer': 'Soạn dự thảo trả lời',
  'submit-answer': 'Trình duyệt trả lời',
  'return-answer': 'Trả lại dự thảo',
  approve: 'Duyệt trả lời',
  publish: 'Công khai trả lời',
  'send-to-sender': 'Gửi trả lời cho người gửi',
  hide: 'Ẩn nội dung vi phạm',
  unhide: 'Bỏ ẩn',
  reopen: 'Mở lại',
};

/** `PAKN.yyyyMMdd.seq`, the national portal's form. */
export const FEEDBACK_CODE_PATTERN = '^PAKN\\.[0-9]{8}\\.[0-9]{4,6}$';
export const FEEDBACK_CODE = new RegExp(FEEDBACK_CODE_PATTERN);
