// The operators' endpoints of the national-portal sync (server/modules/sync/sync.routes.ts): the
// dossiers fetched from the portal, and taking a held one again.
import type { InboundDossierView, InboundStatus } from '../../../common/contracts/sync.ts';
import { apiGet, apiPost } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';

export type { InboundDossierView, InboundStatus };
export type InboundList = { items: InboundDossierView[]; total: number };

export const INBOUND_PAGE_SIZE = 20;

export function listInbound(
  query: { status: InboundStatus; page: number },
  signal?: AbortSignal,
): Promise<InboundList> {
  return apiGet(
    '/api/v1/sync/inbound',
    { status: query.status, page: query.page, pageSize: INBOUND_PAGE_SIZE },
    signal,
  );
}

const read = featureQueries('sync');

/** The sync reads as queries (keys `['sync', ...]`; app/query.ts). */
export const syncQueries = {
  all: ['sync'] as const,
  inbound: (query: { status: InboundStatus; page: number }) =>
    read('inbound', query, (signal) => listInbound(query, signal)),
};

/** A held dossier into intake now (province administrators), once its catalogue gap is fixed. */
export function retryInbound(id: string): Promise<InboundDossierView> {
  return apiPost(`/api/v1/sync/inbound/${encodeURIComponent(id)}/retry`);
}
