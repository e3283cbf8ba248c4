// The notifications' alert on /metrics: a channel that keeps failing (an SMS outage at the messaging
// simulator, NOTIFY_ALERT_FAILURES attempts in a row) turns motcua_notification_channel_failing to 1 for
// it alone, the same state as GET /api/v1/notifications/health; back to 0 once a message goes through.
// The messages' counts by channel and state follow the table.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { birthAtCounter } from '../../test/fixtures.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import type { OutboxWorker } from '../../platform/jobs/outbox-worker.ts';
import type { Messaging } from '../../../simulator/messaging.ts';
import { startNotifyKit, type NotifyKit } from './test-kit.ts';

const clock = manualClock('2026-12-07T02:00:00Z');
let kit: NotifyKit;
let rt: TestRuntime;
let sim: Messaging;
let worker: OutboxWorker;
let hangTrong: string;

before(async () => {
  kit = await startNotifyKit({
    clock,
    messaging: true,
    notify: { backoffBaseMs: 2000, backoffMaxMs: 10_000, alertFailures: 3, alertMinutes: 60 },
  });
  ({ rt, worker } = kit);
  sim = kit.sim;
  hangTrong = await peoplesCommittee(rt.deps.db, '00070');
});
after(async () => {
  await kit.close();
});

/** The value of one series on /metrics, or null when it is absent. */
async function series(name: string, labels: string): Promise<number | null> {
  const res = await rt.app.inject('/metrics');
  assert.equal(res.statusCode, 200, res.body);
  const line = res.body.split('\n').find((l) => l.startsWith(`${name}{${labels}} `));
  return line === undefined ? null : Number(line.slice(line.lastIndexOf(' ') + 1));
}

async function intake(desk: string): Promise<void> {
  const payload = birthAtCounter(hangTrong);
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: desk },
    payload: { ...payload, applicant: { ...payload.applicant, notifyBy: ['email', 'sms'] } },
  });
  assert.equal(res.statusCode, 201, res.body);
}

test('motcua_notification_channel_failing turns to 1 while SMS keeps failing and back to 0 when it recovers', async () => {
  const desk = await loginAs(rt.app, 'desk.hang-trong');
  assert.equal(await series('motcua_notification_channel_failing', 'channel="sms"'), 0, 'nothing tried yet');
  sim.control.setFaults('sms', { outage: { durationMs: 3_600_000 } });
  await intake(desk);
  await intake(desk);
  for (let i = 0; i < 6; i++) {
    await worker.runOnce();
    clock.advance(15_000);
  }
  assert.equal(await series('motcua_notification_channel_failing', 'channel="sms"'), 1);
  assert.equal(await series('motcua_notification_channel_failing', 'channel="email"'), 0);
  assert.equal(await series('motcua_notification_channel_failing', 'channel="zalo"'), 0);
  const inRow = await series('motcua_notification_channel_consecutive_failures', 'channel="sms"');
  assert.ok(inRow !== null && inRow >= 3, String(inRow));
  assert.equal(await series('motcua_notification_messages', 'channel="sms",state="queued"'), 2);
  assert.equal(await series('motcua_notification_messages', 'channel="email",state="delivered"'), 2);
  assert.equal(await series('motcua_notification_messages', 'channel="sms",state="sent"'), 0);
  assert.match((await rt.app.inject('/metrics')).body, /^motcua_notification_events_pending 2$/m);
  const health = await rt.app.inject({
    url: '/api/v1/notifications/health',
    headers: { cookie: await loginAs(rt.app, 'demo-admin') },
  });
  const sms = health
    .json<{ channels: { channel: string; status: string }[] }>()
    .channels.find((c) => c.channel === 'sms');
  assert.equal(sms?.status, 'alert', 'the same state as the health route');

  sim.control.setFaults('sms', { outage: null });
  for (let i = 0; i < 6; i++) {
    clock.advance(15_000);
    await worker.runOnce();
  }
  assert.equal(await series('motcua_notification_channel_failing', 'channel="sms"'), 0);
  assert.equal(await series('motcua_notification_channel_consecutive_failures', 'channel="sms"'), 0);
  assert.equal(await series('motcua_notification_messages', 'channel="sms",state="sent"'), 2);
  assert.equal(await series('motcua_notification_messages', 'channel="sms",state="queued"'), 0);
  const body = (await rt.app.inject('/metrics')).body;
  assert.match(body, /^motcua_notification_events_pending 0$/m);
});
