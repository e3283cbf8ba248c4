// The outbox handler of topic portal.dossier-status: each message becomes an E1 record posted to the
// portal in batches of ≤ 10 (first syncs and updates in separate requests, by isUpdating). A batch
// is acknowledged or failed as a whole, as the portal answers it; a message that cannot be mapped
// (no such dossier, malformed payload) fails alone and for good, so an operator sees it at once.
// Each round reads what all its messages need at once (prepare), and records the acknowledgements of
// the round in portal_sync_state in the transaction that marks them delivered (onDelivered).
import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DeliveryOutcome, OutboxMessage, TopicHandler } from '../../platform/jobs/outbox-worker.ts';
import { PORTAL_STATUS_TOPIC } from '../../../common/contracts/sync.ts';
import { parseStatusMessage, toE1Record, type E1Record, type StatusMessage } from './portal-adapter.ts';
import { E1_MAX_BATCH, type PortalClient } from './portal-client.ts';
import { loadStatusContexts, type StatusContexts } from './sync.repository.ts';
import { portalFileLink } from './portal-file-links.ts';

export { PORTAL_STATUS_TOPIC };

/** The message id the portal deduplicates on: stable across retries of the same outbox row. */
export const messageIdOf = (outboxId: string): string => `motcua-${outboxId}`;

type Wanted = { code: string; version: number };

const statusesOf = (messages: OutboxMessage[]) =>
  messages.flatMap((message) => {
    try {
      const status = parseStatusMessage(message.payload);
      return status.dossierCode === message.key
        ? [{ code: status.dossierCode, version: status.version }]
        : [];
    } catch {
      return [];
    }
  });

/** What the files' download links are made with (portal-file-links.ts); without it records carry none. */
export type FileLinkSettings = { secretKey: string; publicUrl: string; now: () => Date };

export function portalStatusHandler(
  db: Database,
  client: PortalClient,
  batchSize: number,
  links?: FileLinkSettings,
): TopicHandler {
  // What the round's prepare() read for its messages (by dossier code and version), taken by their
  // batches; a batch whose dossiers were not prepared (or whose round's preparation failed) reads alone.
  let prepared: { wanted: Set<string>; loaded: StatusContexts } | null = null;
  const keyOf = (w: Wanted) => `${w.code}\u0000${w.version}`;

  async function contextsFor(wanted: Wanted[]): Promise<StatusContexts> {
    const round = prepared;
    if (round && wanted.every((w) => round.wanted.has(keyOf(w)))) return round.loaded;
    return loadStatusContexts(db, wanted);
  }

  return {
    batchSize: Math.min(Math.max(batchSize, 1), E1_MAX_BATCH),
    prepare: async (messages) => {
      prepared = null;
      const wanted = statusesOf(messages);
      prepared = { wanted: new Set(wanted.map(keyOf)), loaded: await loadStatusContexts(db, wanted) };
    },
    deliver: async (messages: OutboxMessage[], signal: AbortSignal): Promise<DeliveryOutcome[]> => {
      const outcomes = new Map<string, DeliveryOutcome>();
      const parsed: { message: OutboxMessage; status: StatusMessage }[] = [];
      for (const message of messages) {
        try {
          const status = parseStatusMessage(message.payload);
          if (status.dossierCode !== message.key)
            throw new Error('payload.dossierCode is not the ordering key');
          parsed.push({ message, status });
        } catch (err) {
          outcomes.set(message.id, { ok: false, error: (err as Error).message, permanent: true });
        }
      }
      const { contexts, acknowledged } = await contextsFor(
        parsed.map((p) => ({ code: p.status.dossierCode, version: p.status.version })),
      );
      const groups = {
        create: [] as { id: string; record: E1Record }[],
        update: [] as { id: string; record: E1Record }[],
      };
      for (const { message, status } of parsed) {
        const ctx = contexts.get(status.dossierCode)?.get(status.version);
        if (!ctx) {
          outcomes.set(message.id, { ok: false, error: `no dossier ${status.dossierCode}`, permanent: true });
          continue;
        }
        if (ctx.dossier.handedOverByPortal && ctx.dossier.portalCode === null) {
          // The intake links the portal's code just after the dossier's transaction: without it the
          // portal could not join this record to its own dossier, so wait (a retry, after backoff).
          outcomes.set(message.id, {
            ok: false,
            error: `the national portal's code of ${status.dossierCode} is not linked yet`,
          });
          continue;
        }
        (acknowledged.has(status.dossierCode) ? groups.update : groups.create).push({
          id: message.id,
          record: toE1Record(status, {
            ...ctx,
            fileUrl: links
              ? (fileId) => portalFileLink(links, { code: status.dossierCode, fileId }, links.now())
              : undefined,
          }),
        });
      }
      for (const [name, group] of Object.entries(groups)) {
        if (group.length === 0) continue;
        try {
          await client.pushStatuses(
            group.map((g) => g.record),
            group.map((g) => messageIdOf(g.id)),
            { isUpdating: name === 'update', signal },
          );
          for (const g of group) outcomes.set(g.id, { ok: true });
        } catch (err) {
          for (const g of group) outcomes.set(g.id, { ok: false, error: (err as Error).message });
        }
      }
      return messages.map((m) => outcomes.get(m.id) ?? { ok: false, error: 'not attempted' });
    },
    onDelivered: async (trx, messages, at) => {
      const rows = JSON.stringify(
        messages.map((m) => ({
          code: m.key,
          id: m.id,
          status: typeof m.payload.statusCode === 'number' ? m.payload.statusCode : null,
        })),
      );
      // The rows are locked in dossier-code order first: a producer writing several dossiers in one
      // transaction (reconciliation) locks them through the outbox trigger, and two transactions taking
      // the same rows in different orders deadlock (the worker retries the one PostgreSQL aborts).
      await sql`
        WITH locked AS (
          SELECT dossier_code FROM portal_sync_state
          WHERE dossier_code = ANY (ARRAY(SELECT v.code FROM jsonb_to_recordset(${rows}::jsonb) AS v(code text)))
          ORDER BY dossier_code
          FOR UPDATE)
        UPDATE portal_sync_state s
        SET acked_outbox_id = v.id, acked_status_code = v.status, acked_at = ${at}
        FROM jsonb_to_recordset(${rows}::jsonb) AS v(code text, id bigint, status integer)
        WHERE s.dossier_code IN (SELECT dossier_code FROM locked) AND s.dossier_code = v.code
          AND (s.acked_outbox_id IS NULL OR s.acked_outbox_id < v.id)`.execute(trx);
    },
  };
}
