// Who may read and change what, across Hà Nội (01), Đà Nẵng (48) and TP Hồ Chí Minh (79); template
// validation through the route; the providers' callbacks refused without their signature or secret.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import type { TemplateListResponse, TemplateView } from '../../../common/contracts/notifications.ts';
import { znsMac } from './callbacks.ts';

let rt: TestRuntime;
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};
before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

const call = async (user: string | null, method: string, url: string, payload?: unknown) =>
  rt.app.inject({
    method: method as 'GET',
    url,
    headers: user ? { cookie: await as(user) } : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const SMS_OVERRIDE = { sms: { text: 'UBND thong bao: ho so {maHoSo} da tiep nhan, hen tra {ngayHenTra}' } };

test('authorisation matrix: a province admin manages their own province only; operators read the health', async () => {
  const routes = (p: string): [string, string, unknown?][] => [
    ['GET', `/api/v1/notification-templates?provinceCode=${p}`],
    ['PUT', `/api/v1/notification-templates/received/sms?provinceCode=${p}`, SMS_OVERRIDE],
    ['DELETE', `/api/v1/notification-templates/received/sms?provinceCode=${p}`],
    [
      'POST',
      '/api/v1/notification-templates/preview',
      { provinceCode: p, event: 'received', channel: 'sms' },
    ],
    ['GET', `/api/v1/notification-channels?provinceCode=${p}`],
    [
      'PUT',
      `/api/v1/notification-channels?provinceCode=${p}`,
      { channels: [{ channel: 'zalo', enabled: false }], smsBrandname: null },
    ],
  ];
  const expect: [string | null, string, number][] = [
    ['demo-admin', '01', 200],
    ['demo-admin', '48', 403],
    ['demo-admin', '79', 403],
    ['admin.quang-nam', '48', 200],
    ['admin.quang-nam', '01', 403],
    ['admin.quang-nam', '79', 403],
    ['desk.quan-3', '79', 403],
    ['leader.hang-trong', '01', 403],
    ['auditor.ha-noi', '01', 403],
    ['admin.hoan-kiem', '01', 403],
    [null, '01', 401],
  ];
  for (const [user, province, status] of expect) {
    for (const [method, url, body] of routes(province)) {
      const res = await call(user, method, url, body);
      assert.equal(res.statusCode, status, `${user} ${method} ${url}: ${res.body}`);
    }
  }
  assert.equal(
    (await call('demo-admin', 'GET', '/api/v1/notification-templates?provinceCode=99')).statusCode,
    404,
  );
  const health: [string | null, number][] = [
    ['demo-admin', 200],
    ['admin.quang-nam', 200],
    ['auditor.ha-noi', 200],
    ['desk.hang-trong', 403],
    ['leader.quan-3', 403],
    [null, 401],
  ];
  for (const [user, status] of health)
    assert.equal(
      (await call(user, 'GET', '/api/v1/notifications/health')).statusCode,
      status,
      `${user} health`,
    );
  assert.equal(
    (await call(null, 'GET', '/api/v1/dossiers/000.00.00.H26-261207-0001/notifications')).statusCode,
    401,
  );
});

test('templates: defaults listed; an override is validated, stored, audited, previewed and removed', async () => {
  const list = (
    await call('demo-admin', 'GET', '/api/v1/notification-templates?provinceCode=01')
  ).json<TemplateListResponse>();
  assert.equal(list.items.length, 36);
  assert.ok(list.items.every((i) => i.source === 'default'));
  assert.ok(list.placeholders.some((p) => p.name === 'maHoSo'));

  const bad = await call('demo-admin', 'PUT', '/api/v1/notification-templates/received/sms?provinceCode=01', {
    sms: { text: 'Hồ sơ {maHoSo} đã được tiếp nhận {khongCo}' },
  });
  assert.equal(bad.statusCode, 400, bad.body);
  const err = errorOf(bad);
  assert.equal(err.reason, 'NOTIFY_TEMPLATE_INVALID');
  assert.deepEqual([...new Set(err.details!.map((d) => d.path))], ['body/sms/text']);
  assert.equal(err.details!.length, 2, 'the unknown placeholder and the diacritics, each named');
  const tooLong = await call(
    'demo-admin',
    'PUT',
    '/api/v1/notification-templates/received/sms?provinceCode=01',
    {
      sms: { text: `Ho so {maHoSo} ${'a'.repeat(320)}` },
    },
  );
  assert.equal(tooLong.statusCode, 400);
  const wrongChannel = await call(
    'demo-admin',
    'PUT',
    '/api/v1/notification-templates/received/email?provinceCode=01',
    SMS_OVERRIDE,
  );
  assert.equal(wrongChannel.statusCode, 400);
  assert.deepEqual(
    errorOf(wrongChannel).details!.map((d) => d.path),
    ['body/sms', 'body/email'],
  );
  const unknownEvent = await call(
    'demo-admin',
    'PUT',
    '/api/v1/notification-templates/nope/sms?provinceCode=01',
    SMS_OVERRIDE,
  );
  assert.equal(unknownEvent.statusCode, 400);
  const none = await sql<{ n: number }>`SELECT count(*)::int AS n FROM notification_templates`.execute(
    rt.deps.db,
  );
  assert.equal(none.rows[0]!.n, 0, 'nothing half-written');

  const put = await call(
    'demo-admin',
    'PUT',
    '/api/v1/notification-templates/received/sms?provinceCode=01',
    SMS_OVERRIDE,
  );
  assert.equal(put.statusCode, 200, put.body);
  const view = put.json<TemplateView>();
  assert.equal(view.source, 'override');
  assert.deepEqual(view.template, SMS_OVERRIDE);
  assert.equal(view.updatedBy, 'demo-admin');
  const audit = await sql<{ action: string; entity_id: string }>`SELECT action, entity_id FROM audit_log
    WHERE action LIKE 'notifications.%' ORDER BY audit_id`.execute(rt.deps.db);
  assert.deepEqual(audit.rows.at(-1), { action: 'notifications.template-set', entity_id: '01/received/sms' });

  const preview = await call('demo-admin', 'POST', '/api/v1/notification-templates/preview', {
    provinceCode: '01',
    event: 'received',
    channel: 'sms',
  });
  assert.equal(preview.statusCode, 200, preview.body);
  assert.equal(
    preview.json<{ rendered: { text: string } }>().rendered.text,
    'UBND thong bao: ho so H01.22-261207-0001 da tiep nhan, hen tra 21/12/2026',
  );
  const draft = await call('demo-admin', 'POST', '/api/v1/notification-templates/preview', {
    provinceCode: '01',
    event: 'received',
    channel: 'email',
    template: { email: { subject: 'Hồ sơ {maHoSo}', text: '{coQuan}', html: '<b>{coQuan}</b>' } },
  });
  assert.equal(draft.json<{ rendered: { subject: string } }>().rendered.subject, 'Hồ sơ H01.22-261207-0001');
  // Đà Nẵng still has the default.
  const dn = (
    await call('admin.quang-nam', 'GET', '/api/v1/notification-templates?provinceCode=48')
  ).json<TemplateListResponse>();
  assert.ok(dn.items.every((i) => i.source === 'default'));

  const del = await call(
    'demo-admin',
    'DELETE',
    '/api/v1/notification-templates/received/sms?provinceCode=01',
  );
  assert.equal(del.statusCode, 200);
  assert.equal(del.json<TemplateView>().source, 'default');
});

test('channels: enabled per province, the brandname checked', async () => {
  const bad = await call('demo-admin', 'PUT', '/api/v1/notification-channels?provinceCode=01', {
    channels: [{ channel: 'fax', enabled: true }],
    smsBrandname: '12345',
  });
  assert.equal(bad.statusCode, 400);
  const paths = errorOf(bad).details!.map((d) => d.path);
  assert.ok(
    paths.some((p) => p.startsWith('body/channels/0')),
    paths.join(),
  );
  assert.ok(
    paths.some((p) => p.startsWith('body/smsBrandname')),
    paths.join(),
  );
  const ok = await call('demo-admin', 'PUT', '/api/v1/notification-channels?provinceCode=01', {
    channels: [
      { channel: 'zalo', enabled: true },
      { channel: 'sms', enabled: false },
    ],
    smsBrandname: 'UBND HN',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json<{ channels: unknown }>().channels, [
    { channel: 'email', enabled: true },
    { channel: 'sms', enabled: false },
    { channel: 'zalo', enabled: true },
  ]);
  const dn = (await call('admin.quang-nam', 'GET', '/api/v1/notification-channels?provinceCode=48')).json<{
    channels: { enabled: boolean }[];
  }>();
  assert.deepEqual(
    dn.channels.map((c) => c.enabled),
    [true, true, false],
    'the default: e-mail and SMS',
  );
});

test('callbacks: refused without the shared secret or with a bad signature; an unknown message is 200 and ignored', async () => {
  const secret = rt.deps.config.notify.callbackSecret;
  const sms = (q: string) =>
    rt.app.inject({ method: 'GET', url: `/api/v1/notifications/callbacks/sms?${q}` });
  assert.equal((await sms('SMSID=x&SendStatus=5&SendSuccess=1')).statusCode, 401);
  assert.equal((await sms('secret=wrong&SMSID=x&SendStatus=5&SendSuccess=1')).statusCode, 401);
  const unknown = await sms(
    `secret=${encodeURIComponent(secret)}&SMSID=nope&SendStatus=5&SendSuccess=1&RequestId=nope`,
  );
  assert.equal(unknown.statusCode, 200, unknown.body);
  assert.equal(unknown.json<{ outcome: string }>().outcome, 'unknown');

  const { zaloAppId, zaloSecret } = rt.deps.config.notify;
  const body = JSON.stringify({
    event_name: 'user_received_message',
    timestamp: '1765000000000',
    message: { msg_id: 'nope' },
  });
  const zalo = (signature: string) =>
    rt.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/callbacks/zalo',
      headers: { 'content-type': 'application/json', 'x-zevent-signature': signature },
      payload: body,
    });
  assert.equal((await zalo('mac=00')).statusCode, 401);
  assert.equal(
    (await zalo(znsMac(zaloAppId, body, '1765000000001', zaloSecret))).statusCode,
    401,
    'another timestamp',
  );
  const ok = await zalo(znsMac(zaloAppId, body, '1765000000000', zaloSecret));
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json<{ outcome: string }>().outcome, 'unknown');
});

test("the applicant's choice of channels: stored on the dossier; e-mail chosen without an address is named", async () => {
  const { birthAtCounter } = await import('../../test/fixtures.ts');
  const { peoplesCommittee } = await import('../../test/seeded.ts');
  const payload = birthAtCounter(await peoplesCommittee(rt.deps.db, '00070'));
  const { email: _email, ...noEmail } = payload.applicant;
  const bad = await call('desk.hang-trong', 'POST', '/api/v1/dossiers', {
    ...payload,
    applicant: { ...noEmail, notifyBy: ['email', 'sms'] },
  });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.ok(
    errorOf(bad).details!.some((d) => d.path === 'body/applicant/email'),
    bad.body,
  );
  const unknown = await call('desk.hang-trong', 'POST', '/api/v1/dossiers', {
    ...payload,
    applicant: { ...payload.applicant, notifyBy: ['fax'] },
  });
  assert.equal(unknown.statusCode, 400);
  assert.ok(
    errorOf(unknown).details!.some((d) => d.path.startsWith('body/applicant/notifyBy')),
    unknown.body,
  );
  const ok = await call('desk.hang-trong', 'POST', '/api/v1/dossiers', {
    ...payload,
    applicant: { ...payload.applicant, notifyBy: ['zalo'] },
  });
  assert.equal(ok.statusCode, 201, ok.body);
  const row = await rt.deps.db
    .selectFrom('dossiers')
    .select('applicant')
    .where('code', '=', ok.json<{ code: string }>().code)
    .executeTakeFirstOrThrow();
  const applicant = (typeof row.applicant === 'string' ? JSON.parse(row.applicant) : row.applicant) as {
    notifyBy?: string[];
  };
  assert.deepEqual(applicant.notifyBy, ['zalo']);
});
