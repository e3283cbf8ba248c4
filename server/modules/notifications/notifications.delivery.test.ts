// A dossier's life tells its applicant each event on each channel they chose, through real providers'
// protocols: the SMTP sink (smtp-server) and the messaging simulator (eSMS- and ZNS-shaped HTTP), both
// on 127.0.0.1, with delivery callbacks coming back over HTTP to the app listening on a port —
// duplicated and out of order. Then an SMTP and an SMS outage of a minute of the injected clock (the
// worker's backoff runs on it; the outage is lifted by the control API once the clock has passed a
// minute) loses nothing. No sleeping on real time.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { signInCitizen, startTestIdp } from '../../test/citizen.ts';
import { testConfig } from '../../test/template.ts';
import { birthAtCounter } from '../../test/fixtures.ts';
import { peoplesCommittee, userId } from '../../test/seeded.ts';
import { parseConfig } from '../../config.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { createOutboxWorker, type OutboxWorker } from '../../platform/jobs/outbox-worker.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';
import { startMessaging, type Messaging } from '../../../simulator/messaging.ts';
import { startSmtpSink, type SmtpSink } from '../../../simulator/smtp-sink.ts';
import type { DossierNotificationsResponse } from '../../../common/contracts/notifications.ts';
import { createSenders, notificationHandlers, notificationWorkerOptions } from './notifications.jobs.ts';
import type { Senders } from './senders.ts';

const clock = manualClock('2026-12-07T02:00:00Z'); // Monday 09:00 in Hà Nội
let rt: TestRuntime;
let idp: DevIdp;
let sim: Messaging;
let sink: SmtpSink;
let senders: Senders;
let worker: OutboxWorker;
let hangTrong: string;
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};
const EMAIL = 'huong@example.vn';
const PHONE = '0912345678';

before(async () => {
  sim = await startMessaging({ port: 0, callbacks: 'manual' });
  sink = await startSmtpSink({ smtpPort: 0, httpPort: 0 });
  const started = await startTestIdp();
  idp = started.idp;
  const defaults = parseConfig({ NODE_ENV: 'test' });
  rt = await createTestRuntime({
    clock,
    config: {
      ...started.config(testConfig(null).oidc),
      notify: {
        ...defaults.notify,
        smtpUrl: `smtp://127.0.0.1:${sink.smtpPort}`,
        smsUrl: sim.url,
        zaloUrl: sim.url,
        timeoutMs: 3000,
        backoffBaseMs: 2000,
        backoffMaxMs: 20_000,
      },
    },
  });
  await rt.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(rt.app.server.address() as AddressInfo).port}`;
  sim.control.setWebhook(`${url}/api/v1/notifications/callbacks/zalo`);
  // The providers call back the app where it listens.
  senders = createSenders(
    { ...rt.deps, config: { ...rt.deps.config, publicUrl: url } },
    rt.deps.config.notify,
  );
  worker = createOutboxWorker({
    db: rt.deps.db,
    clock,
    handlers: notificationHandlers(rt.deps, senders, silentLog),
    log: silentLog,
    ...notificationWorkerOptions(rt.deps),
    random: () => 0.5,
  });
  hangTrong = await peoplesCommittee(rt.deps.db, '00070');
  // Hà Nội sends by Zalo too (off by default).
  const on = await rt.app.inject({
    method: 'PUT',
    url: '/api/v1/notification-channels?provinceCode=01',
    headers: { cookie: await as('demo-admin') },
    payload: {
      channels: [
        { channel: 'email', enabled: true },
        { channel: 'sms', enabled: true },
        { channel: 'zalo', enabled: true },
      ],
      smsBrandname: 'MOTCUA',
    },
  });
  assert.equal(on.statusCode, 200, on.body);
});
after(async () => {
  await senders.close();
  await rt.close();
  await sim.close();
  await sink.close();
  await idp.close();
});

/** Runs worker rounds until the notification topics have nothing left to claim now. */
async function drain(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const s = await worker.runOnce();
    if (s.claimed === 0) return;
  }
  assert.fail('the worker kept claiming');
}

async function act(user: string, code: string, action: string, body: Record<string, unknown> = {}) {
  const cookie = await as(user);
  const view = await rt.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}`, headers: { cookie } });
  const res = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers: { cookie, 'if-match': String(view.json<{ version: number }>().version) },
    payload: body,
  });
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  return res.json<{ status: string }>();
}

async function intake(notifyBy?: string[]): Promise<string> {
  const payload = birthAtCounter(hangTrong);
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await as('desk.hang-trong') },
    payload: { ...payload, applicant: { ...payload.applicant, ...(notifyBy ? { notifyBy } : {}) } },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ code: string }>().code;
}

async function forwardTo(user: string, code: string, next: string) {
  const cookie = await as(user);
  const offered = (
    await rt.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}/actions`, headers: { cookie } })
  ).json<{ items: { kind: string; inputs: { properties?: Record<string, unknown> } }[] }>().items;
  if (offered.some((a) => a.kind === 'claim')) await act(user, code, 'claim');
  const fwd = offered.find((a) => a.kind === 'forward')!;
  const body =
    fwd.inputs.properties && 'nextAssigneeId' in fwd.inputs.properties
      ? { nextAssigneeId: await userId(rt.deps.db, next) }
      : {};
  await act(user, code, 'forward', body);
}

const notificationsOf = async (code: string, cookie: string) => {
  const res = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}/notifications`,
    headers: { cookie },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<DossierNotificationsResponse>().items;
};

test("a dossier's life: each event on each chosen channel, delivered once despite duplicated and out-of-order callbacks", async () => {
  sim.control.setFaults('all', { duplicateRate: 1, outOfOrder: true });
  const code = await intake(['email', 'sms', 'zalo']);
  await drain();
  await act('desk.hang-trong', code, 'request-supplement', {
    missingComponents: [{ name: 'Giấy chứng sinh (bản rõ nét hơn)' }],
    reason: 'Ảnh giấy chứng sinh bị mờ.',
  });
  await drain();
  await act('desk.hang-trong', code, 'supplement', { components: [{ name: 'Giấy chứng sinh (bản chính)' }] });
  await forwardTo('desk.hang-trong', code, 'specialist.hang-trong');
  await act('specialist.hang-trong', code, 'request-payment', {
    items: [{ name: 'Lệ phí', amountVnd: 8000 }],
  });
  await drain();
  await act('desk.hang-trong', code, 'confirm-payment', { receiptRef: 'BL-0001' });
  await act('leader.hang-trong', code, 'apologize', {
    reason: 'Cần xác minh thêm',
    newDueAt: '2026-12-21T10:00:00+07:00',
  });
  await forwardTo('specialist.hang-trong', code, 'leader.hang-trong');
  await act('leader.hang-trong', code, 'approve', {
    resultNumber: '125/QĐ-UBND',
    resultDate: '2026-12-07',
    signer: 'Trần Quốc Việt',
    resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }],
  });
  await act('desk.hang-trong', code, 'return-result', {
    channel: 'counter',
    recipientName: 'Nguyễn Thị Hường',
  });
  await drain();
  // The same outbox messages delivered again (a worker's lease ran out): nothing is sent twice.
  await sql`UPDATE outbox SET status = 'pending', delivered_at = NULL
    WHERE topic = 'applicant.notification' AND ordering_key = ${code}`.execute(rt.deps.db);
  await drain();
  // Every report now — final, intermediate after it, and the final again — newest message first.
  await sim.control.flushCallbacks();

  const events = [
    'received',
    'supplement-requested',
    'payment-requested',
    'apology',
    'result-ready',
    'returned',
  ];
  const staffView = await notificationsOf(code, await as('desk.hang-trong'));
  for (const channel of ['email', 'sms', 'zalo']) {
    const mine = staffView.filter((i) => i.channel === channel);
    assert.deepEqual(
      mine.map((i) => i.event),
      events,
      channel,
    );
    assert.ok(
      mine.every((i) => i.state === 'delivered' && i.attempts === 1),
      JSON.stringify(mine),
    );
  }
  assert.equal(staffView.find((i) => i.channel === 'sms')!.to, '09•••••678');
  assert.equal(staffView.find((i) => i.channel === 'email')!.to, 'h•••@example.vn');

  const mails = sink.messages().filter((m) => m.to.includes(EMAIL));
  assert.equal(mails.length, events.length, 'one e-mail per event');
  assert.ok(
    mails.some((m) => m.subject === `Hồ sơ ${code} đã được tiếp nhận`),
    'Vietnamese subject',
  );
  assert.ok(
    mails.some((m) => m.text.includes('Giấy chứng sinh (bản rõ nét hơn)')),
    'what is missing',
  );
  assert.ok(
    mails.some((m) => m.text.includes('8.000 đ')),
    'the fees owed',
  );
  assert.ok(
    mails.some((m) => m.text.includes('21/12/2026')),
    'the new date of the apology',
  );
  const sms = sim.control.sent().filter((m) => m.channel === 'sms' && m.phone === PHONE);
  assert.equal(sms.length, events.length, 'one SMS per event');
  assert.ok(
    sms.every((m) => /^[\x20-\x7e]*$/.test(m.content) && m.content.length <= 306),
    'unaccented, within length',
  );
  assert.ok(sms[0]!.content.startsWith(`Ho so ${code} da duoc tiep nhan. Ngay hen tra: `), sms[0]!.content);
  const zns = sim.control.sent().filter((m) => m.channel === 'zalo' && m.phone === '84912345678');
  assert.deepEqual(
    zns.map((m) => m.templateId),
    ['3000101', '3000102', '3000103', '3000105', '3000104', '3000106'],
  );

  // A late failure report after delivery is ignored: delivered is final.
  const first = (
    await sql<{
      tracking_id: string;
      provider_id: string;
    }>`SELECT tracking_id, provider_id FROM notification_messages
      WHERE dossier_code = ${code} AND channel = 'sms' ORDER BY message_id LIMIT 1`.execute(rt.deps.db)
  ).rows[0]!;
  const late = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/notifications/callbacks/sms?secret=${encodeURIComponent(rt.deps.config.notify.callbackSecret)}&SMSID=${first.provider_id}&SendStatus=5&SendSuccess=0&SendFailed=1&RequestId=${first.tracking_id}`,
  });
  assert.equal(late.json<{ outcome: string }>().outcome, 'unchanged', late.body);
  assert.equal((await notificationsOf(code, await as('desk.hang-trong')))[1]!.state, 'delivered');

  // The applicant sees the same on their dossier.
  const citizen = await signInCitizen(rt.app, 'dev-001190012345');
  const theirs = await notificationsOf(code, citizen);
  assert.deepEqual(
    theirs.map((i) => [i.event, i.channel, i.state]),
    staffView.map((i) => [i.event, i.channel, i.state]),
  );
  // Another ward's desk does not see the dossier.
  const other = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}/notifications`,
    headers: { cookie: await as('desk.quan-3') },
  });
  assert.equal(other.statusCode, 404);
});

test('stopped: told by the default channels (e-mail given, plus SMS); a failed SMS report keeps its reason', async () => {
  sim.control.reset();
  sim.control.setPhones({ failing: [PHONE] });
  const code = await intake();
  await act('leader.hang-trong', code, 'stop', { category: 'decision', reason: 'Quyết định dừng xử lý' });
  await drain();
  await sim.control.flushCallbacks();
  const items = await notificationsOf(code, await as('desk.hang-trong'));
  assert.deepEqual(
    items.map((i) => [i.event, i.channel, i.state]),
    [
      ['received', 'email', 'delivered'],
      ['received', 'sms', 'failed'],
      ['stopped', 'email', 'delivered'],
      ['stopped', 'sms', 'failed'],
    ],
  );
  assert.match(items[1]!.reason ?? '', /SendFailed/);
  const stopMail = sink.messages().find((m) => m.subject === `Hồ sơ ${code} đã dừng xử lý`);
  assert.ok(stopMail?.text.includes('Quyết định dừng xử lý'), 'the reason is in the message');
  sim.control.setPhones({ failing: [] });
});

test('an SMTP outage and an SMS outage of a minute lose nothing: retried on the backoff, each attempt recorded', async () => {
  sim.control.reset();
  sink.setFaults({ outage: { durationMs: 3_600_000 } });
  sim.control.setFaults('sms', { outage: { durationMs: 3_600_000 } });
  const start = clock.now().getTime();
  const codes = [await intake(['email', 'sms']), await intake(['email', 'sms'])];
  // A minute of the injected clock: rounds keep failing, the messages wait in the outbox.
  while (clock.now().getTime() - start < 60_000) {
    await worker.runOnce();
    clock.advance(5_000);
  }
  const during = await sql<{ n: number }>`SELECT count(*)::int AS n FROM notification_messages
    WHERE dossier_code = ANY (${codes}::text[]) AND state = 'queued'`.execute(rt.deps.db);
  assert.equal(during.rows[0]!.n, 4, 'nothing sent, nothing lost');
  const health = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/notifications/health',
    headers: { cookie: await as('demo-admin') },
  });
  const channels = health.json<{
    channels: { channel: string; status: string; consecutiveFailures: number }[];
  }>().channels;
  assert.equal(channels.find((c) => c.channel === 'email')!.status, 'alert', health.body);
  assert.equal(channels.find((c) => c.channel === 'sms')!.status, 'alert', health.body);
  // The providers are back.
  sink.setFaults({ outage: null });
  sim.control.setFaults('sms', { outage: null });
  for (let i = 0; i < 20; i++) {
    clock.advance(20_000);
    await drain();
  }
  await sim.control.flushCallbacks();
  for (const code of codes) {
    const items = await notificationsOf(code, await as('desk.hang-trong'));
    assert.deepEqual(
      items.map((i) => [i.channel, i.state]),
      [
        ['email', 'delivered'],
        ['sms', 'delivered'],
      ],
    );
    assert.ok(
      items.every((i) => i.attempts > 1),
      JSON.stringify(items),
    );
    assert.equal(sink.messages().filter((m) => m.text.includes(code)).length, 1, 'one e-mail');
  }
  const attempts = await sql<{ ok: boolean; temporary: boolean; n: number }>`
    SELECT a.ok, a.temporary, count(*)::int AS n FROM notification_attempts a
    JOIN notification_messages m USING (message_id) WHERE m.dossier_code = ANY (${codes}::text[])
    GROUP BY a.ok, a.temporary ORDER BY a.ok`.execute(rt.deps.db);
  assert.equal(attempts.rows.find((r) => r.ok)!.n, 4);
  assert.ok(attempts.rows.find((r) => !r.ok && r.temporary)!.n >= 8);
  const after = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/notifications/health',
    headers: { cookie: await as('demo-admin') },
  });
  assert.ok(
    after.json<{ channels: { status: string }[] }>().channels.every((c) => c.status === 'ok'),
    after.body,
  );
});

test('Zalo refuses an inactive user (-114): failed with the provider reason, not retried, sent by SMS instead', async () => {
  sim.control.reset();
  sim.control.setPhones({ inactive: ['84912345678'] });
  const code = await intake(['zalo']);
  await drain();
  const items = await notificationsOf(code, await as('desk.hang-trong'));
  assert.deepEqual(
    items.map((i) => [i.event, i.channel, i.state, i.attempts]),
    [
      ['received', 'zalo', 'failed', 1],
      ['received', 'sms', 'sent', 1],
    ],
  );
  assert.match(items[0]!.reason ?? '', /^ZNS -114: User is inactive/);
  const pending = await sql<{ n: number }>`SELECT count(*)::int AS n FROM outbox
    WHERE topic = 'applicant.notification' AND ordering_key = ${code} AND status <> 'delivered'`.execute(
    rt.deps.db,
  );
  assert.equal(pending.rows[0]!.n, 0, 'a permanent failure is not retried');
  sim.control.setPhones({ inactive: [] });
});
