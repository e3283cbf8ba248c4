// The applicant's digitised records (kho quản lý dữ liệu điện tử, ND 45/2020 Điều 16): what the citizen
// and the receiving desk read (docs/domain/documents.md).
import { Type, type Static } from 'typebox';
import { Closed, Paged, PagedQuery } from './common.ts';

export const APPLICANT_DOCUMENT_KINDS = ['result'] as const;

/** A record's id as the API carries it (a bigint, as a string). */
export const DocumentId = Type.String({ pattern: '^[1-9][0-9]{0,17}$', maxLength: 18 });

/** The 12-digit personal identification number, or a tax code (10 digits, or 10-3). */
export const APPLICANT_ID_NUMBER_PATTERN = '^([0-9]{12}|[0-9]{10}(-[0-9]{3})?)$';
export const ApplicantIdNumber = Type.String({ pattern: APPLICANT_ID_NUMBER_PATTERN, maxLength: 14 });

export const ApplicantDocument = Closed({
  documentId: DocumentId,
  kind: Type.Enum(APPLICANT_DOCUMENT_KINDS),
  name: Type.String(),
  dossierCode: Type.String(),
  procedure: Closed({ code: Type.String(), name: Type.String() }),
  issuingAgency: Closed({ code: Type.String(), name: Type.String() }),
  issuedAt: Type.String({ description: 'ISO-8601: when the result was signed (approved)' }),
  file: Closed({ mediaType: Type.String(), size: Type.Integer() }),
  /** The file is the signed original: signed by the issuing agency, verified at the approval (#19). */
  signed: Type.Boolean(),
  /** The result's số, ký hiệu, when it has one. */
  resultNumber: Type.Union([Type.String(), Type.Null()]),
});
export type ApplicantDocument = Static<typeof ApplicantDocument>;

export const ApplicantDocumentList = Paged(ApplicantDocument);
export type ApplicantDocumentList = Static<typeof ApplicantDocumentList>;

export const DocumentsQuery = PagedQuery({});

export const OwnDocumentParams = Closed({ documentId: DocumentId });

export const ApplicantParams = Closed({ idNumber: ApplicantIdNumber });

export const ApplicantDocumentParams = Closed({ idNumber: ApplicantIdNumber, documentId: DocumentId });
