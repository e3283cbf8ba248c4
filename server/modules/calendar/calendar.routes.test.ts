import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

type Due = {
  dueAt: string;
  countedFrom: string;
  calendarVersion: number;
  provisional: boolean;
  explanation: { kind: string; reason: string; from: string; to: string }[];
};
type Year = {
  year: number;
  version: number;
  provisional: boolean;
  holidays: { date: string; name: string; kind: string; removable?: boolean }[];
  workingDays: { date: string; reason: string }[];
  calendarVersion: number;
};

const putHours = (agencyCode: string, cookie: string, payload: object) =>
  rt.app.inject({
    method: 'PUT',
    url: `/api/v1/agencies/${agencyCode}/office-hours`,
    headers: { cookie },
    payload,
  });

const due = async (q: string) => rt.app.inject({ method: 'GET', url: `/api/v1/calendar/due?${q}` });
const year = async (y: number) =>
  (await rt.app.inject({ method: 'GET', url: `/api/v1/calendars/${y}` })).json<Year>();

// Official and derived days off through the HTTP contract (Labour Code 2019 art. 112; the
// government's notices for 2024–2026; the rules for 2027).
const EXPECTED_DAYS_OFF: Record<number, string[]> = {
  2024: [
    '2024-01-01',
    '2024-02-08',
    '2024-02-09',
    '2024-02-12',
    '2024-02-13',
    '2024-02-14',
    '2024-04-18',
    '2024-04-29',
    '2024-04-30',
    '2024-05-01',
    '2024-09-02',
    '2024-09-03',
  ],
  2025: [
    '2025-01-01',
    '2025-01-27',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-04-07',
    '2025-04-30',
    '2025-05-01',
    '2025-05-02',
    '2025-09-01',
    '2025-09-02',
  ],
  2026: [
    '2026-01-01',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-27',
    '2026-04-30',
    '2026-05-01',
    '2026-08-31',
    '2026-09-01',
    '2026-09-02',
    '2026-11-24',
  ],
};

test('every holiday of 2024–2026 comes out on its date; 2027 is provisional and derived', async () => {
  for (const [y, dates] of Object.entries(EXPECTED_DAYS_OFF)) {
    const cal = await year(Number(y));
    const weekdaysOff = cal.holidays
      .map((h) => h.date)
      .filter((d) => {
        const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
        return wd !== 0 && wd !== 6;
      });
    for (const d of dates) assert.ok(weekdaysOff.includes(d), `${y}: ${d} is a weekday off`);
  }
  const c2027 = await year(2027);
  assert.equal(c2027.provisional, true);
  assert.ok(
    c2027.holidays.some((h) => h.date === '2027-02-06' && /Tết/.test(h.name)),
    'Tết 2027 is 6 February',
  );
  assert.ok(
    c2027.holidays.some((h) => h.date === '2027-04-16'),
    'Giỗ Tổ 2027 is lunar 10/3 = 16 April',
  );
  const c2026 = await year(2026);
  assert.ok(c2026.holidays.find((h) => h.date === '2026-11-24')?.removable);
  assert.ok(
    c2026.workingDays.some((d) => d.date === '2026-08-22'),
    'Saturday 22/8/2026 is worked in exchange',
  );
});

test('a dossier received Friday 16:00 with one working day is due Monday 16:00, the weekend explained', async () => {
  const res = await due('start=2026-11-20T16:00:00%2B07:00&value=1&unit=working-day');
  assert.equal(res.statusCode, 200, res.body);
  const d = res.json<Due>();
  assert.equal(d.dueAt, '2026-11-23T09:00:00.000Z');
  assert.equal(d.countedFrom, '2026-11-20T09:00:00.000Z');
  assert.ok(d.explanation.some((s) => s.kind === 'weekend'));
});

test('received online at night counts from the next session; a holiday is skipped and named', async () => {
  const night = (await due('start=2026-11-19T22:30:00%2B07:00&value=4&unit=working-hour')).json<Due>();
  assert.equal(night.countedFrom, '2026-11-20T00:30:00.000Z');
  assert.equal(night.dueAt, '2026-11-20T04:30:00.000Z');
  const d = (await due('start=2026-11-23T10:00:00%2B07:00&value=2&unit=working-day')).json<Due>();
  assert.equal(d.dueAt, '2026-11-26T03:00:00.000Z');
  assert.ok(
    d.explanation.some((s) => s.kind === 'holiday' && s.reason.includes('Văn hóa')),
    JSON.stringify(d.explanation),
  );
});

test('bad input names the field', async () => {
  const cases: [string, string][] = [
    ['start=2026-11-20T16:00:00&value=1&unit=working-day', 'query/start'],
    ['start=20-11-2026&value=1&unit=working-day', 'query/start'],
    ['start=2026-11-20T16:00:00Z&value=-1&unit=working-day', 'query/value'],
    ['start=2026-11-20T16:00:00Z&value=1.5&unit=calendar-day', 'query/value'],
    ['start=2026-11-20T16:00:00Z&value=1&unit=fortnight', 'query/unit'],
    ['start=2026-11-20T16:00:00Z&value=1&unit=working-day&agencyCode=999.99.99.H99', 'query/agencyCode'],
    ['start=2040-01-02T08:00:00Z&value=1&unit=working-day', 'query/start'],
    ['value=1&unit=working-day', 'query/start'],
  ];
  for (const [q, path] of cases) {
    const res = await due(q);
    assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
    assert.ok(
      errorOf(res).details?.some((d) => d.path === path),
      `${q} names ${path}: ${res.body}`,
    );
  }
  const badYear = await rt.app.inject({ method: 'GET', url: '/api/v1/calendars/2099' });
  assert.equal(badYear.statusCode, 400);
});

test('office hours: public to read; edited by an administrator within reach; versions guard edits', async () => {
  // UBND Thành phố Hà Nội, where admin.hoan-kiem administers and desk.hoan-kiem receives
  const code = 'H26';
  const get = await rt.app.inject({ method: 'GET', url: `/api/v1/agencies/${code}/office-hours` });
  assert.equal(get.statusCode, 200);
  const current = get.json<{
    version: number;
    isDefault: boolean;
    hours: { sessions: Record<string, { start: string; end: string }[]> };
  }>();
  assert.equal(current.isDefault, true);
  assert.deepEqual(current.hours.sessions['1'], [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '17:00' },
  ]);

  const hours = { ...current.hours, saturdayReceiving: [{ start: '07:30', end: '11:30' }] };
  const unitAdmin = await loginAs(rt.app, 'admin.hoan-kiem');
  const put = await putHours(code, unitAdmin, { version: 0, hours });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(put.json<{ version: number }>().version, 1);
  const stale = await putHours(code, unitAdmin, { version: 0, hours });
  assert.equal(stale.statusCode, 409);
  // UBND Thành phố Hồ Chí Minh, another province
  const outside = await putHours('H29', unitAdmin, { version: 0, hours });
  assert.equal(outside.statusCode, 403);
  const desk = await loginAs(rt.app, 'desk.hoan-kiem');
  const notAdmin = await putHours(code, desk, { version: 1, hours });
  assert.equal(notAdmin.statusCode, 403);
  const broken = await putHours(code, unitAdmin, {
    version: 1,
    hours: { ...hours, sessions: { ...hours.sessions, '1': [{ start: '13:00', end: '11:00' }] } },
  });
  assert.equal(broken.statusCode, 400);
  assert.ok(
    errorOf(broken).details!.some((d) => d.path.startsWith('body/hours/sessions/1')),
    broken.body,
  );
  const unknown = await rt.app.inject({ method: 'GET', url: `/api/v1/agencies/999.99.99.H99/office-hours` });
  assert.equal(unknown.statusCode, 404);
});
