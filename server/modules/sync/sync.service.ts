// The operators' view of delivery and of the sync with the national portal, and re-drive of dead
// letters. The outbox and the portal connection are one per deployment, so the totals and the message
// list cover the deployment; the per-agency figures are limited to the caller's reach.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import {
  PORTAL_STATUS_TOPIC,
  type InboundDossierView,
  type InboundStatus,
  type OutboxStatus,
  type SyncMessageView,
  type SyncStatusResponse,
} from '../../../common/contracts/sync.ts';
import { grantReachesAgency } from '../org/index.ts';
import { intakeInboundRow } from './inbound-intake.ts';
import { fail } from './sync.errors.ts';
import { pageWithTotal } from '../../db/paging.ts';

const SYNC_VIEWERS = ['province-admin', 'auditor'] as const;

export function requireSyncViewer(actor: Actor): void {
  if (!actor.grants.some((g) => (SYNC_VIEWERS as readonly string[]).includes(g.role))) {
    throw fail('SYNC_VIEWER_ONLY');
  }
}

export function requireSyncOperator(actor: Actor): void {
  if (!actor.grants.some((g) => g.role === 'province-admin')) {
    throw fail('SYNC_OPERATOR_ONLY');
  }
}

/** A page of a list, its rows presented, with the count of all of them (both queries at once). */
const ratio = (synced: number, changed: number) =>
  changed === 0 ? 1 : Math.round((synced / changed) * 10_000) / 10_000;

export async function getSyncStatus(
  deps: Deps,
  actor: Actor,
  topic: string = PORTAL_STATUS_TOPIC,
): Promise<SyncStatusResponse> {
  const { db } = deps;
  const now = deps.clock.now();
  const counts = await sql<{ status: string; n: string; failed: string; oldest: Date | string | null }>`
    SELECT status,
           count(*) AS n,
           count(*) FILTER (WHERE status = 'pending' AND last_error IS NOT NULL) AS failed,
           min(created_at) FILTER (WHERE status = 'pending') AS oldest
    FROM outbox WHERE topic = ${topic} GROUP BY status`.execute(db);
  const of = (s: OutboxStatus) => counts.rows.find((r) => r.status === s);
  const oldest = of('pending')?.oldest;
  const base = {
    topic,
    pending: Number(of('pending')?.n ?? 0),
    delivered: Number(of('delivered')?.n ?? 0),
    failed: Number(of('pending')?.failed ?? 0),
    deadLettered: Number(of('dead')?.n ?? 0),
    oldestPendingSeconds: oldest
      ? Math.max(0, Math.floor((now.getTime() - new Date(oldest).getTime()) / 1000))
      : 0,
  };
  const lastRun = await db
    .selectFrom('sync_reconciliations')
    .selectAll()
    .orderBy('reconciliation_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const lastReconciliation = lastRun
    ? {
        startedAt: new Date(lastRun.started_at).toISOString(),
        finishedAt: lastRun.finished_at ? new Date(lastRun.finished_at).toISOString() : null,
        checked: lastRun.checked,
        mismatches: lastRun.mismatches,
        enqueued: lastRun.enqueued,
        errors: lastRun.errors,
      }
    : null;

  if (topic !== PORTAL_STATUS_TOPIC) {
    // Other topics have no acknowledgement table: a key is synced when its latest message is delivered.
    const keys = await sql<{ changed: string; synced: string }>`
      SELECT count(*) AS changed, count(*) FILTER (WHERE status = 'delivered') AS synced
      FROM (SELECT DISTINCT ON (ordering_key) status FROM outbox WHERE topic = ${topic}
            ORDER BY ordering_key, outbox_id DESC) latest`.execute(db);
    const changed = Number(keys.rows[0]?.changed ?? 0);
    const synced = Number(keys.rows[0]?.synced ?? 0);
    return {
      ...base,
      syncedRatio: ratio(synced, changed),
      dossiersChanged: changed,
      dossiersSynced: synced,
      agencies: [],
      lastReconciliation: null,
    };
  }

  const perAgency = await sql<{
    agency_id: string | null;
    changed: string;
    synced: string;
    pending: string;
    dead: string;
  }>`
    SELECT s.agency_id,
           count(*) AS changed,
           count(*) FILTER (WHERE s.acked_outbox_id IS NOT NULL AND s.acked_outbox_id >= s.latest_outbox_id) AS synced,
           coalesce(sum(q.pending), 0) AS pending,
           coalesce(sum(q.dead), 0) AS dead
    FROM portal_sync_state s
    LEFT JOIN (
      SELECT ordering_key,
             count(*) FILTER (WHERE status = 'pending') AS pending,
             count(*) FILTER (WHERE status = 'dead') AS dead
      FROM outbox
      WHERE topic = ${PORTAL_STATUS_TOPIC} AND status IN ('pending', 'dead')
      GROUP BY ordering_key
    ) q ON q.ordering_key = s.dossier_code
    GROUP BY s.agency_id`.execute(db);
  const changed = perAgency.rows.reduce((n, r) => n + Number(r.changed), 0);
  const synced = perAgency.rows.reduce((n, r) => n + Number(r.synced), 0);

  const ids = perAgency.rows.flatMap((r) => (r.agency_id === null ? [] : [r.agency_id]));
  const agencies =
    ids.length === 0
      ? []
      : await db
          .selectFrom('agencies as a')
          .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
          .select(['a.agency_id', 'a.code', 'a.name', 'a.path', 'u.path as unit_path'])
          .where('a.agency_id', 'in', ids)
          .execute();
  const byId = new Map(agencies.map((a) => [a.agency_id, a]));
  const viewers = actor.grants.filter((g) => (SYNC_VIEWERS as readonly string[]).includes(g.role));
  const rows = perAgency.rows
    .flatMap((r) => {
      const a = r.agency_id === null ? undefined : byId.get(r.agency_id);
      if (!a) return [];
      const target = { agencyPath: a.path, unitPath: a.unit_path };
      if (!viewers.some((g) => grantReachesAgency(g, target))) return [];
      const c = Number(r.changed);
      return [
        {
          agencyCode: a.code,
          agencyName: a.name,
          changed: c,
          pending: Number(r.pending),
          deadLettered: Number(r.dead),
          syncedRatio: ratio(Number(r.synced), c),
        },
      ];
    })
    .sort(
      (x, y) =>
        x.syncedRatio - y.syncedRatio ||
        y.deadLettered - x.deadLettered ||
        y.pending - x.pending ||
        (x.agencyCode < y.agencyCode ? -1 : 1),
    );
  return {
    ...base,
    syncedRatio: ratio(synced, changed),
    dossiersChanged: changed,
    dossiersSynced: synced,
    agencies: rows,
    lastReconciliation,
  };
}

type MessageRow = {
  outbox_id: string;
  topic: string;
  ordering_key: string;
  status: string;
  attempts: number;
  created_at: Date | string;
  available_at: Date | string;
  delivered_at: Date | string | null;
  last_error: string | null;
  payload: Record<string, unknown>;
  agency_code: string | null;
};

function presentMessage(r: MessageRow): SyncMessageView {
  const version = r.payload.version;
  return {
    id: String(r.outbox_id),
    topic: r.topic,
    key: r.ordering_key,
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    createdAt: new Date(r.created_at).toISOString(),
    availableAt: new Date(r.available_at).toISOString(),
    deliveredAt: r.delivered_at ? new Date(r.delivered_at).toISOString() : null,
    lastError: r.last_error,
    dossierStatus: typeof r.payload.status === 'string' ? r.payload.status : null,
    dossierVersion: typeof version === 'number' && Number.isInteger(version) ? version : null,
    agencyCode: r.agency_code,
  };
}

/** Outbox messages with the agency of their dossier (portal status messages only). */
function messageQuery(db: Database | Transaction<DB>) {
  return db
    .selectFrom('outbox as o')
    .leftJoin('portal_sync_state as s', (j) =>
      j.onRef('s.dossier_code', '=', 'o.ordering_key').on('o.topic', '=', PORTAL_STATUS_TOPIC),
    )
    .leftJoin('agencies as a', 'a.agency_id', 's.agency_id');
}

const MESSAGE_COLUMNS = [
  'o.outbox_id',
  'o.topic',
  'o.ordering_key',
  'o.status',
  'o.attempts',
  'o.created_at',
  'o.available_at',
  'o.delivered_at',
  'o.last_error',
  'o.payload',
  'a.code as agency_code',
] as const;

export async function listMessages(
  deps: Deps,
  filter: {
    status: OutboxStatus;
    topic?: string | undefined;
    key?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: SyncMessageView[]; total: number }> {
  let q = messageQuery(deps.db).where('o.status', '=', filter.status);
  if (filter.topic !== undefined) q = q.where('o.topic', '=', filter.topic);
  if (filter.key !== undefined) q = q.where('o.ordering_key', '=', filter.key);
  const { rows, total } = await pageWithTotal(q, (page) =>
    page
      .select(MESSAGE_COLUMNS)
      .orderBy('o.outbox_id')
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize)
      .execute(),
  );
  return { items: rows.map((r) => presentMessage(r)), total };
}

/** Dead → pending with its attempts reset, audited; its successors on the same key follow it. */
export async function redriveMessage(
  deps: Deps,
  actor: Actor,
  id: string,
  requestId: string,
): Promise<SyncMessageView> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('outbox')
      .selectAll()
      .where('outbox_id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw fail('SYNC_MESSAGE_NOT_FOUND', { params: { id } });
    if (row.status !== 'dead') {
      throw fail('SYNC_MESSAGE_NOT_DEAD', { params: { id, status: row.status } });
    }
    await trx
      .updateTable('outbox')
      .set({ status: 'pending', attempts: 0, available_at: now, locked_until: null, last_error: null })
      .where('outbox_id', '=', id)
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'sync.redrive',
        entityType: 'outbox-message',
        entityId: id,
        details: {
          topic: row.topic,
          key: row.ordering_key,
          attempts: row.attempts,
          lastError: row.last_error,
        },
        requestId,
      },
      now,
    );
    const updated = await messageQuery(trx)
      .select(MESSAGE_COLUMNS)
      .where('o.outbox_id', '=', id)
      .executeTakeFirstOrThrow();
    return presentMessage(updated);
  });
}

/** Every dead message of a topic back to pending, audited as one operator action. */
export async function redriveTopic(
  deps: Deps,
  actor: Actor,
  topic: string,
  requestId: string,
): Promise<{ topic: string; redriven: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('outbox')
      .set({ status: 'pending', attempts: 0, available_at: now, locked_until: null, last_error: null })
      .where('topic', '=', topic)
      .where('status', '=', 'dead')
      .returning(['outbox_id', 'ordering_key'])
      .execute();
    if (rows.length > 0) {
      const ids = rows.map((r) => r.outbox_id).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
      await appendAudit(
        trx,
        actor,
        {
          action: 'sync.redrive-topic',
          entityType: 'outbox-topic',
          entityId: topic,
          details: {
            count: rows.length,
            ids: ids.slice(0, 500),
            keys: [...new Set(rows.map((r) => r.ordering_key))].slice(0, 500),
          },
          requestId,
        },
        now,
      );
    }
    return { topic, redriven: rows.length };
  });
}

// ---------------------------------------------------------------------------------------------------
// Dossiers fetched from the national portal (E2): the operators' list of what is held or rejected, and
// taking a held one again once the catalogue gap is fixed.

const likePrefix = (prefix: string): string => prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';

/** The sync viewers' grants (province-admin, auditor): whose agencies' rows they see. */
function viewerScope(actor: Actor) {
  return actor.grants.filter((g) => (SYNC_VIEWERS as readonly string[]).includes(g.role));
}

function inboundQuery(deps: Deps, actor: Actor) {
  const scope = viewerScope(actor);
  return deps.db
    .selectFrom('portal_inbound_dossiers as i')
    .leftJoin('agencies as a', 'a.agency_id', 'i.agency_id')
    .leftJoin('units as u', 'u.unit_id', 'a.unit_id')
    .where((eb) =>
      eb.or([
        // A row naming no agency of the province concerns the deployment (one portal connection), as
        // the status totals do; a row naming one is seen by the viewers whose grants reach it.
        eb('i.agency_id', 'is', null),
        ...scope.map((g) =>
          eb.or([
            eb('a.path', 'like', likePrefix(g.agencyPath)),
            eb.and([eb('u.path', 'like', likePrefix(g.unitPath)), eb('u.path', '<>', g.unitPath)]),
          ]),
        ),
      ]),
    );
}

type InboundListRow = {
  inbound_id: string;
  portal_code: string;
  procedure_code: string;
  procedure_name: string | null;
  agency_code: string;
  agency_name: string | null;
  submitted_at: Date | string | null;
  fetched_at: Date | string;
  status: string;
  problems: { path: string; message: string }[];
  dossier_code: string | null;
};

function selectInbound(q: ReturnType<typeof inboundQuery>) {
  return q.select((eb) => [
    'i.inbound_id',
    'i.portal_code',
    'i.procedure_code',
    // The province catalogue's current name of the procedure the portal named.
    eb
      .selectFrom('procedures as p')
      .innerJoin('procedure_versions as v', 'v.procedure_id', 'p.procedure_id')
      .select('v.name')
      .whereRef('p.code', '=', 'i.procedure_code')
      .where('v.status', '=', 'published')
      .orderBy('v.version', 'desc')
      .limit(1)
      .as('procedure_name'),
    'i.agency_code',
    'a.name as agency_name',
    'i.submitted_at',
    'i.fetched_at',
    'i.status',
    'i.problems',
    'i.dossier_code',
  ]);
}

function presentInbound(r: InboundListRow): InboundDossierView {
  return {
    id: String(r.inbound_id),
    portalCode: r.portal_code,
    procedure: { code: r.procedure_code, name: r.procedure_name },
    agency: { code: r.agency_code, name: r.agency_name },
    submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at).toISOString(),
    fetchedAt: new Date(r.fetched_at).toISOString(),
    status: r.status as InboundStatus,
    problems: r.problems.map((p) => ({ path: p.path, message: p.message })),
    dossierCode: r.dossier_code,
  };
}

/** Fetched portal dossiers, newest first, without personal data; `status` narrows them. */
export async function listInbound(
  deps: Deps,
  actor: Actor,
  filter: { status?: InboundStatus | undefined; page: number; pageSize: number },
): Promise<{ items: InboundDossierView[]; total: number }> {
  let q = inboundQuery(deps, actor);
  if (filter.status !== undefined) q = q.where('i.status', '=', filter.status);
  const { rows, total } = await pageWithTotal(q, (page) =>
    selectInbound(page)
      .orderBy('i.inbound_id', 'desc')
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize)
      .execute(),
  );
  return { items: rows.map((r) => presentInbound(r)), total };
}

/**
 * A held portal dossier taken into intake now, instead of at the next periodic run: for when an
 * administrator has just completed the catalogue (a workflow, a time limit's unit). The outcome is the
 * row's new status — received, still held (with the current reason) or rejected — and an audit entry.
 */
export async function retryInbound(
  deps: Deps,
  actor: Actor,
  id: string,
  requestId: string,
): Promise<InboundDossierView> {
  const row = await deps.db
    .selectFrom('portal_inbound_dossiers')
    .select(['inbound_id', 'portal_code', 'intake', 'problems', 'status'])
    .where('inbound_id', '=', id)
    .executeTakeFirst();
  if (!row) throw fail('SYNC_INBOUND_NOT_FOUND', { params: { id } });
  if (row.status !== 'held') {
    throw fail('SYNC_INBOUND_NOT_HELD', { params: { portalCode: row.portal_code } });
  }
  const outcome = await intakeInboundRow(deps, row);
  if (outcome === 'failed')
    throw new Error(`intake of inbound dossier ${row.portal_code} failed (see the log)`);
  const after = await selectInbound(
    deps.db
      .selectFrom('portal_inbound_dossiers as i')
      .leftJoin('agencies as a', 'a.agency_id', 'i.agency_id')
      .leftJoin('units as u', 'u.unit_id', 'a.unit_id')
      .where('i.inbound_id', '=', id),
  ).executeTakeFirstOrThrow();
  await deps.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      actor,
      {
        action: 'sync.inbound-retry',
        entityType: 'portal-inbound',
        entityId: row.portal_code,
        details: { from: 'held', to: after.status, dossierCode: after.dossier_code },
        requestId,
      },
      deps.clock.now(),
    ),
  );
  return presentInbound(after);
}
