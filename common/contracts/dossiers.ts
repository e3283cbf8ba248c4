import { Type, type Static, type TProperties } from 'typebox';
import { AgencyCode, Closed, IsoDate, Nullable, PagedQuery, UnitCode } from './common.ts';
import { ProcedureCode } from './catalog.ts';
import { DocumentId } from './documents.ts';
import { ACTION_KINDS } from '../dossiers/model.ts';
import { DOSSIER_STATUS_KEYS } from '../dossiers/statuses.ts';
import { WORKLISTS } from '../dossiers/worklists.ts';

/** The dossier statuses (common/dossiers/statuses.ts). */
export const DOSSIER_STATUS_VALUES = DOSSIER_STATUS_KEYS;
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

export const ApplicantBody = Closed({
  kind: Type.Enum(['person', 'organisation'] as const),
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  idNumber: Type.String({ minLength: 9, maxLength: 14 }),
  phone: Type.String({ minLength: 8, maxLength: 20 }),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
  address: Type.Optional(Closed({ unitCode: UnitCode, line: Type.String({ minLength: 1, maxLength: 300 }) })),
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
    }),
    { maxItems: 100 },
  ),
  channel: Type.Enum(['direct', 'postal'] as const),
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

/** A dossier as staff see it: who handles the current step, and who did what (their username). */
export const DossierView = Closed({
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
      ...historyMove,
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

export const DossiersQuery = PagedQuery({
  list: Type.Optional(Type.Enum(WORKLIST_VALUES)),
  status: Type.Optional(Type.Enum(DOSSIER_STATUS_VALUES)),
  procedureCode: Type.Optional(ProcedureCode),
  agencyCode: Type.Optional(AgencyCode),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});
export type DossiersQuery = Static<typeof DossiersQuery>;

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

export const DossierListResponse = DossierRows({
  applicantName: Type.String(),
  ...rowDates,
  extendedDueAt: Nullable(Type.String()),
  currentAgency: AgencyBrief,
});

export const DossierCodeParams = Closed({
  code: Type.String({
    pattern: '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4}$',
    maxLength: 40,
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
  }),
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
export const ReceivableAgencies = Closed({
  items: Type.Array(
    Closed({
      code: Type.String(),
      name: Type.String(),
      unitCode: Type.String(),
      /** The caller's desk that receives for it, sent back as the intake's deskAgencyCode. */
      deskAgencyCode: Type.String(),
    }),
  ),
});
