import { PlaceStep } from './org.ts';
import { Type, type Static, type TProperties } from 'typebox';
import {
  AgencyCode,
  Closed,
  DOSSIER_CODE_PATTERN,
  DOSSIER_REF_MAX,
  IsoDate,
  Nullable,
  PagedQuery,
  UnitCode,
} from './common.ts';
import { ProcedureCode } from './catalog.ts';
import { DocumentId } from './documents.ts';
import { NotifyBy } from './notifications.ts';
import { ACTION_KINDS } from '../dossiers/model.ts';
import { DOSSIER_STATUS_KEYS } from '../dossiers/statuses.ts';
import { DOSSIER_CHANNELS, SORT_DIRECTIONS, WORKLIST_SORTS, WORKLISTS } from '../dossiers/worklists.ts';
import { RESULT_VERDICTS } from '../reports/overview.ts';

/** The dossier statuses (common/dossiers/statuses.ts). */
export const DOSSIER_STATUS_VALUES = DOSSIER_STATUS_KEYS;
/** The worklists' names (common/dossiers/worklists.ts). */
export const WORKLIST_VALUES = WORKLISTS;
export const PROVIDED_VALUES = ['original', 'copy', 'certified-copy', 'electronic', 'reused'] as const;
/** How the applicant asks to receive the result (common/dossiers/model.ts, ReturnChannel). */
export const RETURN_CHANNEL_VALUES = ['counter', 'postal', 'online'] as const;
const ReturnChannelChoice = Type.Optional(
  Type.Enum(RETURN_CHANNEL_VALUES, {
    description:
      'Hình thức nhận kết quả người nộp chọn: counter (trực tiếp), postal (bưu chính công ích), online (trực tuyến)',
  }),
);

const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });

/**
 * Records of the applicant's document store a component reuses (`provided: 'reused'`): the component
 * then carries the records' files (docs/domain/documents.md).
 */
const ReusedDocumentIds = Type.Optional(
  Type.Array(DocumentId, {
    minItems: 1,
    maxItems: 20,
    description: 'Giấy tờ trong kho dữ liệu của người nộp được dùng lại cho thành phần này',
  }),
);

export const ApplicantBody = Closed({
  kind: Type.Enum(['person', 'organisation'] as const),
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  idNumber: Type.String({ minLength: 9, maxLength: 14 }),
  phone: Type.String({ minLength: 8, maxLength: 20 }),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
  address: Type.Optional(Closed({ unitCode: UnitCode, line: Type.String({ minLength: 1, maxLength: 300 }) })),
  /** Channels the applicant is told by (notifications); default: e-mail when given, plus SMS. */
  notifyBy: Type.Optional(NotifyBy),
});

export const IntakeBody = Closed({
  procedureCode: ProcedureCode,
  caseCode: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  agencyCode: AgencyCode,
  deskAgencyCode: Type.Optional(AgencyCode),
  applicant: ApplicantBody,
  formData: Type.Object({}, { additionalProperties: true }),
  components: Type.Array(
    Closed({
      code: Type.String({ pattern: '^TP[0-9]{1,3}$', maxLength: 6 }),
      provided: Type.Enum(PROVIDED_VALUES),
      fileIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 })),
      documentIds: ReusedDocumentIds,
      pageCount: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 9999, description: 'Số trang của thành phần giấy đã nhận' }),
      ),
      digitised: Type.Optional(
        Type.Boolean({
          description: 'Đã số hóa tại quầy (TT 03/2025 Điều 5): các tệp là bản quét của giấy tờ đã nhận',
        }),
      ),
    }),
    { maxItems: 100 },
  ),
  channel: Type.Enum(['direct', 'postal'] as const),
  nextAssigneeId: Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,18}$',
      description:
        'Tiếp nhận và chuyển ngay cho người xử lý bước tiếp theo (một người giữ vai trò của bước đó tại cơ quan thực hiện bước); chỉ áp dụng khi hồ sơ được tiếp nhận đủ',
    }),
  ),
  returnChannel: ReturnChannelChoice,
  missing: Type.Optional(
    Type.Array(
      Closed({
        code: Type.String({ pattern: '^TP[0-9]{1,3}$', maxLength: 6 }),
        note: Type.Optional(Type.String({ maxLength: 300 })),
      }),
      {
        maxItems: 100,
        description: 'Thành phần cán bộ thấy còn thiếu (ngoài các thành phần bắt buộc theo quy định)',
      },
    ),
  ),
});
export type IntakeBody = Static<typeof IntakeBody>;

const AgencyBrief = Closed({ code: Type.String(), name: Type.String() });

/** What every history entry says, for staff and applicant alike, after who acted. */
const historyMove = {
  at: Type.String(),
  from: Type.String(),
  to: Type.String(),
  fromStep: Type.Integer(),
  toStep: Type.Integer(),
  note: Nullable(Type.String()),
};

/** What the staff and the applicant's views of a dossier share: nothing here names an officer. */
const dossierHead = {
  code: Type.String(),
  version: Type.Integer(),
  status: Type.String(),
  statusCode: Type.Integer(),
  statusLabel: Type.String(),
  procedure: Type.Object({ code: Type.String(), name: Type.String(), version: Type.Integer() }),
  caseCode: Nullable(Type.String()),
  channel: Type.String(),
  receivingAgency: AgencyBrief,
  competentAgency: AgencyBrief,
  currentAgency: AgencyBrief,
  applicant: Open('Người nộp'),
  formData: Open('Tờ khai'),
  components: Type.Array(Open('Thành phần hồ sơ')),
  submittedAt: Type.String(),
  receivedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  extendedDueAt: Nullable(Type.String()),
  calendarVersion: Nullable(Type.Integer()),
  resultAt: Nullable(Type.String()),
  returnedAt: Nullable(Type.String()),
  remaining: Nullable(
    Type.Object({
      overdue: Type.Boolean(),
      workingMinutes: Type.Integer(),
      /** The label's parts (whole working days of the agency's office hours, hours, minutes). */
      days: Type.Integer(),
      hours: Type.Integer(),
      minutes: Type.Integer(),
      label: Type.String(),
    }),
  ),
};
const dossierTail = {
  steps: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      role: Type.String(),
      agency: AgencyBrief,
      dueAt: Nullable(Type.String()),
      current: Type.Boolean(),
    }),
  ),
  outcome: Nullable(Type.String()),
  resultDocuments: Type.Array(Open('Giấy tờ kết quả')),
};

/** A staff member as the dossier page names them: their full name, never only a username. */
const Person = Closed({ id: Type.String(), name: Type.String() });

/**
 * A dossier as staff see it: who handles the current step and handled each step (by name), who did
 * what (their name, username and roles), the result's number, date and signer, how the applicant asked
 * for the result and how it was returned, and the result's verdict against the due time.
 */
export const DossierView = Closed({
  ...dossierHead,
  currentStep: Type.Object({
    index: Type.Integer(),
    key: Type.String(),
    assigneeId: Nullable(Type.String()),
    assignee: Nullable(Person),
  }),
  ...dossierTail,
  steps: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      role: Type.String(),
      agency: AgencyBrief,
      dueAt: Nullable(Type.String()),
      current: Type.Boolean(),
      /** The step's assignee, else the last officer who acted at it; null when nobody has yet. */
      handler: Nullable(Person),
    }),
  ),
  result: Nullable(
    Closed({
      number: Type.String({ description: 'Số, ký hiệu văn bản kết quả' }),
      date: Type.String({ description: 'Ngày ký (YYYY-MM-DD)' }),
      signer: Type.String({ description: 'Người ký' }),
    }),
  ),
  /** The applicant's address with its unit named up to the province ("Phường 13, Quận 3, TP Hồ Chí Minh"). */
  applicantAddress: Nullable(
    Closed({ line: Type.String(), unitCode: Type.String(), unitPath: Type.String() }),
  ),
  requestedReturnChannel: Nullable(Type.Enum(RETURN_CHANNEL_VALUES)),
  returnChannel: Nullable(Type.String()),
  verdict: Nullable(Type.Enum(RESULT_VERDICTS)),
  history: Type.Array(
    Type.Object({
      version: Type.Integer(),
      action: Type.String(),
      by: Type.String(),
      /** The person: a staff member's full name, the applicant's name, or the system's label. */
      name: Type.String(),
      roles: Type.Array(Type.String()),
      ...historyMove,
    }),
  ),
  /**
   * A dossier imported from a legacy system (docs/domain/dossier-import.md): where from, when, and its
   * process history there as that system recorded it (QuaTrinhXuLy), before motcua's own; null otherwise.
   */
  legacy: Nullable(
    Closed({
      source: Type.String({ description: 'dvcqg | opencps | xlsx' }),
      importedAt: Type.String({ format: 'date-time' }),
      readOnly: Type.Boolean({ description: 'Came in closed: kept for lookup and statistics only' }),
      history: Type.Array(
        Closed({
          at: Type.String(),
          by: Type.String(),
          title: Type.String(),
          department: Type.String(),
          content: Type.String(),
          /** The national portal's status code the event left the dossier in (1–10). */
          statusCode: Type.Integer(),
        }),
      ),
    }),
  ),
});

export const HISTORY_ACTORS = ['staff', 'applicant', 'system'] as const;

/**
 * A dossier as its applicant sees it (a signed-in citizen): the same facts without the officers. No
 * assignee; each history entry says who acted only as staff, the applicant or the system, with the
 * roles and the agency of the step, and its note is only what was addressed to the applicant (the
 * reason of a refusal, a supplement request, a stop, an apology or a withdrawal) or the applicant's
 * own words; officers' names, usernames, ids and internal notes are not part of it.
 */
export const ApplicantDossierView = Closed({
  audience: Type.Literal('applicant'),
  ...dossierHead,
  currentStep: Closed({ index: Type.Integer(), key: Type.String() }),
  ...dossierTail,
  /**
   * The result documents, each saying whether it is the signed original (signed by the deciding agency,
   * verified at the approval) and then its public verification token: the QR's
   * `/xac-thuc?ma=<token>`, and the signed PDF at `/api/v1/public/verify/results/<token>/file` (#19).
   */
  resultDocuments: Type.Array(
    Closed({
      name: Type.String(),
      fileId: Type.Optional(Type.String()),
      signed: Type.Boolean(),
      token: Nullable(Type.String()),
    }),
  ),
  /** The result's số, ký hiệu, date and signer as printed on it; null before the approval. */
  result: Nullable(
    Closed({
      number: Type.String({ description: 'Số, ký hiệu văn bản kết quả' }),
      date: Type.String({ description: 'Ngày ký (YYYY-MM-DD)' }),
      signer: Type.String({ description: 'Người ký' }),
    }),
  ),
  history: Type.Array(
    Closed({
      version: Type.Integer(),
      action: Type.String(),
      actor: Type.Enum(HISTORY_ACTORS),
      roles: Type.Array(Type.String()),
      agency: Nullable(AgencyBrief),
      ...historyMove,
    }),
  ),
});

/** The answer of a dossier route both staff and applicants call: `audience` tells which. */
export const DossierReadView = Type.Union([DossierView, ApplicantDossierView]);

export const IncompleteEnvelope = Closed({
  error: Type.Object({
    code: Type.Literal('DOSSIER_INCOMPLETE'),
    reason: Type.Optional(Type.Literal('DOSSIER_INCOMPLETE')),
    message: Type.String(),
    details: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
    requestId: Type.String(),
    dossierCode: Type.String(),
    slip: Type.String(),
  }),
});

/** A worklist's filters and order: the list, the Excel export and the saved preferences share them. */
export const WorklistFilters = {
  list: Type.Optional(Type.Enum(WORKLIST_VALUES)),
  status: Type.Optional(Type.Enum(DOSSIER_STATUS_VALUES)),
  procedureCode: Type.Optional(ProcedureCode),
  /** Lĩnh vực: the procedure's field, as the catalogue names it. */
  field: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  channel: Type.Optional(Type.Enum(DOSSIER_CHANNELS)),
  /** Dossiers involving this agency (receiving, competent or current). */
  agencyCode: Type.Optional(AgencyCode),
  /** Dossiers now at this agency or an agency below it (within the caller's reach). */
  underAgency: Type.Optional(AgencyCode),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** Submitted on or after this day (Vietnamese civil day). */
  from: Type.Optional(IsoDate),
  /** Submitted on or before this day. */
  to: Type.Optional(IsoDate),
  sort: Type.Optional(Type.Enum(WORKLIST_SORTS)),
  dir: Type.Optional(Type.Enum(SORT_DIRECTIONS)),
};

export const DossiersQuery = PagedQuery({
  ...WorklistFilters,
  /** The cursor of the previous page (`nextCursor`): keyset paging, `page` is then ignored. */
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 300, pattern: '^[A-Za-z0-9_-]+$' })),
});
export type DossiersQuery = Static<typeof DossiersQuery>;

export const WorklistExportQuery = Closed(WorklistFilters);
export type WorklistExportQuery = Static<typeof WorklistExportQuery>;

/** A page of dossier rows (staff worklist, the applicant's own list): shared fields, then the list's own. */
const DossierRows = <P extends TProperties>(fields: P) =>
  Closed({
    items: Type.Array(
      Closed({
        code: Type.String(),
        status: Type.String(),
        statusLabel: Type.String(),
        procedureCode: Type.String(),
        ...fields,
        version: Type.Integer(),
      }),
    ),
    total: Type.Integer(),
  });
const rowDates = {
  submittedAt: Type.String(),
  receivedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
};

const DossierListRows = DossierRows({
  procedureName: Type.String(),
  fieldName: Nullable(Type.String()),
  channel: Type.String(),
  applicantName: Type.String(),
  ...rowDates,
  extendedDueAt: Nullable(Type.String()),
  stepDueAt: Nullable(Type.String()),
  currentStep: Closed({ index: Type.Integer(), name: Type.String() }),
  handler: Nullable(Closed({ name: Type.String() })),
  currentAgency: AgencyBrief,
});
export const DossierListResponse = Closed({
  ...DossierListRows.properties,
  /** False when the list holds more rows than were counted (COUNT_LIMIT): `total` is then a floor. */
  totalExact: Type.Boolean(),
  /** Give as `after` for the next page; null on the last page. */
  nextCursor: Nullable(Type.String()),
});

export const DossierCodeParams = Closed({
  code: Type.String({
    pattern: DOSSIER_CODE_PATTERN,
    maxLength: DOSSIER_REF_MAX,
  }),
});

/** The lifecycle's actions (common/dossiers/model.ts). */
export const ACTION_VALUES = ACTION_KINDS;

export const ActionParams = Closed({
  code: DossierCodeParams.properties.code,
  action: Type.Enum(ACTION_VALUES),
});

export const ActionHeaders = Type.Object(
  {
    'if-match': Type.String({ pattern: '^"?[0-9]{1,9}"?$', maxLength: 11 }),
    'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
  },
  { additionalProperties: true },
);
export const CreateHeaders = Type.Object(
  { 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) },
  { additionalProperties: true },
);

export const AllowedActionsResponse = Closed({
  version: Type.Integer(),
  items: Type.Array(
    Closed({ kind: Type.String(), label: Type.String(), inputs: Open('Các trường cần nhập (lược đồ)') }),
  ),
});

/**
 * The public lookup by code. The code alone (printed on the receipt, and sequential) shows where the
 * dossier stands: status, dates and the receiving agency. The procedure, the competent agency and the
 * masked applicant name are shown only when the caller also gives the last 4 digits of the applicant's
 * identity number or phone (`verified`), which a neighbour walking the codes does not hold.
 */
export const PublicDossier = Closed({
  code: Type.String(),
  verified: Type.Boolean({
    description: 'Đã đối chiếu 4 số cuối số định danh hoặc số điện thoại của người nộp',
  }),
  receivingAgency: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  receivedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  returnedAt: Nullable(Type.String()),
  procedure: Type.Optional(Closed({ code: Type.String(), name: Type.String() })),
  competentAgency: Type.Optional(Type.String()),
  applicantName: Type.Optional(Type.String()),
});

export const PublicLookupQuery = Closed({
  digits: Type.Optional(
    Type.String({
      pattern: '^[0-9]{4}$',
      description: '4 số cuối số định danh (CCCD) hoặc số điện thoại của người nộp',
    }),
  ),
});

export const WorklistCounts = Closed(
  Object.fromEntries(WORKLIST_VALUES.map((w) => [w, Type.Integer({ minimum: 0 })])) as Record<
    (typeof WORKLIST_VALUES)[number],
    ReturnType<typeof Type.Integer>
  >,
);

/**
 * What changed since the officer's previous sign-in (trang chủ): the dossiers in their reach on which
 * someone else acted since then, the most recently acted on first. A first sign-in looks back a day.
 */
export const DossierChanges = Closed({
  since: Type.String({ description: 'Từ thời điểm này (lần đăng nhập trước, hoặc 24 giờ qua)' }),
  firstSignIn: Type.Boolean(),
  items: Type.Array(
    Closed({
      code: Type.String(),
      status: Type.String(),
      procedureCode: Type.String(),
      procedureName: Type.String(),
      applicantName: Type.String(),
      actions: Type.Integer({ minimum: 1, description: 'Số thao tác của người khác từ thời điểm đó' }),
      lastAction: Closed(
        { kind: Type.String(), at: Type.String(), by: Type.String() },
        { description: "Thao tác gần nhất; kind 'submit': hồ sơ mới nộp, chưa ai thao tác (by: người nộp)" },
      ),
    }),
  ),
  total: Type.Integer({ minimum: 0 }),
});

/** A citizen's online submission: the person applying is the signed-in account (its name and ID number). */
export const OnlineSubmissionBody = Closed({
  procedureCode: ProcedureCode,
  caseCode: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  agencyCode: AgencyCode,
  receivingAgencyCode: Type.Optional(AgencyCode),
  applicant: Closed({
    kind: Type.Enum(['person', 'organisation'] as const),
    fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    idNumber: Type.Optional(Type.String({ minLength: 9, maxLength: 14 })),
    phone: Type.String({ minLength: 8, maxLength: 20 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    address: Type.Optional(
      Closed({ unitCode: UnitCode, line: Type.String({ minLength: 1, maxLength: 300 }) }),
    ),
    notifyBy: Type.Optional(NotifyBy),
  }),
  returnChannel: ReturnChannelChoice,
  formData: Type.Object({}, { additionalProperties: true }),
  components: Type.Array(
    Closed({
      code: Type.String({ pattern: '^TP[0-9]{1,3}$', maxLength: 6 }),
      provided: Type.Optional(Type.Enum(['electronic', 'reused'] as const)),
      fileIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 20 })),
      documentIds: ReusedDocumentIds,
    }),
    { maxItems: 100 },
  ),
});
export type OnlineSubmissionBody = Static<typeof OnlineSubmissionBody>;

export const OwnDossiersQuery = PagedQuery({ status: Type.Optional(Type.Enum(DOSSIER_STATUS_VALUES)) });

export const OwnDossierList = DossierRows({
  procedureName: Type.String(),
  agencyName: Type.String(),
  ...rowDates,
  returnedAt: Nullable(Type.String()),
});

/** The agencies the caller's desks may receive a procedure for (the desk intake page's list). */
export const ReceivableAgenciesQuery = Closed({ procedure: ProcedureCode });
export const IntakeNextStepQuery = Closed({
  procedure: ProcedureCode,
  agencyCode: AgencyCode,
  channel: Type.Optional(Type.Enum(['direct', 'postal'] as const)),
  deskAgencyCode: Type.Optional(AgencyCode),
});
/** The step a dossier received at the counter is handed to, and who may take it (null: it stays at the desk). */
export const IntakeNextStep = Closed({
  step: Nullable(
    Closed({
      key: Type.String(),
      name: Type.String(),
      role: Type.String(),
      agency: Closed({ code: Type.String(), name: Type.String() }),
    }),
  ),
  people: Type.Array(Closed({ id: Type.String(), fullName: Type.String(), username: Type.String() })),
});
export const ReceivableAgencies = Closed({
  items: Type.Array(
    Closed({
      code: Type.String(),
      name: Type.String(),
      unitCode: Type.String(),
      /** The caller's desk that receives for it, sent back as the intake's deskAgencyCode. */
      deskAgencyCode: Type.String(),
      /** The agency's unit and the units above it, root first (the picker browses by it). */
      trail: Type.Array(PlaceStep),
    }),
  ),
});
