// The notifications' background work: an outbox worker of its own for applicant.notification and
// feedback.notification — apart from the national portal's worker, so that a slow or failing
// messaging provider never holds a lane the portal sync needs (per-key order is per topic anyway).
// Providers not configured: in demo mode (not production) the messaging simulator and the SMTP sink
// are started in this process on NOTIFY_SIMULATOR_PORT (+1 SMTP, +2 its inbox), or free ports.
// staff.notification (staff told of what lands in their worklist) runs on the same worker, and the
// staff's daily summaries every minute beside it.
import type { Deps } from '../../deps.ts';
import type { NotifyConfig } from '../../config.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import {
  createOutboxWorker,
  type OutboxWorker,
  type TopicHandler,
} from '../../platform/jobs/outbox-worker.ts';
import { emailSender, smsSender, zaloSender, type Senders } from './senders.ts';
import { APPLICANT_TOPIC, FEEDBACK_TOPIC, channelMonitor, notificationHandler } from './delivery.ts';
import { STAFF_TOPIC, staffNotificationHandler } from './staff-delivery.ts';
import { runStaffDigests } from './staff-digest.ts';
import { startPeriodic } from '../../platform/jobs/periodic.ts';

export type NotificationJobs = { worker: OutboxWorker; senders: Senders; stop: () => Promise<void> };

type Closable = { close: () => Promise<void> };

/** The channels' senders for this configuration (a channel without a provider has none). */
export function createSenders(deps: Deps, notify: NotifyConfig = deps.config.notify): Senders {
  const email = notify.smtpUrl ? emailSender({ ...notify, smtpUrl: notify.smtpUrl }) : null;
  const callback = `${deps.config.publicUrl}/api/v1/notifications/callbacks/sms?secret=${encodeURIComponent(notify.callbackSecret)}`;
  return {
    ...(email ? { email } : {}),
    ...(notify.smsUrl ? { sms: smsSender({ ...notify, smsUrl: notify.smsUrl }, callback) } : {}),
    ...(notify.zaloUrl ? { zalo: zaloSender({ ...notify, zaloUrl: notify.zaloUrl }) } : {}),
    close: async () => email?.close(),
  };
}

export function notificationHandlers(
  deps: Deps,
  senders: Senders,
  log: JobLog,
): Record<string, TopicHandler> {
  const { alertFailures, alertMinutes, concurrency } = deps.config.notify;
  const monitor = channelMonitor(log, alertFailures, alertMinutes);
  const handler = notificationHandler(deps, senders, {
    monitor,
    sendConcurrency: Math.max(1, Math.ceil(concurrency / 4)),
  });
  return {
    [APPLICANT_TOPIC]: handler,
    [FEEDBACK_TOPIC]: handler,
    [STAFF_TOPIC]: staffNotificationHandler(deps, senders, { monitor }),
  };
}

export function notificationWorkerOptions(deps: Deps) {
  const n = deps.config.notify;
  return {
    maxAttempts: n.maxAttempts,
    backoffBaseMs: n.backoffBaseMs,
    backoffMaxMs: n.backoffMaxMs,
    pollMs: deps.config.sync.pollMs,
    concurrency: 4,
    // A batch sends its messages a few at a time, each within the timeout.
    lockMs: 30 * n.timeoutMs + 30_000,
  };
}

async function startDemoProviders(
  deps: Deps,
  log: JobLog,
): Promise<{ notify: NotifyConfig; closables: Closable[] }> {
  const { startMessaging } = await import('../../../simulator/messaging.ts');
  const { startSmtpSink } = await import('../../../simulator/smtp-sink.ts');
  let notify = deps.config.notify;
  const port = notify.simulatorPort;
  const closables: Closable[] = [];
  const retry = async <T>(start: (p: number) => Promise<T>, p: number): Promise<T> => {
    try {
      return await start(p);
    } catch (err) {
      if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
      return start(0);
    }
  };
  if (notify.smsUrl === null || notify.zaloUrl === null) {
    const sim = await retry(
      (p) =>
        startMessaging({
          port: p,
          esms: {
            apiKey: notify.smsApiKey,
            secretKey: notify.smsSecretKey,
            brandnames: [notify.smsBrandname],
          },
          zns: {
            accessToken: notify.zaloAccessToken,
            appId: notify.zaloAppId,
            secret: notify.zaloSecret,
            webhookUrl: `${deps.config.publicUrl}/api/v1/notifications/callbacks/zalo`,
          },
          callbackDelayMs: 3000,
        }),
      port === 0 ? 0 : port,
    );
    closables.push(sim);
    notify = { ...notify, smsUrl: notify.smsUrl ?? sim.url, zaloUrl: notify.zaloUrl ?? sim.url };
    log.info({ url: sim.url }, 'demo mode: messaging simulator (SMS, Zalo ZNS) started in-process');
  }
  if (notify.smtpUrl === null) {
    const sink = await retry(
      (p) => startSmtpSink({ smtpPort: p, httpPort: p === 0 ? 0 : p + 1 }),
      port === 0 ? 0 : port + 1,
    );
    const slot = deps.demoInbox;
    // Shown on /quan-tri/thong-bao (demo-inbox.ts) while it runs.
    if (slot) slot.inbox = sink;
    closables.push({
      close: async () => {
        if (slot?.inbox === sink) slot.inbox = null;
        await sink.close();
      },
    });
    notify = { ...notify, smtpUrl: `smtp://127.0.0.1:${sink.smtpPort}` };
    log.info({ smtp: notify.smtpUrl, inbox: sink.httpUrl }, 'demo mode: SMTP sink started in-process');
  }
  return { notify, closables };
}

export async function startNotificationJobs(deps: Deps, log: JobLog): Promise<NotificationJobs> {
  const { config } = deps;
  let closables: Closable[] = [];
  let notify = config.notify;
  const missing = notify.smtpUrl === null || notify.smsUrl === null || notify.zaloUrl === null;
  if (missing && config.demoMode && config.nodeEnv !== 'production') {
    ({ notify, closables } = await startDemoProviders(deps, log));
  }
  const senders = createSenders(deps, notify);
  for (const c of ['email', 'sms', 'zalo'] as const)
    if (!senders[c])
      log.warn({ channel: c }, `notification channel ${c} has no provider configured: its messages wait`);
  const worker = createOutboxWorker({
    db: deps.db,
    clock: deps.clock,
    handlers: notificationHandlers(deps, senders, log),
    log,
    ...notificationWorkerOptions(deps),
  });
  worker.start();
  // The staff's daily summaries: each minute, those whose time has come (staff-digest.ts).
  const { alertFailures, alertMinutes } = notify;
  const monitor = channelMonitor(log, alertFailures, alertMinutes);
  const digests = startPeriodic({
    name: 'staff-digests',
    intervalMs: 60_000,
    run: () => runStaffDigests(deps, senders, { monitor, log }),
    log,
  });
  return {
    worker,
    senders,
    stop: async () => {
      await digests.stop();
      await worker.stop();
      await senders.close();
      await Promise.all(closables.map((c) => c.close()));
    },
  };
}
