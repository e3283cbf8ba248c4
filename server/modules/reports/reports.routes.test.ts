// The leader's overview through the HTTP API: dossiers with known outcomes are received and worked
// at Phường Hoàn Kiếm and Phường Cửa Nam (the wards of desk.hang-trong and desk.hang-bac on the map in
// force since 1/7/2025) with a hand-moved clock, then the figures are read back by leaders,
// administrators and auditors of different reach.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { funeralSupportAtCounter } from '../../test/fixtures.ts';
import { receiveBirthAt } from '../../test/dossier-kit.ts';
import { grantReachesAgency } from '../org/org.policy.ts';
import type { OverviewFigures, OverviewResponse } from '../../../common/contracts/reports.ts';
import { peoplesCommittee, userId } from '../../test/seeded.ts';

// Friday 30 October 2026, 14:00 in Hà Nội.
const clock = manualClock('2026-10-30T07:00:00Z');
let rt: TestRuntime;
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};
const agencyCodes = new Map<string, string>();
const userIds = new Map<string, string>();

const committee = (unitCode: string) => peoplesCommittee(rt.deps.db, unitCode);

before(async () => {
  // Sessions outlive the week the clock walks through.
  rt = await createTestRuntime({ clock, config: { sessionTtlHours: 24 * 30 } });
  agencyCodes.set('hang-trong', await committee('00070'));
  agencyCodes.set('hang-bac', await committee('00082'));
  // The accounts of the former Quận Hoàn Kiếm work at the city's committee, the one level above the wards.
  agencyCodes.set('hoan-kiem', await committee('01'));
  for (const u of ['specialist.hang-trong', 'leader.hang-trong']) {
    userIds.set(u, await userId(rt.deps.db, u));
  }
});
after(() => rt.close());

const HANG_TRONG = () => agencyCodes.get('hang-trong')!;
const HANG_BAC = () => agencyCodes.get('hang-bac')!;

/** A birth registration (1 working day) received at the desk of `ward`; returns its code. */
async function receiveBirth(desk: string, agencyCode: string): Promise<string> {
  return (await receiveBirthAt(rt.app, await as(desk), agencyCode)).code;
}

/** Support with funeral costs (3 working days) at Phường Hoàn Kiếm. */
async function receiveFuneralSupport(): Promise<{ code: string; dueAt: string }> {
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await as('desk.hang-trong') },
    payload: funeralSupportAtCounter(HANG_TRONG()),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ code: string; dueAt: string }>();
}

async function act(user: string, code: string, action: string, body: Record<string, unknown> = {}) {
  const view = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}`,
    headers: { cookie: await as(user) },
  });
  assert.equal(view.statusCode, 200, view.body);
  const res = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers: { cookie: await as(user), 'if-match': String(view.json<{ version: number }>().version) },
    payload: body,
  });
  assert.equal(res.statusCode, 200, `${user} ${action} ${code}: ${res.body}`);
  return res.json<{ status: string; dueAt: string | null }>();
}

/** Forward `user`'s step, naming the next handler when the next step asks for one. */
async function forward(user: string, code: string, next: string) {
  const allowed = (
    await rt.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { cookie: await as(user) },
    })
  ).json<{ items: { kind: string; inputs: { properties?: Record<string, unknown> } }[] }>();
  const fwd = allowed.items.find((a) => a.kind === 'forward');
  assert.ok(fwd, `${user} may forward ${code}: ${JSON.stringify(allowed.items.map((a) => a.kind))}`);
  const named = fwd.inputs.properties && 'nextAssigneeId' in fwd.inputs.properties;
  return act(user, code, 'forward', named ? { nextAssigneeId: userIds.get(next)! } : {});
}

/** Desk → specialist → the leader's approval step. */
async function toApproval(code: string) {
  await forward('desk.hang-trong', code, 'specialist.hang-trong');
  const s = await forward('specialist.hang-trong', code, 'leader.hang-trong');
  assert.equal(s.status, 'processing');
}

const approve = (code: string) =>
  act('leader.hang-trong', code, 'approve', {
    resultDate: '2025-07-01',
    signer: 'Trần Quốc Việt',
    resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }],
  });

async function overview(user: string | null, query = '') {
  return rt.app.inject({
    method: 'GET',
    url: `/api/v1/reports/overview${query}`,
    headers: user ? { cookie: await as(user) } : {},
  });
}

async function overviewOk(user: string, query = ''): Promise<OverviewResponse> {
  const res = await overview(user, query);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<OverviewResponse>();
}

function statusCounts(f: OverviewFigures): Record<string, number> {
  return Object.fromEntries(f.byStatus.filter((s) => s.count > 0).map((s) => [s.status, s.count]));
}

const ZERO_FINISHED = { total: 0, early: 0, onTime: 0, late: 0, noDueTime: 0 };

test('a week at two wards: received, worked early, on time and late, withdrawn, left overdue', async () => {
  // Friday 30 October 14:00: D0 comes in (due Monday 14:00) and reaches the leader the same afternoon.
  const d0 = await receiveBirth('desk.hang-trong', HANG_TRONG());
  await toApproval(d0);

  // Monday 2 November 09:00: six birth registrations, due Tuesday 09:00.
  clock.set('2026-11-02T02:00:00Z');
  // D5 is left alone: overdue from Tuesday 09:00.
  const [d1, d2, d3, d4, _d5, d7] = [
    await receiveBirth('desk.hang-trong', HANG_TRONG()),
    await receiveBirth('desk.hang-trong', HANG_TRONG()),
    await receiveBirth('desk.hang-trong', HANG_TRONG()),
    await receiveBirth('desk.hang-trong', HANG_TRONG()),
    await receiveBirth('desk.hang-trong', HANG_TRONG()),
    await receiveBirth('desk.hang-trong', HANG_TRONG()),
  ] as [string, string, string, string, string, string];
  // D4: the leader apologises at once (one full working day ahead) with a new appointment on Wednesday.
  const apology = await act('leader.hang-trong', d4, 'apologize', {
    reason: 'Cần xác minh thêm thông tin khai sinh',
    newDueAt: '2026-11-04T17:00:00+07:00',
  });
  assert.equal(apology.dueAt, '2026-11-03T02:00:00.000Z', 'the original due time stays');
  assert.equal(
    (await act('desk.hang-trong', d7, 'withdraw', { reason: 'Người nộp xin rút' })).status,
    'withdrawn',
  );

  clock.set('2026-11-02T02:30:00Z');
  for (const d of [d1, d2, d3, d4]) await toApproval(d);
  // Monday 10:00: D0 on its due day before its due time (on time), D1 a day before its due day (early).
  clock.set('2026-11-02T03:00:00Z');
  await approve(d0);
  await approve(d1);
  clock.set('2026-11-02T03:30:00Z');
  assert.equal(
    (
      await act('desk.hang-trong', d1, 'return-result', {
        channel: 'counter',
        recipientName: 'Nguyễn Thị Hường',
      })
    ).status,
    'returned',
  );
  // Tuesday 08:30: D2 on its due day, before 09:00 (on time). 10:00: D3 and D4 late (D4 despite the apology).
  clock.set('2026-11-03T01:30:00Z');
  await approve(d2);
  clock.set('2026-11-03T03:00:00Z');
  await approve(d3);
  await approve(d4);

  // Wednesday 4 November: D9 (3 working days, due next Monday), D6 and, at Cửa Nam, D8 (due Thursday).
  clock.set('2026-11-04T02:15:00Z');
  const d9 = await receiveFuneralSupport();
  assert.equal(d9.dueAt, '2026-11-09T02:15:00.000Z');
  clock.set('2026-11-04T02:30:00Z');
  const d6 = await receiveBirth('desk.hang-trong', HANG_TRONG());
  clock.set('2026-11-04T02:40:00Z');
  const d8 = await receiveBirth('desk.hang-bac', HANG_BAC());
  assert.ok(d6 && d8);

  // Wednesday 10:00: the leader of Phường Hoàn Kiếm reads this month.
  clock.set('2026-11-04T03:00:00Z');
  const ward = await overviewOk('leader.hang-trong');
  assert.equal(ward.month, '2026-11');
  assert.equal(ward.from, '2026-10-31T17:00:00.000Z');
  assert.equal(ward.to, '2026-11-30T17:00:00.000Z');
  assert.equal(ward.asOf, '2026-11-04T03:00:00.000Z');
  assert.deepEqual(
    ward.scope.map((a) => a.code),
    [HANG_TRONG()],
  );
  assert.equal(ward.agencies.length, 1);
  const row = ward.agencies[0]!;
  assert.equal(row.agency.code, HANG_TRONG());
  assert.equal(row.agency.name, 'Ủy ban nhân dân Phường Hoàn Kiếm');
  assert.equal(row.agency.unitName, 'Phường Hoàn Kiếm');
  // D1–D7 and D9 came in this month; D0 came in October.
  assert.equal(row.figures.inPeriod, 8);
  assert.deepEqual(statusCounts(row.figures), {
    received: 3, // D5, D6, D9
    withdrawn: 1, // D7
    'result-ready': 3, // D2, D3, D4
    returned: 1, // D1
  });
  assert.deepEqual(
    row.figures.byStatus.map((s) => [s.code, s.label]),
    [
      [1, 'Mới đăng ký, chờ tiếp nhận'],
      [2, 'Đã tiếp nhận'],
      [3, 'Từ chối tiếp nhận'],
      [4, 'Đang xử lý'],
      [5, 'Chờ bổ sung'],
      [6, 'Chờ thực hiện nghĩa vụ tài chính'],
      [7, 'Dừng thực hiện theo đề nghị (rút hồ sơ)'],
      [8, 'Dừng xử lý'],
      [9, 'Đã xử lý xong, chờ trả kết quả'],
      [10, 'Đã trả kết quả'],
    ],
  );
  assert.equal(row.figures.overdue, 1, 'D5, due Tuesday 09:00');
  assert.equal(row.figures.dueSoon, 1, 'D6, due Thursday 09:30; D9 is due next Monday');
  // Results this month: D0 on time, D1 early, D2 on time, D3 and D4 late.
  assert.deepEqual(row.figures.finished, { total: 5, early: 1, onTime: 2, late: 2, noDueTime: 0 });
  assert.equal(row.figures.onTimeRate, 0.6);
  assert.deepEqual(ward.totals, row.figures);
  assert.equal(ward.agenciesWithDesk, 1);
  assert.deepEqual(ward.agenciesWithoutDossiers, []);

  // The same when the ward is asked for by code.
  const byCode = await overviewOk('leader.hang-trong', `?agencyCode=${HANG_TRONG()}&month=2026-11`);
  assert.deepEqual(byCode.totals, ward.totals);

  // October: only D0 came in (its result is November's); what is due or overdue is always as of now.
  const october = await overviewOk('leader.hang-trong', '?month=2026-10');
  assert.equal(october.totals.inPeriod, 1);
  assert.deepEqual(statusCounts(october.totals), { 'result-ready': 1 });
  assert.deepEqual(october.totals.finished, ZERO_FINISHED);
  assert.equal(october.totals.onTimeRate, null);
  assert.equal(october.totals.overdue, 1);
  assert.equal(october.totals.dueSoon, 1);

  // September: nothing at all, and the ward is listed as not using the system.
  const september = await overviewOk('leader.hang-trong', '?month=2026-09');
  assert.equal(september.totals.inPeriod, 0);
  assert.equal(september.totals.onTimeRate, null);
  assert.deepEqual(
    september.agencies.map((a) => a.agency.code),
    [HANG_TRONG()],
    'still listed: its open dossiers are overdue or due soon now',
  );
  assert.deepEqual(
    september.agenciesWithoutDossiers.map((a) => a.code),
    [HANG_TRONG()],
  );

  // The city's leader reaches both wards; the city's own committee received nothing this month.
  const city = await overviewOk('leader.hoan-kiem', '?month=2026-11');
  assert.deepEqual(city.agencies.map((a) => a.agency.code).sort(), [HANG_BAC(), HANG_TRONG()].sort());
  const bac = city.agencies.find((a) => a.agency.code === HANG_BAC())!.figures;
  assert.equal(bac.inPeriod, 1);
  assert.deepEqual(statusCounts(bac), { received: 1 });
  assert.equal(bac.dueSoon, 1);
  assert.equal(bac.overdue, 0);
  assert.deepEqual(bac.finished, ZERO_FINISHED);
  assert.equal(bac.onTimeRate, null);
  assert.equal(city.totals.inPeriod, 9);
  assert.equal(city.totals.dueSoon, 2);
  assert.equal(city.totals.overdue, 1);
  assert.deepEqual(city.totals.finished, { total: 5, early: 1, onTime: 2, late: 2, noDueTime: 0 });
  assert.equal(city.totals.onTimeRate, 0.6);
  const without = city.agenciesWithoutDossiers.map((a) => a.code);
  assert.ok(without.includes(agencyCodes.get('hoan-kiem')!));
  assert.ok(!without.includes(HANG_TRONG()) && !without.includes(HANG_BAC()));
  assert.equal(without.length, city.agenciesWithDesk - 2);

  // Narrowed to Cửa Nam, the city's leader sees that ward alone.
  const narrowed = await overviewOk('leader.hoan-kiem', `?agencyCode=${HANG_BAC()}`);
  assert.deepEqual(
    narrowed.agencies.map((a) => a.agency.code),
    [HANG_BAC()],
  );
  assert.deepEqual(narrowed.totals, bac);
  assert.deepEqual(
    narrowed.scope.map((a) => a.name),
    ['Ủy ban nhân dân Phường Cửa Nam'],
  );

  // Friday 6 November 10:00: one working day ahead is Monday 10:00, so D9 (Monday 09:15) is due soon
  // across the weekend; D5 and D6 are overdue.
  clock.set('2026-11-06T03:00:00Z');
  const friday = await overviewOk('leader.hang-trong');
  assert.equal(friday.totals.dueSoon, 1);
  assert.equal(friday.totals.overdue, 2);

  // Hà Nội's own make-up Saturday 7 November (ADR 0013): one working day ahead is Saturday 10:00, so
  // D9 is no longer due soon; it is written as the service writes it, then taken back.
  const haNoiDays = async (workingDays: { date: string; reason: string }[], version: number) => {
    const max = await rt.deps.db
      .selectFrom('calendar_revisions')
      .select((eb) => eb.fn.max('revision').as('r'))
      .executeTakeFirstOrThrow();
    await rt.deps.db
      .insertInto('calendar_revisions')
      .values({
        revision: (max.r ?? 0) + 1,
        province_code: '01',
        year: 2026,
        year_version: version,
        provisional: false,
        holidays: JSON.stringify([]),
        working_days: JSON.stringify(workingDays),
        created_at: new Date(),
      })
      .execute();
  };
  await haNoiDays([{ date: '2026-11-07', reason: 'Làm bù của thành phố' }], 1);
  assert.equal((await overviewOk('leader.hang-trong')).totals.dueSoon, 0);
  await haNoiDays([], 2);
  assert.equal((await overviewOk('leader.hang-trong')).totals.dueSoon, 1);

  // With the ward's own hours (afternoons only, a working day of 4 hours) the next working day ends
  // this Friday at 17:00, so D9 is no longer due soon: the competent agency's hours decide.
  const afternoons = [{ start: '13:00', end: '17:00' }];
  const put = await rt.app.inject({
    method: 'PUT',
    url: `/api/v1/agencies/${HANG_TRONG()}/office-hours`,
    headers: { cookie: await as('admin.hoan-kiem') },
    payload: {
      version: 0,
      hours: {
        sessions: { 1: afternoons, 2: afternoons, 3: afternoons, 4: afternoons, 5: afternoons, 6: [], 7: [] },
      },
    },
  });
  assert.equal(put.statusCode, 200, put.body);
  const ownHours = await overviewOk('leader.hang-trong');
  assert.equal(ownHours.totals.dueSoon, 0);
  assert.equal(ownHours.totals.overdue, 2);
});

test('the province administrator, the auditor and the unit administrator reach what they should', async () => {
  clock.set('2026-11-04T03:00:00Z');
  const province = await overviewOk('demo-admin', '?month=2026-11');
  assert.deepEqual(province.agencies.map((a) => a.agency.code).sort(), [HANG_BAC(), HANG_TRONG()].sort());
  assert.equal(province.totals.inPeriod, 9);

  // Every agency with a desk in Hà Nội, by the reach policy in TypeScript (not the SQL under test).
  const grant = await rt.deps.db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select(['a.path as agencyPath', 'u.path as unitPath'])
    .where('u.code', '=', '01')
    .where('u.valid_to', 'is', null)
    .where('a.kind', '=', 'people-committee')
    .executeTakeFirstOrThrow();
  const desks = await rt.deps.db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .innerJoin('desks as k', 'k.agency_id', 'a.agency_id')
    .select(['a.code', 'a.path as agencyPath', 'u.path as unitPath'])
    .distinct()
    .execute();
  const inHaNoi = desks.filter((d) => grantReachesAgency(grant, d)).map((d) => d.code);
  assert.ok(inHaNoi.length > 100, `${inHaNoi.length} agencies with a desk in Hà Nội`);
  assert.equal(province.agenciesWithDesk, inHaNoi.length);
  assert.deepEqual(
    province.agenciesWithoutDossiers.map((a) => a.code).sort(),
    inHaNoi.filter((c) => c !== HANG_TRONG() && c !== HANG_BAC()).sort(),
  );

  const auditor = await overviewOk('auditor.ha-noi', '?month=2026-11');
  assert.deepEqual(auditor.totals, province.totals);
  const unitAdmin = await overviewOk('admin.hoan-kiem', '?month=2026-11');
  assert.deepEqual(unitAdmin.totals, province.totals);

  // A ward of Hồ Chí Minh City (Phường Nhiêu Lộc, where the former Quận 3's leader works) reaches none of it.
  const quan3 = await overviewOk('leader.quan-3', '?month=2026-11');
  assert.deepEqual(quan3.agencies, []);
  assert.equal(quan3.totals.inPeriod, 0);
  assert.ok(quan3.agenciesWithDesk > 0);
  assert.equal(quan3.agenciesWithoutDossiers.length, quan3.agenciesWithDesk);
});

test('who may read: unauthenticated 401, desk and specialist 403, another ward 403, unknown agency 404', async () => {
  const anon = await overview(null);
  assert.equal(anon.statusCode, 401);
  assert.equal(errorOf(anon).code, 'UNAUTHENTICATED');
  for (const user of ['desk.hang-trong', 'specialist.hang-trong']) {
    const res = await overview(user);
    assert.equal(res.statusCode, 403, `${user}: ${res.body}`);
    assert.equal(errorOf(res).code, 'FORBIDDEN');
  }
  const otherWard = await overview('leader.hang-trong', `?agencyCode=${HANG_BAC()}`);
  assert.equal(otherWard.statusCode, 403);
  assert.equal(errorOf(otherWard).code, 'FORBIDDEN');
  const above = await overview('leader.hang-trong', `?agencyCode=${agencyCodes.get('hoan-kiem')!}`);
  assert.equal(above.statusCode, 403, 'nothing above the ward');
  const otherProvince = await overview('leader.quan-3', `?agencyCode=${HANG_TRONG()}`);
  assert.equal(otherProvince.statusCode, 403);
  for (const code of ['H26.999', '999.99.99.H99']) {
    const unknown = await overview('leader.hang-trong', `?agencyCode=${code}`);
    assert.equal(unknown.statusCode, 404, `${code}: ${unknown.body}`);
    assert.equal(errorOf(unknown).code, 'NOT_FOUND');
  }
});

test('invalid input names the field', async () => {
  for (const [query, path] of [
    ['?month=2026-13', 'query/month'],
    ['?month=11-2026', 'query/month'],
    ['?agencyCode=H26-101', 'query/agencyCode'],
    ['?agencyCode=26.101', 'query/agencyCode'],
  ] as const) {
    const res = await overview('leader.hang-trong', query);
    assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
    const err = errorOf(res);
    assert.equal(err.code, 'VALIDATION_FAILED');
    assert.ok(
      err.details?.some((d) => d.path === path),
      `${query}: ${JSON.stringify(err.details)}`,
    );
  }
  const extra = await overview('leader.hang-trong', '?unit=00070');
  assert.equal(extra.statusCode, 400);
});

test('the month per agency as .xlsx and PDF', async () => {
  const xlsx = await overview('leader.hang-trong', '?month=2026-11&format=xlsx');
  assert.equal(xlsx.statusCode, 200, xlsx.body);
  assert.match(String(xlsx.headers['content-disposition']), /tong-quan-2026-11-\d{14}\.xlsx/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  assert.equal(sheet.getRow(1).getCell(1).text, 'Cơ quan tiếp nhận');
  const json = await overviewOk('leader.hang-trong', '?month=2026-11');
  const last = sheet.getRow(sheet.rowCount);
  assert.equal(last.getCell(1).text, 'Tổng cộng');
  assert.equal(last.getCell(3).value, json.totals.inPeriod);
  assert.equal(last.getCell(7).value, json.totals.finished.late);
  const pdf = await overview('leader.hang-trong', '?month=2026-11&format=pdf');
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
});
