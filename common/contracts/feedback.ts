// Phản ánh, kiến nghị (PAKN, issue #18 scope 1–3): what a citizen sends on the portal, what an officer
// records from the phone or paper, what the national portal forwards; its handling as NĐ 20/2008/NĐ-CP
// Điều 9 and Điều 14 say (classified, transferred, assigned, answered, approved, published or sent to
// the sender), its rating, and the settings of each province. docs/domain/feedback.md.
import { Type, type Static } from 'typebox';
import { AgencyCode, Closed, IsoDate, Nullable, Page, UnitCode } from './common.ts';
import { ProvinceCode } from './calendar.ts';
import { SATISFACTION_LEVELS } from '../dossiers/ratings.ts';
import {
  FEEDBACK_ACTIONS,
  FEEDBACK_CATEGORIES,
  FEEDBACK_CHANNELS,
  FEEDBACK_CODE_PATTERN,
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  RECORDED_CHANNELS,
  type FeedbackAction,
} from '../feedback/vocabulary.ts';
export * from '../feedback/vocabulary.ts';

// ---------------------------------------------------------------------------------------------------
// Vocabulary: the kinds, channels, categories, statuses and actions with their Vietnamese labels are in
// common/feedback/vocabulary.ts (TypeBox-free, for the web's chunks), re-exported above.

/** due=overdue: open past its due time; due-soon: open and due within 1 working day. */
export const FEEDBACK_DUE_FILTERS = ['overdue', 'due-soon'] as const;

/** Answer time limits a province may choose, in working days (Ninh Bình QĐ 163/2025: 10; Bắc Ninh QĐ 80/2025: 5, 7, 10). */
export const ANSWER_LIMIT_DAYS = [5, 7, 10] as const;
/** The rating levels: the dossier ratings' three (Rất hài lòng, Hài lòng, Không hài lòng). */
export { SATISFACTION_LEVELS };

export const MAX_FEEDBACK_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FEEDBACK_FILES = 5;

// ---------------------------------------------------------------------------------------------------
// Shared pieces

const Text = (max: number, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, pattern: '\\S', ...(description ? { description } : {}) });
export const FeedbackCode = Type.String({ pattern: FEEDBACK_CODE_PATTERN, maxLength: 20 });
const FileId = Type.String({ format: 'uuid' });
const Username = Type.String({ minLength: 1, maxLength: 100 });
const ProcedureCodeText = Type.String({ minLength: 1, maxLength: 50 });
const DossierCodeText = Type.String({ minLength: 1, maxLength: 100 });

/** The sender's identity (NĐ 20 Điều 7; QĐ 31/2021 Điều 41: name, address, phone, e-mail). */
export const FeedbackSender = Closed({
  fullName: Text(200, 'Họ và tên'),
  phone: Type.String({ pattern: '^\\+?[0-9 .-]{8,20}$', maxLength: 20, description: 'Số điện thoại' }),
  email: Type.String({ format: 'email', maxLength: 200, description: 'Thư điện tử' }),
  address: Type.Optional(Text(500, 'Địa chỉ')),
});
export type FeedbackSender = Static<typeof FeedbackSender>;

const AgencyRef = Closed({ code: Type.String(), name: Type.String() });

// ---------------------------------------------------------------------------------------------------
// Portal

/**
 * `POST /api/v1/feedback`. A signed-in citizen (citizen session cookie) may omit `sender`: the name is
 * the account's, phone and e-mail the account's unless `sender` gives them (no phone at all: 400
 * `body/sender/phone`); anyone else must give `sender` (400 `body/sender`). The agency: the
 * one named, else the dossier's receiving agency, else the procedure's offering agency in `unitCode`
 * (then in its province, or in `provinceCode`), else the People's Committee of `unitCode` (a commune,
 * ward or province of today's map), else `provinceCode`'s; with none of these: 400 `body/agencyCode`.
 * A `unitCode` unknown, or outside `provinceCode` when both are given: 400 `body/unitCode`.
 * `Idempotency-Key` (optional): a retry under the same key answers the first answer; another body under
 * it: 409 IDEMPOTENCY_KEY_REUSED.
 * Files uploaded anonymously must be echoed with their tokens: `fileTokens[i]` is the `uploadToken` of
 * `fileIds[i]` (a signed-in citizen's own uploads need none).
 */
export const SubmitFeedbackBody = Closed({
  kind: Type.Enum(FEEDBACK_KINDS),
  subject: Text(300, 'Tiêu đề'),
  content: Text(10000, 'Nội dung'),
  agencyCode: Type.Optional(AgencyCode),
  procedureCode: Type.Optional(ProcedureCodeText),
  dossierCode: Type.Optional(DossierCodeText),
  /** The province whose agencies are meant, when no agency is named (GSO code, e.g. '01'). */
  provinceCode: Type.Optional(ProvinceCode),
  /** The place it is about (GSO code of a commune, ward or province in force since 1 July 2025). */
  unitCode: Type.Optional(UnitCode),
  fileIds: Type.Optional(Type.Array(FileId, { maxItems: MAX_FEEDBACK_FILES, uniqueItems: true })),
  fileTokens: Type.Optional(
    Type.Array(Type.String({ minLength: 20, maxLength: 200 }), { maxItems: MAX_FEEDBACK_FILES }),
  ),
  sender: Type.Optional(FeedbackSender),
  /** The sender agrees that their name be shown with the published answer (never phone, e-mail, address). */
  publishSenderConsent: Type.Optional(Type.Boolean()),
});
export type SubmitFeedbackBody = Static<typeof SubmitFeedbackBody>;

export const SubmitFeedbackResponse = Closed({
  code: Type.String(),
  agency: AgencyRef,
  receivedAt: Type.String(),
  /** The answer due time, counted in the agency's working time (null when the limit is not started). */
  dueAt: Nullable(Type.String()),
});
export type SubmitFeedbackResponse = Static<typeof SubmitFeedbackResponse>;

/**
 * `POST /api/v1/public/feedback/files` answer. `uploadToken` is a secret that makes the file usable in
 * a PAKN sent within one hour (by the same browser that holds the token); a signed-in citizen's upload
 * is usable by that citizen without it. After the hour, an unused file is swept.
 */
export const FeedbackFileUploaded = Closed({
  fileId: Type.String(),
  name: Nullable(Type.String()),
  size: Type.Integer(),
  type: Type.String(),
  uploadToken: Type.String(),
  expiresAt: Type.String(),
});
export type FeedbackFileUploaded = Static<typeof FeedbackFileUploaded>;

export const FeedbackCodeParams = Closed({ code: FeedbackCode });
export const FeedbackFileParams = Closed({ code: FeedbackCode, fileId: FileId });

const PublicAnswer = Closed({ text: Type.String(), answeredAt: Type.String(), agency: AgencyRef });

/**
 * `GET /api/v1/public/feedback/:code`. Never the sender's phone, e-mail or address; the name only with
 * their consent (`senderName`). `content` and `answer` once published (status `published`); a hidden
 * one answers with `code`, `status`, `statusLabel` and `hidden: true` only.
 */
export const PublicFeedback = Closed({
  code: Type.String(),
  hidden: Type.Boolean(),
  status: Type.Enum(FEEDBACK_STATUSES),
  statusLabel: Type.String(),
  kind: Type.Optional(Type.Enum(FEEDBACK_KINDS)),
  kindLabel: Type.Optional(Type.String()),
  subject: Type.Optional(Type.String()),
  agency: Type.Optional(AgencyRef),
  receivedAt: Type.Optional(Type.String()),
  dueAt: Type.Optional(Nullable(Type.String())),
  content: Type.Optional(Nullable(Type.String())),
  answer: Type.Optional(Nullable(PublicAnswer)),
  senderName: Type.Optional(Nullable(Type.String())),
  /** Whether it has been rated (the level is shown, never the comment). */
  rating: Type.Optional(Nullable(Closed({ level: Type.Enum(SATISFACTION_LEVELS), label: Type.String() }))),
});
export type PublicFeedback = Static<typeof PublicFeedback>;

/** `GET /api/v1/public/feedback?q=&agencyCode=&page=`: the published answers, 20 a page. */
export const PUBLIC_FEEDBACK_PAGE_SIZE = 20;
export const PublicFeedbackListQuery = Closed({
  /** Words of the code, subject, content or answer, with or without diacritics. */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** The agency that handles it now. */
  agencyCode: Type.Optional(AgencyCode),
  page: Type.Optional(Page),
});
export type PublicFeedbackListQuery = Static<typeof PublicFeedbackListQuery>;

/**
 * One published PAKN as everyone reads it: never the sender's phone, e-mail or address; the name only
 * when they agreed and the publisher kept it (`senderName`). Hidden ones are never listed.
 */
export const PublishedFeedback = Closed({
  code: Type.String(),
  kind: Type.Enum(FEEDBACK_KINDS),
  kindLabel: Type.String(),
  subject: Type.String(),
  content: Type.String(),
  agency: AgencyRef,
  receivedAt: Type.String(),
  answer: PublicAnswer,
  senderName: Nullable(Type.String()),
});
export type PublishedFeedback = Static<typeof PublishedFeedback>;
/** Newest answer first; `total` counts every match. */
export const PublishedFeedbackList = Closed({
  items: Type.Array(PublishedFeedback),
  total: Type.Integer({ minimum: 0 }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type PublishedFeedbackList = Static<typeof PublishedFeedbackList>;

/**
 * `POST /api/v1/public/feedback/:code/rating`: once answered (`published` or `answered`), by the sender
 * (`phone` matching theirs; a signed-in citizen who sent it may give their own phone). Once only: 409.
 */
export const FeedbackRatingBody = Closed({
  level: Type.Enum(SATISFACTION_LEVELS, { description: 'Rất hài lòng, Hài lòng hoặc Không hài lòng' }),
  phone: Type.String({ pattern: '^\\+?[0-9 .-]{8,20}$', maxLength: 20 }),
  comment: Type.Optional(Text(1000)),
});
export type FeedbackRatingBody = Static<typeof FeedbackRatingBody>;
export const FeedbackRatingResponse = Closed({
  code: Type.String(),
  level: Type.Enum(SATISFACTION_LEVELS),
  label: Type.String(),
  ratedAt: Type.String(),
});

// ---------------------------------------------------------------------------------------------------
// Staff

/** `POST /api/v1/feedback/recorded` (desk officer or leader of `agencyCode`, within reach). */
export const RecordFeedbackBody = Closed({
  channel: Type.Enum(RECORDED_CHANNELS),
  sender: FeedbackSender,
  kind: Type.Enum(FEEDBACK_KINDS),
  subject: Text(300),
  content: Text(10000),
  agencyCode: AgencyCode,
  /** When it was received (default now); not in the future. */
  receivedAt: Type.Optional(Type.String({ format: 'date-time' })),
});
export type RecordFeedbackBody = Static<typeof RecordFeedbackBody>;

export const FeedbackListQuery = Closed({
  status: Type.Optional(Type.Enum(FEEDBACK_STATUSES)),
  agencyCode: Type.Optional(AgencyCode),
  due: Type.Optional(Type.Enum(FEEDBACK_DUE_FILTERS)),
  /** In the code or subject. */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** `nextCursor` of the previous page. */
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type FeedbackListQuery = Static<typeof FeedbackListQuery>;

export const FeedbackRow = Closed({
  code: Type.String(),
  kind: Type.Enum(FEEDBACK_KINDS),
  channel: Type.Enum(FEEDBACK_CHANNELS),
  subject: Type.String(),
  status: Type.Enum(FEEDBACK_STATUSES),
  statusLabel: Type.String(),
  category: Nullable(Type.Enum(FEEDBACK_CATEGORIES)),
  agency: AgencyRef,
  assignee: Nullable(Type.String()),
  receivedAt: Type.String(),
  dueAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  dueSoon: Type.Boolean(),
  hidden: Type.Boolean(),
  version: Type.Integer(),
});
export type FeedbackRow = Static<typeof FeedbackRow>;

/** The register: the page, then totals over everything the filters other than `status`/`due` match. */
export const FeedbackList = Closed({
  items: Type.Array(FeedbackRow),
  nextCursor: Nullable(Type.String()),
  totals: Closed({
    all: Type.Integer(),
    byStatus: Type.Record(Type.String(), Type.Integer()),
    overdue: Type.Integer(),
    dueSoon: Type.Integer(),
  }),
});
export type FeedbackList = Static<typeof FeedbackList>;

const FileView = Closed({
  fileId: Type.String(),
  name: Nullable(Type.String()),
  size: Type.Integer(),
  type: Type.String(),
  /** `GET /api/v1/feedback/:code/files/:fileId`. */
  url: Type.String(),
});

export const FeedbackHistoryEntry = Closed({
  action: Type.String(),
  actor: Type.String(),
  at: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
});

/** `GET /api/v1/feedback/:code`: the whole record for staff in reach. */
export const FeedbackDetail = Closed({
  code: Type.String(),
  kind: Type.Enum(FEEDBACK_KINDS),
  channel: Type.Enum(FEEDBACK_CHANNELS),
  subject: Type.String(),
  content: Type.String(),
  procedureCode: Nullable(Type.String()),
  dossierCode: Nullable(Type.String()),
  sender: Closed({
    fullName: Type.String(),
    phone: Type.String(),
    email: Nullable(Type.String()),
    address: Nullable(Type.String()),
    citizen: Type.Boolean(),
    publishConsent: Type.Boolean(),
  }),
  status: Type.Enum(FEEDBACK_STATUSES),
  statusLabel: Type.String(),
  category: Nullable(Type.Enum(FEEDBACK_CATEGORIES)),
  categoryReason: Nullable(Type.String()),
  agency: AgencyRef,
  files: Type.Array(FileView),
  transfers: Type.Array(
    Closed({
      from: AgencyRef,
      to: AgencyRef,
      note: Type.String(),
      at: Type.String(),
      by: Type.String(),
      /** Later than 5 working days after receipt (NĐ 20 Điều 9 khoản 2 điểm d). */
      late: Type.Boolean(),
    }),
  ),
  assignee: Nullable(Type.String()),
  draft: Nullable(
    Closed({ text: Type.String(), files: Type.Array(FileView), by: Type.String(), at: Type.String() }),
  ),
  answer: Nullable(
    Closed({
      text: Type.String(),
      files: Type.Array(FileView),
      approvedBy: Type.String(),
      approvedAt: Type.String(),
      /** publish or send-to-sender, once done. */
      deliveredAs: Nullable(Type.Enum(['published', 'sent-to-sender'])),
      deliveredAt: Nullable(Type.String()),
    }),
  ),
  returns: Type.Array(Closed({ reason: Type.String(), by: Type.String(), at: Type.String() })),
  hidden: Type.Boolean(),
  hiddenReason: Nullable(Type.String()),
  receivedAt: Type.String(),
  /** The limit's start (receipt, or the last transfer). */
  clockStartedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  transferDueAt: Type.String(),
  urgent: Type.Boolean(),
  /** on-time / late once approved (kept); null while open. */
  verdict: Nullable(Type.Enum(['on-time', 'late'])),
  overdue: Type.Boolean(),
  rating: Nullable(
    Closed({
      level: Type.Enum(SATISFACTION_LEVELS),
      label: Type.String(),
      comment: Nullable(Type.String()),
      ratedAt: Type.String(),
    }),
  ),
  history: Type.Array(FeedbackHistoryEntry),
  version: Type.Integer(),
  /** The actions this caller may take now. */
  may: Type.Array(Type.Enum(FEEDBACK_ACTIONS)),
});
export type FeedbackDetail = Static<typeof FeedbackDetail>;

export const FeedbackActionParams = Closed({ code: FeedbackCode, action: Type.Enum(FEEDBACK_ACTIONS) });

/** The body of each action (validated by the action's schema; each failing field named `body/...`). */
export const FeedbackActionBodies = {
  /** `reason` is required for not-accepted; `urgent` counts the answer limit in working hours from receipt. */
  classify: Closed({
    category: Type.Enum(FEEDBACK_CATEGORIES),
    reason: Type.Optional(Text(2000)),
    urgent: Type.Optional(Type.Boolean()),
  }),
  transfer: Closed({ toAgencyCode: AgencyCode, note: Text(2000) }),
  assign: Closed({ username: Username }),
  'draft-answer': Closed({
    text: Text(20000),
    fileIds: Type.Optional(Type.Array(FileId, { maxItems: MAX_FEEDBACK_FILES, uniqueItems: true })),
  }),
  'submit-answer': Closed({}),
  'return-answer': Closed({ reason: Text(2000) }),
  approve: Closed({}),
  publish: Closed({ publishSenderData: Type.Optional(Type.Literal(false)) }),
  'send-to-sender': Closed({}),
  hide: Closed({ reason: Text(2000) }),
  unhide: Closed({}),
  reopen: Closed({ reason: Type.Optional(Text(2000)) }),
} as const;
export type FeedbackActionBody<A extends FeedbackAction> = Static<(typeof FeedbackActionBodies)[A]>;
/** Any of the action bodies (the route's declared schema; the action's own is applied after). */
export const AnyFeedbackActionBody = Type.Union(Object.values(FeedbackActionBodies));

/** Who may take each action (roles at the feedback's agency or above it, within reach). */
export const FEEDBACK_ACTION_ROLES: Readonly<Record<FeedbackAction, readonly string[]>> = {
  classify: ['desk-officer', 'leader'],
  transfer: ['desk-officer', 'leader'],
  assign: ['desk-officer', 'leader'],
  'draft-answer': ['specialist', 'leader'],
  'submit-answer': ['specialist', 'leader'],
  'return-answer': ['leader'],
  approve: ['leader'],
  publish: ['desk-officer', 'leader'],
  'send-to-sender': ['desk-officer', 'leader'],
  hide: ['leader', 'province-admin'],
  unhide: ['leader', 'province-admin'],
  reopen: ['leader'],
};

export const FeedbackSettingsQuery = Closed({ provinceCode: ProvinceCode });
const KindSettings = Closed({
  answerDays: Type.Union([Type.Literal(5), Type.Literal(7), Type.Literal(10)]),
  urgentHours: Type.Integer({ minimum: 1, maximum: 80 }),
  transferDays: Type.Integer({ minimum: 1, maximum: 5 }),
});
/** `GET`/`PUT /api/v1/feedback/settings?provinceCode=` (province administrators; PUT needs If-Match). */
export const FeedbackSettings = Closed({
  provinceCode: Type.String(),
  'phan-anh': KindSettings,
  'kien-nghi': KindSettings,
  version: Type.Integer(),
});
export type FeedbackSettings = Static<typeof FeedbackSettings>;
export const FeedbackSettingsBody = Closed({ 'phan-anh': KindSettings, 'kien-nghi': KindSettings });
export type FeedbackSettingsBody = Static<typeof FeedbackSettingsBody>;

// ---------------------------------------------------------------------------------------------------
// Report (scope 3)

/** `GET /api/v1/reports/feedback?from=&to=&agencyCode=`: per agency in reach, received in [from, to]. */
export const FeedbackReportQuery = Closed({
  from: IsoDate,
  to: IsoDate,
  agencyCode: Type.Optional(AgencyCode),
});
const ReportCounts = {
  received: Type.Integer(),
  answeredOnTime: Type.Integer(),
  answeredLate: Type.Integer(),
  openOverdue: Type.Integer(),
  notAccepted: Type.Integer(),
  transferred: Type.Integer(),
  verySatisfied: Type.Integer(),
  satisfied: Type.Integer(),
  unsatisfied: Type.Integer(),
  /** answeredOnTime / (answeredOnTime + answeredLate + openOverdue); null with none. */
  onTimeRate: Nullable(Type.Number()),
  /** (very satisfied + satisfied) / ratings; null with none. */
  satisfiedRate: Nullable(Type.Number()),
};
export type FeedbackReportQuery = Static<typeof FeedbackReportQuery>;
export const FeedbackReport = Closed({
  from: Type.String(),
  to: Type.String(),
  rows: Type.Array(Closed({ agency: AgencyRef, ...ReportCounts })),
  total: Closed(ReportCounts),
});
export type FeedbackReport = Static<typeof FeedbackReport>;
