// The demo's inbox (#18 scope 5): GET /api/v1/notifications/demo-inbox lists what the SMTP sink in the
// server's process received — each province's administrators their own province's e-mails only — and
// does not exist outside demo mode nor in production (404, even for an administrator).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { birthAtCounter, funeralSupportAtCounter } from '../../test/fixtures.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import type { OutboxWorker } from '../../platform/jobs/outbox-worker.ts';
import type { SmtpSink } from '../../../simulator/smtp-sink.ts';
import type { DemoInboxResponse } from '../../../common/contracts/notifications.ts';
import { startNotifyKit, type NotifyKit } from './test-kit.ts';

const clock = manualClock('2026-12-07T02:00:00Z');
let kit: NotifyKit;
let rt: TestRuntime;
let sink: SmtpSink;
let worker: OutboxWorker;
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};

before(async () => {
  kit = await startNotifyKit({ clock });
  ({ rt, sink, worker } = kit);
  assert.ok(rt.deps.demoInbox, 'demo mode outside production has the slot');
});
after(async () => {
  await kit.close();
});

async function intake(desk: string, payload: { applicant: object }): Promise<string> {
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await as(desk) },
    payload: { ...payload, applicant: { ...payload.applicant, notifyBy: ['email'] } },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ code: string }>().code;
}

const inbox = async (user: string | null, provinceCode: string) =>
  rt.app.inject({
    url: `/api/v1/notifications/demo-inbox?provinceCode=${provinceCode}`,
    headers: user ? { cookie: await as(user) } : {},
  });

test("a province's administrators see the e-mails the sink received for their province, newest first", async () => {
  // Before the jobs put the sink in place: the inbox is not running in this process.
  const before = await inbox('demo-admin', '01');
  assert.equal(before.statusCode, 200, before.body);
  assert.deepEqual(before.json<DemoInboxResponse>(), { running: false, items: [] });
  rt.deps.demoInbox!.inbox = sink;

  const haNoi = await intake('desk.hang-trong', birthAtCounter(await peoplesCommittee(rt.deps.db, '00070')));
  clock.advance(60_000);
  const haNoi2 = await intake('desk.hang-trong', birthAtCounter(await peoplesCommittee(rt.deps.db, '00070')));
  const daNang = await intake(
    'desk.tay-giang',
    funeralSupportAtCounter(await peoplesCommittee(rt.deps.db, '20455')),
  );
  for (let i = 0; i < 10 && (await worker.runOnce()).claimed > 0; i++);
  assert.equal(sink.messages().length, 3, 'three e-mails at the sink');

  const mine = await inbox('demo-admin', '01');
  assert.equal(mine.statusCode, 200, mine.body);
  const items = mine.json<DemoInboxResponse>().items;
  assert.deepEqual(
    items.map((i) => [i.dossierCode, i.event, i.subject]),
    [
      [haNoi2, 'received', `Hồ sơ ${haNoi2} đã được tiếp nhận`],
      [haNoi, 'received', `Hồ sơ ${haNoi} đã được tiếp nhận`],
    ],
  );
  assert.deepEqual(items[0]!.to, ['huong@example.vn']);
  assert.match(items[0]!.text, new RegExp(`đã tiếp nhận hồ sơ ${haNoi2}`));
  assert.ok(!Number.isNaN(Date.parse(items[0]!.receivedAt)));

  const theirs = (await inbox('admin.quang-nam', '48')).json<DemoInboxResponse>().items;
  assert.deepEqual(
    theirs.map((i) => i.dossierCode),
    [daNang],
  );
});

test('authorisation matrix: only the province administrators of that province', async () => {
  const expect: [string | null, string, number][] = [
    ['demo-admin', '01', 200],
    ['demo-admin', '48', 403],
    ['demo-admin', '79', 403],
    ['admin.quang-nam', '48', 200],
    ['admin.quang-nam', '01', 403],
    ['admin.quang-nam', '79', 403],
    ['desk.quan-3', '79', 403],
    ['desk.hang-trong', '01', 403],
    ['auditor.ha-noi', '01', 403],
    ['leader.hang-trong', '01', 403],
    [null, '01', 401],
  ];
  for (const [user, province, status] of expect) {
    const res = await inbox(user, province);
    assert.equal(res.statusCode, status, `${user} ${province}: ${res.body}`);
    if (status === 403) assert.equal(res.json<{ error: { code: string } }>().error.code, 'FORBIDDEN');
  }
  const unknown = await inbox('demo-admin', '99');
  assert.equal(unknown.statusCode, 404);
  const bad = await inbox('demo-admin', 'x1');
  assert.equal(bad.statusCode, 400);
});

test('no such route outside demo mode, nor in production', async () => {
  const plain = await createTestRuntime({ config: { demoMode: false } });
  try {
    assert.equal(plain.deps.demoInbox, undefined);
    const cookie = await loginAs(plain.app, 'demo-admin');
    const res = await plain.app.inject({
      url: '/api/v1/notifications/demo-inbox?provinceCode=01',
      headers: { cookie },
    });
    assert.equal(res.statusCode, 404, res.body);
  } finally {
    await plain.close();
  }
  const production = await createTestRuntime({ config: { nodeEnv: 'production' } });
  try {
    assert.equal(production.deps.demoInbox, undefined);
    const res = await production.app.inject({ url: '/api/v1/notifications/demo-inbox?provinceCode=01' });
    assert.equal(res.statusCode, 404, res.body);
  } finally {
    await production.close();
  }
});
