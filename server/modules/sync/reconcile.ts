// Reconciliation: for dossiers changed recently whose latest status the portal acknowledged, ask the
// portal what it holds and re-send the current status where it differs (a message the portal lost, an
// answer that arrived out of order, a status changed by hand on either side). Dossiers with messages
// still pending or dead are left alone: delivery (or an operator) is already on them.
import type { Deps } from '../../deps.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { DOSSIER_STATUSES, type DossierStatus } from '../../../common/dossiers/index.ts';
import { PORTAL_STATUS_TOPIC } from '../../../common/contracts/sync.ts';
import { PortalStatusTopic } from '../../../common/contracts/outbox-topics.ts';
import { enqueue, message } from '../../platform/jobs/outbox.ts';
import { PortalError, type PortalClient } from './portal-client.ts';

export type ReconcileResult = {
  reconciliationId: string;
  checked: number;
  mismatches: { dossierCode: string; portalStatusCode: number | null; statusCode: number }[];
  enqueued: number;
  errors: number;
};

/** After this many failed queries in a row the portal is taken to be down and the run ends. */
const GIVE_UP_AFTER = 5;

export async function reconcileRecent(
  deps: Deps,
  client: PortalClient,
  options: { windowHours: number; limit?: number; concurrency?: number; log?: JobLog; signal?: AbortSignal },
): Promise<ReconcileResult> {
  const log = options.log ?? silentLog;
  const started = deps.clock.now();
  const since = new Date(started.getTime() - options.windowHours * 3_600_000);
  const run = await deps.db
    .insertInto('sync_reconciliations')
    .values({ started_at: started, window_from: since })
    .returning('reconciliation_id')
    .executeTakeFirstOrThrow();

  const candidates = await deps.db
    .selectFrom('portal_sync_state as s')
    .innerJoin('dossiers as d', 'd.code', 's.dossier_code')
    .select(['s.dossier_code', 'd.status', 'd.version'])
    .where('s.changed_at', '>=', since)
    .where('s.acked_outbox_id', 'is not', null)
    .whereRef('s.acked_outbox_id', '>=', 's.latest_outbox_id')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('outbox as o')
            .select('o.outbox_id')
            .whereRef('o.ordering_key', '=', 's.dossier_code')
            .where('o.topic', '=', PORTAL_STATUS_TOPIC)
            .where('o.status', 'in', ['pending', 'dead']),
        ),
      ),
    )
    .orderBy('s.changed_at', 'desc')
    .limit(options.limit ?? 5000)
    .execute();

  const mismatches: ReconcileResult['mismatches'] = [];
  let errors = 0;
  let failedInARow = 0;
  let checked = 0;
  let next = 0;
  const lanes = Array.from({ length: Math.min(options.concurrency ?? 4, candidates.length) }, async () => {
    while (next < candidates.length && failedInARow < GIVE_UP_AFTER && !options.signal?.aborted) {
      const c = candidates[next++]!;
      const expected = DOSSIER_STATUSES[c.status as DossierStatus].code;
      try {
        const held = await client.queryDossier(c.dossier_code, options.signal);
        failedInARow = 0;
        checked++;
        if (!held || held.statusCode !== expected) {
          mismatches.push({
            dossierCode: c.dossier_code,
            portalStatusCode: held?.statusCode ?? null,
            statusCode: expected,
          });
        }
      } catch (err) {
        errors++;
        failedInARow++;
        if (!(err instanceof PortalError)) throw err;
      }
    }
  });
  await Promise.all(lanes);

  const now = deps.clock.now();
  const enqueued = await deps.db.transaction().execute(async (trx) => {
    let n = 0;
    const resent: string[] = [];
    for (const m of mismatches) {
      // The dossier may have changed while the portal was asked: re-read it under its row lock.
      const d = await trx
        .selectFrom('dossiers')
        .select(['code', 'status', 'version'])
        .where('code', '=', m.dossierCode)
        .forUpdate()
        .executeTakeFirst();
      if (!d) continue;
      const waiting = await trx
        .selectFrom('outbox')
        .select('outbox_id')
        .where('ordering_key', '=', d.code)
        .where('topic', '=', PORTAL_STATUS_TOPIC)
        .where('status', 'in', ['pending', 'dead'])
        .executeTakeFirst();
      if (waiting) continue;
      const info = DOSSIER_STATUSES[d.status as DossierStatus];
      await enqueue(
        trx,
        [
          message(PortalStatusTopic, d.code, {
            dossierCode: d.code,
            status: d.status,
            statusCode: info.code,
            version: d.version,
            at: now.toISOString(),
            reason: 'reconciliation',
          }),
        ],
        now,
      );
      resent.push(d.code);
      n++;
    }
    await trx
      .updateTable('sync_reconciliations')
      .set({
        finished_at: now,
        checked,
        mismatches: mismatches.length,
        enqueued: n,
        errors,
        details: JSON.stringify(mismatches.slice(0, 1000)),
      })
      .where('reconciliation_id', '=', run.reconciliation_id)
      .execute();
    if (resent.length > 0) {
      await appendAudit(
        trx,
        { userId: null, label: 'system:sync-reconciliation' },
        {
          action: 'sync.reconcile-resend',
          entityType: 'sync-reconciliation',
          entityId: run.reconciliation_id,
          details: { resent: resent.slice(0, 1000), count: resent.length },
        },
        now,
      );
    }
    return n;
  });
  log.info(
    { reconciliationId: run.reconciliation_id, checked, mismatches: mismatches.length, enqueued, errors },
    'portal reconciliation done',
  );
  return { reconciliationId: run.reconciliation_id, checked, mismatches, enqueued, errors };
}
