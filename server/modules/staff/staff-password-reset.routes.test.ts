// #14: an administrator resets a staff member's password from the staff page. The reset is audited on
// the administrator's agency chain (never the password), ends the person's sessions, and until they
// change it their session opens nothing but their own account; only administrators whose
// administration holds every grant of the account may reset it (a matrix across the provinces).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { createUser } from '../auth/auth.service.ts';
import { resetPassword } from '../auth/index.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import type { ResetPasswordResponse, StaffListResponse } from '../../../common/contracts/staff.ts';
import { agencyCode } from '../../test/seeded.ts';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
  // The demo's unit administrator works at the city's committee, above every ward; an administrator of
  // one ward (Phường Hoàn Kiếm, where the *.hang-trong accounts work) has wards beside and the city above.
  await createUser(
    rt.deps,
    { userId: null, label: 'test' },
    {
      username: 'admin.hang-trong',
      fullName: 'Quản trị Phường Hoàn Kiếm',
      password: 'demo',
      roles: [{ role: 'unit-admin', agencyCode: await agencyCode(rt.deps.db, '00070', 'people-committee') }],
    },
  );
});
after(() => rt.close());

const cookies = new Map<string, string>();
async function as(username: string): Promise<string> {
  if (!cookies.has(username)) cookies.set(username, await loginAs(rt.app, username));
  return cookies.get(username)!;
}

async function reset(who: string, username: string, payload: object = {}): Promise<LightMyRequestResponse> {
  return rt.app.inject({
    method: 'POST',
    url: `/api/v1/staff/${username}/password-reset`,
    payload,
    headers: { cookie: await as(who) },
  });
}

const signIn = (username: string, password: string) =>
  rt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const cookieOf = (res: LightMyRequestResponse) =>
  `motcua_session=${res.cookies.find((c) => c.name === 'motcua_session')!.value}`;

test('#14 reset: a temporary password shown once, audited without it, sessions ended, change enforced', async () => {
  const before = await loginAs(rt.app, 'specialist.hang-bac');
  const res = await reset('demo-admin', 'specialist.hang-bac');
  assert.equal(res.statusCode, 200, res.body);
  const { temporaryPassword, staff } = res.json<ResetPasswordResponse>();
  assert.equal(staff.username, 'specialist.hang-bac');
  assert.match(temporaryPassword ?? '', /^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);

  // The person's session ended: the old cookie no longer opens anything.
  const old = await rt.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: before } });
  assert.equal(old.statusCode, 401);
  assert.equal((await signIn('specialist.hang-bac', 'demo')).statusCode, 401);

  // Audited on the administrator's chain (the provincial People's Committee), the password absent.
  const entry = await rt.deps.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'user.password-reset')
    .orderBy('audit_id', 'desc')
    .executeTakeFirstOrThrow();
  const haNoi = await rt.deps.db
    .selectFrom('agencies')
    .select('agency_id')
    .where('code', '=', await agencyCode(rt.deps.db, '01', 'people-committee'))
    .executeTakeFirstOrThrow();
  assert.equal(entry.chain_key, String(haNoi.agency_id));
  assert.equal(entry.actor_label, 'demo-admin');
  assert.deepEqual(entry.details, { username: 'specialist.hang-bac', mustChange: true, temporary: true });
  assert.ok(!JSON.stringify(entry).includes(temporaryPassword!));
  assert.equal((await verifyAuditChain(rt.deps.db)).ok, true);

  // Signed in with the temporary password: the account says it must change, and nothing else opens.
  const signedIn = await signIn('specialist.hang-bac', temporaryPassword!);
  assert.equal(signedIn.statusCode, 200, signedIn.body);
  assert.equal(signedIn.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword, true);
  const cookie = cookieOf(signedIn);
  const me = await rt.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  assert.equal(me.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword, true);
  for (const url of ['/api/v1/dossiers', '/api/v1/staff', '/api/v1/auth/tokens']) {
    const refused = await rt.app.inject({ method: 'GET', url, headers: { cookie } });
    assert.equal(refused.statusCode, 403, url);
    assert.equal(errorOf(refused).code, 'FORBIDDEN');
    assert.equal(refused.json<{ error: { reason: string } }>().error.reason, 'AUTH_PASSWORD_CHANGE_REQUIRED');
  }

  // A wrong current password or the same one again: refused, naming the field.
  const change = (payload: object) =>
    rt.app.inject({ method: 'POST', url: '/api/v1/auth/password', payload, headers: { cookie } });
  const wrong = await change({ currentPassword: 'not-it', newPassword: 'mot-mat-khau-moi-2026' });
  assert.equal(wrong.statusCode, 400);
  assert.deepEqual(
    errorOf(wrong).details?.map((d) => d.path),
    ['body/currentPassword'],
  );
  const same = await change({ currentPassword: temporaryPassword, newPassword: temporaryPassword });
  assert.deepEqual(
    errorOf(same).details?.map((d) => d.path),
    ['body/newPassword'],
  );
  const short = await change({ currentPassword: temporaryPassword, newPassword: 'ngan' });
  assert.equal(short.statusCode, 400);
  assert.deepEqual(
    errorOf(short).details?.map((d) => d.path),
    ['body/newPassword'],
  );

  const changed = await change({ currentPassword: temporaryPassword, newPassword: 'mot-mat-khau-moi-2026' });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword, false);
  const open = await rt.app.inject({ method: 'GET', url: '/api/v1/dossiers', headers: { cookie } });
  assert.equal(open.statusCode, 200, open.body);
  assert.equal((await signIn('specialist.hang-bac', temporaryPassword!)).statusCode, 401);
  assert.equal((await signIn('specialist.hang-bac', 'mot-mat-khau-moi-2026')).statusCode, 200);
});

test('#14 reset: an administrator may give the password; the CLI sets the same must-change flag', async () => {
  const res = await reset('admin.hoan-kiem', 'desk.hang-bac', { password: 'mat-khau-tam-thoi-1' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json<ResetPasswordResponse>().temporaryPassword, null);
  const signedIn = await signIn('desk.hang-bac', 'mat-khau-tam-thoi-1');
  assert.equal(signedIn.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword, true);

  const short = await reset('admin.hoan-kiem', 'desk.hang-bac', { password: 'ngan' });
  assert.equal(short.statusCode, 400);
  assert.deepEqual(
    errorOf(short).details?.map((d) => d.path),
    ['body/password'],
  );

  await resetPassword(
    rt.deps,
    { userId: null, label: 'cli' },
    { username: 'leader.my-duc', password: 'mat-khau-tu-cli-01' },
  );
  const cli = await signIn('leader.my-duc', 'mat-khau-tu-cli-01');
  assert.equal(cli.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword, true);
  const refused = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/dossiers',
    headers: { cookie: cookieOf(cli) },
  });
  assert.equal(refused.statusCode, 403);
});

test('#14 reset: only administrators within reach, across provinces; never one’s own account', async () => {
  // [administrator or other caller, account, expected status]
  const matrix: [string, string, number][] = [
    ['demo-admin', 'specialist.thanh-oai', 200], // Hà Nội's province administrator, a Hà Nội commune
    ['demo-admin', 'desk.tay-giang', 404], // … not Đà Nẵng's staff: not even visible
    ['demo-admin', 'desk.quan-3', 404], // … nor Hồ Chí Minh City's
    ['admin.quang-nam', 'desk.nam-tra-my', 200], // Đà Nẵng's (with the former Quảng Nam), in Đà Nẵng
    ['admin.quang-nam', 'specialist.hoan-kiem', 404], // … not in Hà Nội
    ['admin.hoan-kiem', 'specialist.hang-trong', 200], // the city's unit administrator, a ward below it
    ['admin.hoan-kiem', 'specialist.my-duc', 200], // … and a commune: every one is below the city
    ['admin.hoan-kiem', 'desk.tay-giang', 404], // … not another province
    ['admin.hang-trong', 'specialist.hang-trong', 200], // a ward's administrator, in the ward
    ['admin.hang-trong', 'specialist.hang-bac', 404], // … not the ward beside it
    ['admin.hang-trong', 'leader.stp-ha-noi', 404], // … nor the city's department above it
    ['leader.hang-trong', 'specialist.hang-trong', 403], // sees the colleague, administers nothing
    ['auditor.ha-noi', 'desk.thanh-oai', 403], // reads the province, changes nothing
    ['demo-admin', 'demo-admin', 422], // one's own: change it instead
  ];
  const got: [string, string, number][] = [];
  for (const [who, username] of matrix) got.push([who, username, (await reset(who, username)).statusCode]);
  assert.deepEqual(got, matrix);
  const refused = await reset('leader.hang-trong', 'specialist.hang-trong');
  assert.equal(refused.json<{ error: { reason: string } }>().error.reason, 'STAFF_RESET_OUT_OF_REACH');
  const anonymous = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/staff/desk.hang-trong/password-reset',
    payload: {},
  });
  assert.equal(anonymous.statusCode, 401);
  // A refused reset changed nothing: the account still signs in with its password.
  assert.equal((await signIn('desk.tay-giang', 'demo')).statusCode, 200);
});

test('#14 staff filters: by role, by agency, and by agency with those below it', async () => {
  const list = async (qs: string) => {
    const res = await rt.app.inject({
      method: 'GET',
      url: `/api/v1/staff?${qs}&pageSize=100`,
      headers: { cookie: await as('demo-admin') },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res
      .json<StaffListResponse>()
      .items.map((s) => s.username)
      .sort();
  };
  // the city's committee: its own holders only, or with every agency under it (its departments, its
  // wards and communes)
  const city = await agencyCode(rt.deps.db, '01', 'people-committee');
  assert.deepEqual(await list(`agencyCode=${city}`), [
    'admin.hoan-kiem',
    'auditor.ha-noi',
    'demo-admin',
    'desk.hoan-kiem',
    'leader.hoan-kiem',
    'specialist.hoan-kiem',
  ]);
  const below = await list(`agencyCode=${city}&below=true`);
  for (const u of [
    'desk.hang-trong',
    'specialist.hang-bac',
    'desk.hoan-kiem',
    'desk.thanh-oai',
    'leader.stp-ha-noi',
  ])
    assert.ok(below.includes(u), u);
  assert.deepEqual(await list(`agencyCode=${city}&below=true&role=specialist`), [
    'specialist.hang-bac',
    'specialist.hang-trong',
    'specialist.hoan-kiem',
    'specialist.my-duc',
    'specialist.stp-ha-noi',
    'specialist.thanh-oai',
  ]);
  // a ward with those below it: the ward's own, not the ward beside it
  const ward = await agencyCode(rt.deps.db, '00070', 'people-committee');
  assert.deepEqual(await list(`agencyCode=${ward}&below=true`), [
    'admin.hang-trong',
    'desk.hang-trong',
    'leader.hang-trong',
    'specialist.hang-trong',
  ]);
  const quangNam = await agencyCode(rt.deps.db, '48', 'people-committee');
  const out = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/staff?agencyCode=${quangNam}&below=true`,
    headers: { cookie: await as('demo-admin') },
  });
  assert.equal(out.statusCode, 403);
});
