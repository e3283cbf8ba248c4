// Zalo → SMS (#18 scope 4): a ZNS refusal SMS gets round (no Zalo account -118, an inactive user -114,
// a template not approved -1131) sends the event once by SMS, recorded as its own message naming the
// Zalo refusal; once even when the outbox message is delivered again; never when ZNS was only down for
// a while (-1, retried), when the applicant has the SMS already, or when the province sends no SMS.
// Through the messaging simulator's HTTP API (eSMS- and ZNS-shaped); delivery reports are another
// test's (notifications.delivery.test.ts), so an SMS accepted stays `sent` here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { birthAtCounter } from '../../test/fixtures.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import type { OutboxWorker } from '../../platform/jobs/outbox-worker.ts';
import type { Messaging } from '../../../simulator/messaging.ts';
import type {
  DossierNotificationsResponse,
  TemplateListResponse,
} from '../../../common/contracts/notifications.ts';
import { startNotifyKit, type NotifyKit } from './test-kit.ts';

const clock = manualClock('2026-12-07T02:00:00Z');
let kit: NotifyKit;
let rt: TestRuntime;
let sim: Messaging;
let worker: OutboxWorker;
let hangTrong: string;
let admin: string;
let desk: string;
const PHONE = '0912345678';
const ZALO_PHONE = '84912345678';

before(async () => {
  kit = await startNotifyKit({
    clock,
    messaging: true,
    notify: { backoffBaseMs: 2000, backoffMaxMs: 20_000 },
  });
  ({ rt, worker } = kit);
  sim = kit.sim;
  hangTrong = await peoplesCommittee(rt.deps.db, '00070');
  admin = await loginAs(rt.app, 'demo-admin');
  desk = await loginAs(rt.app, 'desk.hang-trong');
  await channels({ email: true, sms: true, zalo: true });
});
after(async () => {
  await kit.close();
});

async function channels(on: { email: boolean; sms: boolean; zalo: boolean }) {
  const res = await rt.app.inject({
    method: 'PUT',
    url: '/api/v1/notification-channels?provinceCode=01',
    headers: { cookie: admin },
    payload: {
      channels: (['email', 'sms', 'zalo'] as const).map((channel) => ({ channel, enabled: on[channel] })),
      smsBrandname: 'MOTCUA',
    },
  });
  assert.equal(res.statusCode, 200, res.body);
}

const drain = () => kit.drain();

async function intake(notifyBy: string[]): Promise<string> {
  const payload = birthAtCounter(hangTrong);
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: desk },
    payload: { ...payload, applicant: { ...payload.applicant, phone: PHONE, notifyBy } },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ code: string }>().code;
}

async function notificationsOf(code: string) {
  const res = await rt.app.inject({
    url: `/api/v1/dossiers/${code}/notifications`,
    headers: { cookie: desk },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<DossierNotificationsResponse>().items;
}

const smsTo = (code: string) =>
  sim.control.sent().filter((m) => m.channel === 'sms' && m.phone === PHONE && m.content.includes(code));

/** Delivers the dossier's notification outbox messages again, as after a worker's lease ran out. */
async function redeliver(code: string) {
  await sql`UPDATE outbox SET status = 'pending', delivered_at = NULL, available_at = ${clock.now()}
    WHERE topic = 'applicant.notification' AND ordering_key = ${code}`.execute(rt.deps.db);
  await drain();
}

test('no Zalo account for the phone (-118): the event goes by SMS once, naming the refusal, even delivered again', async () => {
  sim.control.reset();
  sim.control.setPhones({ noZalo: [ZALO_PHONE] });
  const code = await intake(['zalo']);
  await drain();
  const items = await notificationsOf(code);
  assert.deepEqual(
    items.map((i) => [i.event, i.channel, i.state, i.attempts]),
    [
      ['received', 'zalo', 'failed', 1],
      ['received', 'sms', 'sent', 1],
    ],
  );
  assert.equal(items[0]!.reason, 'ZNS -118: Zalo account not existed');
  assert.equal(items[0]!.fallbackFor, undefined);
  assert.deepEqual(items[1]!.fallbackFor, { channel: 'zalo', reason: 'ZNS -118: Zalo account not existed' });
  assert.equal(items[1]!.to, '09•••••678');
  const sent = smsTo(code);
  assert.equal(sent.length, 1, 'one SMS');
  assert.ok(sent[0]!.content.startsWith(`Ho so ${code} da duoc tiep nhan.`), sent[0]!.content);

  // Delivered again: nothing more is sent, no second SMS row.
  await redeliver(code);
  assert.equal(smsTo(code).length, 1);
  assert.equal((await notificationsOf(code)).length, 2);

  // A crash between the refusal and the SMS row: the next delivery writes it; the provider has the
  // RequestId already (124) and sends nothing twice.
  await sql`DELETE FROM notification_attempts WHERE message_id = ${items[1]!.id}`.execute(rt.deps.db);
  await sql`DELETE FROM notification_messages WHERE message_id = ${items[1]!.id}`.execute(rt.deps.db);
  await redeliver(code);
  const again = await notificationsOf(code);
  assert.deepEqual(
    again.map((i) => [i.channel, i.state, i.fallbackFor?.reason ?? null]),
    [
      ['zalo', 'failed', null],
      ['sms', 'sent', 'ZNS -118: Zalo account not existed'],
    ],
  );
  assert.equal(smsTo(code).length, 1, 'still one SMS at the provider');
  sim.control.setPhones({ noZalo: [] });
});

test('an inactive Zalo user (-114) and a template Zalo has not approved (-1131) fall back too; a ZNS outage does not', async () => {
  sim.control.reset();
  sim.control.setPhones({ inactive: [ZALO_PHONE] });
  const inactive = await intake(['zalo']);
  await drain();
  const a = await notificationsOf(inactive);
  assert.deepEqual(
    a.map((i) => [i.channel, i.state]),
    [
      ['zalo', 'failed'],
      ['sms', 'sent'],
    ],
  );
  assert.match(a[1]!.fallbackFor?.reason ?? '', /^ZNS -114: User is inactive/);
  sim.control.setPhones({ inactive: [] });

  // Hà Nội's own "received" ZNS template, with an id Zalo has not approved.
  const list = await rt.app.inject({
    url: '/api/v1/notification-templates?provinceCode=01',
    headers: { cookie: admin },
  });
  const zalo = list
    .json<TemplateListResponse>()
    .items.find((t) => t.event === 'received' && t.channel === 'zalo')!.template.zalo!;
  const put = await rt.app.inject({
    method: 'PUT',
    url: '/api/v1/notification-templates/received/zalo?provinceCode=01',
    headers: { cookie: admin },
    payload: { zalo: { ...zalo, templateId: '9990001' } },
  });
  assert.equal(put.statusCode, 200, put.body);
  const unapproved = await intake(['zalo']);
  await drain();
  const b = await notificationsOf(unapproved);
  assert.deepEqual(
    b.map((i) => [i.channel, i.state, i.fallbackFor?.reason ?? null]),
    [
      ['zalo', 'failed', null],
      ['sms', 'sent', 'ZNS -1131: Template is not approved'],
    ],
  );
  const del = await rt.app.inject({
    method: 'DELETE',
    url: '/api/v1/notification-templates/received/zalo?provinceCode=01',
    headers: { cookie: admin },
  });
  assert.equal(del.statusCode, 200, del.body);

  // ZNS down for a moment (-1): retried on the backoff, delivered by Zalo, no SMS.
  sim.control.setFaults('zalo', { rejectNext: 1 });
  const outage = await intake(['zalo']);
  await drain();
  assert.deepEqual(
    (await notificationsOf(outage)).map((i) => [i.channel, i.state]),
    [['zalo', 'queued']],
  );
  clock.advance(60_000);
  await drain();
  assert.deepEqual(
    (await notificationsOf(outage)).map((i) => [i.channel, i.state, i.attempts]),
    [['zalo', 'sent', 2]],
  );
  assert.equal(smsTo(outage).length, 0);
});

test('no fallback when the applicant has the SMS already, nor when the province sends no SMS', async () => {
  sim.control.reset();
  sim.control.setPhones({ noZalo: [ZALO_PHONE] });
  const both = await intake(['zalo', 'sms']);
  await drain();
  const items = await notificationsOf(both);
  assert.deepEqual(
    items.map((i) => [i.channel, i.state, i.fallbackFor ?? null]),
    [
      ['sms', 'sent', null],
      ['zalo', 'failed', null],
    ],
  );
  assert.equal(smsTo(both).length, 1, 'the SMS they chose, once');

  await channels({ email: true, sms: false, zalo: true });
  const noSms = await intake(['zalo']);
  await drain();
  assert.deepEqual(
    (await notificationsOf(noSms)).map((i) => [i.channel, i.state]),
    [['zalo', 'failed']],
  );
  assert.equal(smsTo(noSms).length, 0);
  await channels({ email: true, sms: true, zalo: true });
  sim.control.setPhones({ noZalo: [] });
});

test('refusals of the recipient (no Zalo account) do not make the Zalo channel fail; its outage does', async () => {
  sim.control.reset();
  sim.control.setPhones({ noZalo: [ZALO_PHONE] });
  const alertAfter = rt.deps.config.notify.alertFailures;
  for (let i = 0; i <= alertAfter; i++) await intake(['zalo']);
  await drain();
  const health = async () => {
    const res = await rt.app.inject({ url: '/api/v1/notifications/health', headers: { cookie: admin } });
    assert.equal(res.statusCode, 200, res.body);
    return res
      .json<{ channels: { channel: string; status: string; consecutiveFailures: number }[] }>()
      .channels.find((c) => c.channel === 'zalo')!;
  };
  const refused = await sql<{ n: number }>`SELECT count(*)::int AS n FROM notification_attempts
    WHERE channel = 'zalo' AND NOT ok AND recipient_refused`.execute(rt.deps.db);
  assert.ok(refused.rows[0]!.n > alertAfter, `${refused.rows[0]!.n} refusals recorded as the recipient's`);
  assert.deepEqual(await health(), { ...(await health()), status: 'ok', consecutiveFailures: 0 });

  // The provider down: that is the channel's failure, counted and alerted.
  sim.control.setPhones({ noZalo: [] });
  sim.control.setFaults('zalo', { outage: { durationMs: 3_600_000 } });
  for (let i = 0; i < alertAfter; i++) await intake(['zalo']);
  for (let i = 0; i < 3; i++) {
    await worker.runOnce();
    clock.advance(60_000);
  }
  const down = await health();
  assert.equal(down.status, 'alert');
  assert.ok(down.consecutiveFailures >= alertAfter, String(down.consecutiveFailures));
  sim.control.setFaults('zalo', { outage: null });
  for (let i = 0; i < 10; i++) {
    clock.advance(60_000);
    await worker.runOnce();
  }
  assert.equal((await health()).status, 'ok');
});
