// Importing staff accounts from a province's list (issue #17 "Moving in", item 4): POST
// /api/v1/staff/import with the file's bytes (CSV or XLSX). A dry run reports every account and
// writes nothing; the real run creates the accepted accounts without a password (the first sign-in is
// after an administrator's reset), adds roles to existing ones, refuses an account with any problem
// whole (each problem with its line), and the same file twice changes nothing the second time. A code of
// an agency closed by a reorganisation gives the role at its successor; text the database cannot keep
// and a name longer than it keeps are named, never a 500.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { agencyCode, countRows } from '../../test/seeded.ts';
import type { StaffImportItem, StaffImportReport } from '../../../common/contracts/staff-import.ts';
import { XLSX_MEDIA_TYPE } from '../../../common/contracts/org-registry.ts';

let rt: TestRuntime;
const clock = manualClock('2026-11-20T02:00:00Z');
const codes = { hoanKiem: '', cuaNam: '', haNoi: '', daNang: '', thanhOai: '', myDuc: '' };

before(async () => {
  rt = await createTestRuntime({ clock });
  codes.hoanKiem = await agencyCode(rt.deps.db, '00070', 'people-committee');
  codes.cuaNam = await agencyCode(rt.deps.db, '00082', 'people-committee');
  codes.haNoi = await agencyCode(rt.deps.db, '01', 'people-committee');
  codes.daNang = await agencyCode(rt.deps.db, '48', 'people-committee');
  codes.thanhOai = await agencyCode(rt.deps.db, '10114', 'people-committee');
  codes.myDuc = await agencyCode(rt.deps.db, '10441', 'people-committee');
});
after(() => rt.close());

/** The list as a ward's office keeps it: a title, then Vietnamese headers, one row per role. */
const list = () =>
  [
    'DANH SÁCH CÁN BỘ SỬ DỤNG HỆ THỐNG MỘT CỬA;;;',
    'Tên đăng nhập;Họ và tên;Vai trò;Mã cơ quan',
    `tran.van.binh;Trần Văn Bình;Cán bộ một cửa;${codes.hoanKiem}`, // line 3: a new account
    `tran.van.binh;Trần Văn Bình;specialist;${codes.cuaNam}`, // line 4: its second role
    `desk.hang-trong;Lê Thị Mai Anh;Chuyên viên xử lý;${codes.hoanKiem}`, // line 5: a role added
    `leader.hang-trong;Nguyễn Văn Lãnh;leader;${codes.hoanKiem}`, // line 6: held already
    `pham.thi.cuc;Phạm Thị Cúc;Cán bộ một cửa;H99.99.99`, // line 7: no such agency
    `do.van.dung;Đỗ Văn Dũng;Thủ quỹ;${codes.hoanKiem}`, // line 8: no such role
    `Vu Thi E;Vũ Thị E;Lãnh đạo;${codes.hoanKiem}`, // line 9: not a username
    `ngo.van.g;Ngô Văn G;Lãnh đạo;${codes.daNang}`, // line 10: another province
    `hoang.van.h;Hoàng Văn H;Lãnh đạo;${codes.hoanKiem}`, // line 11: the account …
    `hoang.van.h;Hoàng Văn Hải;Cán bộ một cửa;${codes.hoanKiem}`, // line 12: … with another name
    `ly.thi.k;Lý Thị K;Quản trị cấp tỉnh;${codes.haNoi}`, // line 13: only for a province admin
    `ly.thi.k;Lý Thị K;Quản trị cấp tỉnh;${codes.haNoi}`, // line 14: the same row twice
  ].join('\r\n');

const cookies = new Map<string, string>();
const as = async (who: string) => {
  if (!cookies.has(who)) cookies.set(who, await loginAs(rt.app, who));
  return cookies.get(who)!;
};

const send = async (who: string, body: string | Uint8Array, query = '', type = 'text/csv') =>
  rt.app.inject({
    method: 'POST',
    url: `/api/v1/staff/import${query}`,
    headers: { cookie: await as(who), 'content-type': type },
    payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body),
  });

const item = (r: StaffImportReport, username: string): StaffImportItem => {
  const found = r.items.find((i) => i.username === username);
  assert.ok(found, `${username} in the report`);
  return found;
};

const problemCodes = (i: StaffImportItem) => i.problems.map((p) => `${p.line}:${p.path}:${p.code}`);

function assertReport(r: StaffImportReport, admin: 'province' | 'unit'): void {
  assert.equal(r.rows, 12);
  const binh = item(r, 'tran.van.binh');
  assert.deepEqual([binh.outcome, binh.lines, binh.fullName], ['create', [3, 4], 'Trần Văn Bình']);
  assert.deepEqual(binh.grantsAdded, [
    { role: 'desk-officer', agencyCode: codes.hoanKiem },
    { role: 'specialist', agencyCode: codes.cuaNam },
  ]);
  assert.deepEqual(item(r, 'desk.hang-trong').grantsAdded, [
    { role: 'specialist', agencyCode: codes.hoanKiem },
  ]);
  assert.equal(item(r, 'desk.hang-trong').outcome, 'add-grants');
  assert.equal(item(r, 'leader.hang-trong').outcome, 'unchanged');
  assert.deepEqual(problemCodes(item(r, 'pham.thi.cuc')), [
    '7:rows[4].agencyCode:STAFF_IMPORT_AGENCY_UNKNOWN',
  ]);
  assert.deepEqual(problemCodes(item(r, 'do.van.dung')), ['8:rows[5].role:STAFF_IMPORT_ROLE_UNKNOWN']);
  assert.deepEqual(problemCodes(item(r, 'vu thi e')), ['9:rows[6].username:STAFF_IMPORT_USERNAME']);
  assert.deepEqual(problemCodes(item(r, 'ngo.van.g')), ['10:rows[7].agencyCode:STAFF_IMPORT_OUT_OF_REACH']);
  const h = item(r, 'hoang.van.h');
  assert.deepEqual([h.outcome, h.grantsAdded], ['refused', []], 'refused whole, its good row too');
  assert.deepEqual(problemCodes(h), ['12:rows[9].fullName:STAFF_IMPORT_NAME_DIFFERS']);
  assert.match(h.problems[0]!.message, /khác với "Hoàng Văn H" ở dòng 11/);
  assert.deepEqual(
    problemCodes(item(r, 'ly.thi.k')),
    admin === 'province'
      ? ['14:rows[11].role:STAFF_IMPORT_DUPLICATE']
      : ['13:rows[10].agencyCode:STAFF_IMPORT_OUT_OF_REACH', '14:rows[11].role:STAFF_IMPORT_DUPLICATE'],
  );
  for (const i of r.items) assert.equal(i.outcome === 'refused', i.problems.length > 0, i.username);
  assert.deepEqual([r.created, r.grantsAdded, r.unchanged, r.refused], [1, 1, 1, 6]);
}

test('a dry run reports every account, each refusal with its line and field, and writes nothing', async () => {
  await as('demo-admin'); // signing in is audited: before the count
  const before = await Promise.all([countRows(rt.deps.db, 'users'), countRows(rt.deps.db, 'user_roles')]);
  const audits = await countRows(rt.deps.db, 'audit_log');
  const res = await send('demo-admin', list());
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json<StaffImportReport>();
  assert.equal(report.dryRun, true, 'a dry run unless asked otherwise');
  assertReport(report, 'province');
  assert.deepEqual(
    await Promise.all([countRows(rt.deps.db, 'users'), countRows(rt.deps.db, 'user_roles')]),
    before,
  );
  assert.equal(await countRows(rt.deps.db, 'audit_log'), audits);
});

test('the real run creates accounts without a password, adds roles, and the same file again changes nothing', async () => {
  const users = await countRows(rt.deps.db, 'users');
  const res = await send('demo-admin', list(), '?dryRun=false');
  assert.equal(res.statusCode, 200, res.body);
  assertReport(res.json<StaffImportReport>(), 'province');
  assert.equal(await countRows(rt.deps.db, 'users'), users + 1, 'one account created, none refused written');
  const binh = await rt.deps.db
    .selectFrom('users')
    .select(['password_hash', 'must_change_password', 'full_name'])
    .where('username', '=', 'tran.van.binh')
    .executeTakeFirstOrThrow();
  assert.deepEqual(binh, { password_hash: null, must_change_password: true, full_name: 'Trần Văn Bình' });
  for (const absent of ['hoang.van.h', 'ly.thi.k', 'pham.thi.cuc'])
    assert.equal(
      await rt.deps.db
        .selectFrom('users')
        .select('user_id')
        .where('username', '=', absent)
        .executeTakeFirst(),
      undefined,
      absent,
    );
  const audit = await rt.deps.db
    .selectFrom('audit_log')
    .select(['action', 'details'])
    .where('action', '=', 'user.created')
    .orderBy('audit_id', 'desc')
    .executeTakeFirstOrThrow();
  assert.equal((audit.details as { source?: string }).source, 'import');

  // No password was imported: the first sign-in is after an administrator's reset.
  const login = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'tran.van.binh', password: 'demo' },
  });
  assert.equal(login.statusCode, 401);
  const reset = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/staff/tran.van.binh/password-reset',
    headers: { cookie: await as('demo-admin') },
    payload: {},
  });
  assert.equal(reset.statusCode, 200, reset.body);
  const temporary = reset.json<{ temporaryPassword: string }>().temporaryPassword;
  const first = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'tran.van.binh', password: temporary },
  });
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword, true);
  // Until its owner chooses their own password, the account opens nothing else.
  const work = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/dossiers?pageSize=1',
    headers: { cookie: await loginAs(rt.app, 'tran.van.binh', temporary) },
  });
  assert.equal(work.statusCode, 403);
  assert.equal(errorOf(work).reason, 'AUTH_PASSWORD_CHANGE_REQUIRED');

  const again = await send('demo-admin', list(), '?dryRun=false');
  assert.equal(again.statusCode, 200, again.body);
  const second = again.json<StaffImportReport>();
  assert.deepEqual([second.created, second.grantsAdded, second.unchanged], [0, 0, 3]);
  assert.equal(await countRows(rt.deps.db, 'users'), users + 1);
});

test('a unit administrator may not give the province administrator role; the rest is the same', async () => {
  const res = await send('admin.hoan-kiem', list());
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json<StaffImportReport>();
  assert.deepEqual(problemCodes(item(r, 'ly.thi.k')), [
    '13:rows[10].agencyCode:STAFF_IMPORT_OUT_OF_REACH',
    '14:rows[11].role:STAFF_IMPORT_DUPLICATE',
  ]);
});

test('the same list as XLSX reads the same', async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Cán bộ');
  for (const line of list().split('\r\n')) sheet.addRow(line.split(';'));
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  const res = await send('demo-admin', bytes, '', XLSX_MEDIA_TYPE);
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json<StaffImportReport>();
  assert.equal(r.rows, 12);
  assert.deepEqual(problemCodes(item(r, 'pham.thi.cuc')), [
    '7:rows[4].agencyCode:STAFF_IMPORT_AGENCY_UNKNOWN',
  ]);
});

test('who may import, and files that cannot be read', async () => {
  const desk = await send('desk.hang-trong', list());
  assert.equal(desk.statusCode, 403);
  assert.equal(errorOf(desk).reason, 'STAFF_IMPORT_FORBIDDEN');
  const anonymous = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/staff/import',
    headers: { 'content-type': 'text/csv' },
    payload: Buffer.from(list()),
  });
  assert.equal(anonymous.statusCode, 401);
  const json = await send('demo-admin', '{}', '', 'application/json');
  assert.equal(json.statusCode, 415);
  const noHeader = await send('demo-admin', 'a;b\nc;d\n');
  assert.equal(noHeader.statusCode, 400);
  assert.equal(errorOf(noHeader).reason, 'STAFF_IMPORT_INVALID');
  assert.deepEqual(
    errorOf(noHeader).details?.map((d) => d.path),
    ['header'],
  );
  const latin1 = await send('demo-admin', new Uint8Array([0x54, 0xea, 0x6e, 0x0a]));
  assert.equal(latin1.statusCode, 400);
  assert.match(errorOf(latin1).details![0]!.message, /UTF-8/);
});

test('across provinces: Đà Nẵng’s administrator reaches none of Hà Nội’s agencies nor its accounts', async () => {
  const csv = [
    'username,full name,role,agency code',
    `desk.hang-trong,Lê Thị Mai Anh,desk-officer,${codes.daNang}`,
    `tran.thi.m,Trần Thị M,desk-officer,${codes.hoanKiem}`,
    `le.van.n,Lê Văn N,specialist,${codes.daNang}`,
  ].join('\n');
  const res = await send('admin.quang-nam', csv);
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json<StaffImportReport>();
  assert.deepEqual(problemCodes(item(r, 'desk.hang-trong')), [
    '2:rows[0].username:STAFF_IMPORT_USERNAME_TAKEN',
  ]);
  assert.deepEqual(problemCodes(item(r, 'tran.thi.m')), ['3:rows[1].agencyCode:STAFF_IMPORT_OUT_OF_REACH']);
  assert.equal(item(r, 'le.van.n').outcome, 'create');
});

test('text the database cannot keep and a name longer than it keeps refuse the account, each named', async () => {
  const csv = [
    'username;full name;role;agency code',
    `pham.nul;Phạm\u0000Nul;specialist;${codes.hoanKiem}`,
    `dai.ten;${'Nguyễn '.repeat(30).trim()};specialist;${codes.hoanKiem}`,
  ].join('\n');
  const res = await send('demo-admin', csv, '?dryRun=false');
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json<StaffImportReport>();
  assert.deepEqual(problemCodes(item(r, 'pham.nul')), ['2:rows[0].fullName:STAFF_IMPORT_TEXT_UNSTORABLE']);
  assert.deepEqual(problemCodes(item(r, 'dai.ten')), ['3:rows[1].fullName:STAFF_IMPORT_NAME_TOO_LONG']);
  assert.match(item(r, 'dai.ten').problems[0]!.message, /dài 209 ký tự, tối đa 200/);
  assert.deepEqual([r.created, r.refused], [0, 2]);
});

test('a code of an agency closed by a reorganisation gives the role at its successor; a split one is named', async () => {
  // Mỹ Đức merged into Thanh Oai (a trial decision), in force since 1 November.
  const applied = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/reorganisations',
    headers: { cookie: await as('demo-admin') },
    payload: {
      name: 'Nhập xã Mỹ Đức vào xã Thanh Oai',
      basis: 'Nghị quyết thử nghiệm số 04/2026',
      effectiveOn: '2026-11-01',
      endedUnits: [{ code: '10441', successors: [{ code: '10114', extent: 'full' }] }],
      handovers: [{ from: codes.myDuc, to: codes.thanhOai }],
    },
  });
  assert.equal(applied.statusCode, 201, applied.body);
  const csv = ['username,full name,role,agency code', `vo.van.ke,Võ Văn Kế,specialist,${codes.myDuc}`].join(
    '\n',
  );
  const dry = await send('demo-admin', csv);
  assert.equal(dry.statusCode, 200, dry.body);
  assert.deepEqual(item(dry.json<StaffImportReport>(), 'vo.van.ke').grantsAdded, [
    { role: 'specialist', agencyCode: codes.thanhOai, namedCode: codes.myDuc },
  ]);
  const real = await send('demo-admin', csv, '?dryRun=false');
  assert.equal(item(real.json<StaffImportReport>(), 'vo.van.ke').outcome, 'create');
  const held = await rt.deps.db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.user_id', 'r.user_id')
    .innerJoin('agencies as a', 'a.agency_id', 'r.agency_id')
    .select(['r.role', 'a.code'])
    .where('u.username', '=', 'vo.van.ke')
    .execute();
  assert.deepEqual(held, [{ role: 'specialist', code: codes.thanhOai }]);
  // The same file again: the role is held at the successor, nothing changes.
  const again = await send('demo-admin', csv, '?dryRun=false');
  assert.equal(item(again.json<StaffImportReport>(), 'vo.van.ke').outcome, 'unchanged');

  // Had Mỹ Đức's work been split between two agencies, its code names neither.
  const ids = await rt.deps.db
    .selectFrom('agencies')
    .select(['agency_id', 'code'])
    .where('code', 'in', [codes.myDuc, codes.hoanKiem])
    .execute();
  const idOf = (code: string) => ids.find((a) => a.code === code)!.agency_id;
  await rt.deps.db
    .insertInto('agency_successions')
    .values({
      predecessor_id: idOf(codes.myDuc),
      successor_id: idOf(codes.hoanKiem),
      effective_on: '2026-11-01',
    })
    .execute();
  const split = await send('demo-admin', csv.replace('vo.van.ke,Võ Văn Kế', 'vo.van.le,Võ Văn Lễ'));
  const le = item(split.json<StaffImportReport>(), 'vo.van.le');
  assert.deepEqual(problemCodes(le), ['2:rows[0].agencyCode:STAFF_IMPORT_AGENCY_SPLIT']);
  assert.match(le.problems[0]!.message, /được chia cho nhiều cơ quan/);
});
