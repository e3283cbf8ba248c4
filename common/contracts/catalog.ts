import { Type, type Static } from 'typebox';
import { AgencyCode, Page, PageSize } from './common.ts';

export const ProcedureCode = Type.String({ pattern: '^[0-9]\\.[0-9]{6}$', maxLength: 8 });
export const CHANNEL_VALUES = ['direct', 'online', 'postal'] as const;
export const LEVEL_VALUES = ['ministry', 'province', 'district', 'commune', 'other'] as const;
export const ONLINE_VALUES = ['full', 'partial', 'none'] as const;

/** Open objects: catalogue content is public and shaped by common/catalog/procedure.ts. */
const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });

export const ProceduresQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    field: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    level: Type.Optional(Type.Enum(LEVEL_VALUES)),
    agencyCode: Type.Optional(AgencyCode),
    online: Type.Optional(Type.Enum(ONLINE_VALUES)),
    page: Type.Optional(Page),
    pageSize: Type.Optional(PageSize),
  },
  { additionalProperties: false },
);
export type ProceduresQuery = Static<typeof ProceduresQuery>;

export const ProcedureListItem = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    field: Type.Union([
      Type.Object({ code: Type.Union([Type.String(), Type.Null()]), name: Type.String() }),
      Type.Null(),
    ]),
    levels: Type.Array(Type.String()),
    timeLimits: Open('Thời hạn theo kênh: direct, online, postal'),
    fees: Type.Array(Open('Phí, lệ phí')),
    onlineLevel: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export const ProceduresResponse = Type.Object(
  { items: Type.Array(ProcedureListItem), total: Type.Integer() },
  { additionalProperties: false },
);

export const CodeParams = Type.Object({ code: ProcedureCode }, { additionalProperties: false });
export const CodeVersionParams = Type.Object(
  { code: ProcedureCode, version: Type.Integer({ minimum: 1, maximum: 100000 }) },
  { additionalProperties: false },
);

export const ProcedureDetail = Type.Object(
  {
    version: Type.Integer(),
    status: Type.String(),
    procedure: Open('Thủ tục (common/catalog/procedure.ts)'),
    form: Open('Tờ khai (JSON Schema 2020-12)'),
    genericForm: Type.Boolean(),
    issues: Type.Array(
      Type.Object(
        { code: Type.String(), severity: Type.String(), path: Type.String(), message: Type.String() },
        { additionalProperties: false },
      ),
    ),
    offeredBy: Type.Array(
      Type.Object(
        { code: Type.String(), name: Type.String(), unitCode: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const VersionsResponse = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          version: Type.Integer(),
          status: Type.String(),
          name: Type.String(),
          createdAt: Type.String(),
          publishedAt: Type.Union([Type.String(), Type.Null()]),
          retiredAt: Type.Union([Type.String(), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const VersionState = Type.Object(
  { version: Type.Integer(), status: Type.String() },
  { additionalProperties: false },
);

export const UpdateDraftBody = Type.Object(
  {
    record: Open('Một bản ghi theo định dạng tệp danh mục (procedures.json)'),
    formSchema: Type.Optional(Type.Union([Open('JSON Schema 2020-12'), Type.Null()])),
  },
  { additionalProperties: false },
);

export const ImportQuery = Type.Object(
  { dryRun: Type.Optional(Type.Boolean({ default: true })) },
  { additionalProperties: false },
);
export const ImportBody = Type.Object(
  {
    source_notes: Type.Optional(Type.Unknown()),
    procedures: Type.Array(Open('Bản ghi thủ tục'), { maxItems: 5000 }),
  },
  { additionalProperties: false },
);
const Reason = Type.Object({ path: Type.String(), message: Type.String() }, { additionalProperties: false });
export const ImportReport = Type.Object(
  {
    dryRun: Type.Boolean(),
    created: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    rejected: Type.Array(
      Type.Object(
        { index: Type.Integer(), code: Type.Optional(Type.String()), reasons: Type.Array(Reason) },
        { additionalProperties: false },
      ),
    ),
    items: Type.Array(
      Type.Object(
        {
          index: Type.Integer(),
          code: Type.String(),
          result: Type.String(),
          version: Type.Optional(Type.Integer()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const OfferingsBody = Type.Object(
  { agencyCodes: Type.Array(AgencyCode, { maxItems: 20000, uniqueItems: true }) },
  { additionalProperties: false },
);
export const OfferingsResponse = Type.Object(
  { agencyCodes: Type.Array(Type.String()) },
  { additionalProperties: false },
);

export const ValidateFormBody = Type.Object({ formData: Type.Unknown() }, { additionalProperties: false });
export const ValidateFormResponse = Type.Object(
  {
    ok: Type.Boolean(),
    errors: Type.Array(
      Type.Object(
        { pointer: Type.String(), message: Type.String(), keyword: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** GET …/form/validator.js: the published version's form by default, or the version named. */
export const FormValidatorQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) },
  { additionalProperties: false },
);
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

export const WorkflowQuery = Type.Object(
  {
    agencyCode: Type.Optional(AgencyCode),
    channel: Type.Optional(Type.Enum(CHANNEL_VALUES)),
    procedureVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  },
  { additionalProperties: false },
);

const Performer = Type.Object(
  {
    kind: Type.Enum([
      'receiving-agency',
      'competent-agency',
      'named-agency',
      'agency-of-kind-above',
    ] as const),
    agencyCode: Type.Optional(Type.String({ maxLength: 13 })),
    agencyKind: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
const Share = Type.Object(
  {
    value: Type.Number({ minimum: 0, maximum: 100000 }),
    unit: Type.Enum(['working-day', 'working-hour', 'calendar-day', 'calendar-hour'] as const),
  },
  { additionalProperties: false },
);
export const WorkflowStepBody = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 60 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: Type.Enum(['desk-officer', 'specialist', 'leader'] as const),
    performer: Performer,
    share: Share,
    canSendBack: Type.Boolean(),
  },
  { additionalProperties: false },
);
export const WorkflowResponse = Type.Object(
  {
    procedureVersion: Type.Integer(),
    channel: Type.String(),
    source: Type.String(),
    version: Type.Integer(),
    limit: Type.Union([Open('Thời hạn của kênh'), Type.Null()]),
    steps: Type.Array(
      Type.Object(
        {
          key: Type.String(),
          name: Type.String(),
          role: Type.String(),
          performer: Open('Cơ quan thực hiện bước'),
          share: Open('Thời gian của bước'),
          canSendBack: Type.Boolean(),
          agency: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
          unresolved: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    problems: Type.Array(Reason),
  },
  { additionalProperties: false },
);
export const PutWorkflowBody = Type.Object(
  {
    agencyCode: Type.Optional(AgencyCode),
    procedureVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    channel: Type.Enum(CHANNEL_VALUES),
    version: Type.Integer({ minimum: 0 }),
    steps: Type.Array(WorkflowStepBody, { minItems: 1, maxItems: 30 }),
  },
  { additionalProperties: false },
);
