// Each province's own days off and make-up days on top of the national schedule (ADR 0013): they move
// the due times of that province's agencies only, are changed only by that province's administrator,
// and a due time computed before a change still recomputes as issued with its recorded revision.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { funeralSupportAtCounter } from '../../test/fixtures.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import { recordShippedNationalSchedule } from './national-schedule.ts';

let rt: TestRuntime;
const clock = manualClock('2026-10-05T02:00:00Z'); // Monday 5 October 2026, 09:00 in Hà Nội
const agencies = { haNoi: '', quangNam: '', hcmc: '' };

before(async () => {
  rt = await createTestRuntime({ clock });
  agencies.haNoi = await peoplesCommittee(rt.deps.db, '00070'); // Phường Hoàn Kiếm, Hà Nội (01)
  agencies.quangNam = await peoplesCommittee(rt.deps.db, '20455'); // Xã Tây Giang, Đà Nẵng (48), formerly Quảng Nam
  agencies.hcmc = await peoplesCommittee(rt.deps.db, '27142'); // Phường Nhiêu Lộc, TP. Hồ Chí Minh (79)
});
after(() => rt.close());

type Due = {
  dueAt: string;
  calendarVersion: number;
  provinceCode: string | null;
  explanation: { reason: string }[];
};
type ProvinceYear = {
  provinceCode: string;
  provinceName: string;
  version: number;
  daysOff: { date: string; reason: string }[];
  workingDays: { date: string; reason: string }[];
  calendarVersion: number;
};

const THURSDAY_9 = '2026-10-08T02:00:00.000Z';
const FRIDAY_9 = '2026-10-09T02:00:00.000Z';

const dueAt = async (agencyCode: string, calendarVersion?: number) => {
  const version = calendarVersion === undefined ? '' : `&calendarVersion=${calendarVersion}`;
  const res = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/calendar/due?start=2026-10-05T09:00:00%2B07:00&value=3&unit=working-day&agencyCode=${agencyCode}${version}`,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<Due>();
};
const putProvince = (province: string, cookie: string | null, payload: object) =>
  rt.app.inject({
    method: 'PUT',
    url: `/api/v1/provinces/${province}/calendars/2026`,
    headers: cookie ? { cookie } : {},
    payload,
  });
const intakeAt = async (user: string, agencyCode: string) => {
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: await loginAs(rt.app, user) },
    payload: funeralSupportAtCounter(agencyCode),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ code: string; dueAt: string; calendarVersion: number }>();
};

const HA_NOI_DAYS = {
  version: 0,
  daysOff: [{ date: '2026-10-07', reason: 'Nghỉ phục vụ lễ kỷ niệm của Thủ đô' }],
  workingDays: [{ date: '2026-10-17', reason: 'Làm bù ngày 7/10' }],
  note: 'Quyết định của UBND thành phố',
};

test("a Hà Nội administrator's extra day off moves Hà Nội's due times only; issued ones recompute as issued", async () => {
  const before = await dueAt(agencies.haNoi);
  assert.equal(before.dueAt, THURSDAY_9);
  assert.equal(before.provinceCode, '01');
  const issued = await intakeAt('desk.hang-trong', agencies.haNoi);
  assert.equal(issued.dueAt, THURSDAY_9);

  const saved = await putProvince('01', await loginAs(rt.app, 'demo-admin'), HA_NOI_DAYS);
  assert.equal(saved.statusCode, 200, saved.body);
  const body = saved.json<{ calendar: ProvinceYear; changes: { daysOffAdded: { date: string }[] } }>();
  assert.equal(body.calendar.version, 1);
  assert.equal(body.calendar.calendarVersion, issued.calendarVersion + 1);
  assert.deepEqual(
    body.changes.daysOffAdded.map((d) => d.date),
    ['2026-10-07'],
  );
  const read = await rt.app.inject({ method: 'GET', url: '/api/v1/provinces/01/calendars/2026' });
  assert.equal(read.statusCode, 200);
  assert.deepEqual(read.json<ProvinceYear>().daysOff, HA_NOI_DAYS.daysOff);
  assert.match(read.json<ProvinceYear>().provinceName, /Hà Nội/);

  // Hà Nội: Wednesday is off, so three working days end on Friday; the explanation names the day.
  const haNoi = await dueAt(agencies.haNoi);
  assert.equal(haNoi.dueAt, FRIDAY_9);
  assert.ok(haNoi.explanation.some((s) => s.reason.includes('lễ kỷ niệm của Thủ đô')));
  // Đà Nẵng and Hồ Chí Minh City keep the national schedule.
  assert.equal((await dueAt(agencies.quangNam)).dueAt, THURSDAY_9);
  assert.equal((await dueAt(agencies.quangNam)).provinceCode, '48');
  assert.equal((await dueAt(agencies.hcmc)).dueAt, THURSDAY_9);
  assert.equal((await dueAt(agencies.hcmc)).provinceCode, '79');

  // A dossier received now at a Hà Nội desk is due on Friday; the one issued before keeps Thursday.
  const later = await intakeAt('desk.hang-trong', agencies.haNoi);
  assert.equal(later.dueAt, FRIDAY_9);
  assert.equal(later.calendarVersion, body.calendar.calendarVersion);
  const kept = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${issued.code}`,
    headers: { cookie: await loginAs(rt.app, 'desk.hang-trong') },
  });
  assert.equal(kept.json<{ dueAt: string }>().dueAt, THURSDAY_9);
  // With its recorded revision the issued due time recomputes to the same value.
  assert.equal((await dueAt(agencies.haNoi, issued.calendarVersion)).dueAt, THURSDAY_9);
  const re = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/calendar/recompute?start=2026-10-05T09:00:00%2B07:00&value=3&unit=working-day&agencyCode=${agencies.haNoi}&calendarVersion=${issued.calendarVersion}`,
  });
  assert.equal(re.statusCode, 200, re.body);
  assert.deepEqual(re.json<{ issued: { dueAt: string }; current: { dueAt: string }; changed: boolean }>(), {
    ...re.json<object>(),
    issued: { dueAt: THURSDAY_9, calendarVersion: issued.calendarVersion },
    current: { dueAt: FRIDAY_9, calendarVersion: body.calendar.calendarVersion },
    changed: true,
  });
  // The national schedule alone (no agency) is unchanged.
  const national = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/calendar/due?start=2026-10-05T09:00:00%2B07:00&value=3&unit=working-day',
  });
  assert.equal(national.json<Due>().dueAt, THURSDAY_9);
  assert.equal(national.json<Due>().provinceCode, null);
});

test("only that province's administrator changes its days: Đà Nẵng's, an auditor and a desk are refused", async () => {
  const current = (
    await rt.app.inject({ method: 'GET', url: '/api/v1/provinces/01/calendars/2026' })
  ).json<ProvinceYear>();
  const body = { ...HA_NOI_DAYS, version: current.version, daysOff: [] };
  for (const user of ['admin.quang-nam', 'auditor.ha-noi', 'desk.hang-trong', 'admin.hoan-kiem']) {
    const res = await putProvince('01', await loginAs(rt.app, user), body);
    assert.equal(res.statusCode, 403, `${user}: ${res.body}`);
    assert.equal(errorOf(res).code, 'FORBIDDEN');
    assert.equal(res.json<{ error: { reason: string } }>().error.reason, 'CALENDAR_EDIT_FORBIDDEN');
  }
  const auditor = await loginAs(rt.app, 'auditor.ha-noi');
  assert.equal((await putProvince('48', auditor, { ...body, version: 0 })).statusCode, 403);
  assert.equal((await putProvince('01', null, body)).statusCode, 401);
  // Nothing changed in Hà Nội.
  const after = (
    await rt.app.inject({ method: 'GET', url: '/api/v1/provinces/01/calendars/2026' })
  ).json<ProvinceYear>();
  assert.deepEqual(after.daysOff, HA_NOI_DAYS.daysOff);

  // Đà Nẵng's administrator (admin.quang-nam) changes Đà Nẵng's days, which move Đà Nẵng's due times only.
  const quangNam = await putProvince('48', await loginAs(rt.app, 'admin.quang-nam'), {
    version: 0,
    daysOff: [{ date: '2026-10-06', reason: 'Nghỉ do bão' }],
    workingDays: [],
  });
  assert.equal(quangNam.statusCode, 200, quangNam.body);
  assert.equal((await dueAt(agencies.quangNam)).dueAt, FRIDAY_9);
  assert.equal((await dueAt(agencies.hcmc)).dueAt, THURSDAY_9);
  assert.equal((await dueAt(agencies.haNoi)).dueAt, FRIDAY_9);

  // The national schedule has no write route at all: it ships with the release.
  const national = await rt.app.inject({
    method: 'PUT',
    url: '/api/v1/calendars/2026',
    headers: { cookie: await loginAs(rt.app, 'demo-admin') },
    payload: {},
  });
  assert.equal(national.statusCode, 404);

  const audit = await rt.deps.db
    .selectFrom('audit_log')
    .select(['action', 'entity_id'])
    .where('action', '=', 'calendar.province-year-replaced')
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.entity_id),
    ['01/2026', '48/2026'],
  );
});

test('bad input names every failing field; a stale version is 409; an unknown province 404', async () => {
  const admin = await loginAs(rt.app, 'demo-admin');
  const current = (
    await rt.app.inject({ method: 'GET', url: '/api/v1/provinces/01/calendars/2026' })
  ).json<ProvinceYear>();
  const invalid = await putProvince('01', admin, {
    version: current.version,
    daysOff: [
      { date: '2026-09-02', reason: 'Quốc khánh' },
      { date: '2026-10-10', reason: 'Thứ Bảy' },
      { date: '2026-10-12', reason: '   ' },
    ],
    workingDays: [{ date: '2026-10-13', reason: 'Thứ Ba' }],
  });
  assert.equal(invalid.statusCode, 400, invalid.body);
  assert.deepEqual(
    errorOf(invalid).details!.map((d) => d.path),
    ['body/daysOff/0/date', 'body/daysOff/1/date', 'body/daysOff/2/reason', 'body/workingDays/0/date'],
  );
  const schema = await putProvince('01', admin, {
    version: -1,
    daysOff: [{ date: '2026-10-12' }],
    workingDays: [{ date: '2026-10-17', reason: '' }],
  });
  assert.equal(schema.statusCode, 400);
  const paths = errorOf(schema).details!.map((d) => d.path);
  for (const p of ['body/version', 'body/daysOff/0/reason', 'body/workingDays/0/reason'])
    assert.ok(paths.includes(p), `${p} in ${paths.join()}`);

  const stale = await putProvince('01', admin, { ...HA_NOI_DAYS, version: 0 });
  assert.equal(stale.statusCode, 409);
  assert.equal(errorOf(stale).code, 'STALE_VERSION');

  assert.equal(
    (await rt.app.inject({ method: 'GET', url: '/api/v1/provinces/99/calendars/2026' })).statusCode,
    404,
  );
  assert.equal(
    (await rt.app.inject({ method: 'GET', url: '/api/v1/provinces/1/calendars/2026' })).statusCode,
    400,
  );
  assert.equal((await putProvince('99', admin, HA_NOI_DAYS)).statusCode, 403);
});

test('the national schedule is recorded from the release once; an unchanged release records nothing', async () => {
  const rows = await rt.deps.db
    .selectFrom('calendar_revisions')
    .select(['year', 'revision'])
    .where('province_code', 'is', null)
    .execute();
  assert.equal(rows.length, 21, 'every supported year, 2015–2035, recorded at the first start');
  assert.deepEqual(await recordShippedNationalSchedule(rt.deps), []);
});
