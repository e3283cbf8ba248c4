// Notifications to the applicant (and to the sender of a PAKN): the events, the channels, the delivery
// states, the templates a province's administrator manages, the province's channels and the operators'
// health view. Rules and flow: docs/domain/notifications.md. Issue #18, scope 4–5.
import { Type, type Static } from 'typebox';
import { Closed, Nullable } from './common.ts';
import { ProvinceCode } from './calendar.ts';

// ---- events, channels, states (data, with their Vietnamese labels) ---------------------------------

export const NOTIFICATION_EVENTS = [
  'received',
  'supplement-requested',
  'payment-requested',
  'result-ready',
  'apology',
  'returned',
  'stopped',
  'refused',
  'withdrawn',
  'denied',
  'feedback-received',
  'feedback-answered',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NotificationEventLabels: Readonly<Record<NotificationEvent, string>> = {
  received: 'Hồ sơ đã được tiếp nhận',
  'supplement-requested': 'Yêu cầu bổ sung hồ sơ',
  'payment-requested': 'Yêu cầu thực hiện nghĩa vụ tài chính',
  'result-ready': 'Đã có kết quả',
  apology: 'Xin lỗi và hẹn lại ngày trả kết quả',
  returned: 'Đã trả kết quả',
  stopped: 'Dừng xử lý hồ sơ',
  refused: 'Từ chối tiếp nhận hồ sơ',
  withdrawn: 'Rút hồ sơ',
  denied: 'Từ chối giải quyết hồ sơ',
  'feedback-received': 'Phản ánh, kiến nghị đã được tiếp nhận',
  'feedback-answered': 'Phản ánh, kiến nghị đã có trả lời',
};

export const NotificationEventEnglishLabels: Readonly<Record<NotificationEvent, string>> = {
  received: 'Dossier received',
  'supplement-requested': 'Supplement requested',
  'payment-requested': 'Payment requested',
  'result-ready': 'Result ready',
  apology: 'Apology and new return date',
  returned: 'Result returned',
  stopped: 'Processing stopped',
  refused: 'Dossier refused',
  withdrawn: 'Dossier withdrawn',
  denied: 'Application denied',
  'feedback-received': 'Feedback received',
  'feedback-answered': 'Feedback answered',
};

export const NOTIFICATION_CHANNELS = ['email', 'sms', 'zalo'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NotificationChannelLabels: Readonly<Record<NotificationChannel, string>> = {
  email: 'Thư điện tử',
  sms: 'SMS',
  zalo: 'Zalo',
};

/** queued → sent → delivered | failed. `delivered` is final; a failed message may be retried (→ sent). */
export const DELIVERY_STATES = ['queued', 'sent', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const DeliveryStateLabels: Readonly<Record<DeliveryState, string>> = {
  queued: 'Đang chờ gửi',
  sent: 'Đã gửi',
  delivered: 'Đã nhận',
  failed: 'Gửi không thành công',
};

/**
 * The named placeholders a template may use, `{maHoSo}` in the text, with their meaning and the sample
 * value the preview renders. A placeholder not in this list is refused (400 naming the field).
 */
export const TEMPLATE_PLACEHOLDERS = {
  maHoSo: { label: 'Mã hồ sơ', sample: 'H01.22-261207-0001' },
  tenThuTuc: { label: 'Tên thủ tục', sample: 'Cấp giấy phép xây dựng nhà ở riêng lẻ' },
  tenNguoiNop: { label: 'Tên người nộp', sample: 'Nguyễn Văn An' },
  ngayHenTra: { label: 'Ngày hẹn trả kết quả', sample: '21/12/2026' },
  ngayHenTraMoi: { label: 'Ngày hẹn trả mới', sample: '28/12/2026' },
  lyDo: { label: 'Lý do, nội dung cần bổ sung', sample: 'Thiếu bản vẽ thiết kế' },
  soTien: { label: 'Số tiền phải nộp', sample: '150.000 đ' },
  coQuan: { label: 'Cơ quan', sample: 'UBND phường Hàng Trống' },
  lienKet: { label: 'Liên kết tra cứu', sample: 'https://dichvucong.example.vn/tra-cuu/H01.22-261207-0001' },
  trangThai: { label: 'Trạng thái', sample: 'Đã tiếp nhận' },
  maPhanAnh: { label: 'Mã phản ánh, kiến nghị', sample: 'PAKN-261207-0001' },
} as const;
export type TemplatePlaceholder = keyof typeof TEMPLATE_PLACEHOLDERS;

/** SMS: unaccented (GSM-7) text; one part is 160 characters; a template renders to at most SMS_MAX_PARTS. */
export const SMS_PART_LENGTH = 160;
export const SMS_MAX_PARTS = 2;
/** Zalo ZNS: parameter kinds and their maximum lengths (ZNS rules), and the whole message's limit. */
export const ZNS_PARAM_MAX_LENGTH = {
  name: 30,
  code: 30,
  status: 30,
  date: 20,
  amount: 20,
  contact: 50,
  address: 200,
  text: 200,
  link: 200,
} as const;
export type ZnsParamKind = keyof typeof ZNS_PARAM_MAX_LENGTH;
export const ZNS_MESSAGE_MAX_LENGTH = 400;

// ---- templates --------------------------------------------------------------------------------------

const TemplateText = Type.String({ minLength: 1, maxLength: 4000 });

export const EmailTemplate = Closed({
  subject: Type.String({ minLength: 1, maxLength: 200 }),
  text: TemplateText,
  html: Type.String({ minLength: 1, maxLength: 20000 }),
});
export const SmsTemplate = Closed({ text: Type.String({ minLength: 1, maxLength: 640 }) });
export const ZaloParam = Closed({
  name: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
  kind: Type.Enum(Object.keys(ZNS_PARAM_MAX_LENGTH) as ZnsParamKind[]),
  /** The parameter's value, a template with placeholders. */
  value: Type.String({ minLength: 1, maxLength: 400 }),
});
export const ZaloTemplate = Closed({
  /** The ZNS template id approved by Zalo for the province's OA. */
  templateId: Type.String({ pattern: '^[0-9]{1,20}$' }),
  params: Type.Array(ZaloParam, { minItems: 1, maxItems: 20 }),
});

/** One template: exactly the part of its channel is set. */
export const TemplateBody = Closed({
  email: Type.Optional(EmailTemplate),
  sms: Type.Optional(SmsTemplate),
  zalo: Type.Optional(ZaloTemplate),
});
export type TemplateBody = Static<typeof TemplateBody>;

export const TemplateParams = Closed({
  event: Type.Enum(NOTIFICATION_EVENTS),
  channel: Type.Enum(NOTIFICATION_CHANNELS),
});
export const ProvinceQuery = Closed({ provinceCode: ProvinceCode });
export type ProvinceQuery = Static<typeof ProvinceQuery>;

export const TemplateView = Closed({
  event: Type.Enum(NOTIFICATION_EVENTS),
  eventLabel: Type.String(),
  channel: Type.Enum(NOTIFICATION_CHANNELS),
  /** `override`: the province's own; `default`: shipped with motcua. */
  source: Type.Enum(['default', 'override'] as const),
  template: TemplateBody,
  /** The shipped default, to compare with or restore (DELETE removes the override). */
  defaultTemplate: TemplateBody,
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
});
export type TemplateView = Static<typeof TemplateView>;

/** GET /api/v1/notification-templates?provinceCode= (province admin). */
export const TemplateListResponse = Closed({
  provinceCode: Type.String(),
  items: Type.Array(TemplateView),
  placeholders: Type.Array(Closed({ name: Type.String(), label: Type.String(), sample: Type.String() })),
});
export type TemplateListResponse = Static<typeof TemplateListResponse>;

/**
 * PUT /api/v1/notification-templates/:event/:channel?provinceCode= → TemplateView. Body: the template
 * of that channel. 400 names the field: unknown placeholder, diacritics or length in SMS, ZNS lengths.
 * DELETE /api/v1/notification-templates/:event/:channel?provinceCode= → TemplateView (back to default).
 */
export const PutTemplateBody = TemplateBody;

/** POST /api/v1/notification-templates/preview: renders a template (the one given, or the stored one). */
export const PreviewBody = Closed({
  provinceCode: ProvinceCode,
  event: Type.Enum(NOTIFICATION_EVENTS),
  channel: Type.Enum(NOTIFICATION_CHANNELS),
  template: Type.Optional(TemplateBody),
});
export const RenderedMessage = Closed({
  channel: Type.Enum(NOTIFICATION_CHANNELS),
  subject: Nullable(Type.String()),
  text: Type.String(),
  html: Nullable(Type.String()),
  /** ZNS: the template id and its parameters rendered. */
  zalo: Nullable(Closed({ templateId: Type.String(), params: Type.Record(Type.String(), Type.String()) })),
  /** SMS: number of 160-character parts. */
  smsParts: Nullable(Type.Integer({ minimum: 1 })),
});
export type RenderedMessage = Static<typeof RenderedMessage>;
export const PreviewResponse = Closed({ rendered: RenderedMessage });

// ---- the province's channels ------------------------------------------------------------------------

export const ChannelSetting = Closed({
  channel: Type.Enum(NOTIFICATION_CHANNELS),
  enabled: Type.Boolean(),
});
/** GET/PUT /api/v1/notification-channels?provinceCode= (province admin). */
export const ChannelSettings = Closed({
  provinceCode: Type.String(),
  channels: Type.Array(ChannelSetting),
  /** SMS brandname (tên định danh, NĐ 91/2020): ≤ 11 of Latin letters, digits, - _ . space; not all digits. */
  smsBrandname: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
});
export type ChannelSettings = Static<typeof ChannelSettings>;
export const PutChannelsBody = Closed({
  channels: Type.Array(ChannelSetting, { minItems: 1, maxItems: 3 }),
  smsBrandname: Nullable(
    Type.String({ minLength: 1, maxLength: 11, pattern: '^(?![0-9 ]+$)[A-Za-z0-9._ -]{1,11}$' }),
  ),
});
export type PutChannelsBody = Static<typeof PutChannelsBody>;

// ---- a dossier's notifications ----------------------------------------------------------------------

export const NotificationItem = Closed({
  id: Type.String(),
  event: Type.Enum(NOTIFICATION_EVENTS),
  eventLabel: Type.String(),
  channel: Type.Enum(NOTIFICATION_CHANNELS),
  /** Masked: 09•••••678, n•••@gmail.com. */
  to: Type.String(),
  state: Type.Enum(DELIVERY_STATES),
  /** The provider's reason, when failed. */
  reason: Type.Optional(Type.String()),
  /** When the message was queued (the event's time). */
  at: Type.String(),
  sentAt: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  attempts: Type.Integer({ minimum: 0 }),
  /** An SMS sent instead of a Zalo message ZNS refused: that message's reason ("ZNS -118: …"). */
  fallbackFor: Type.Optional(Closed({ channel: Type.Literal('zalo'), reason: Type.String() })),
});
export type NotificationItem = Static<typeof NotificationItem>;

/** GET /api/v1/dossiers/:code/notifications (staff who see the dossier; the applicant). Oldest first. */
export const DossierNotificationsResponse = Closed({ items: Type.Array(NotificationItem) });
export type DossierNotificationsResponse = Static<typeof DossierNotificationsResponse>;

// ---- operators' health ------------------------------------------------------------------------------

export const ChannelHealth = Closed({
  channel: Type.Enum(NOTIFICATION_CHANNELS),
  /** `alert`: N failures in a row, or no success for M minutes while messages were sent. */
  status: Type.Enum(['ok', 'alert'] as const),
  consecutiveFailures: Type.Integer({ minimum: 0 }),
  lastSuccessAt: Nullable(Type.String()),
  lastFailureAt: Nullable(Type.String()),
  lastFailureReason: Nullable(Type.String()),
  queued: Type.Integer({ minimum: 0 }),
  sent: Type.Integer({ minimum: 0 }),
  delivered: Type.Integer({ minimum: 0 }),
  failed: Type.Integer({ minimum: 0 }),
  alertReason: Nullable(Type.String()),
});
/** GET /api/v1/notifications/health (province admin; operators who read /sync/status). */
export const NotificationsHealthResponse = Closed({
  channels: Type.Array(ChannelHealth),
  /** Outbox messages of applicant.notification / feedback.notification not yet handled. */
  pendingEvents: Type.Integer({ minimum: 0 }),
});
export type NotificationsHealthResponse = Static<typeof NotificationsHealthResponse>;

// ---- the applicant's choice ---------------------------------------------------------------------------

/** On the applicant of desk intake and online submission; default: e-mail when one is given, plus SMS. */
export const NotifyBy = Type.Array(Type.Enum(NOTIFICATION_CHANNELS), {
  minItems: 0,
  maxItems: 3,
  uniqueItems: true,
});

// ---- the demo's inbox -----------------------------------------------------------------------------------

/** One e-mail the demo's SMTP sink received for a notification of the province. */
export const DemoInboxMessage = Closed({
  to: Type.Array(Type.String()),
  subject: Type.String(),
  /** The text part, as received (at most 4,000 characters). */
  text: Type.String(),
  receivedAt: Type.String(),
  event: Type.Enum(NOTIFICATION_EVENTS),
  dossierCode: Nullable(Type.String()),
  feedbackCode: Nullable(Type.String()),
});
export type DemoInboxMessage = Static<typeof DemoInboxMessage>;
/**
 * GET /api/v1/notifications/demo-inbox?provinceCode= (demo mode only, else 404; the province's
 * administrators): the newest e-mails first, at most 20. `running` false: no SMTP sink in this process
 * (NOTIFY_SMTP_URL names a real server, or the worker runs elsewhere).
 */
export const DemoInboxResponse = Closed({ running: Type.Boolean(), items: Type.Array(DemoInboxMessage) });
export type DemoInboxResponse = Static<typeof DemoInboxResponse>;
