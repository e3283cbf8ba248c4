// GET/PUT /api/v1/me/notification-preferences (#18, scope 4): a staff member's own choice, in each of
// the three demo provinces; validation naming every failing field; the audit entry; citizens and
// anonymous callers refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { signInCitizen, startTestIdp } from '../../test/citizen.ts';
import { testConfig } from '../../test/template.ts';
import { countRows } from '../../test/seeded.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';
import type { NotificationPreferences } from '../../../common/contracts/staff-notifications.ts';

const URL = '/api/v1/me/notification-preferences';
let rt: TestRuntime;
let idp: DevIdp;
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};
before(async () => {
  const started = await startTestIdp();
  idp = started.idp;
  rt = await createTestRuntime({ config: started.config(testConfig(null).oidc) });
});
after(async () => {
  await rt.close();
  await idp.close();
});

const get = async (cookie: string | null) =>
  rt.app.inject({ method: 'GET', url: URL, headers: cookie ? { cookie } : {} });
const put = async (cookie: string | null, payload: unknown) =>
  rt.app.inject({ method: 'PUT', url: URL, headers: cookie ? { cookie } : {}, payload: payload as object });

test('no choice yet: off at 07:30 with no address', async () => {
  const res = await get(await as('specialist.hang-trong'));
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { worklistEmail: 'off', dailyAt: '07:30', email: null });
});

test('each person sets and reads only their own choice, in Hà Nội, Đà Nẵng and TP HCM; each change audited', async () => {
  const people: [string, NotificationPreferences][] = [
    ['leader.hang-trong', { worklistEmail: 'daily', dailyAt: '07:00', email: 'lanh.dao@hanoi.gov.vn' }],
    ['desk.tay-giang', { worklistEmail: 'immediate', dailyAt: '07:30', email: 'mot.cua@danang.gov.vn' }],
    ['specialist.quan-3', { worklistEmail: 'daily', dailyAt: '16:45', email: 'chuyen.vien@tphcm.gov.vn' }],
  ];
  const before = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log
    WHERE action = 'notifications.preferences-set'`.execute(rt.deps.db);
  for (const [user, prefs] of people) {
    const res = await put(await as(user), prefs);
    assert.equal(res.statusCode, 200, `${user}: ${res.body}`);
    assert.deepEqual(res.json(), prefs, user);
  }
  for (const [user, prefs] of people) {
    const res = await get(await as(user));
    assert.deepEqual(res.json(), prefs, `${user} reads their own`);
  }
  // Another province's administrator has no view of them: the route answers for the caller only.
  for (const admin of ['demo-admin', 'admin.quang-nam']) {
    const res = await get(await as(admin));
    assert.deepEqual(res.json(), { worklistEmail: 'off', dailyAt: '07:30', email: null }, admin);
  }
  const audit = await sql<{ action: string; entity_id: string; details: Record<string, unknown> }>`
    SELECT action, entity_id, details FROM audit_log WHERE action = 'notifications.preferences-set'
    ORDER BY audit_id`.execute(rt.deps.db);
  assert.equal(audit.rows.length - Number(before.rows[0]!.n), people.length);
  const last = audit.rows.at(-1)!;
  assert.deepEqual(last.details, { worklistEmail: 'daily', dailyAt: '16:45', email: true });
});

test('dailyAt kept when a later choice leaves it out; off needs no address', async () => {
  const cookie = await as('specialist.hang-bac');
  await put(cookie, { worklistEmail: 'daily', dailyAt: '06:15', email: 'a@hanoi.gov.vn' });
  const off = await put(cookie, { worklistEmail: 'off' });
  assert.equal(off.statusCode, 200, off.body);
  assert.deepEqual(off.json(), { worklistEmail: 'off', dailyAt: '06:15', email: null });
});

test('bad input: 400 naming every failing field, nothing written', async () => {
  const cookie = await as('desk.hang-bac');
  const rows = await countRows(rt.deps.db, 'staff_notification_preferences');
  const res = await put(cookie, { worklistEmail: 'weekly', dailyAt: '24:00', email: 'not-an-address', x: 1 });
  assert.equal(res.statusCode, 400, res.body);
  const paths = errorOf(res).details!.map((d) => d.path);
  for (const p of ['body/worklistEmail', 'body/dailyAt', 'body/email'])
    assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
  const noAddress = await put(cookie, { worklistEmail: 'daily', dailyAt: '07:00' });
  assert.equal(noAddress.statusCode, 400, noAddress.body);
  assert.equal(errorOf(noAddress).reason, 'NOTIFY_PREFERENCES_INVALID');
  assert.deepEqual(
    errorOf(noAddress).details!.map((d) => d.path),
    ['body/email'],
  );
  const noChoice = await put(cookie, { dailyAt: '7:00' });
  assert.equal(noChoice.statusCode, 400);
  const missing = errorOf(noChoice).details!.map((d) => d.path);
  assert.ok(
    missing.some((p) => p.includes('worklistEmail')),
    missing.join(', '),
  );
  assert.ok(missing.includes('body/dailyAt'), missing.join(', '));
  assert.equal(await countRows(rt.deps.db, 'staff_notification_preferences'), rows);
});

test('anonymous callers and citizens are refused', async () => {
  assert.equal((await get(null)).statusCode, 401);
  assert.equal((await put(null, { worklistEmail: 'off' })).statusCode, 401);
  const citizen = await signInCitizen(rt.app, 'dev-001190012345');
  const read = await get(citizen);
  assert.equal(read.statusCode, 401, read.body);
  const write = await put(citizen, { worklistEmail: 'immediate', email: 'dan@example.vn' });
  assert.equal(write.statusCode, 401, write.body);
  assert.equal(await countRows(rt.deps.db, 'staff_notification_preferences'), 4);
});
