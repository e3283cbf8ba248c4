import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byDate, calendarDetailPlace, currentRows, parseYear, provinceBody } from './calendar-rows.ts';

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

test('provinceBody trims, sorts by date and omits an empty note', () => {
  const body = provinceBody(
    {
      daysOff: [
        { id: 'a', date: '2026-10-09', reason: ' Lễ hội ' },
        { id: 'b', date: '2026-10-07', reason: 'Nghỉ phục vụ lễ kỷ niệm' },
      ],
      workingDays: [{ id: 'c', date: '2026-10-17', reason: ' bù ' }],
      note: '  ',
    },
    4,
  );
  assert.deepEqual(body, {
    version: 4,
    daysOff: [
      { date: '2026-10-07', reason: 'Nghỉ phục vụ lễ kỷ niệm' },
      { date: '2026-10-09', reason: 'Lễ hội' },
    ],
    workingDays: [{ date: '2026-10-17', reason: 'bù' }],
  });
  const noted = provinceBody({ daysOff: [], workingDays: [], note: ' quyết định số 12 ' }, 0);
  assert.equal(noted.note, 'quyết định số 12');
});

test('calendarDetailPlace reads the list, the row as sent and the field of a path', () => {
  assert.deepEqual(calendarDetailPlace('body/daysOff/3/date'), {
    list: 'daysOff',
    index: 3,
    field: 'date',
  });
  assert.deepEqual(calendarDetailPlace('body/workingDays/0/reason'), {
    list: 'workingDays',
    index: 0,
    field: 'reason',
  });
  assert.deepEqual(calendarDetailPlace('body/daysOff/2'), { list: 'daysOff', index: 2, field: 'date' });
  assert.equal(calendarDetailPlace('body/daysOff'), null);
  assert.equal(calendarDetailPlace('body/holidays/0/date'), null);
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
