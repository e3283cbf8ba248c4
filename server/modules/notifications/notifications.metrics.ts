// The notifications' alert on /metrics (#18 scope 4): per channel the failing state the health route
// computes (GET /api/v1/notifications/health: N failed attempts in a row, or failures only for M
// minutes), its failures in a row, the messages by state, and the events waiting. Read from the
// database at each scrape — whichever process sent — one computation shared by the gauges of a scrape.
// docs/operations.md, "Notifications".
import { Gauge, type Registry } from 'prom-client';
import type { Deps } from '../../deps.ts';
import {
  DELIVERY_STATES,
  type NotificationsHealthResponse,
} from '../../../common/contracts/notifications.ts';
import { channelsHealth } from './notifications.service.ts';

export function registerNotificationMetrics(registry: Registry, deps: Deps): void {
  let inFlight: Promise<NotificationsHealthResponse | null> | null = null;
  // The gauges of one scrape are collected together: they share one reading. A database that cannot be
  // read leaves them without series (alert on their absence), and /metrics still answers.
  const snapshot = () =>
    (inFlight ??= channelsHealth(deps)
      .catch(() => null)
      .finally(() => {
        inFlight = null;
      }));
  new Gauge({
    name: 'motcua_notification_channel_failing',
    help: 'A notification channel keeps failing: 1 while the operators are alerted (NOTIFY_ALERT_FAILURES in a row, or NOTIFY_ALERT_MINUTES without a success), else 0',
    labelNames: ['channel'] as const,
    registers: [registry],
    async collect() {
      const h = await snapshot();
      this.reset();
      for (const c of h?.channels ?? []) this.set({ channel: c.channel }, c.status === 'alert' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'motcua_notification_channel_consecutive_failures',
    help: 'Failed attempts on a notification channel since its last success',
    labelNames: ['channel'] as const,
    registers: [registry],
    async collect() {
      const h = await snapshot();
      this.reset();
      for (const c of h?.channels ?? []) this.set({ channel: c.channel }, c.consecutiveFailures);
    },
  });
  new Gauge({
    name: 'motcua_notification_messages',
    help: 'Notification messages by channel and delivery state (queued, sent, delivered, failed)',
    labelNames: ['channel', 'state'] as const,
    registers: [registry],
    async collect() {
      const h = await snapshot();
      this.reset();
      for (const c of h?.channels ?? [])
        for (const state of DELIVERY_STATES) this.set({ channel: c.channel, state }, c[state]);
    },
  });
  new Gauge({
    name: 'motcua_notification_events_pending',
    help: 'Outbox messages of applicant.notification and feedback.notification not yet handled',
    registers: [registry],
    async collect() {
      const h = await snapshot();
      this.reset();
      if (h) this.set(h.pendingEvents);
    },
  });
}
