import { Type, type Static } from 'typebox';
import { AgencyCode, IsoDate, Page, PageSize, UnitCode } from './common.ts';
import { ProcedureCode } from './catalog.ts';
import { DocumentId } from './documents.ts';
import { WORKLISTS } from '../dossiers/worklists.ts';

export const DOSSIER_STATUS_VALUES = [
  'submitted',
  'received',
  'refused',
  'processing',
  'awaiting-supplement',
  'awaiting-payment',
  'withdrawn',
  'stopped',
  'result-ready',
  'returned',
] as const;
/** The worklists' names (common/dossiers/worklists.ts). */
export const WORKLIST_VALUES = WORKLISTS;
export const PROVIDED_VALUES = ['original', 'copy', 'certified-copy', 'electronic', 'reused'] as const;

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

export const ApplicantBody = Type.Object(
  {
    kind: Type.Enum(['person', 'organisation'] as const),
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    idNumber: Type.String({ minLength: 9, maxLength: 14 }),
    phone: Type.String({ minLength: 8, maxLength: 20 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    address: Type.Optional(
      Type.Object(
        { unitCode: UnitCode, line: Type.String({ minLength: 1, maxLength: 300 }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const IntakeBody = Type.Object(
  {
    procedureCode: ProcedureCode,
    caseCode: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    agencyCode: AgencyCode,
    deskAgencyCode: Type.Optional(AgencyCode),
    applicant: ApplicantBody,
    formData: Type.Object({}, { additionalProperties: true }),
    components: Type.Array(
      Type.Object(
        {
          code: Type.String({ pattern: '^TP[0-9]{1,3}$', maxLength: 6 }),
          provided: Type.Enum(PROVIDED_VALUES),
          fileIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 })),
          documentIds: ReusedDocumentIds,
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    channel: Type.Enum(['direct', 'postal'] as const),
    missing: Type.Optional(
      Type.Array(
        Type.Object(
          {
            code: Type.String({ pattern: '^TP[0-9]{1,3}$', maxLength: 6 }),
            note: Type.Optional(Type.String({ maxLength: 300 })),
          },
          { additionalProperties: false },
        ),
        {
          maxItems: 100,
          description: 'Thành phần cán bộ thấy còn thiếu (ngoài các thành phần bắt buộc theo quy định)',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type IntakeBody = Static<typeof IntakeBody>;

const AgencyBrief = Type.Object(
  { code: Type.String(), name: Type.String() },
  { additionalProperties: false },
);
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

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
  calendarVersion: Type.Union([Type.Integer(), Type.Null()]),
  resultAt: Nullable(Type.String()),
  returnedAt: Nullable(Type.String()),
  remaining: Type.Union([
    Type.Object({ overdue: Type.Boolean(), workingMinutes: Type.Integer(), label: Type.String() }),
    Type.Null(),
  ]),
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

/** A dossier as staff see it: who handles the current step, and who did what (their username). */
export const DossierView = Type.Object(
  {
    ...dossierHead,
    currentStep: Type.Object({
      index: Type.Integer(),
      key: Type.String(),
      assigneeId: Nullable(Type.String()),
    }),
    ...dossierTail,
    history: Type.Array(
      Type.Object({
        version: Type.Integer(),
        action: Type.String(),
        by: Type.String(),
        roles: Type.Array(Type.String()),
        at: Type.String(),
        from: Type.String(),
        to: Type.String(),
        fromStep: Type.Integer(),
        toStep: Type.Integer(),
        note: Nullable(Type.String()),
      }),
    ),
  },
  { additionalProperties: false },
);

export const HISTORY_ACTORS = ['staff', 'applicant', 'system'] as const;

/**
 * A dossier as its applicant sees it (a signed-in citizen): the same facts without the officers. No
 * assignee; each history entry says who acted only as staff, the applicant or the system, with the
 * roles and the agency of the step, and its note is only what was addressed to the applicant (the
 * reason of a refusal, a supplement request, a stop, an apology or a withdrawal) or the applicant's
 * own words; officers' names, usernames, ids and internal notes are not part of it.
 */
export const ApplicantDossierView = Type.Object(
  {
    audience: Type.Literal('applicant'),
    ...dossierHead,
    currentStep: Type.Object({ index: Type.Integer(), key: Type.String() }, { additionalProperties: false }),
    ...dossierTail,
    history: Type.Array(
      Type.Object(
        {
          version: Type.Integer(),
          action: Type.String(),
          actor: Type.Enum(HISTORY_ACTORS),
          roles: Type.Array(Type.String()),
          agency: Type.Union([AgencyBrief, Type.Null()]),
          at: Type.String(),
          from: Type.String(),
          to: Type.String(),
          fromStep: Type.Integer(),
          toStep: Type.Integer(),
          note: Nullable(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** The answer of a dossier route both staff and applicants call: `audience` tells which. */
export const DossierReadView = Type.Union([DossierView, ApplicantDossierView]);

export const IncompleteEnvelope = Type.Object(
  {
    error: Type.Object({
      code: Type.Literal('DOSSIER_INCOMPLETE'),
      reason: Type.Optional(Type.Literal('DOSSIER_INCOMPLETE')),
      message: Type.String(),
      details: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
      requestId: Type.String(),
      dossierCode: Type.String(),
      slip: Type.String(),
    }),
  },
  { additionalProperties: false },
);

export const DossiersQuery = Type.Object(
  {
    list: Type.Optional(Type.Enum(WORKLIST_VALUES)),
    status: Type.Optional(Type.Enum(DOSSIER_STATUS_VALUES)),
    procedureCode: Type.Optional(ProcedureCode),
    agencyCode: Type.Optional(AgencyCode),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    page: Type.Optional(Page),
    pageSize: Type.Optional(PageSize),
  },
  { additionalProperties: false },
);
export type DossiersQuery = Static<typeof DossiersQuery>;

export const DossierListResponse = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          code: Type.String(),
          status: Type.String(),
          statusLabel: Type.String(),
          procedureCode: Type.String(),
          applicantName: Type.String(),
          submittedAt: Type.String(),
          receivedAt: Nullable(Type.String()),
          dueAt: Nullable(Type.String()),
          extendedDueAt: Nullable(Type.String()),
          currentAgency: AgencyBrief,
          version: Type.Integer(),
        },
        { additionalProperties: false },
      ),
    ),
    total: Type.Integer(),
  },
  { additionalProperties: false },
);

export const DossierCodeParams = Type.Object(
  {
    code: Type.String({
      pattern: '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4}$',
      maxLength: 40,
    }),
  },
  { additionalProperties: false },
);

export const ACTION_VALUES = [
  'accept',
  'request-supplement',
  'supplement',
  'refuse',
  'claim',
  'assign',
  'forward',
  'send-back',
  'approve',
  'deny',
  'apologize',
  'return-result',
  'withdraw',
  'stop',
  'request-payment',
  'confirm-payment',
] as const;

export const ActionParams = Type.Object(
  {
    code: DossierCodeParams.properties.code,
    action: Type.Enum(ACTION_VALUES),
  },
  { additionalProperties: false },
);

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

export const AllowedActionsResponse = Type.Object(
  {
    version: Type.Integer(),
    items: Type.Array(
      Type.Object(
        { kind: Type.String(), label: Type.String(), inputs: Open('Các trường cần nhập (lược đồ)') },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const PublicDossier = Type.Object(
  {
    code: Type.String(),
    procedure: Type.Object({ code: Type.String(), name: Type.String() }, { additionalProperties: false }),
    receivingAgency: Type.String(),
    competentAgency: Type.String(),
    status: Type.String(),
    statusLabel: Type.String(),
    applicantName: Type.String(),
    receivedAt: Nullable(Type.String()),
    dueAt: Nullable(Type.String()),
    returnedAt: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

export const WorklistCounts = Type.Object(
  Object.fromEntries(WORKLIST_VALUES.map((w) => [w, Type.Integer({ minimum: 0 })])) as Record<
    (typeof WORKLIST_VALUES)[number],
    ReturnType<typeof Type.Integer>
  >,
  { additionalProperties: false },
);

/** A citizen's online submission: the person applying is the signed-in account (its name and ID number). */
export const OnlineSubmissionBody = Type.Object(
  {
    procedureCode: ProcedureCode,
    caseCode: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    agencyCode: AgencyCode,
    receivingAgencyCode: Type.Optional(AgencyCode),
    applicant: Type.Object(
      {
        kind: Type.Enum(['person', 'organisation'] as const),
        fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        idNumber: Type.Optional(Type.String({ minLength: 9, maxLength: 14 })),
        phone: Type.String({ minLength: 8, maxLength: 20 }),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
        address: Type.Optional(
          Type.Object(
            { unitCode: UnitCode, line: Type.String({ minLength: 1, maxLength: 300 }) },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    formData: Type.Object({}, { additionalProperties: true }),
    components: Type.Array(
      Type.Object(
        {
          code: Type.String({ pattern: '^TP[0-9]{1,3}$', maxLength: 6 }),
          provided: Type.Optional(Type.Enum(['electronic', 'reused'] as const)),
          fileIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 20 })),
          documentIds: ReusedDocumentIds,
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
export type OnlineSubmissionBody = Static<typeof OnlineSubmissionBody>;

export const OwnDossiersQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(DOSSIER_STATUS_VALUES)),
    page: Type.Optional(Page),
    pageSize: Type.Optional(PageSize),
  },
  { additionalProperties: false },
);

export const OwnDossierList = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          code: Type.String(),
          status: Type.String(),
          statusLabel: Type.String(),
          procedureCode: Type.String(),
          procedureName: Type.String(),
          agencyName: Type.String(),
          submittedAt: Type.String(),
          receivedAt: Nullable(Type.String()),
          dueAt: Nullable(Type.String()),
          returnedAt: Nullable(Type.String()),
          version: Type.Integer(),
        },
        { additionalProperties: false },
      ),
    ),
    total: Type.Integer(),
  },
  { additionalProperties: false },
);
