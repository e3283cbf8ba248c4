// The operators' endpoints of the national-portal sync (server/modules/sync/sync.routes.ts): the
// dossiers fetched from the portal, and taking a held one again.
import type {
  InboundDossierView,
  InboundStatus,
  SyncMessageView,
  SyncStatusResponse,
} from '../../../common/contracts/sync.ts';
import { apiGet, apiPost } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';

export type { InboundDossierView, InboundStatus, SyncMessageView, SyncStatusResponse };
export type DeadLetters = { items: SyncMessageView[]; total: number };

/** The topic of the dossiers' statuses sent to the portal (E1). */
export const STATUS_TOPIC = 'portal.dossier-status';
export const DEAD_PAGE_SIZE = 20;
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
  status: () =>
    read('status', {}, (signal) =>
      apiGet<SyncStatusResponse>('/api/v1/sync/status', { topic: STATUS_TOPIC }, signal),
    ),
  dead: (page: number) =>
    read('dead', { page }, (signal) =>
      apiGet<DeadLetters>(
        '/api/v1/sync/messages',
        { status: 'dead', topic: STATUS_TOPIC, page, pageSize: DEAD_PAGE_SIZE },
        signal,
      ),
    ),
};

/** One dead-lettered message back to pending, its attempts reset (province administrators). */
export function redriveMessage(id: string): Promise<SyncMessageView> {
  return apiPost(`/api/v1/sync/messages/${encodeURIComponent(id)}/redrive`);
}

/** Every dead-lettered status message back to pending. */
export function redriveAll(): Promise<{ topic: string; redriven: number }> {
  return apiPost(`/api/v1/sync/redrive?topic=${encodeURIComponent(STATUS_TOPIC)}`);
}

/** A held dossier into intake now (province administrators), once its catalogue gap is fixed. */
export function retryInbound(id: string): Promise<InboundDossierView> {
  return apiPost(`/api/v1/sync/inbound/${encodeURIComponent(id)}/retry`);
}
