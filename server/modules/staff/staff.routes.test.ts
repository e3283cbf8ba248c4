import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { createUser } from '../auth/auth.service.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import type { StaffListResponse, StaffView } from '../../../common/contracts/staff.ts';
import { agencyCode, countRows } from '../../test/seeded.ts';

let rt: TestRuntime;
const clock = manualClock('2026-11-20T02:00:00Z');
const cookies = new Map<string, string>();
// The demo accounts' agencies on today's map: *.hang-trong at Phường Hoàn Kiếm, *.hang-bac at Phường Cửa Nam,
// *.hoan-kiem at the city's People's Committee (the one level above the wards), *.thanh-oai at Xã Thanh
// Oai, admin.quang-nam at Đà Nẵng's.
const agencies = { hangTrong: '', hangBac: '', hoanKiem: '', thanhOai: '', haNoi: '', quangNam: '', stp: '' };

const agencyIn = (unitCode: string, kind = 'people-committee') => agencyCode(rt.deps.db, unitCode, kind);

async function as(username: string): Promise<string> {
  let cookie = cookies.get(username);
  if (!cookie) {
    cookie = await loginAs(rt.app, username);
    cookies.set(username, cookie);
  }
  return cookie;
}

type Call = { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: unknown };
async function call(who: string | null, c: Call): Promise<LightMyRequestResponse> {
  return rt.app.inject({
    method: c.method,
    url: c.url,
    ...(c.payload === undefined ? {} : { payload: c.payload as Record<string, unknown> }),
    headers: who === null ? {} : { cookie: await as(who) },
  });
}

/** `who` replaces `username`'s grants (against `grantsVersion` when given). */
const putGrants = (
  who: string,
  username: string,
  payload: { grants: { role: string; agencyCode: string }[]; grantsVersion?: string },
) => call(who, { method: 'PUT', url: `/api/v1/staff/${username}/grants`, payload });

const list = async (who: string, qs: string) => {
  const res = await call(who, { method: 'GET', url: `/api/v1/staff?${qs}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<StaffListResponse>();
};

/** A staff member created outside the API (the CLI's service), for tests that change them. */
async function seedUser(username: string, grants: { role: string; agencyCode: string }[]) {
  await createUser(
    rt.deps,
    { userId: null, label: 'test' },
    {
      username,
      fullName: `Cán bộ ${username}`,
      password: 'mat-khau-thu-nghiem',
      roles: grants as { role: 'specialist'; agencyCode: string }[],
    },
  );
}

async function lastAudit() {
  return rt.deps.db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('audit_id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

before(async () => {
  rt = await createTestRuntime({ clock });
  agencies.hangTrong = await agencyIn('00070');
  agencies.hangBac = await agencyIn('00082');
  agencies.hoanKiem = await agencyIn('01');
  agencies.thanhOai = await agencyIn('10114');
  agencies.haNoi = await agencyIn('01');
  agencies.quangNam = await agencyIn('48');
  agencies.stp = await agencyIn('01', 'justice');
  // The demo's unit administrator works at the city's committee, above every ward; an administrator of
  // one ward has wards beside and the city above.
  await seedUser('admin.hang-trong', [{ role: 'unit-admin', agencyCode: agencies.hangTrong }]);
  cookies.set('admin.hang-trong', await loginAs(rt.app, 'admin.hang-trong', 'mat-khau-thu-nghiem'));
});
after(() => rt.close());

test('a province administrator lists the province’s staff, searched without diacritics', async () => {
  const all = await list('demo-admin', 'pageSize=100');
  const names = all.items.map((u) => u.username);
  assert.ok(names.includes('desk.hang-trong') && names.includes('leader.thanh-oai'), names.join());
  assert.ok(!names.includes('admin.quang-nam') && !names.includes('desk.tay-giang'), 'not Đà Nẵng');
  assert.equal(all.total, all.items.length);

  const found = await list('demo-admin', `q=${encodeURIComponent('le thi mai')}`);
  assert.deepEqual(
    found.items.map((u) => u.username),
    ['desk.hang-trong'],
  );
  const desk = found.items[0]!;
  assert.equal(desk.fullName, 'Lê Thị Mai Anh');
  assert.deepEqual(
    desk.grants.map((g) => [g.role, g.agencyCode, g.editable]),
    [['desk-officer', agencies.hangTrong, true]],
  );
  assert.equal(desk.manageable, true);
  assert.equal(
    (await list('demo-admin', `q=${encodeURIComponent('Hùng NGUYỄN')}`)).items[0]?.username,
    'demo-admin',
  );
  assert.deepEqual(
    (await list('demo-admin', 'q=hang-trong&role=leader')).items.map((u) => u.username),
    ['leader.hang-trong'],
  );

  const paged = await list('demo-admin', 'pageSize=2&page=2');
  assert.equal(paged.items.length, 2);
  assert.deepEqual(
    paged.items.map((u) => u.username),
    names.slice(2, 4),
  );
});

test('a unit administrator sees their unit and the units below, nothing beside or above: the city’s all of Hà Nội, a ward’s that ward', async () => {
  const { items } = await list('admin.hoan-kiem', 'pageSize=100');
  const names = new Set(items.map((u) => u.username));
  const city = ['desk.hoan-kiem', 'leader.hoan-kiem', 'specialist.stp-ha-noi'];
  for (const n of [...city, 'desk.hang-trong', 'specialist.hang-bac', 'desk.thanh-oai'])
    assert.ok(names.has(n), n);
  for (const n of ['admin.quang-nam', 'desk.tay-giang', 'desk.quan-3']) assert.ok(!names.has(n), n);
  const self = items.find((u) => u.username === 'admin.hoan-kiem')!;
  assert.equal(self.manageable, false, 'never their own account');
  assert.equal(self.grants[0]!.editable, true);

  const ward = await list('admin.hang-trong', 'pageSize=100');
  assert.deepEqual(ward.items.map((u) => u.username).sort(), [
    'admin.hang-trong',
    'desk.hang-trong',
    'leader.hang-trong',
    'specialist.hang-trong',
  ]);
  const wardSelf = ward.items.find((u) => u.username === 'admin.hang-trong')!;
  assert.equal(wardSelf.manageable, false, 'never their own account');
  assert.equal(wardSelf.grants[0]!.editable, true);
});

test('the person picker: a leader lists the specialists of the agency, not of the ward beside it', async () => {
  const specialists = await list(
    'leader.hang-trong',
    `agencyCode=${agencies.hangTrong}&role=specialist&active=true`,
  );
  assert.deepEqual(
    specialists.items.map((u) => [u.username, u.fullName]),
    [['specialist.hang-trong', 'Đỗ Quang Minh']],
  );
  assert.equal(specialists.items[0]!.grants[0]!.editable, false, 'leaders read, they do not administer');
  assert.equal(specialists.items[0]!.manageable, false);
  // A desk officer forwards to the specialist step and picks the same way.
  assert.equal((await list('desk.hang-trong', `agencyCode=${agencies.hangTrong}&role=specialist`)).total, 1);

  const beside = await call('leader.hang-trong', {
    method: 'GET',
    url: `/api/v1/staff?agencyCode=${agencies.hangBac}&role=specialist`,
  });
  assert.equal(beside.statusCode, 403);
  assert.equal(errorOf(beside).code, 'FORBIDDEN');
  const unknown = await call('leader.hang-trong', {
    method: 'GET',
    url: '/api/v1/staff?agencyCode=000.00.99.H99',
  });
  assert.equal(unknown.statusCode, 400);
  assert.deepEqual(
    errorOf(unknown).details!.map((d) => d.path),
    ['query/agencyCode'],
  );
  const bad = await call('leader.hang-trong', { method: 'GET', url: '/api/v1/staff?role=chief&page=0&x=1' });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    errorOf(bad)
      .details!.map((d) => d.path)
      .sort(),
    ['query/page', 'query/role', 'query/x'],
  );
});

test('a unit administrator creates a specialist who can then sign in; the audit entry closes the transaction', async () => {
  const res = await call('admin.hoan-kiem', {
    method: 'POST',
    url: '/api/v1/staff',
    payload: {
      username: 'Chuyenvien.Hang-Trong2',
      fullName: '  Trần Thị Thu Hà ',
      password: 'mot-mat-khau-dai',
      grants: [
        { role: 'specialist', agencyCode: agencies.hangTrong },
        { role: 'leader', agencyCode: agencies.hangBac },
      ],
    },
  });
  assert.equal(res.statusCode, 400, 'usernames are lowercase as typed');
  assert.deepEqual(
    errorOf(res).details!.map((d) => d.path),
    ['body/username'],
  );

  const ok = await call('admin.hoan-kiem', {
    method: 'POST',
    url: '/api/v1/staff',
    payload: {
      username: 'chuyenvien.hang-trong2',
      fullName: '  Trần Thị Thu Hà ',
      password: 'mot-mat-khau-dai',
      grants: [
        { role: 'specialist', agencyCode: agencies.hangTrong },
        { role: 'leader', agencyCode: agencies.hangBac },
      ],
    },
  });
  assert.equal(ok.statusCode, 201, ok.body);
  const created = ok.json<StaffView>();
  assert.equal(created.fullName, 'Trần Thị Thu Hà');
  assert.equal(created.active, true);
  assert.deepEqual(created.grants.map((g) => [g.role, g.agencyCode]).sort(), [
    ['leader', agencies.hangBac],
    ['specialist', agencies.hangTrong],
  ]);
  const audit = await lastAudit();
  assert.equal(audit.action, 'user.created');
  assert.equal(audit.actor_label, 'admin.hoan-kiem');
  assert.equal(audit.entity_id, created.id);
  assert.ok(audit.request_id);
  const stored = await rt.deps.db
    .selectFrom('users')
    .select('password_hash')
    .where('user_id', '=', created.id)
    .executeTakeFirstOrThrow();
  assert.match(stored.password_hash ?? '', /^\$argon2id\$/);
  await loginAs(rt.app, 'chuyenvien.hang-trong2', 'mot-mat-khau-dai');

  const again = await call('demo-admin', {
    method: 'POST',
    url: '/api/v1/staff',
    payload: {
      username: 'chuyenvien.hang-trong2',
      fullName: 'Người khác',
      password: 'mot-mat-khau-dai',
      grants: [{ role: 'specialist', agencyCode: agencies.hangTrong }],
    },
  });
  assert.equal(again.statusCode, 409);
  assert.deepEqual(
    errorOf(again).details!.map((d) => d.path),
    ['body/username'],
  );
  assert.deepEqual((await verifyAuditChain(rt.deps.db)).ok, true);
});

test('bad input names every failing field; nothing is written', async () => {
  const before = await countRows(rt.deps.db, 'users');
  const res = await call('demo-admin', {
    method: 'POST',
    url: '/api/v1/staff',
    payload: {
      username: 'x',
      password: 'ngan',
      grants: [{ role: 'chief', agencyCode: '123' }, { role: 'specialist' }],
      extra: true,
    },
  });
  assert.equal(res.statusCode, 400);
  const e = errorOf(res);
  assert.equal(e.code, 'VALIDATION_FAILED');
  assert.deepEqual(e.details!.map((d) => d.path).sort(), [
    'body/extra',
    'body/fullName',
    'body/grants/0/agencyCode',
    'body/grants/0/role',
    'body/grants/1/agencyCode',
    'body/password',
    'body/username',
  ]);
  assert.ok(e.details!.every((d) => d.message.length > 0));

  const semantic = await call('demo-admin', {
    method: 'POST',
    url: '/api/v1/staff',
    payload: {
      username: 'nguoi.moi',
      fullName: 'Người Mới',
      password: 'mot-mat-khau-dai',
      grants: [
        { role: 'specialist', agencyCode: '000.00.99.H99' },
        { role: 'specialist', agencyCode: agencies.hangTrong },
        { role: 'specialist', agencyCode: agencies.hangTrong },
      ],
    },
  });
  assert.equal(semantic.statusCode, 400);
  assert.deepEqual(
    errorOf(semantic).details!.map((d) => d.path),
    ['body/grants/0/agencyCode', 'body/grants/2'],
  );
  const after = await countRows(rt.deps.db, 'users');
  assert.equal(after, before);
});

test('a unit administrator cannot grant province-admin nor grant outside reach; each refusal names its row', async () => {
  // a ward's administrator: province-admin even at their own ward, the ward beside, the city above
  const res = await call('admin.hang-trong', {
    method: 'POST',
    url: '/api/v1/staff',
    payload: {
      username: 'tham.vong',
      fullName: 'Tham Vọng',
      password: 'mot-mat-khau-dai',
      grants: [
        { role: 'specialist', agencyCode: agencies.hangTrong },
        { role: 'province-admin', agencyCode: agencies.hangTrong },
        { role: 'specialist', agencyCode: agencies.hangBac },
        { role: 'unit-admin', agencyCode: agencies.haNoi },
      ],
    },
  });
  assert.equal(res.statusCode, 403);
  assert.deepEqual(
    errorOf(res).details!.map((d) => d.path),
    ['body/grants/1/role', 'body/grants/2/agencyCode', 'body/grants/3/agencyCode'],
  );
  // the city's unit administrator: province-admin at the city's own committee, another province
  const city = await call('admin.hoan-kiem', {
    method: 'POST',
    url: '/api/v1/staff',
    payload: {
      username: 'tham.vong',
      fullName: 'Tham Vọng',
      password: 'mot-mat-khau-dai',
      grants: [
        { role: 'specialist', agencyCode: agencies.thanhOai },
        { role: 'province-admin', agencyCode: agencies.hoanKiem },
        { role: 'specialist', agencyCode: agencies.quangNam },
      ],
    },
  });
  assert.equal(city.statusCode, 403);
  assert.deepEqual(
    errorOf(city).details!.map((d) => d.path),
    ['body/grants/1/role', 'body/grants/2/agencyCode'],
  );
  assert.equal(
    await rt.deps.db
      .selectFrom('users')
      .select('user_id')
      .where('username', '=', 'tham.vong')
      .executeTakeFirst(),
    undefined,
  );
  // A province administrator may.
  const ok = await call('demo-admin', {
    method: 'POST',
    url: '/api/v1/staff',
    payload: {
      username: 'quan-tri.ha-noi2',
      fullName: 'Quản Trị Hai',
      password: 'mot-mat-khau-dai',
      grants: [{ role: 'province-admin', agencyCode: agencies.haNoi }],
    },
  });
  assert.equal(ok.statusCode, 201, ok.body);
  // …but not in another province.
  const other = await call('demo-admin', {
    method: 'POST',
    url: '/api/v1/staff',
    payload: {
      username: 'quan-tri.quang-nam2',
      fullName: 'Quản Trị Quảng Nam',
      password: 'mot-mat-khau-dai',
      grants: [{ role: 'province-admin', agencyCode: agencies.quangNam }],
    },
  });
  assert.equal(other.statusCode, 403);
  assert.deepEqual(
    errorOf(other).details!.map((d) => d.path),
    ['body/grants/0/agencyCode'],
  );
});

test('replacing grants: added and removed in one audited change, stale versions refused, grants outside reach kept', async () => {
  await seedUser('cv.thay-doi', [{ role: 'specialist', agencyCode: agencies.hangBac }]);
  const view = (
    await call('admin.hoan-kiem', { method: 'GET', url: '/api/v1/staff/cv.thay-doi' })
  ).json<StaffView>();
  const put = await putGrants('admin.hoan-kiem', 'cv.thay-doi', {
    grantsVersion: view.grantsVersion,
    grants: [
      { role: 'leader', agencyCode: agencies.hangBac },
      { role: 'specialist', agencyCode: agencies.hoanKiem },
    ],
  });
  assert.equal(put.statusCode, 200, put.body);
  const changed = put.json<StaffView>();
  assert.deepEqual(changed.grants.map((g) => [g.role, g.agencyCode]).sort(), [
    ['leader', agencies.hangBac],
    ['specialist', agencies.hoanKiem],
  ]);
  assert.notEqual(changed.grantsVersion, view.grantsVersion);
  const audit = await lastAudit();
  assert.equal(audit.action, 'user.grants-replaced');
  assert.deepEqual(audit.details, {
    username: 'cv.thay-doi',
    added: [
      { role: 'leader', agencyCode: agencies.hangBac },
      { role: 'specialist', agencyCode: agencies.hoanKiem },
    ],
    removed: [{ role: 'specialist', agencyCode: agencies.hangBac }],
  });

  const stale = await putGrants('admin.hoan-kiem', 'cv.thay-doi', {
    grantsVersion: view.grantsVersion,
    grants: [{ role: 'leader', agencyCode: agencies.hangBac }],
  });
  assert.equal(stale.statusCode, 409);
  assert.equal(errorOf(stale).code, 'STALE_VERSION');

  // The same set again changes nothing and writes no audit entry.
  const auditId = audit.audit_id;
  const same = await putGrants('admin.hoan-kiem', 'cv.thay-doi', {
    grants: [
      { role: 'specialist', agencyCode: agencies.hoanKiem },
      { role: 'leader', agencyCode: agencies.hangBac },
    ],
  });
  assert.equal(same.statusCode, 200);
  assert.equal((await lastAudit()).audit_id, auditId);

  // A grant at the city's department is not the ward's to take away, nor to keep the account from.
  await seedUser('cv.hai-noi', [
    { role: 'specialist', agencyCode: agencies.hangTrong },
    { role: 'specialist', agencyCode: agencies.stp },
  ]);
  const seen = (
    await call('admin.hang-trong', { method: 'GET', url: '/api/v1/staff/cv.hai-noi' })
  ).json<StaffView>();
  assert.deepEqual(
    seen.grants.map((g) => [g.agencyCode, g.editable]).sort(),
    [
      [agencies.hangTrong, true],
      [agencies.stp, false],
    ].sort(),
  );
  assert.equal(seen.manageable, false);
  const drop = await putGrants('admin.hang-trong', 'cv.hai-noi', {
    grants: [{ role: 'leader', agencyCode: agencies.hangTrong }],
  });
  assert.equal(drop.statusCode, 403);
  assert.deepEqual(
    errorOf(drop).details!.map((d) => d.path),
    ['body/grants'],
  );
  assert.match(errorOf(drop).details![0]!.message, /Sở Tư pháp|ngoài phạm vi/);
  const keep = await putGrants('admin.hang-trong', 'cv.hai-noi', {
    grants: [
      { role: 'leader', agencyCode: agencies.hangTrong },
      { role: 'specialist', agencyCode: agencies.stp },
    ],
  });
  assert.equal(keep.statusCode, 200, keep.body);
  const deact = await call('admin.hang-trong', {
    method: 'POST',
    url: '/api/v1/staff/cv.hai-noi/deactivate',
  });
  assert.equal(deact.statusCode, 403);
  // the city's unit administrator holds both in reach: the department is under the city's committee
  const whole = (
    await call('admin.hoan-kiem', { method: 'GET', url: '/api/v1/staff/cv.hai-noi' })
  ).json<StaffView>();
  assert.ok(whole.grants.every((g) => g.editable));
  assert.equal(whole.manageable, true);
});

test('nobody removes their own last admin grant nor deactivates themselves', async () => {
  const own = await putGrants('admin.hoan-kiem', 'admin.hoan-kiem', {
    grants: [{ role: 'specialist', agencyCode: agencies.hoanKiem }],
  });
  assert.equal(own.statusCode, 422);
  assert.equal(errorOf(own).code, 'UNPROCESSABLE');
  assert.deepEqual(
    errorOf(own).details!.map((d) => d.path),
    ['body/grants'],
  );
  // Taking on another role while keeping an admin grant is allowed.
  const ward = await putGrants('admin.hoan-kiem', 'admin.hoan-kiem', {
    grants: [
      { role: 'unit-admin', agencyCode: agencies.hoanKiem },
      { role: 'specialist', agencyCode: agencies.hoanKiem },
    ],
  });
  assert.equal(ward.statusCode, 200, ward.body);
  const self = await call('demo-admin', { method: 'POST', url: '/api/v1/staff/demo-admin/deactivate' });
  assert.equal(self.statusCode, 422);
  const demoOwn = await putGrants('demo-admin', 'demo-admin', {
    grants: [{ role: 'auditor', agencyCode: agencies.haNoi }],
  });
  assert.equal(demoOwn.statusCode, 422);
});

test('deactivating ends the sessions and refuses sign-in; activating restores it', async () => {
  await seedUser('cv.tam-nghi', [{ role: 'specialist', agencyCode: agencies.hangTrong }]);
  const session = await loginAs(rt.app, 'cv.tam-nghi', 'mat-khau-thu-nghiem');
  const off = await call('admin.hoan-kiem', { method: 'POST', url: '/api/v1/staff/cv.tam-nghi/deactivate' });
  assert.equal(off.statusCode, 200, off.body);
  assert.equal(off.json<StaffView>().active, false);
  assert.equal((await lastAudit()).action, 'user.deactivated');
  const me = await rt.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session } });
  assert.equal(me.statusCode, 401);
  const login = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'cv.tam-nghi', password: 'mat-khau-thu-nghiem' },
  });
  assert.equal(login.statusCode, 401);
  assert.deepEqual(
    (await list('admin.hoan-kiem', 'q=tam-nghi&active=false')).items.map((u) => u.username),
    ['cv.tam-nghi'],
  );
  assert.equal((await list('admin.hoan-kiem', 'q=tam-nghi&active=true')).total, 0);
  const picker = await list(
    'leader.hang-trong',
    `agencyCode=${agencies.hangTrong}&role=specialist&active=true`,
  );
  assert.ok(!picker.items.some((u) => u.username === 'cv.tam-nghi'));

  const on = await call('admin.hoan-kiem', { method: 'POST', url: '/api/v1/staff/cv.tam-nghi/activate' });
  assert.equal(on.statusCode, 200);
  assert.equal(on.json<StaffView>().active, true);
  assert.equal((await lastAudit()).action, 'user.activated');
  await loginAs(rt.app, 'cv.tam-nghi', 'mat-khau-thu-nghiem');
  const unknown = await call('admin.hoan-kiem', { method: 'POST', url: '/api/v1/staff/khong.co/deactivate' });
  assert.equal(unknown.statusCode, 404);
});

test('authorisation matrix: who may read, create, re-grant, lock and unlock staff of Phường Cửa Nam (the *.hang-bac accounts)', async () => {
  // [actor, list Cửa Nam, read one, create there, replace a Cửa Nam specialist's grants, lock, unlock]
  const matrix: [string | null, number, number, number, number, number, number][] = [
    [null, 401, 401, 401, 401, 401, 401],
    ['demo-admin', 200, 200, 201, 200, 200, 200],
    ['admin.hoan-kiem', 200, 200, 201, 200, 200, 200],
    ['admin.hang-trong', 403, 404, 403, 404, 404, 404],
    ['admin.quang-nam', 403, 404, 403, 404, 404, 404],
    ['auditor.ha-noi', 200, 200, 403, 403, 403, 403],
    ['leader.hang-trong', 403, 404, 403, 404, 404, 404],
    ['desk.hang-trong', 403, 404, 403, 404, 404, 404],
    ['specialist.hang-bac', 200, 200, 403, 403, 403, 403],
    ['leader.hoan-kiem', 200, 200, 403, 403, 403, 403],
  ];
  const failures: string[] = [];
  for (const [i, [actor, ...expected]] of matrix.entries()) {
    const target = `cv.ma-tran-${i}`;
    await seedUser(target, [{ role: 'specialist', agencyCode: agencies.hangBac }]);
    const calls: Call[] = [
      { method: 'GET', url: `/api/v1/staff?agencyCode=${agencies.hangBac}` },
      { method: 'GET', url: `/api/v1/staff/${target}` },
      {
        method: 'POST',
        url: '/api/v1/staff',
        payload: {
          username: `cv.moi-${i}`,
          fullName: 'Cán bộ mới',
          password: 'mot-mat-khau-dai',
          grants: [{ role: 'specialist', agencyCode: agencies.hangBac }],
        },
      },
      {
        method: 'PUT',
        url: `/api/v1/staff/${target}/grants`,
        payload: { grants: [{ role: 'leader', agencyCode: agencies.hangBac }] },
      },
      { method: 'POST', url: `/api/v1/staff/${target}/deactivate` },
      { method: 'POST', url: `/api/v1/staff/${target}/activate` },
    ];
    for (const [j, c] of calls.entries()) {
      const res = await call(actor, c);
      if (res.statusCode !== expected[j]) {
        failures.push(
          `${actor ?? 'anonymous'} ${c.method} ${c.url}: ${res.statusCode}, expected ${expected[j]}`,
        );
      }
      if (res.statusCode >= 400) assert.ok(errorOf(res).code);
    }
  }
  assert.deepEqual(failures, []);
  assert.deepEqual((await verifyAuditChain(rt.deps.db)).ok, true);
});
