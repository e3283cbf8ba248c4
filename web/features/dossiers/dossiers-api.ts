// The dossier endpoints (common/contracts/dossiers.ts). Intake and actions send request headers
// (Idempotency-Key, If-Match), and intake's 422 carries more than the usual envelope (the dossier
// created and its supplement-request slip), which `send` below turns into an IncompleteError.
import { queryOptions } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { DossierAttachments } from '../../../common/contracts/dossier-attachments.ts';
import type { RatingState } from '../../../common/contracts/ratings.ts';
import type {
  AllowedActionsResponse,
  DossierChanges,
  DossierListResponse,
  DossierView,
  IntakeBody,
  WORKLIST_VALUES,
  WorklistCounts,
} from '../../../common/contracts/dossiers.ts';
import { SLIP_ISSUED_BY } from '../../../common/dossiers/slips.ts';
import { ApiError, apiGet, apiRequest, type ErrorDetail } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';
import type { FormSchema } from './schema-values.ts';

export type Worklist = (typeof WORKLIST_VALUES)[number];
export type DossierViewData = Static<typeof DossierView>;
export type DossierListData = Static<typeof DossierListResponse>;
export type DossierListItem = DossierListData['items'][number];
export type WorklistCountsData = Static<typeof WorklistCounts>;
export type AllowedActions = Static<typeof AllowedActionsResponse>;
export type DossierChangesData = Static<typeof DossierChanges>;
export type { IntakeBody };

export const WORKLIST_PAGE_SIZE = 20;

/** GET /dossiers's query (common/contracts/dossiers.ts DossiersQuery): a list, its filters and order, a page. */
export type DossierQuery = {
  list: Worklist;
  q?: string | undefined;
  status?: string | undefined;
  procedureCode?: string | undefined;
  field?: string | undefined;
  channel?: string | undefined;
  underAgency?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
  dir?: string | undefined;
  /** A previous page's nextCursor. */
  after?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
};

export const dossiersBase = '/api/v1/dossiers';
const one = (code: string): string => `${dossiersBase}/${encodeURIComponent(code)}`;

export function listDossiers(query: DossierQuery, signal?: AbortSignal): Promise<DossierListData> {
  return apiGet(dossiersBase, query, signal);
}

export function getCounts(signal?: AbortSignal): Promise<WorklistCountsData> {
  return apiGet(`${dossiersBase}/counts`, undefined, signal);
}

/** The home page's "since your last sign-in" (GET /dossiers/changes). */
export function getChanges(signal?: AbortSignal): Promise<DossierChangesData> {
  return apiGet(`${dossiersBase}/changes`, undefined, signal);
}

export function getDossier(code: string, signal?: AbortSignal): Promise<DossierViewData> {
  return apiGet(one(code), undefined, signal);
}

export function getActions(code: string, signal?: AbortSignal): Promise<AllowedActions> {
  return apiGet(`${one(code)}/actions`, undefined, signal);
}

const attachmentsBase = (code: string): string => `${one(code)}/attachments`;

export const attachmentUrl = (code: string, fileId: string): string =>
  `${attachmentsBase(code)}/${encodeURIComponent(fileId)}`;

export function getAttachments(code: string, signal?: AbortSignal): Promise<DossierAttachments> {
  return apiGet(attachmentsBase(code), undefined, signal);
}

/** A file of the dossier to show inside its page (PDF in a frame, an image): not saved, framed by us only. */
export const attachmentPreviewUrl = (code: string, fileId: string): string =>
  `${attachmentUrl(code, fileId)}?inline=true`;

/** The declaration form of the procedure version a dossier was received under (its labels and order). */
export function getDeclarationForm(
  procedure: { code: string; version: number },
  signal?: AbortSignal,
): Promise<{ form: FormSchema }> {
  return apiGet(
    `/api/v1/procedures/${encodeURIComponent(procedure.code)}/versions/${procedure.version}`,
    undefined,
    signal,
  );
}

export const ratingUrl = (code: string): string => `${one(code)}/rating`;

export function getRating(code: string, signal?: AbortSignal): Promise<RatingState> {
  return apiGet(ratingUrl(code), undefined, signal);
}

const read = featureQueries('dossiers');

/** The dossier reads as queries (keys `['dossiers', ...]`; app/query.ts). */
export const dossierQueries = {
  all: ['dossiers'] as const,
  counts: () =>
    queryOptions({ queryKey: ['dossiers', 'counts'] as const, queryFn: ({ signal }) => getCounts(signal) }),
  changes: () =>
    queryOptions({
      queryKey: ['dossiers', 'changes'] as const,
      queryFn: ({ signal }) => getChanges(signal),
    }),
  list: (query: DossierQuery) => read('list', query, (signal) => listDossiers(query, signal)),
  one: (code: string) => read('one', code, (signal) => getDossier(code, signal)),
  actions: (code: string) => read('actions', code, (signal) => getActions(code, signal)),
  attachments: (code: string) => read('attachments', code, (signal) => getAttachments(code, signal)),
  rating: (code: string) => read('rating', code, (signal) => getRating(code, signal)),
  declarationForm: (procedure: { code: string; version: number }) =>
    read('declaration-form', procedure, (signal) => getDeclarationForm(procedure, signal)),
};

export const slipUrl = (code: string, kind: string): string => `${one(code)}/slips/${kind}`;

/** A 422 on intake: the dossier was recorded as incomplete and a supplement-request slip issued. */
export class IncompleteError extends ApiError {
  readonly dossierCode: string;
  readonly slip: string;
  constructor(init: { message: string; details: ErrorDetail[]; dossierCode: string; slip: string }) {
    super({ status: 422, code: 'DOSSIER_INCOMPLETE', message: init.message, details: init.details });
    this.dossierCode = init.dossierCode;
    this.slip = init.slip;
  }
}

/** Intake's 422 as an IncompleteError when its envelope names the dossier and the slip. */
export function asIncomplete(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.status !== 422 || error.code !== 'DOSSIER_INCOMPLETE')
    return error;
  const { dossierCode, slip } = error.extra;
  if (typeof dossierCode !== 'string' || typeof slip !== 'string') return error;
  return new IncompleteError({ message: error.message, details: error.details, dossierCode, slip });
}

async function send<T>(path: string, body: unknown, headers: Record<string, string>): Promise<T> {
  try {
    return await apiRequest<T>('POST', path, { body, headers });
  } catch (error) {
    throw asIncomplete(error);
  }
}

/** Receive a dossier at the desk. `idempotencyKey`: one per intake, so a repeated click is one dossier. */
export function receiveDossier(body: IntakeBody, idempotencyKey: string): Promise<DossierViewData> {
  return send(dossiersBase, body, { 'idempotency-key': idempotencyKey });
}

/** Perform an action on the dossier as read at `version` (409 STALE_VERSION when it moved on). */
export function performAction(
  code: string,
  kind: string,
  version: number,
  inputs: Record<string, unknown>,
): Promise<DossierViewData> {
  return send(`${one(code)}/actions/${encodeURIComponent(kind)}`, inputs, { 'if-match': String(version) });
}

/** A version 4 UUID; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The slips a dossier's history has issued (common/dossiers/slips.ts: a slip exists once its action happened). */
export function slipsOf(view: { history: readonly { action: string }[] }): string[] {
  const done = new Set(view.history.map((h) => h.action));
  return Object.entries(SLIP_ISSUED_BY)
    .filter(([, actions]) => actions.some((a) => done.has(a)))
    .map(([kind]) => kind);
}
