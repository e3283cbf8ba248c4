// The citizen's document store (common/contracts/documents.ts): their records and the address of
// each record's file (a plain link: the browser downloads it with the citizen's cookie).
import type { ApplicantDocumentList } from '../../../common/contracts/documents.ts';
import { citizenRequest } from './citizen-http.ts';

export type { ApplicantDocumentList };
export type ApplicantDocumentItem = ApplicantDocumentList['items'][number];

export const MY_DOCUMENTS_PAGE_SIZE = 10;

/** The records a dossier may reuse, offered at once on the apply page (the newest this many). */
export const REUSABLE_DOCUMENTS_LIMIT = 100;

export type MyDocumentsQuery = { page?: number | undefined; pageSize?: number | undefined };

export function listMyDocuments(
  query: MyDocumentsQuery,
  signal?: AbortSignal,
): Promise<ApplicantDocumentList> {
  return citizenRequest('GET', '/api/v1/portal/documents', {
    query: { page: query.page, pageSize: query.pageSize ?? MY_DOCUMENTS_PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}

export const documentFileUrl = (documentId: string): string =>
  `/api/v1/portal/documents/${encodeURIComponent(documentId)}/file`;
