import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCalendarYear } from './calendar-validation.ts';
import { officialCalendarYear } from './official-calendar-years.ts';
import { applyProvinceOverlay, validateProvinceOverlay } from './province-overlay.ts';
import { createWorkCalendar, withDefaultYears } from './work-calendar.ts';
import { addWorkingTime } from './add-working-time.ts';
import { defaultOfficeHours } from './office-hours.ts';
import { vn } from './test-fixtures.ts';

const y2026 = officialCalendarYear(2026)!;

test('an overlay adds its days off and make-up days; the result is a valid year', () => {
  const merged = applyProvinceOverlay(y2026, {
    daysOff: [{ date: '2026-10-09', reason: 'Nghỉ lễ hội của tỉnh' }],
    workingDays: [{ date: '2026-10-17', reason: 'Làm bù ngày 9/10' }],
  });
  assert.deepEqual(validateCalendarYear(merged), []);
  const day = merged.holidays.find((h) => h.date === '2026-10-09');
  assert.deepEqual(day, { date: '2026-10-09', name: 'Nghỉ lễ hội của tỉnh', kind: 'province-day-off' });
  assert.ok(merged.workingDays.some((w) => w.date === '2026-10-17'));
  assert.equal(merged.holidays.length, y2026.holidays.length + 1);
  // Sorted by date, the national days unchanged.
  assert.deepEqual(
    merged.holidays.map((h) => h.date),
    [...merged.holidays.map((h) => h.date)].sort(),
  );
  // The due time moves by the day off and the make-up Saturday counts.
  const hours = defaultOfficeHours();
  const cal = (y: typeof y2026) => createWorkCalendar(withDefaultYears([y], 2025, 2027));
  const start = vn('2026-10-08 10:00');
  const plain = addWorkingTime(start, { value: 1, unit: 'working-day' }, cal(y2026), { hours });
  const local = addWorkingTime(start, { value: 1, unit: 'working-day' }, cal(merged), { hours });
  assert.equal(plain.dueAt, '2026-10-09T03:00:00.000Z');
  assert.equal(local.dueAt, '2026-10-12T03:00:00.000Z');
  assert.ok(local.explanation.some((s) => s.kind === 'holiday' && s.reason.includes('lễ hội của tỉnh')));
});

test('the national meaning wins where the national schedule settles a day (a later national change)', () => {
  const merged = applyProvinceOverlay(y2026, {
    daysOff: [{ date: '2026-09-02', reason: 'Trùng Quốc khánh' }],
    workingDays: [{ date: '2026-08-22', reason: 'Trùng ngày làm bù chung' }],
  });
  assert.deepEqual(merged.holidays, y2026.holidays);
  assert.deepEqual(merged.workingDays, y2026.workingDays);
  assert.deepEqual(validateCalendarYear(merged), []);
});

test('validation names every problem with its path', () => {
  const problems = validateProvinceOverlay(y2026, {
    daysOff: [
      { date: '2026-09-02', reason: 'Quốc khánh' },
      { date: '2026-10-10', reason: 'Thứ Bảy' },
      { date: '2025-10-09', reason: 'Năm khác' },
      { date: '2026-02-30', reason: 'Không có thật' },
      { date: '2026-10-09', reason: '  ' },
      { date: '2026-10-09', reason: 'Trùng' },
    ],
    workingDays: [
      { date: '2026-10-12', reason: 'Thứ Hai' },
      { date: '2026-08-22', reason: 'Đã làm bù chung' },
      { date: '2026-10-09', reason: 'Trùng ngày nghỉ' },
      { date: '2026-02-21', reason: 'Thứ Bảy trong Tết là ngày nghỉ?' },
    ],
  }).map((p) => `${p.path} ${p.code}`);
  assert.deepEqual(problems, [
    'daysOff/0/date already-day-off',
    'daysOff/1/date day-off-on-weekend',
    'daysOff/2/date date-outside-year',
    'daysOff/3/date invalid-date',
    'daysOff/4/reason empty-reason',
    'daysOff/5/date duplicate-date',
    'workingDays/0/date working-day-not-weekend',
    'workingDays/1/date already-working-day',
    'workingDays/2/date duplicate-date',
  ]);
  assert.deepEqual(
    validateProvinceOverlay(y2026, {
      daysOff: [{ date: '2026-10-09', reason: 'Lễ hội' }],
      workingDays: [{ date: '2026-10-17', reason: 'Làm bù' }],
    }),
    [],
  );
});
