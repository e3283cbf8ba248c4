// Shared by the notification tests (never seeds): a runtime whose e-mail goes to an SMTP sink and, when
// asked, whose SMS and Zalo go to the messaging simulator (its callbacks by hand), the notifications'
// outbox worker over the real senders, and a drain that runs it until nothing is left to claim.
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { parseConfig, type NotifyConfig } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { createOutboxWorker, type OutboxWorker } from '../../platform/jobs/outbox-worker.ts';
import { startMessaging, type Messaging } from '../../../simulator/messaging.ts';
import { startSmtpSink, type SmtpSink } from '../../../simulator/smtp-sink.ts';
import { createSenders, notificationHandlers, notificationWorkerOptions } from './notifications.jobs.ts';
import type { Senders } from './senders.ts';

export type NotifyKit = {
  rt: TestRuntime;
  sink: SmtpSink;
  /** The SMS/Zalo simulator; only when started with `messaging: true`. */
  sim: Messaging;
  senders: Senders;
  worker: OutboxWorker;
  /** Runs the worker until a pass claims nothing (fails after 50 passes). */
  drain: () => Promise<void>;
  close: () => Promise<void>;
};

export async function startNotifyKit(input: {
  clock: Clock;
  messaging?: boolean;
  notify?: Partial<NotifyConfig>;
}): Promise<NotifyKit> {
  const sim = input.messaging ? await startMessaging({ port: 0, callbacks: 'manual' }) : null;
  const sink = await startSmtpSink({ smtpPort: 0, httpPort: 0 });
  const defaults = parseConfig({ NODE_ENV: 'test' });
  const rt = await createTestRuntime({
    clock: input.clock,
    config: {
      notify: {
        ...defaults.notify,
        smtpUrl: `smtp://127.0.0.1:${sink.smtpPort}`,
        ...(sim ? { smsUrl: sim.url, zaloUrl: sim.url } : {}),
        timeoutMs: 3000,
        ...input.notify,
      },
    },
  });
  const senders = createSenders(rt.deps, rt.deps.config.notify);
  const worker = createOutboxWorker({
    db: rt.deps.db,
    clock: input.clock,
    handlers: notificationHandlers(rt.deps, senders, silentLog),
    log: silentLog,
    ...notificationWorkerOptions(rt.deps),
    random: () => 0.5,
  });
  return {
    rt,
    sink,
    get sim(): Messaging {
      assert.ok(sim, 'started without the messaging simulator');
      return sim;
    },
    senders,
    worker,
    drain: async () => {
      for (let i = 0; i < 50; i++) if ((await worker.runOnce()).claimed === 0) return;
      assert.fail('the worker kept claiming');
    },
    close: async () => {
      await senders.close();
      await rt.close();
      await sim?.close();
      await sink.close();
    },
  };
}
