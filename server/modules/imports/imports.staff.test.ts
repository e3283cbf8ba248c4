// #17.4 Staff accounts imported the same way: a CSV of username, full name and grants by agency code
// and role; a dry run first; each row accepted or refused with its reason; passwords never imported —
// an imported account signs in only after an administrator's reset, then chooses its own password.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';
import type { ImportView } from '../../../common/contracts/imports.ts';
import { waitForImport } from './test-kit.ts';

let rt: TestRuntime;
let ward: string;
let admin: string;
before(async () => {
  rt = await createTestRuntime();
  ward = await peoplesCommittee(rt.deps.db, '00070');
  admin = await loginAs(rt.app, 'demo-admin');
});
after(() => rt.close());

const csv = () =>
  [
    'TenDangNhap;HoTen;VaiTro',
    `nguyen.van.moi;Nguyễn Văn Mới;specialist@${ward}`,
    `tran.thi.hai;"Trần Thị Hai";"desk-officer@${ward}; leader@${ward}"`,
    `le.van.c;Lê Văn C;king@${ward}`,
    'pham.d;Phạm Đức;specialist@000.00.99.H99',
    `desk.hang-trong;Người Khác;specialist@${ward}`,
    `NGUYEN.VAN.MOI;Nguyễn Văn Mới;leader@${ward}`,
    `Tên Sai;Ai Đó;specialist@${ward}`,
  ].join('\r\n');

async function importStaff(query: string, body: string): Promise<ImportView> {
  const res = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/imports/staff?${query}`,
    headers: { cookie: admin, 'content-type': 'text/csv' },
    payload: body,
  });
  assert.equal(res.statusCode, 202, res.body);
  return waitForImport(rt.app, admin, res.json<{ id: string }>().id);
}

test('#17 staff CSV: dry run reports each row; the real run creates the accepted accounts without a password', async () => {
  const users = await countRows(rt.deps.db, 'users');
  const dry = await importStaff('dryRun=true', csv());
  assert.deepEqual([dry.kind, dry.format, dry.total, dry.accepted, dry.refused], ['staff', 'csv', 7, 2, 5]);
  assert.equal(await countRows(rt.deps.db, 'users'), users);
  const r = new Map(dry.report.map((x) => [x.line, x]));
  assert.deepEqual([r.get(2)!.outcome, r.get(3)!.outcome], ['accepted', 'accepted']);
  assert.match(r.get(4)!.reason!, /“king@.*” không đúng dạng VAI_TRO@MÃ_CƠ_QUAN/);
  assert.match(r.get(5)!.reason!, /Không có cơ quan mã 000\.00\.99\.H99/);
  assert.match(r.get(6)!.reason!, /desk\.hang-trong đã có người dùng/);
  assert.match(r.get(7)!.reason!, /trùng với dòng 2/);
  assert.match(r.get(8)!.reason!, /^username: /);

  const real = await importStaff('dryRun=false', csv());
  assert.deepEqual([real.accepted, real.refused, real.unchanged], [2, 5, 0]);
  assert.equal(await countRows(rt.deps.db, 'users'), users + 2);
  const again = await importStaff('dryRun=false', csv());
  assert.deepEqual([again.accepted, again.unchanged], [2, 2], 'the same file twice changes nothing');
  assert.equal(await countRows(rt.deps.db, 'users'), users + 2);

  // No password came in: no sign-in until an administrator resets it.
  const before = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'tran.thi.hai', password: 'demo' },
  });
  assert.equal(before.statusCode, 401);
  const reset = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/staff/tran.thi.hai/password-reset',
    headers: { cookie: admin },
    payload: {},
  });
  assert.equal(reset.statusCode, 200, reset.body);
  const temporary = reset.json<{ temporaryPassword: string }>().temporaryPassword;
  const cookie = await loginAs(rt.app, 'tran.thi.hai', temporary);
  const me = await rt.app.inject({ method: 'GET', url: '/api/v1/dossiers?pageSize=1', headers: { cookie } });
  assert.equal(me.statusCode, 403);
  assert.equal(errorOf(me).reason, 'AUTH_PASSWORD_CHANGE_REQUIRED');
  const grants = await rt.deps.db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.user_id', 'r.user_id')
    .select('r.role')
    .where('u.username', '=', 'tran.thi.hai')
    .orderBy('r.role')
    .execute();
  assert.deepEqual(
    grants.map((g) => g.role),
    ['desk-officer', 'leader'],
  );
});

test('#17 staff CSV: only administrators; another province’s administrator gives no grant outside their reach', async () => {
  const desk = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/imports/staff',
    headers: { cookie: await loginAs(rt.app, 'desk.hang-trong'), 'content-type': 'text/csv' },
    payload: csv(),
  });
  assert.equal(desk.statusCode, 403);
  const foreign = await loginAs(rt.app, 'admin.quang-nam');
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/imports/staff?dryRun=false',
    headers: { cookie: foreign, 'content-type': 'text/csv' },
    payload: `username,fullName,roles\nvo.thi.e,Võ Thị E,specialist@${ward}\n`,
  });
  assert.equal(res.statusCode, 202, res.body);
  const view = await waitForImport(rt.app, foreign, res.json<{ id: string }>().id);
  assert.equal(view.refused, 1);
  assert.match(view.report[0]!.reason!, /ngoài phạm vi quản trị/);
});
