// The sync module's background work, started by server/main.ts (--role=worker, and --role=all unless
// WORKER_IN_API=false): the outbox worker delivering portal.dossier-status messages, the
// reconciliation job and the fetch of dossiers submitted on the portal; beside them, the payment jobs,
// the file store's sweeper and the fold of the report counts' deltas.
//
// Without PORTAL_BASE_URL: in demo mode the simulator (simulator/) is started in this process on
// SIMULATOR_PORT (another free port when that one is taken) so that the demo shows sync end to end;
// otherwise no handler is registered and portal messages stay pending — nothing is lost, and they
// leave as soon as the portal is configured.
import type { Deps } from '../../deps.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import {
  createOutboxWorker,
  type OutboxWorker,
  type TopicHandler,
} from '../../platform/jobs/outbox-worker.ts';
import { startPeriodic, type Periodic } from '../../platform/jobs/periodic.ts';
import { createPortalClient, type PortalClient } from './portal-client.ts';
import { PORTAL_STATUS_TOPIC, portalStatusHandler } from './portal-status.handler.ts';
import { reconcileRecent } from './reconcile.ts';
import { fetchInbound } from './inbound.ts';
import { receiveInbound } from './inbound-intake.ts';
import { fetchForwardedFeedback } from '../feedback/index.ts';
import { startPaymentJobs } from '../payments/index.ts';
import { startFileSweeper } from '../files/index.ts';
import { startSignInBudgetPruner } from '../auth/index.ts';
import { startReportFolder } from '../reports/index.ts';
import { startNotificationJobs } from '../notifications/index.ts';

export type SyncJobs = {
  worker: OutboxWorker;
  /** Where portal messages go; null when they wait for PORTAL_BASE_URL. */
  portalUrl: string | null;
  stop: () => Promise<void>;
};

type Closable = { url: string; close: () => Promise<void> };

async function startDemoSimulator(deps: Deps, log: JobLog): Promise<Closable> {
  const { startSimulator } = await import('../../../simulator/simulator.ts');
  const options = { secret: deps.config.portal.secret, auth: deps.config.portal.auth };
  let sim;
  try {
    sim = await startSimulator({ ...options, port: deps.config.simulatorPort });
  } catch (err) {
    if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
    sim = await startSimulator({ ...options, port: 0 });
  }
  // A few dossiers "submitted on the national portal" to the demo ward, for the inbound fetch.
  const ward = await deps.db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select('a.code')
    .where('u.code', '=', '00070')
    .where('u.valid_to', 'is', null)
    .where('a.kind', '=', 'people-committee')
    .executeTakeFirst();
  if (ward) sim.control.seedInbound({ count: 3, agencyCode: ward.code });
  log.info(
    { url: sim.url },
    'demo mode: national-portal simulator started in-process (PORTAL_BASE_URL is not set)',
  );
  return sim;
}

export function syncWorkerOptions(deps: Deps) {
  const { sync, portal } = deps.config;
  return {
    maxAttempts: sync.maxAttempts,
    backoffBaseMs: sync.backoffBaseMs,
    backoffMaxMs: sync.backoffMaxMs,
    pollMs: sync.pollMs,
    // A batch is at most two requests (first syncs, updates) and none starts after half the lease
    // (2 timeouts + 15 s): the lease outlasts both timeouts of the last batch started.
    lockMs: 4 * portal.timeoutMs + 30_000,
  };
}

export function syncHandlers(deps: Deps, client: PortalClient): Record<string, TopicHandler> {
  return {
    [PORTAL_STATUS_TOPIC]: portalStatusHandler(deps.db, client, deps.config.sync.batchSize, {
      secretKey: deps.config.secretKey,
      publicUrl: deps.config.publicUrl,
      now: () => deps.clock.now(),
    }),
  };
}

export async function startSyncJobs(deps: Deps, log: JobLog): Promise<SyncJobs> {
  const { config } = deps;
  let simulator: Closable | null = null;
  let baseUrl = config.portal.baseUrl;
  if (baseUrl === null && config.demoMode && config.nodeEnv !== 'production') {
    simulator = await startDemoSimulator(deps, log);
    baseUrl = simulator.url;
  }
  const client = baseUrl === null ? null : createPortalClient({ ...config.portal, baseUrl });
  if (!client) {
    log.warn({}, 'PORTAL_BASE_URL is not set: national-portal messages stay pending until it is');
  }
  const worker = createOutboxWorker({
    db: deps.db,
    clock: deps.clock,
    handlers: client ? syncHandlers(deps, client) : {},
    log,
    ...syncWorkerOptions(deps),
  });
  worker.start();
  // Payment reconciliation; in demo mode the simulator above also plays the payment platform.
  const payments = await startPaymentJobs(deps, log, simulator);
  // Notifications to applicants: a worker of their own (modules/notifications).
  const notifications = await startNotificationJobs(deps, log);

  // What refused or interrupted uploads left in the file store; the report counts' deltas folded.
  const periodic: Periodic[] = [
    startFileSweeper(deps, log),
    startSignInBudgetPruner(deps, log),
    startReportFolder(deps, log),
  ];
  if (client && config.sync.reconcileMinutes > 0) {
    periodic.push(
      startPeriodic({
        name: 'portal-reconciliation',
        intervalMs: config.sync.reconcileMinutes * 60_000,
        log,
        run: async () => {
          const r = await reconcileRecent(deps, client, {
            windowHours: config.sync.reconcileWindowHours,
            log,
          });
          if (r.enqueued > 0) worker.notify();
        },
      }),
    );
  }
  if (client && config.sync.inboundSeconds > 0) {
    periodic.push(
      startPeriodic({
        name: 'portal-inbound',
        intervalMs: config.sync.inboundSeconds * 1000,
        firstDelayMs: Math.min(5000, config.sync.inboundSeconds * 1000),
        log,
        run: async () => {
          try {
            await fetchInbound(deps, client, { log });
          } finally {
            // Stored ones enter intake even when this fetch failed.
            await receiveInbound(deps, { log });
            // PAKN sent on the national portal (issue #18), taken in once each.
            await fetchForwardedFeedback(deps, client, { log });
          }
        },
      }),
    );
  }
  log.info({ portal: baseUrl, topics: client ? [PORTAL_STATUS_TOPIC] : [] }, 'background jobs started');
  return {
    worker,
    portalUrl: baseUrl,
    stop: async () => {
      await Promise.all(periodic.map((p) => p.stop()));
      await worker.stop();
      await payments.stop();
      await notifications.stop();
      await simulator?.close();
    },
  };
}
