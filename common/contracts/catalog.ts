import { PlaceStep } from './org.ts';
import { Type, type Static } from 'typebox';
import { AgencyCode, Closed, Nullable, PagedQuery } from './common.ts';

export const ProcedureCode = Type.String({ pattern: '^[0-9]\\.[0-9]{6}$', maxLength: 8 });
export const CHANNEL_VALUES = ['direct', 'online', 'postal'] as const;
export const LEVEL_VALUES = ['ministry', 'province', 'district', 'commune', 'other'] as const;
export const ONLINE_VALUES = ['full', 'partial', 'none'] as const;

/** Open objects: catalogue content is public and shaped by common/catalog/procedure.ts. */
const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });

export const ProceduresQuery = PagedQuery({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  field: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  level: Type.Optional(Type.Enum(LEVEL_VALUES)),
  agencyCode: Type.Optional(AgencyCode),
  online: Type.Optional(Type.Enum(ONLINE_VALUES)),
});
export type ProceduresQuery = Static<typeof ProceduresQuery>;

export const ProcedureListItem = Closed({
  code: Type.String(),
  name: Type.String(),
  field: Nullable(Type.Object({ code: Nullable(Type.String()), name: Type.String() })),
  levels: Type.Array(Type.String()),
  timeLimits: Open('Thời hạn theo kênh: direct, online, postal'),
  fees: Type.Array(Open('Phí, lệ phí')),
  onlineLevel: Nullable(Type.String()),
});
export const ProceduresResponse = Closed({ items: Type.Array(ProcedureListItem), total: Type.Integer() });

export const CodeParams = Closed({ code: ProcedureCode });
export const CodeVersionParams = Closed({
  code: ProcedureCode,
  version: Type.Integer({ minimum: 1, maximum: 100000 }),
});

/** Why a procedure is not offered online (ProcedureDetail.onlineApplication). */
export const ONLINE_UNAVAILABLE_REASONS = [
  'no-online-channel',
  'no-online-service',
  'no-offering',
  'no-time-limit',
] as const;
export type OnlineUnavailableReason = (typeof ONLINE_UNAVAILABLE_REASONS)[number];

/** A gap that keeps a version from citizens (common/catalog/flags.ts). */
export const Flag = Closed({ code: Type.String(), path: Type.String(), message: Type.String() });

export const ProcedureDetail = Closed({
  version: Type.Integer(),
  status: Type.String(),
  procedure: Open('Thủ tục (common/catalog/procedure.ts)'),
  form: Open('Tờ khai (JSON Schema 2020-12)'),
  genericForm: Type.Boolean(),
  issues: Type.Array(
    Closed({ code: Type.String(), severity: Type.String(), path: Type.String(), message: Type.String() }),
  ),
  /** Staff only (empty on the portal): what must be completed before this version may be published. */
  flags: Type.Array(Flag),
  /** The day the announcing decision puts this version in force (null: not in the data). */
  effectiveFrom: Nullable(Type.String()),
  offeredBy: Type.Array(
    Closed({
      code: Type.String(),
      name: Type.String(),
      unitCode: Type.String(),
      /** The agency's unit and the units above it, root first (the pickers show and browse by it). */
      trail: Type.Array(PlaceStep),
    }),
  ),
  /**
   * Whether the back office can take this procedure in online; `reason` says why not (the portal shows
   * it instead of "Nộp trực tuyến"). Dossiers for it from the national portal are held (sync).
   */
  onlineApplication: Closed({
    available: Type.Boolean(),
    reason: Nullable(Type.Enum(ONLINE_UNAVAILABLE_REASONS)),
  }),
});

export const VersionsResponse = Closed({
  items: Type.Array(
    Closed({
      version: Type.Integer(),
      status: Type.String(),
      name: Type.String(),
      createdAt: Type.String(),
      publishedAt: Nullable(Type.String()),
      retiredAt: Nullable(Type.String()),
      effectiveFrom: Nullable(Type.String()),
      /** As stored when the version was last written (publishing checks them again). */
      flags: Type.Array(Flag),
    }),
  ),
});

export const VersionState = Closed({ version: Type.Integer(), status: Type.String() });

export const UpdateDraftBody = Closed({
  record: Open('Một bản ghi theo định dạng tệp danh mục (procedures.json)'),
  formSchema: Type.Optional(Nullable(Open('JSON Schema 2020-12'))),
});

/** The catalogue editor's content of a draft (common/catalog/draft-content.ts). */
const Channel = Type.Enum(CHANNEL_VALUES);
const Text = (maxLength: number) => Type.String({ maxLength });
const DraftLimit = Nullable(
  Closed({
    value: Nullable(Type.Number({ maximum: 100000 })),
    unit: Nullable(Type.Enum(['working-day', 'working-hour', 'calendar-day', 'calendar-hour'])),
    text: Text(200),
    note: Nullable(Text(2000)),
  }),
);
const DraftLimits = Closed({ direct: DraftLimit, online: DraftLimit, postal: DraftLimit });
const DraftFee = Closed({
  channel: Nullable(Channel),
  amountVnd: Nullable(Type.Number({ maximum: 1e12 })),
  per: Nullable(Text(100)),
  text: Nullable(Text(500)),
  amountOther: Nullable(Closed({ value: Type.Number(), currency: Text(10) })),
  note: Nullable(Text(2000)),
});
const DraftFees = Type.Array(DraftFee, { maxItems: 100 });
export const DraftContent = Closed({
  channels: Type.Array(Channel, { maxItems: 3, uniqueItems: true }),
  timeLimits: DraftLimits,
  cases: Type.Array(
    Closed({
      key: Type.String({ minLength: 1, maxLength: 120, pattern: '^[a-z0-9-]+$' }),
      name: Text(500),
      timeLimits: DraftLimits,
      fees: DraftFees,
      /** "Bắt buộc ký số kết quả" (#19), default false. */
      requireSignedResult: Type.Optional(Type.Boolean()),
      /** The organisation seal after the signer's signature, default false. */
      sealResult: Type.Optional(Type.Boolean()),
    }),
    { maxItems: 50 },
  ),
  components: Type.Array(
    Closed({
      name: Text(2000),
      originals: Nullable(Type.Number({ maximum: 1000 })),
      copies: Nullable(Type.Number({ maximum: 1000 })),
      group: Nullable(Text(2000)),
      condition: Nullable(Text(2000)),
      submission: Nullable(Type.Enum(['submit', 'present', 'present-or-submit'])),
      form: Nullable(Text(500)),
      electronicCopyAccepted: Nullable(Type.Boolean()),
      reuseAccepted: Nullable(Type.Boolean()),
      declaration: Type.Optional(Type.Literal(true)),
      required: Type.Optional(Type.Literal(true)),
    }),
    { maxItems: 200 },
  ),
  fees: DraftFees,
  results: Type.Array(Closed({ name: Text(1000), code: Nullable(Text(100)) }), { maxItems: 50 }),
  onlineLevel: Nullable(Type.Enum(ONLINE_VALUES)),
  form: Type.String({ minLength: 1, maxLength: 200 }),
});
export const SaveDraftContentBody = Closed({ content: DraftContent });
const DraftProblem = Closed({
  path: Type.String(),
  code: Type.String(),
  severity: Type.Enum(['error', 'warning']),
  message: Type.String(),
});
export const DraftEditorResponse = Closed({
  version: Type.Integer(),
  status: Type.String(),
  code: Type.String(),
  name: Type.String(),
  content: DraftContent,
  problems: Type.Array(DraftProblem),
  /** Who sets the fee (the procedure's fee policy), for the editor's live check. */
  feeDecidedBy: Nullable(Type.String()),
  /** Channels whose published wording says the law sets no time limit (a warning, not an error). */
  noLimit: Type.Array(Channel),
  /** The form choices this version may take: the shipped forms, and `custom` when it has its own. */
  forms: Type.Array(Closed({ id: Type.String(), title: Type.String() })),
  /** The version in force, to compare the draft with (null: none is published). */
  inForce: Nullable(Closed({ version: Type.Integer(), content: DraftContent })),
});
export const SaveDraftContentResponse = Closed({
  version: Type.Integer(),
  status: Type.String(),
  problems: Type.Array(DraftProblem),
});

export const ImportQuery = Closed({ dryRun: Type.Optional(Type.Boolean({ default: true })) });
export const ImportBody = Closed({
  source_notes: Type.Optional(Type.Unknown()),
  // The national catalogue has 5,734 records (catalog-national.ts).
  procedures: Type.Array(Open('Bản ghi thủ tục'), { maxItems: 8000 }),
});
const Reason = Closed({ path: Type.String(), message: Type.String() });
export const ImportReport = Closed({
  dryRun: Type.Boolean(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  /** Imported as drafts because of their flags: not published until completed. */
  drafted: Type.Integer(),
  rejected: Type.Array(
    Closed({ index: Type.Integer(), code: Type.Optional(Type.String()), reasons: Type.Array(Reason) }),
  ),
  items: Type.Array(
    Closed({
      index: Type.Integer(),
      code: Type.String(),
      result: Type.String(),
      version: Type.Optional(Type.Integer()),
      flags: Type.Optional(Type.Array(Flag)),
    }),
  ),
});

/** The province's published list (POST …/import/published-list): the report, and each row's line and name. */
export const PublishedListReport = Closed({
  ...ImportReport.properties,
  rows: Type.Array(Closed({ index: Type.Integer(), line: Type.Integer(), name: Nullable(Type.String()) })),
});
export const PUBLISHED_LIST_MEDIA_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
] as const;

export const OfferingsBody = Closed({
  agencyCodes: Type.Array(AgencyCode, { maxItems: 20000, uniqueItems: true }),
});
export const OfferingsResponse = Closed({ agencyCodes: Type.Array(Type.String()) });

export const ValidateFormBody = Closed({ formData: Type.Unknown() });
export const ValidateFormResponse = Closed({
  ok: Type.Boolean(),
  errors: Type.Array(Closed({ pointer: Type.String(), message: Type.String(), keyword: Type.String() })),
});

/** GET …/form/validator.js: the published version's form by default, or the version named. */
export const FormValidatorQuery = Closed({
  version: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});
export const FormValidatorModule = Type.String({
  description:
    'Mô-đun ES (text/javascript): `export default function (require)` trả về hàm kiểm tra của Ajv (mã ' +
    'standalone sinh từ biểu mẫu, cùng tùy chọn như máy chủ); `require` phải cung cấp các mô-đun ' +
    'ajv/dist/runtime/* và ajv-formats/dist/formats (common/catalog/form-runtime.ts).',
});
/** A 304: no body (`type: null` keeps the OpenAPI answer without content; the handler sends nothing). */
export const NotModified = Type.Unsafe<undefined>({
  type: 'null',
  description: 'Không đổi so với ETag trong If-None-Match',
});

export const WorkflowQuery = Closed({
  agencyCode: Type.Optional(AgencyCode),
  channel: Type.Optional(Type.Enum(CHANNEL_VALUES)),
  procedureVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});

const Performer = Closed({
  kind: Type.Enum(['receiving-agency', 'competent-agency', 'named-agency', 'agency-of-kind-above'] as const),
  agencyCode: Type.Optional(Type.String({ maxLength: 13 })),
  agencyKind: Type.Optional(Type.String({ maxLength: 40 })),
});
const Share = Closed({
  value: Type.Number({ minimum: 0, maximum: 100000 }),
  unit: Type.Enum(['working-day', 'working-hour', 'calendar-day', 'calendar-hour'] as const),
});
export const WorkflowStepBody = Closed({
  key: Type.String({ minLength: 1, maxLength: 60 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  role: Type.Enum(['desk-officer', 'specialist', 'leader'] as const),
  performer: Performer,
  share: Share,
  canSendBack: Type.Boolean(),
});
export const WorkflowResponse = Closed({
  procedureVersion: Type.Integer(),
  channel: Type.String(),
  source: Type.String(),
  version: Type.Integer(),
  limit: Nullable(Open('Thời hạn của kênh')),
  steps: Type.Array(
    Closed({
      key: Type.String(),
      name: Type.String(),
      role: Type.String(),
      performer: Open('Cơ quan thực hiện bước'),
      share: Open('Thời gian của bước'),
      canSendBack: Type.Boolean(),
      agency: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
      unresolved: Type.Optional(Type.String()),
    }),
  ),
  problems: Type.Array(Reason),
});
export const PutWorkflowBody = Closed({
  agencyCode: Type.Optional(AgencyCode),
  procedureVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  channel: Type.Enum(CHANNEL_VALUES),
  version: Type.Integer({ minimum: 0 }),
  steps: Type.Array(WorkflowStepBody, { minItems: 1, maxItems: 30 }),
});
