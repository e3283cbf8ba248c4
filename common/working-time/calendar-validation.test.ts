import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCalendarYear, validateCalendarYear } from './calendar-validation.ts';
import { defaultCalendarYear } from './holidays.ts';

const problemsOf = (input: unknown): string[] =>
  validateCalendarYear(input).map((p) => `${p.path} ${p.code}`);

test('a derived year is valid', () => {
  assert.deepEqual(validateCalendarYear(defaultCalendarYear(2026)), []);
  assert.ok(isCalendarYear(defaultCalendarYear(2030)));
});

test('reports every problem of a bad year with its path', () => {
  const input = {
    year: 2026,
    version: 2,
    provisional: false,
    holidays: [
      { date: '2026-02-17', name: 'Tết Nguyên đán', kind: 'public-holiday' },
      { date: '2025-12-31', name: 'Năm trước', kind: 'public-holiday' },
      { date: '2026-02-17', name: 'Trùng', kind: 'public-holiday' },
      { date: '2026-02-18', name: '  ', kind: 'public-holiday' },
      { date: '2026-02-19', name: 'Sai loại', kind: 'holiday' },
      { date: '2026-02-30', name: 'Ngày không có thật', kind: 'public-holiday' },
      { date: '2026-02-21', name: 'Nghỉ bù vào Thứ Bảy', kind: 'compensatory' },
      { date: '2026-03-02', name: 'Cờ sai', kind: 'extra-day-off', removable: 'yes' },
      'not a holiday',
    ],
    workingDays: [
      { date: '2026-02-17', reason: 'Trùng ngày nghỉ' },
      { date: '2026-08-24', reason: 'Thứ Hai' },
      { date: '2026-08-22', reason: '' },
      { date: '2026-08-22', reason: 'Trùng' },
    ],
  };
  assert.deepEqual(problemsOf(input), [
    'holidays/1/date date-outside-year',
    'holidays/2/date duplicate-date',
    'holidays/3/name empty-name',
    'holidays/4/kind invalid-kind',
    'holidays/5/date invalid-date',
    'holidays/6/date day-off-on-weekend',
    'holidays/7/removable invalid-removable',
    'holidays/8 not-an-object',
    'workingDays/0/date working-day-is-holiday',
    'workingDays/0/date working-day-not-weekend',
    'workingDays/1/date working-day-not-weekend',
    'workingDays/2/reason empty-reason',
    'workingDays/3/date duplicate-date',
  ]);
  const messages = validateCalendarYear(input).map((p) => p.message);
  assert.ok(messages.every((m) => m.length > 10));
  assert.match(messages[1]!, /2026-02-17 bị trùng với holidays\/0/);
  assert.match(messages[8]!, /vừa là ngày làm bù vừa là ngày nghỉ \(holidays\/0\)/);
});

test('reports structural problems of the year itself', () => {
  assert.deepEqual(problemsOf(null), [' not-an-object']);
  assert.deepEqual(
    problemsOf({ year: 1800, version: -1, provisional: 'no', holidays: {}, workingDays: null }),
    [
      'year invalid-year',
      'version invalid-version',
      'provisional invalid-provisional',
      'holidays not-a-list',
      'workingDays not-a-list',
    ],
  );
  assert.deepEqual(
    problemsOf({
      year: 2026,
      version: 0,
      provisional: true,
      holidays: [{ date: '26-02-17' }],
      workingDays: [],
    }),
    ['holidays/0/date invalid-date', 'holidays/0/name empty-name', 'holidays/0/kind invalid-kind'],
  );
});
