// #16.2 Importing a province's electronic agency codes through the HTTP API: the dry run reports every
// row (create, re-code, move, rename, unchanged, error) with its line; an import with any bad row is
// refused whole, naming each, and changes nothing; a good one applies every row in one transaction with
// one audit entry; the plan is made again when applied; CSV and XLSX, both code forms; only a province
// administrator, only their province.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { agencyCode, countRows } from '../../test/seeded.ts';
import { buildXlsx } from '../../platform/xlsx.ts';
import {
  XLSX_MEDIA_TYPE,
  type AgencyDetail,
  type AgencyImportPlanView,
} from '../../../common/contracts/org-registry.ts';

let rt: TestRuntime;
const clock = manualClock('2026-11-20T02:00:00Z');
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};
/** Police of three Hà Nội communes, Hà Nội's People's Committee and its Sở Tư pháp, as seeded. */
const A = { thanhOai: '', myDuc: '', hoanKiem: '', city: '', justice: '' };

before(async () => {
  rt = await createTestRuntime({ clock });
  A.thanhOai = await agencyCode(rt.deps.db, '10114', 'police');
  A.myDuc = await agencyCode(rt.deps.db, '10441', 'police');
  A.hoanKiem = await agencyCode(rt.deps.db, '00070', 'police');
  A.city = await agencyCode(rt.deps.db, '01', 'people-committee');
  A.justice = await agencyCode(rt.deps.db, '01', 'justice');
});
after(() => rt.close());

const send = async (user: string, url: string, body: string | Buffer, type = 'text/csv; charset=utf-8') =>
  rt.app.inject({
    method: 'POST',
    url,
    headers: { cookie: await as(user), 'content-type': type },
    payload: body,
  });
const dryRun = (user: string, body: string | Buffer, type?: string) =>
  send(user, '/api/v1/agencies/import/dry-run', body, type);
const apply = (user: string, body: string | Buffer, type?: string) =>
  send(user, '/api/v1/agencies/import', body, type);

const HEADER = 'Mã định danh;Tên cơ quan;Mã cơ quan cấp trên;Cấp;Mã cũ';
const csv = (rows: string[]) => `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`;
const agency = (code: string) =>
  rt.deps.db
    .selectFrom('agencies as a')
    .leftJoin('agencies as p', 'p.agency_id', 'a.parent_agency_id')
    .select(['a.agency_id', 'a.code', 'a.name', 'a.kind', 'a.path', 'a.unit_id', 'p.code as parent_code'])
    .where('a.code', '=', code)
    .executeTakeFirst();
const state = () =>
  Promise.all((['agencies', 'desks', 'audit_log'] as const).map((t) => countRows(rt.deps.db, t)));

/** The list, as the province would send it: one row of each outcome, and two bad rows. */
function list(fixed: boolean): string[] {
  return [
    // line 2: Công an Xã Thanh Oai takes a new code under the city's police.
    `H26.08.990;Công an Xã Thanh Oai;H26.08;3;${A.thanhOai}`,
    // line 3: Công an Xã Mỹ Đức, renamed.
    `${A.myDuc};Công an xã Mỹ Đức;H26.08;3;`,
    // line 4: a new office under Sở Tư pháp (its kind is the department's, its unit the city).
    `${A.justice}.01;Phòng Hộ tịch thử nghiệm;${A.justice};3;`,
    // line 5: Sở Tư pháp as it is.
    `${A.justice};Sở Tư pháp Thành phố Hà Nội;${A.city};2;`,
    // line 6: another province's code / fixed: the code of Hoàn Kiếm's police, unchanged.
    fixed ? `${A.hoanKiem};Công an Phường Hoàn Kiếm;H26.08;3;` : 'H29.08.991;Công an thử nghiệm;H29.08;3;',
    // line 7: a body whose kind the name does not tell, under the city / fixed: a second new office.
    fixed
      ? `${A.justice}.02;Phòng Công chứng thử nghiệm;${A.justice};3;`
      : 'H26.40;Sở Y tế Thành phố Hà Nội;H26;2;',
    // line 8: an agency whose parent link disagrees with its code (opened below) goes under the city.
    'H26.41;Ban thử nghiệm;H26;2;',
  ];
}

test('#16.2 the dry run reports every row with its outcome and problems, by line, and writes nothing', async () => {
  // An agency opened under Sở Tư pháp though its code says the city: the list moves it.
  const opened = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/agencies',
    headers: { cookie: await as('demo-admin') },
    payload: {
      code: 'H26.41',
      name: 'Ban thử nghiệm',
      kind: 'finance-planning',
      unitCode: '01',
      parentCode: A.justice,
      hasDesk: false,
    },
  });
  assert.equal(opened.statusCode, 201, opened.body);
  const before = await state();
  const res = await dryRun('demo-admin', csv(list(false)));
  assert.equal(res.statusCode, 200, res.body);
  const plan = res.json<AgencyImportPlanView>();
  assert.deepEqual(
    [plan.ok, plan.applied, plan.provinceCode, plan.level1, plan.asOf, plan.format],
    [false, false, '01', 'H26', '2026-11-20', 'csv'],
  );
  assert.deepEqual(
    plan.items.map((i) => [i.line, i.outcome]),
    [
      [2, 'recode'],
      [3, 'rename'],
      [4, 'create'],
      [5, 'unchanged'],
      [6, 'error'],
      [7, 'error'],
      [8, 'move'],
    ],
  );
  assert.deepEqual(plan.totals, { create: 1, recode: 1, move: 1, rename: 1, unchanged: 1, error: 2 });
  const created = plan.items[2]!;
  assert.deepEqual([created.kind, created.unitCode, created.parentCode], ['justice', '01', A.justice]);
  assert.deepEqual(plan.items[0]!.current, {
    code: A.thanhOai,
    name: 'Công an Xã Thanh Oai',
    parentCode: 'H26.08',
  });
  assert.deepEqual(
    plan.problems.map((p) => [p.line, p.path, p.code]),
    [
      [6, 'rows[4].code', 'AGENCY_CODE_OTHER_PROVINCE'],
      [6, 'rows[4].parentCode', 'AGENCY_PARENT_MISSING'],
      [7, 'rows[5].name', 'AGENCY_KIND_UNKNOWN'],
    ],
  );
  assert.match(plan.problems[0]!.message, /H29\.08\.991 thuộc mã cấp 1 H29, không phải H26/);
  assert.match(plan.problems[2]!.en, /kind of agency cannot be told/);
  assert.deepEqual(await state(), before);
});

test('#16.2 an import with a bad row is refused whole, naming each row, and changes nothing', async () => {
  const before = await state();
  const res = await apply('demo-admin', csv(list(false)));
  assert.equal(res.statusCode, 400, res.body);
  const e = errorOf(res);
  assert.equal(e.reason, 'ORG_AGENCY_IMPORT_INVALID');
  assert.deepEqual(
    e.details?.map((d) => d.path),
    ['body/rows/4/code', 'body/rows/4/parentCode', 'body/rows/5/name'],
  );
  assert.match(e.details[0]!.message, /^Dòng 6: Mã H29\.08\.991/);
  assert.deepEqual(await state(), before);
  assert.equal((await agency(A.thanhOai))?.name, 'Công an Xã Thanh Oai');
});

test('#16.2 the fixed list is applied at once: new codes, names, agencies and parents, one audit entry; dossiers untouched', async () => {
  const dossiers = await rt.deps.db
    .selectFrom('dossiers')
    .select(['dossier_id', 'code'])
    .orderBy('dossier_id')
    .execute();
  const dry = await dryRun('demo-admin', csv(list(true)));
  assert.equal(dry.json<AgencyImportPlanView>().ok, true, dry.body);
  const res = await apply('demo-admin', csv(list(true)));
  assert.equal(res.statusCode, 200, res.body);
  const plan = res.json<AgencyImportPlanView>();
  assert.deepEqual([plan.ok, plan.applied], [true, true]);
  assert.deepEqual(plan.totals, { create: 2, recode: 1, move: 1, rename: 1, unchanged: 2, error: 0 });

  const recoded = await agency('H26.08.990');
  assert.deepEqual([recoded?.name, recoded?.parent_code], ['Công an Xã Thanh Oai', 'H26.08']);
  assert.equal(await agency(A.thanhOai), undefined);
  assert.equal((await agency(A.myDuc))?.name, 'Công an xã Mỹ Đức');
  const justice = (await agency(A.justice))!;
  const office = (await agency(`${A.justice}.01`))!;
  assert.deepEqual(
    [office.kind, office.parent_code, office.path],
    ['justice', A.justice, `${justice.path}${office.agency_id}/`],
  );
  assert.equal(office.unit_id, justice.unit_id);
  const desks = await rt.deps.db
    .selectFrom('desks')
    .select('name')
    .where('agency_id', '=', office.agency_id)
    .execute();
  assert.deepEqual(desks, [], 'a department office gets no desk of its own');
  const moved = (await agency('H26.41'))!;
  const city = (await agency(A.city))!;
  assert.deepEqual([moved.parent_code, moved.path], [A.city, `${city.path}${moved.agency_id}/`]);

  const audits = await rt.deps.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'agency.import')
    .execute();
  assert.equal(audits.length, 1);
  const [audit] = audits;
  assert.equal(audit!.chain_key, city.agency_id);
  const details = audit!.details as {
    on: string;
    totals: unknown;
    changes: { line: number; outcome: string }[];
  };
  assert.equal(details.on, '2026-11-20');
  assert.deepEqual(
    details.changes.map((c) => [c.line, c.outcome]),
    [
      [2, 'recode'],
      [3, 'rename'],
      [4, 'create'],
      [7, 'create'],
      [8, 'move'],
    ],
  );
  assert.deepEqual(
    await rt.deps.db.selectFrom('dossiers').select(['dossier_id', 'code']).orderBy('dossier_id').execute(),
    dossiers,
  );
  // The registry shows what the import did.
  const read = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/agencies/H26.08.990',
    headers: { cookie: await as('demo-admin') },
  });
  assert.equal(read.json<AgencyDetail>().parent?.code, 'H26.08');
});

test('#16.2 the plan is made again when applied: what changed since the dry run counts', async () => {
  const rows = [`H26.08.991;Công an Xã Thanh Oai;H26.08;3;H26.08.990`];
  assert.equal((await dryRun('demo-admin', csv(rows))).json<AgencyImportPlanView>().ok, true);
  // Meanwhile the agency is re-coded by hand: the list's old code names nobody any more.
  const patched = await rt.app.inject({
    method: 'PATCH',
    url: '/api/v1/agencies/H26.08.990',
    headers: { cookie: await as('demo-admin') },
    payload: { code: 'H26.08.992' },
  });
  assert.equal(patched.statusCode, 200, patched.body);
  const res = await apply('demo-admin', csv(rows));
  assert.equal(res.statusCode, 400, res.body);
  assert.deepEqual(
    (errorOf(res).details as unknown as { path: string; code: string }[]).map((d) => [d.path, d.code]),
    [['body/rows/0/oldCode', 'AGENCY_OLD_CODE_UNKNOWN']],
  );
  assert.ok(await agency('H26.08.992'));
});

test('#16.2 an XLSX list with English headers: codes in the QCVN form are read and checked as well', async () => {
  const bytes = await buildXlsx({
    sheetName: 'Codes',
    title: 'Agency codes',
    created: new Date('2026-11-20T02:00:00Z'),
    packagedAt: new Date('2026-11-20T02:00:00Z'),
    columns: [
      { header: 'Code', width: 20 },
      { header: 'Name', width: 40 },
      { header: 'Parent code', width: 20 },
      { header: 'Old code', width: 20 },
    ],
    rows: [
      // The city takes the legacy form, and a new office is coded under it in the same form.
      ['000.00.00.H26', 'Ủy ban nhân dân Thành phố Hà Nội', '', A.city],
      ['000.00.33.H26', 'Phòng Tài chính – Kế hoạch thử nghiệm', '000.00.00.H26', ''],
      // A level-3 group under no level-2 body.
      ['000.12.00.H26', 'Mã có nhóm trống', '000.00.00.H26', ''],
    ],
  });
  const res = await dryRun('demo-admin', Buffer.from(bytes), XLSX_MEDIA_TYPE);
  assert.equal(res.statusCode, 200, res.body);
  const plan = res.json<AgencyImportPlanView>();
  assert.equal(plan.format, 'xlsx');
  assert.deepEqual(
    plan.items.map((i) => [i.line, i.code, i.outcome, i.kind, i.unitCode]),
    [
      [2, '000.00.00.H26', 'recode', null, null],
      [3, '000.00.33.H26', 'create', 'finance-planning', '01'],
      [4, '000.12.00.H26', 'error', null, null],
    ],
  );
  assert.deepEqual(
    plan.problems.map((p) => [p.line, p.path, p.code]),
    [[4, 'rows[2].code', 'AGENCY_CODE_QCVN_GAP']],
  );
});

test('#16.2 only province administrators import, for their own province; files are CSV or XLSX of at most 5 MB', async () => {
  const rows = csv([`${A.justice};Sở Tư pháp Thành phố Hà Nội;${A.city};2;`]);
  for (const user of ['admin.hoan-kiem', 'leader.hang-trong', 'auditor.ha-noi']) {
    const res = await dryRun(user, rows);
    assert.equal(res.statusCode, 403, `${user}: ${res.body}`);
  }
  // Đà Nẵng's administrator plans for Đà Nẵng: every Hà Nội code is another province's.
  const other = (await dryRun('admin.quang-nam', rows)).json<AgencyImportPlanView>();
  assert.equal(other.provinceCode, '48');
  assert.deepEqual(
    other.problems.map((p) => [p.path, p.code]),
    [
      ['rows[0].code', 'AGENCY_CODE_OTHER_PROVINCE'],
      ['rows[0].parentCode', 'AGENCY_PARENT_MISSING'],
    ],
  );
  assert.equal(other.ok, false);
  const named = await send('demo-admin', '/api/v1/agencies/import/dry-run?provinceCode=48', rows);
  assert.equal(errorOf(named).reason, 'ORG_AGENCY_OUT_OF_REACH');

  const json = await send('demo-admin', '/api/v1/agencies/import/dry-run', '{"rows":[]}', 'application/json');
  assert.equal(json.statusCode, 415, json.body);
  assert.equal(errorOf(json).reason, 'ORG_AGENCY_IMPORT_MEDIA_TYPE');
  const text = await send('demo-admin', '/api/v1/agencies/import', 'code;name', 'text/plain');
  assert.equal(errorOf(text).reason, 'ORG_AGENCY_IMPORT_MEDIA_TYPE');
  const big = await dryRun('demo-admin', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41));
  assert.equal(big.statusCode, 413, big.body);
  // A file that is no code list: the dry run says why; the import refuses it.
  const none = (await dryRun('demo-admin', 'a;b\n1;2\n')).json<AgencyImportPlanView>();
  assert.deepEqual(
    [none.ok, none.items.length, none.problems.map((p) => p.code)],
    [false, 0, ['AGENCY_IMPORT_NO_HEADER']],
  );
  assert.equal(errorOf(await apply('demo-admin', 'a;b\n1;2\n')).reason, 'ORG_AGENCY_IMPORT_INVALID');
});
