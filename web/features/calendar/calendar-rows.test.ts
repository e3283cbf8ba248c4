import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byDate, calendarBody, calendarDetailPlace, currentRows, parseYear } from './calendar-rows.ts';

const RANGE = { min: 2015, max: 2035 };

test('parseYear: absent is this year; a year in range is itself; anything else is null', () => {
  assert.equal(parseYear(null, 2026, RANGE), 2026);
  assert.equal(parseYear('2027', 2026, RANGE), 2027);
  assert.equal(parseYear('2014', 2026, RANGE), null);
  assert.equal(parseYear('2036', 2026, RANGE), null);
  assert.equal(parseYear('27', 2026, RANGE), null);
  assert.equal(parseYear('2027x', 2026, RANGE), null);
});

test('byDate sorts by date and puts rows without a date last, leaving the input alone', () => {
  const rows = [{ date: '' }, { date: '2026-05-01' }, { date: '2026-01-01' }];
  assert.deepEqual(
    byDate(rows).map((r) => r.date),
    ['2026-01-01', '2026-05-01', ''],
  );
  assert.equal(rows[0]!.date, '');
});

test('calendarBody trims, sorts, keeps removable only when set, and omits an empty note', () => {
  const body = calendarBody(
    {
      holidays: [
        { id: 'a', date: '2026-09-02', name: ' Quốc khánh ', kind: 'public-holiday' },
        { id: 'b', date: '2026-01-01', name: 'Tết Dương lịch', kind: 'public-holiday', removable: false },
      ],
      workingDays: [{ id: 'c', date: '2026-05-09', reason: ' bù ' }],
      confirmed: false,
      note: '  ',
    },
    4,
  );
  assert.deepEqual(body, {
    version: 4,
    provisional: true,
    holidays: [
      { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'public-holiday', removable: false },
      { date: '2026-09-02', name: 'Quốc khánh', kind: 'public-holiday' },
    ],
    workingDays: [{ date: '2026-05-09', reason: 'bù' }],
  });
  const noted = calendarBody({ holidays: [], workingDays: [], confirmed: true, note: ' đã duyệt ' }, 1);
  assert.equal(noted.note, 'đã duyệt');
  assert.equal(noted.provisional, false);
});

test('calendarDetailPlace reads the list, the row as sent and the field of a path', () => {
  assert.deepEqual(calendarDetailPlace('body/holidays/3/date'), {
    list: 'holidays',
    index: 3,
    field: 'date',
  });
  assert.deepEqual(calendarDetailPlace('body/workingDays/0/reason'), {
    list: 'workingDays',
    index: 0,
    field: 'reason',
  });
  assert.deepEqual(calendarDetailPlace('body/holidays/2'), { list: 'holidays', index: 2, field: 'date' });
  assert.equal(calendarDetailPlace('body/holidays'), null);
  assert.equal(calendarDetailPlace('body/note'), null);
});

test('currentRows follows the field array order and takes the typed values by id', () => {
  const fields = [
    { id: 'b', date: '' },
    { id: 'c', date: '' },
  ];
  const watched = [
    { id: 'a', date: '2026-01-01' },
    { id: 'b', date: '2026-02-02' },
  ];
  assert.deepEqual(currentRows(fields, watched), [
    { id: 'b', date: '2026-02-02' },
    { id: 'c', date: '' },
  ]);
  assert.deepEqual(currentRows(fields, undefined), fields);
});
