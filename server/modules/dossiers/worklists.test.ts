// #14 The worklists: rows as the officer needs them, sort, every filter, search with and without
// diacritics, keyset paging (no row twice or missing under ties), saved preferences, the Excel export
// read back, its limit, bulk actions answered per dossier, and who sees what.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { sql } from 'kysely';
import { ORIGIN } from '../../test/http.ts';
import { funeralSupportAtCounter } from '../../test/fixtures.ts';
import { peoplesCommittee, userId } from '../../test/seeded.ts';
import { EXPORT_ROW_LIMIT, WORKLIST_SORTS } from '../../../common/dossiers/worklists.ts';
import { journeyKit, type View } from './test-kit.ts';

const { kit, cookies, as, getAs, intake, act } = journeyKit();

type Item = {
  code: string;
  status: string;
  procedureCode: string;
  procedureName: string;
  fieldName: string | null;
  channel: string;
  applicantName: string;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  extendedDueAt: string | null;
  stepDueAt: string | null;
  currentStep: { index: number; name: string };
  handler: { name: string } | null;
  currentAgency: { code: string; name: string };
  version: number;
};
type List = { items: Item[]; total: number; totalExact: boolean; nextCursor: string | null };

const list = async (user: string, query: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const res = await getAs(user, `/api/v1/dossiers?${params}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<List>();
};

/** Every row of a list, page after page by cursor. */
async function allPages(user: string, query: Record<string, string | number | undefined>, pageSize: number) {
  const rows: Item[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 500; guard++) {
    const page = await list(user, { ...query, pageSize, after });
    assert.ok(page.items.length <= pageSize);
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    assert.equal(page.items.length, pageSize, 'a page before the last is full');
    after = page.nextCursor;
  }
  throw new Error('paging did not end');
}

const DESK = 'desk.hang-trong';
/** The receiving agency's identifier a dossier code starts with (`H26.104` of `H26.104-261120-0001`). */
const agencyPart = (code: string) => code.slice(0, code.indexOf('-'));
const codes = { huong: '', duc: '', anh: '' };
/** Codes of the copies made for paging under ties. */
const copies: string[] = [];

let made: Promise<void> | null = null;
/** The dossiers the tests read, made once, in the first test (the kit's runtime is open by then). */
const ready = () => (made ??= setUp());
async function setUp() {
  // Friday 20 November 2026, 09:00 in Hà Nội.
  const huong = (await intake(DESK)).json<View>();
  codes.huong = huong.code;
  const specialist = await userId(kit.rt.deps.db, 'specialist.hang-trong');
  assert.equal((await act(DESK, huong.code, 'forward', { nextAssigneeId: specialist })).statusCode, 200);
  const duc = await intake(DESK, {
    ...funeralSupportAtCounter(kit.hangTrong),
    applicant: {
      kind: 'person',
      fullName: 'Trần Văn Đức',
      idNumber: '001085000111',
      phone: '0987654321',
    },
  });
  assert.equal(duc.statusCode, 201, duc.body);
  codes.duc = duc.json<View>().code;
  kit.clock.set('2026-11-23T03:00:00Z'); // Monday 10:00
  cookies.clear(); // the sessions of Friday have expired
  const anh = await intake(DESK, {
    applicant: { kind: 'person', fullName: 'Lê Thị Ánh', idNumber: '001192009876', phone: '0911222333' },
  });
  assert.equal(anh.statusCode, 201, anh.body);
  codes.anh = anh.json<View>().code;
  // Copies of Ánh's dossier with few distinct sort keys (ties everywhere), some online.
  const submitted = ['2026-11-23T03:00:00Z', '2026-11-23T03:00:00.123456Z', '2026-11-24T01:00:00Z'];
  const dues = [null, '2026-11-27T03:00:00Z', '2026-11-27T03:00:00Z', '2026-12-01T10:00:00Z'];
  const agencyPrefix = agencyPart(codes.anh);
  for (let i = 0; i < 24; i++) {
    const code = `${agencyPrefix}-261101-${String(9000 + i)}`;
    copies.push(code);
    await sql`INSERT INTO dossiers (code, procedure_version_id, procedure_code, case_key, channel, receiving_agency_id, received_by_agency_id,
        competent_agency_id, current_agency_id, step_agencies, workflow, applicant, applicant_id_number, applicant_search,
        form_data, components, state, status, version, assignee_user_id, submitted_at, received_at, due_at,
        extended_due_at, step_due_at, calendar_version, created_by, updated_at)
      SELECT ${code}, procedure_version_id, procedure_code, case_key, ${i % 3 === 0 ? 'online' : 'direct'},
        receiving_agency_id, receiving_agency_id, competent_agency_id, current_agency_id, step_agencies, workflow, applicant,
        applicant_id_number, applicant_search, form_data, components, state, status, version, assignee_user_id,
        ${submitted[i % 3]}::timestamptz, received_at, ${dues[i % 4]}::timestamptz, NULL,
        ${dues[(i + 1) % 4]}::timestamptz, calendar_version, created_by, updated_at
      FROM dossiers WHERE code = ${codes.anh}`.execute(kit.rt.deps.db);
    await sql`INSERT INTO dossier_agencies (dossier_id, agency_id)
      SELECT n.dossier_id, da.agency_id FROM dossier_agencies da JOIN dossiers o ON o.dossier_id = da.dossier_id
      CROSS JOIN (SELECT dossier_id FROM dossiers WHERE code = ${code}) n WHERE o.code = ${codes.anh}`.execute(
      kit.rt.deps.db,
    );
  }
}

test('#14 worklist rows carry the procedure name, channel, times, the current step and its handler', async () => {
  await ready();
  const page = await list(DESK, { q: codes.huong });
  const row = page.items.find((i) => i.code === codes.huong);
  assert.ok(row, JSON.stringify(page));
  assert.equal(row.procedureCode, '1.001193');
  assert.match(row.procedureName, /khai sinh/i);
  assert.notEqual(row.procedureName, row.procedureCode);
  assert.equal(row.channel, 'direct');
  assert.equal(row.applicantName, 'Nguyễn Thị Hường');
  assert.ok(row.receivedAt && row.dueAt);
  assert.equal(
    row.handler?.name,
    (
      await kit.rt.deps.db
        .selectFrom('users')
        .select('full_name')
        .where('username', '=', 'specialist.hang-trong')
        .executeTakeFirstOrThrow()
    ).full_name,
  );
  assert.equal(row.currentStep.index, 1);
  assert.ok(row.currentStep.name.length > 0);
  // The step's due time is the view's due time of the current step.
  const view = (await getAs(DESK, `/api/v1/dossiers/${codes.huong}`)).json<View>();
  assert.equal(row.stepDueAt, view.steps[1]!.dueAt);
  assert.ok(row.stepDueAt !== null && row.dueAt !== null && row.stepDueAt <= row.dueAt);
  assert.equal(page.totalExact, true);
});

const keyOf = (sort: string, i: Item): string =>
  sort === 'code'
    ? i.code
    : sort === 'received'
      ? i.submittedAt
      : sort === 'due'
        ? (i.extendedDueAt ?? i.dueAt ?? '9999')
        : (i.stepDueAt ?? '9999');

test('#14 worklist sorts by received, due, step due and code, both ways', async () => {
  await ready();
  for (const sort of WORKLIST_SORTS) {
    for (const dir of ['asc', 'desc'] as const) {
      const rows = (await list(DESK, { sort, dir, pageSize: 500 })).items;
      assert.ok(rows.length >= 27, `${sort}: ${rows.length}`);
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [keyOf(sort, rows[i - 1]!), keyOf(sort, rows[i]!)];
        assert.ok(dir === 'asc' ? a <= b : a >= b, `${sort} ${dir} at ${i}: ${a} then ${b}`);
      }
    }
  }
  const bad = await getAs(DESK, '/api/v1/dossiers?sort=name');
  assert.equal(bad.statusCode, 400);
});

test('#14 keyset paging gives every row once, under ties, in every order and page size', async () => {
  await ready();
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...WORKLIST_SORTS),
      fc.constantFrom('asc', 'desc'),
      fc.integer({ min: 1, max: 9 }),
      fc.constantFrom(undefined, 'agency', 'to-receive'),
      async (sort, dir, pageSize, listName) => {
        const whole = (await list(DESK, { sort, dir, list: listName, pageSize: 500 })).items.map(
          (i) => i.code,
        );
        const paged = (await allPages(DESK, { sort, dir, list: listName }, pageSize)).map((i) => i.code);
        assert.deepEqual(paged, whole);
        assert.equal(new Set(paged).size, paged.length);
      },
    ),
    { numRuns: 12 },
  );
  // A cursor of another order is refused, naming the parameter.
  const first = await list(DESK, { sort: 'due', pageSize: 2 });
  const other = await getAs(DESK, `/api/v1/dossiers?sort=code&after=${first.nextCursor}`);
  assert.equal(other.statusCode, 400);
  assert.match(other.body, /querystring\/after/);
  assert.equal((await getAs(DESK, '/api/v1/dossiers?after=bm90LWEtY3Vyc29y')).statusCode, 400);
  // The legacy page numbers still page.
  const p2 = await list(DESK, { sort: 'code', pageSize: 5, page: 2 });
  const all = await list(DESK, { sort: 'code', pageSize: 500 });
  assert.deepEqual(
    p2.items.map((i) => i.code),
    all.items.slice(5, 10).map((i) => i.code),
  );
});

test("#14 the city leader's list spans its wards: merged per agency, every page in due order, as one sort of them all gives", async () => {
  await ready();
  const db = kit.rt.deps.db;
  // leader.hoan-kiem leads at UBND Thành phố Hà Nội, the one level above the wards since 1/7/2025.
  const leader = 'leader.hoan-kiem';
  // Copies of Ánh's dossier at Phường Cửa Nam too, due at the same times as those at Phường Hoàn Kiếm
  // (ties across agencies), one of them closed (not in the list).
  const cuaNam = await sql<{ agency_id: string }>`SELECT agency_id FROM agencies
    WHERE code = ${await peoplesCommittee(db, '00082')}`.execute(db);
  const bac = cuaNam.rows[0]!.agency_id;
  const dues = [null, '2026-11-27T03:00:00Z', '2026-12-01T10:00:00Z'];
  for (let i = 0; i < 9; i++) {
    const code = `${agencyPart(codes.anh)}-261102-${String(9100 + i)}`;
    await sql`INSERT INTO dossiers (code, procedure_version_id, procedure_code, case_key, channel, receiving_agency_id, received_by_agency_id,
        competent_agency_id, current_agency_id, step_agencies, workflow, applicant, applicant_id_number, applicant_search,
        form_data, components, state, status, version, assignee_user_id, submitted_at, received_at, due_at,
        extended_due_at, step_due_at, calendar_version, created_by, updated_at, closed_at)
      SELECT ${code}, procedure_version_id, procedure_code, case_key, channel, ${bac}, ${bac}, ${bac}, ${bac}, step_agencies,
        workflow, applicant, applicant_id_number, applicant_search, form_data, components, state, status, version,
        NULL, submitted_at, received_at, ${dues[i % 3]}::timestamptz, NULL, NULL, calendar_version, created_by,
        updated_at, ${i === 4 ? '2026-11-24T01:00:00Z' : null}::timestamptz
      FROM dossiers WHERE code = ${codes.anh}`.execute(db);
    await sql`INSERT INTO dossier_agencies (dossier_id, agency_id)
      SELECT dossier_id, ${bac} FROM dossiers WHERE code = ${code}`.execute(db);
  }
  // The oracle: every open dossier at an agency of the city's units, sorted at once.
  const city = await sql<{
    path: string;
  }>`SELECT u.path FROM users us JOIN user_roles r ON r.user_id = us.user_id
    JOIN agencies a ON a.agency_id = r.agency_id JOIN units u ON u.unit_id = a.unit_id
    WHERE us.username = ${leader} AND r.role = 'leader'`.execute(db);
  const expected = async (dir: 'asc' | 'desc') =>
    (
      await sql<{
        code: string;
      }>`SELECT d.code FROM dossiers d JOIN agencies a ON a.agency_id = d.current_agency_id
        JOIN units u ON u.unit_id = a.unit_id
        WHERE d.closed_at IS NULL AND u.path LIKE ${city.rows[0]!.path + '%'}
        ORDER BY COALESCE(d.extended_due_at, d.due_at, '9999-12-31 00:00:00+00'::timestamptz) ${sql.raw(dir)},
          d.dossier_id ${sql.raw(dir)}`.execute(db)
    ).rows.map((r) => r.code);
  for (const dir of ['asc', 'desc'] as const) {
    const want = await expected(dir);
    assert.ok(want.length >= 30, `${want.length}`);
    assert.ok(want.some((c) => c.includes('-261102-')) && want.some((c) => c.includes('-261101-')));
    const whole = (await list(leader, { list: 'agency', sort: 'due', dir, pageSize: 500 })).items;
    assert.deepEqual(
      whole.map((i) => i.code),
      want,
      dir,
    );
  }
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('asc', 'desc'),
      fc.integer({ min: 1, max: 9 }),
      async (dir, pageSize) => {
        const want = await expected(dir);
        const byCursor = await allPages(leader, { list: 'agency', sort: 'due', dir }, pageSize);
        assert.deepEqual(
          byCursor.map((i) => i.code),
          want,
        );
        // By page number (offset) too.
        const second = await list(leader, { list: 'agency', sort: 'due', dir, pageSize, page: 2 });
        assert.deepEqual(
          second.items.map((i) => i.code),
          want.slice(pageSize, 2 * pageSize),
        );
      },
    ),
    { numRuns: 8 },
  );
});

test('#14 every filter narrows the list to what it names', async () => {
  await ready();
  const all = (await list(DESK, { pageSize: 500 })).items;
  const check = async (query: Record<string, string>, keep: (i: Item) => boolean, expect: string[]) => {
    const rows = (await list(DESK, { ...query, pageSize: 500 })).items;
    assert.deepEqual(
      rows.map((i) => i.code).sort(),
      all
        .filter(keep)
        .map((i) => i.code)
        .sort(),
      JSON.stringify(query),
    );
    for (const code of expect)
      assert.ok(
        rows.some((r) => r.code === code),
        `${JSON.stringify(query)}: ${code}`,
      );
    assert.ok(rows.length < all.length, `${JSON.stringify(query)} narrows`);
  };
  await check({ procedureCode: '1.001731' }, (i) => i.procedureCode === '1.001731', [codes.duc]);
  await check({ channel: 'online' }, (i) => i.channel === 'online', [copies[0]!]);
  await check({ status: 'processing' }, (i) => i.status === 'processing', [codes.huong]);
  const field = all.find((i) => i.code === codes.duc)!.fieldName;
  const birthField = all.find((i) => i.code === codes.huong)!.fieldName;
  assert.ok(field && birthField);
  if (field !== birthField) await check({ field }, (i) => i.fieldName === field, [codes.duc]);
  await check({ field: birthField }, (i) => i.fieldName === birthField, [codes.huong]);
  // Submitted on Friday 20 November (Vietnamese day) only.
  await check(
    { from: '2026-11-20', to: '2026-11-20' },
    (i) => i.submittedAt >= '2026-11-19T17:00:00.000Z' && i.submittedAt < '2026-11-20T17:00:00.000Z',
    [codes.huong, codes.duc],
  );
  await check({ from: '2026-11-24' }, (i) => i.submittedAt >= '2026-11-23T17:00:00.000Z', [copies[2]!]);
  // The city leader's agency filter: dossiers at the ward's committee, below the city.
  const leader = 'leader.hoan-kiem';
  const underWard = (await list(leader, { underAgency: kit.hangTrong, pageSize: 500 })).items;
  assert.ok(underWard.some((i) => i.code === codes.duc));
  assert.ok(underWard.every((i) => i.currentAgency.code === kit.hangTrong));
  const unknown = await getAs(leader, '/api/v1/dossiers?underAgency=000.00.00.H99');
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /underAgency/);
  // Another province's agency as the filter: nothing of Hà Nội comes out of its reach.
  assert.equal((await list('desk.quan-3', { underAgency: kit.hangTrong })).total, 0);
});

test('#14 search by name with or without diacritics, by ID number and by code', async () => {
  await ready();
  const find = async (q: string) => (await list(DESK, { q, pageSize: 500 })).items.map((i) => i.code);
  for (const q of ['Trần Văn Đức', 'tran van duc', 'TRAN DUC', 'đức trần', '001085000111', '85000111']) {
    const found = await find(q);
    assert.deepEqual(found, [codes.duc], q);
  }
  assert.ok((await find('le thi anh')).includes(codes.anh));
  assert.ok((await find('Lê Thị Ánh')).includes(codes.anh));
  assert.deepEqual(await find(codes.huong), [codes.huong]);
  assert.deepEqual(await find(codes.huong.slice(-11).toLowerCase()), [codes.huong]);
  assert.deepEqual(await find('khong co ai ten nay'), []);
  // The count of a search's matches (counted along with its first page): on the first page, on a page
  // past the end (counted on its own), and by cursor; equal to the matches listed whole.
  const all = await find('le thi anh');
  assert.ok(all.length > 5, `${all.length}`);
  const first = await list(DESK, { q: 'le thi anh', pageSize: 2 });
  assert.equal(first.items.length, 2);
  assert.deepEqual([first.total, first.totalExact], [all.length, true]);
  const past = await list(DESK, { q: 'le thi anh', pageSize: 2, page: 400 });
  assert.deepEqual([past.items.length, past.total], [0, all.length]);
  const next = await list(DESK, { q: 'le thi anh', pageSize: 2, after: first.nextCursor! });
  assert.equal(next.total, all.length);
  assert.equal((await list(DESK, { q: 'khong co ai ten nay' })).total, 0);
});

test('#14 the worklist settings are saved per officer and restored', async () => {
  await ready();
  const put = async (user: string, body: Record<string, unknown>) =>
    kit.rt.app.inject({
      method: 'PUT',
      url: '/api/v1/dossiers/worklist-preferences',
      headers: { cookie: await as(user), origin: ORIGIN },
      payload: body,
    });
  const read = async (user: string) =>
    (await getAs(user, '/api/v1/dossiers/worklist-preferences')).json<{ preferences: unknown }>();
  assert.deepEqual(await read('specialist.hang-trong'), { preferences: null });
  const saved = { list: 'mine', sort: 'step-due', dir: 'desc', channel: 'online', procedureCode: '1.001193' };
  assert.equal((await put('specialist.hang-trong', saved)).statusCode, 200);
  assert.deepEqual(await read('specialist.hang-trong'), { preferences: saved });
  assert.equal((await put('specialist.hang-trong', { list: 'agency' })).statusCode, 200);
  assert.deepEqual(await read('specialist.hang-trong'), { preferences: { list: 'agency' } });
  // One officer's settings are not another's.
  assert.deepEqual(await read('desk.hang-trong'), { preferences: null });
  // Bad settings are refused, naming the fields; nothing is saved.
  const bad = await put('specialist.hang-trong', { list: 'everything', sort: 'name' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /list/);
  const none = await put('specialist.hang-trong', {});
  assert.equal(none.statusCode, 400, 'the settings always name the list');
  assert.match(none.body, /body\/list/);
  assert.deepEqual(await read('specialist.hang-trong'), { preferences: { list: 'agency' } });
  const anon = await kit.rt.app.inject({ method: 'GET', url: '/api/v1/dossiers/worklist-preferences' });
  assert.equal(anon.statusCode, 401);
});

test('#14 the filter options are the procedures and agencies within reach', async () => {
  await ready();
  type Options = { procedures: { code: string }[]; fields: string[]; agencies: { code: string }[] };
  const desk = (await getAs(DESK, '/api/v1/dossiers/worklist-options')).json<Options>();
  assert.ok(desk.procedures.some((p) => p.code === '1.001193'));
  assert.deepEqual(
    desk.agencies.map((a) => a.code),
    [kit.hangTrong],
  );
  const leader = (await getAs('leader.hoan-kiem', '/api/v1/dossiers/worklist-options')).json<Options>();
  assert.ok(leader.agencies.some((a) => a.code === kit.hangTrong));
  assert.ok(leader.agencies.length > 2);
  const hcm = (await getAs('desk.quan-3', '/api/v1/dossiers/worklist-options')).json<Options>();
  assert.ok(!hcm.agencies.some((a) => a.code === kit.hangTrong));
});

async function readXlsx(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

test('#14 Xuất Excel: the filtered list as an .xlsx with Vietnamese headers, the same rows in the same order', async () => {
  await ready();
  const query = 'sort=code&dir=desc&channel=direct';
  const shown = (await list(DESK, { sort: 'code', dir: 'desc', channel: 'direct', pageSize: 500 })).items;
  const res = await getAs(DESK, `/api/v1/dossiers/export?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  assert.match(
    String(res.headers['content-disposition']),
    /attachment; filename="danh-sach-ho-so-\d{8}\.xlsx"/,
  );
  const rows = await readXlsx(res.rawPayload);
  const [header, ...body] = rows;
  assert.deepEqual(header!.slice(0, 7), [
    'Mã hồ sơ',
    'Thủ tục hành chính',
    'Mã thủ tục',
    'Lĩnh vực',
    'Người nộp',
    'Số định danh',
    'Kênh nộp',
  ]);
  assert.deepEqual(
    body.map((r) => r[0]),
    shown.map((i) => i.code),
  );
  const duc = body.find((r) => r[0] === codes.duc)!;
  assert.equal(duc[4], 'Trần Văn Đức');
  assert.equal(duc[5], '001085000111');
  assert.equal(duc[6], 'Trực tiếp');
  assert.equal(duc[1], shown.find((i) => i.code === codes.duc)!.procedureName);
  // Times are dates in Vietnamese civil time: Friday 20 November 2026, 09:00.
  const submitted = duc[7] as Date;
  assert.ok(submitted instanceof Date);
  assert.equal(submitted.toISOString(), '2026-11-20T09:00:00.000Z');
  // Another province's desk exports nothing of Hà Nội.
  const other = await readXlsx(
    (await getAs('desk.quan-3', `/api/v1/dossiers/export?q=${codes.duc}`)).rawPayload,
  );
  assert.equal(other.length, 1);
  assert.equal((await getAs(DESK, '/api/v1/dossiers/export?page=2')).statusCode, 400);
});

test('#14 authorisation: another province sees none of these dossiers; a ward desk only its reach', async () => {
  await ready();
  const ours = [codes.huong, codes.duc, codes.anh];
  for (const user of ['desk.quan-3', 'desk.tay-giang']) {
    const rows = (await list(user, { pageSize: 500 })).items.map((i) => i.code);
    for (const code of ours) assert.ok(!rows.includes(code), `${user} sees ${code}`);
    assert.equal((await list(user, { q: 'tran van duc' })).total, 0);
  }
  // Phường Cửa Nam's desk, in the same city, does not reach Phường Hoàn Kiếm's dossiers; the city's leader does.
  assert.equal((await list('desk.hang-bac', { q: codes.duc })).total, 0);
  assert.equal((await list('leader.hoan-kiem', { q: codes.duc })).total, 1);
  // A leader's "at my agency" holds its agency and those below it; a desk's, its own agency only.
  const city = (await list('leader.hoan-kiem', { list: 'agency', pageSize: 500 })).items.map((i) => i.code);
  assert.ok(city.includes(codes.duc) && city.includes(codes.huong));
  const cityDesk = (await list('desk.hoan-kiem', { list: 'agency', pageSize: 500 })).items.map((i) => i.code);
  assert.ok(!cityDesk.includes(codes.duc));
  assert.ok((await list(DESK, { list: 'agency', pageSize: 500 })).items.some((i) => i.code === codes.duc));
  assert.equal((await kit.rt.app.inject({ method: 'GET', url: '/api/v1/dossiers/export' })).statusCode, 401);
});

test('#14 an export above the limit is refused, naming the limit', async () => {
  await ready();
  const db = kit.rt.deps.db;
  // EXPORT_ROW_LIMIT copies of one dossier with their agencies (the reach follows them), on days of
  // their own: with the rows above, the desk's list is longer than one export may be.
  const prefix = agencyPart(codes.anh);
  await sql`INSERT INTO dossiers (code, procedure_version_id, procedure_code, case_key, channel, receiving_agency_id, received_by_agency_id,
      competent_agency_id, current_agency_id, step_agencies, workflow, applicant, applicant_id_number, applicant_search,
      form_data, components, state, status, version, assignee_user_id, submitted_at, received_at, due_at,
      extended_due_at, step_due_at, calendar_version, created_by, updated_at)
    SELECT ${prefix} || '-2611' || lpad((10 + g / 9000)::text, 2, '0') || '-' || lpad((g % 9000 + 1)::text, 4, '0'),
      procedure_version_id, procedure_code, case_key, channel, receiving_agency_id, receiving_agency_id, competent_agency_id,
      current_agency_id, step_agencies, workflow, applicant, applicant_id_number, applicant_search, form_data,
      components, state, status, version, assignee_user_id, submitted_at, received_at, due_at, extended_due_at,
      step_due_at, calendar_version, created_by, updated_at
    FROM dossiers, generate_series(0, ${EXPORT_ROW_LIMIT - 1}::int) g WHERE code = ${codes.anh}`.execute(db);
  await sql`INSERT INTO dossier_agencies (dossier_id, agency_id)
    SELECT n.dossier_id, da.agency_id FROM dossier_agencies da JOIN dossiers o ON o.dossier_id = da.dossier_id
    JOIN dossiers n ON n.code LIKE ${prefix + '-%'} AND n.code ~ '-26111[0-5]-'
    WHERE o.code = ${codes.anh}`.execute(db);
  const res = await getAs(DESK, '/api/v1/dossiers/export');
  assert.equal(res.statusCode, 422, res.body.slice(0, 300));
  const envelope = res.json<{ error: { reason: string; message: string } }>().error;
  assert.equal(envelope.reason, 'DOSSIER_EXPORT_TOO_LARGE');
  assert.match(envelope.message, new RegExp(String(EXPORT_ROW_LIMIT)));
  // Narrowed to the real dossiers, the export is made.
  const narrowed = await getAs(DESK, '/api/v1/dossiers/export?to=2026-11-20');
  assert.equal(narrowed.statusCode, 200, narrowed.body.slice(0, 300));
  // The list says it counted only so far.
  const counted = await list(DESK, {});
  assert.equal(counted.totalExact, false);
});
