// The desk's lookup of an applicant's document store (GET /applicants/<idNumber>/documents,
// docs/domain/documents.md): the records issued in the desk's province. Every lookup is audited on the
// server, so the intake page calls it only when the officer asks.
import type { ApplicantDocumentList } from '../../../common/contracts/documents.ts';
import { apiGet } from '../../app/http.ts';

export type { ApplicantDocumentList };

/** The records offered at intake at once (the newest this many). */
export const LOOKUP_PAGE_SIZE = 100;

export function lookUpApplicantDocuments(
  idNumber: string,
  signal?: AbortSignal,
): Promise<ApplicantDocumentList> {
  return apiGet(
    `/api/v1/applicants/${encodeURIComponent(idNumber)}/documents`,
    { page: 1, pageSize: LOOKUP_PAGE_SIZE },
    signal,
  );
}

/** Where a desk officer downloads one of the applicant's records (audited on the server). */
export const applicantDocumentFileUrl = (idNumber: string, documentId: string): string =>
  `/api/v1/applicants/${encodeURIComponent(idNumber)}/documents/${encodeURIComponent(documentId)}/file`;
