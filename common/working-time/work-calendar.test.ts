import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingTimeError } from './errors.ts';
import { defaultCalendarYear } from './holidays.ts';
import { testCalendar } from './test-fixtures.ts';
import { createWorkCalendar, withDefaultYears } from './work-calendar.ts';

test('answers working days and names why a day is off', () => {
  const cal = testCalendar();
  assert.equal(cal.firstYear, 2023);
  assert.equal(cal.lastYear, 2028);
  assert.equal(cal.isWorkingDay('2026-11-20'), true);
  assert.equal(cal.isWorkingDay('2026-11-21'), false);
  assert.deepEqual(cal.dayInfo('2026-11-21'), {
    date: '2026-11-21',
    working: false,
    kind: 'weekend',
    reason: 'Thứ Bảy',
    provisional: false,
  });
  assert.equal(cal.dayInfo('2026-11-22').reason, 'Chủ nhật');
  assert.deepEqual(cal.dayInfo('2026-02-17'), {
    date: '2026-02-17',
    working: false,
    kind: 'holiday',
    reason: 'Tết Nguyên đán',
    holidayKind: 'public-holiday',
    provisional: false,
  });
  assert.equal(cal.dayInfo('2026-11-24').holidayKind, 'observance-day-off');
  // Make-up Saturday 22/8/2026 is a working day; the Monday it pays for is off.
  assert.deepEqual(cal.dayInfo('2026-08-22'), {
    date: '2026-08-22',
    working: true,
    kind: 'make-up-working-day',
    reason: 'Làm bù cho ngày nghỉ hoán đổi Thứ Hai 31/08/2026',
    provisional: false,
  });
  assert.equal(cal.isWorkingDay('2026-08-31'), false);
  assert.deepEqual(cal.dayInfo('2026-11-23'), {
    date: '2026-11-23',
    working: true,
    kind: 'working-day',
    reason: null,
    provisional: false,
  });
  assert.equal(cal.dayInfo('2027-02-08').provisional, true);
  assert.equal(cal.covers('2029-01-01'), false);
});

test('fails closed outside its years and on bad dates', () => {
  const cal = testCalendar();
  assert.throws(
    () => cal.isWorkingDay('2029-01-02'),
    (e: unknown) =>
      e instanceof WorkingTimeError && e.code === 'CALENDAR_YEAR_MISSING' && /2029/.test(e.message),
  );
  assert.throws(
    () => cal.isWorkingDay('2026-13-01'),
    (e: unknown) => e instanceof WorkingTimeError && e.code === 'INVALID_DATE',
  );
});

test("an administrator's replacement year takes effect: removing Ngày Văn hóa makes 24/11 a working day", () => {
  const year = defaultCalendarYear(2026);
  year.holidays = year.holidays.filter((h) => h.removable !== true);
  year.version = 2;
  const cal = createWorkCalendar([year]);
  assert.equal(cal.isWorkingDay('2026-11-24'), true);
  assert.equal(cal.yearOf(2026)!.version, 2);
});

test('createWorkCalendar validates every year and wants a contiguous run', () => {
  const bad = defaultCalendarYear(2026);
  bad.holidays.push({ date: '2027-01-01', name: 'Sai năm', kind: 'public-holiday' });
  const problems = (years: Parameters<typeof createWorkCalendar>[0]): string[] => {
    try {
      createWorkCalendar(years);
    } catch (e) {
      if (e instanceof WorkingTimeError && e.code === 'INVALID_CALENDAR')
        return e.details.map((p) => `${p.path} ${p.code}`);
      throw e;
    }
    return [];
  };
  assert.deepEqual(problems([defaultCalendarYear(2025), bad]), [
    `1/holidays/${bad.holidays.length - 1}/date date-outside-year`,
  ]);
  assert.deepEqual(problems([defaultCalendarYear(2025), defaultCalendarYear(2027)]), [' missing-year']);
  assert.deepEqual(problems([defaultCalendarYear(2025), defaultCalendarYear(2025)]), [
    '1/year duplicate-year',
  ]);
  assert.deepEqual(problems([]), [' no-years']);
  assert.deepEqual(
    withDefaultYears([defaultCalendarYear(2026)], 2024, 2027).map((y) => y.year),
    [2024, 2025, 2026, 2027],
  );
});
