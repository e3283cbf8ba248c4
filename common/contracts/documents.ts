// The applicant's digitised records (kho quản lý dữ liệu điện tử, ND 45/2020 Điều 16): what the citizen
// and the receiving desk read (docs/domain/documents.md).
import { Type, type Static } from 'typebox';
import { Page, PageSize } from './common.ts';

export const APPLICANT_DOCUMENT_KINDS = ['result'] as const;

/** A record's id as the API carries it (a bigint, as a string). */
export const DocumentId = Type.String({ pattern: '^[1-9][0-9]{0,17}$', maxLength: 18 });

/** The 12-digit personal identification number, or a tax code (10 digits, or 10-3). */
export const APPLICANT_ID_NUMBER_PATTERN = '^([0-9]{12}|[0-9]{10}(-[0-9]{3})?)$';
export const ApplicantIdNumber = Type.String({ pattern: APPLICANT_ID_NUMBER_PATTERN, maxLength: 14 });

export const ApplicantDocument = Type.Object(
  {
    documentId: DocumentId,
    kind: Type.Enum(APPLICANT_DOCUMENT_KINDS),
    name: Type.String(),
    dossierCode: Type.String(),
    procedure: Type.Object({ code: Type.String(), name: Type.String() }, { additionalProperties: false }),
    issuingAgency: Type.Object({ code: Type.String(), name: Type.String() }, { additionalProperties: false }),
    issuedAt: Type.String({ description: 'ISO-8601: when the result was signed (approved)' }),
    file: Type.Object({ mediaType: Type.String(), size: Type.Integer() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type ApplicantDocument = Static<typeof ApplicantDocument>;

export const ApplicantDocumentList = Type.Object(
  { items: Type.Array(ApplicantDocument), total: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type ApplicantDocumentList = Static<typeof ApplicantDocumentList>;

export const DocumentsQuery = Type.Object(
  { page: Type.Optional(Page), pageSize: Type.Optional(PageSize) },
  { additionalProperties: false },
);

export const OwnDocumentParams = Type.Object({ documentId: DocumentId }, { additionalProperties: false });

export const ApplicantParams = Type.Object({ idNumber: ApplicantIdNumber }, { additionalProperties: false });

export const ApplicantDocumentParams = Type.Object(
  { idNumber: ApplicantIdNumber, documentId: DocumentId },
  { additionalProperties: false },
);
