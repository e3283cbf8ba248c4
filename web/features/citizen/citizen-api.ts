// The citizen pages' endpoints (common/contracts/dossiers.ts): online submission, "my dossiers", the
// applicant's actions, the public lookup, the server's declaration check and file uploads with progress.
import type { Static } from 'typebox';
import type {
  AllowedActionsResponse,
  ApplicantDossierView,
  DOSSIER_STATUS_VALUES,
  OnlineSubmissionBody,
  OwnDossierList,
  PublicDossier,
} from '../../../common/contracts/dossiers.ts';
import { ApiError, apiErrorOf, withQuery } from '../../app/http.ts';
import { getProcedure } from '../catalog/catalog-api.ts';
import type { DeclarationCheck } from '../dossiers/declaration-check.ts';
import { getMyFees } from './citizen-payments-api.ts';
import { citizenRequest, loadPortalSettings } from './citizen-http.ts';
import { listMyDocuments, type MyDocumentsQuery } from './documents-api.ts';
import { featureQueries } from '../../app/query.ts';

export type DossierStatusValue = (typeof DOSSIER_STATUS_VALUES)[number];
export type OwnDossierListData = Static<typeof OwnDossierList>;
export type OwnDossierItem = OwnDossierListData['items'][number];
export type PublicDossierData = Static<typeof PublicDossier>;
/** The applicant's view: the server leaves out the officers (names, usernames, internal notes). */
export type CitizenDossierView = Static<typeof ApplicantDossierView>;
export type CitizenActions = Static<typeof AllowedActionsResponse>;
export type { OnlineSubmissionBody };

export const MY_DOSSIERS_PAGE_SIZE = 10;
const one = (code: string): string => `/api/v1/dossiers/${encodeURIComponent(code)}`;

export function listMyDossiers(query: MyDossiersQuery, signal?: AbortSignal): Promise<OwnDossierListData> {
  return citizenRequest('GET', '/api/v1/portal/dossiers', {
    query: { status: query.status, page: query.page, pageSize: MY_DOSSIERS_PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}

type MyDossiersQuery = { status?: DossierStatusValue | undefined; page?: number | undefined };

const read = featureQueries('citizen');

/** The citizen's reads as queries: keys under 'citizen', dropped when the citizen signs out. */
export const citizenQueries = {
  all: ['citizen'] as const,
  myDossiers: (query: MyDossiersQuery) => read('dossiers', query, (signal) => listMyDossiers(query, signal)),
  /** One of the citizen's dossiers with what they may do on it now (and at which version). */
  dossier: (code: string) =>
    read('dossier', { code }, async (signal) => {
      const [view, actions] = await Promise.all([getMyDossier(code, signal), getMyActions(code, signal)]);
      return { view, actions };
    }),
  fees: (code: string) => read('fees', { code }, (signal) => getMyFees(code, signal)),
  documents: (query: MyDocumentsQuery) =>
    read('documents', query, (signal) => listMyDocuments(query, signal)),
  /** The public lookup: no sign-in needed, but kept with the citizen's reads. */
  lookup: (code: string, digits = '') =>
    read('lookup', { code, digits }, (signal) => lookupDossier(code, digits, signal)),
  /** What the apply page needs first: the procedure, and the portal's mode (null when unreadable). */
  apply: (code: string) =>
    read('apply', { code }, async (signal) => {
      const [detail, settings] = await Promise.all([getProcedure(code, signal), loadPortalSettings()]);
      return { detail, settings };
    }),
};

export function getMyDossier(code: string, signal?: AbortSignal): Promise<CitizenDossierView> {
  return citizenRequest('GET', one(code), signal ? { signal } : {});
}

export function getMyActions(code: string, signal?: AbortSignal): Promise<CitizenActions> {
  return citizenRequest('GET', `${one(code)}/actions`, signal ? { signal } : {});
}

/** Supplement or withdraw, on the dossier as read at `version` (409 STALE_VERSION when it moved on). */
export function actOnMyDossier(
  code: string,
  kind: 'supplement' | 'withdraw',
  version: number,
  body: Record<string, unknown>,
  idempotencyKey: string,
): Promise<CitizenDossierView> {
  return citizenRequest('POST', `${one(code)}/actions/${kind}`, {
    body,
    headers: { 'if-match': String(version), 'idempotency-key': idempotencyKey },
  });
}

/** The online submission; one Idempotency-Key per attempt, so a double click is one dossier. */
export function submitOnline(
  body: OnlineSubmissionBody,
  idempotencyKey: string,
): Promise<CitizenDossierView> {
  return citizenRequest('POST', '/api/v1/portal/dossiers', {
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

/**
 * The declaration checked by the server's validator (the rules the submission will meet): the
 * fallback when the browser cannot load the form's own validator (dossiers/declaration-check.ts).
 */
export function checkDeclarationOnServer(
  procedureCode: string,
  formData: unknown,
): Promise<DeclarationCheck> {
  return citizenRequest('POST', `/api/v1/procedures/${encodeURIComponent(procedureCode)}/form/validate`, {
    body: { formData },
  });
}

/** The public lookup of `code`; with the applicant's 4 last `digits`, who applied for what too. */
export function lookupDossier(code: string, digits = '', signal?: AbortSignal): Promise<PublicDossierData> {
  return citizenRequest(
    'GET',
    withQuery(`/api/v1/public/dossiers/${encodeURIComponent(code)}`, { digits }),
    signal ? { signal } : {},
  );
}

export const slipUrl = (code: string, kind: string): string => `${one(code)}/slips/${kind}`;

// ---- Uploads ----------------------------------------------------------------------------------------

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const EXTENSIONS = /\.(pdf|jpe?g|png)$/i;
export const FILE_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export type UploadedFile = { fileId: string; sha256: string; size: number; mediaType: string };

/** Why a chosen file cannot be sent, before sending it (the server checks the content again). */
export function fileProblem(file: File): 'type' | 'size' | 'empty' | null {
  if (!TYPES.includes(file.type) && !EXTENSIONS.test(file.name)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_FILE_BYTES) return 'size';
  return null;
}

/**
 * POST /files as multipart with XMLHttpRequest, whose upload events give the progress that fetch
 * does not. `abort()` rejects the promise with an AbortError.
 */
export function uploadFile(
  file: File,
  onProgress: (loaded: number, total: number) => void,
  url = '/api/v1/files',
): { promise: Promise<UploadedFile>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadedFile>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    });
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        // Not JSON: described by the status alone.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadedFile);
      else reject(apiErrorOf(xhr.status, body, xhr.getResponseHeader('retry-after')));
    });
    xhr.addEventListener('error', () =>
      reject(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' })),
    );
    xhr.addEventListener('abort', () => reject(new DOMException('Upload cancelled', 'AbortError')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
