import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileOfficeHours, defaultOfficeHours, validateOfficeHours } from './office-hours.ts';
import { WorkingTimeError } from './errors.ts';

const problemsOf = (input: unknown): string[] => validateOfficeHours(input).map((p) => `${p.path} ${p.code}`);

test('the default is Monday–Friday 07:30–11:30 and 13:00–17:00, 8 working hours a day', () => {
  const hours = defaultOfficeHours();
  assert.deepEqual(validateOfficeHours(hours), []);
  for (const d of ['1', '2', '3', '4', '5'] as const) {
    assert.deepEqual(hours.sessions[d], [
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '17:00' },
    ]);
  }
  assert.deepEqual(hours.sessions['6'], []);
  assert.deepEqual(hours.sessions['7'], []);
  const compiled = compileOfficeHours(hours);
  assert.equal(compiled.workingDayMinutes, 480);
  // A make-up Saturday works the sessions of a normal day.
  assert.deepEqual(compiled.makeUp[6], [450, 690, 780, 1020]);
});

test('the working day length is the longest weekday unless set', () => {
  const hours = defaultOfficeHours();
  hours.sessions['5'] = [{ start: '07:30', end: '11:30' }];
  hours.sessions['1'] = [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ];
  assert.equal(compileOfficeHours(hours).workingDayMinutes, 480);
  assert.equal(compileOfficeHours({ ...hours, workingDayMinutes: 450 }).workingDayMinutes, 450);
});

test('reports every problem with its path', () => {
  const input = {
    sessions: {
      '1': [{ start: '7:30', end: '11:30' }],
      '2': [
        { start: '13:00', end: '17:00' },
        { start: '07:30', end: '11:30' },
      ],
      '3': [{ start: '11:30', end: '07:30' }],
      '4': [{ start: '07:30', end: '24:01' }],
      '5': 'all day',
      '6': [],
      '8': [],
    },
    saturdayReceiving: [{ start: '07:30' }],
    workingDayMinutes: 0,
  };
  assert.deepEqual(problemsOf(input), [
    'sessions/1/0/start invalid-time',
    'sessions/2/1/start overlap-or-unordered',
    'sessions/3/0/end end-before-start',
    'sessions/4/0/end invalid-time',
    'sessions/5 not-a-list',
    'sessions/7 missing-weekday',
    'sessions/8 unknown-weekday',
    'saturdayReceiving/0/end invalid-time',
    'workingDayMinutes invalid-day-length',
  ]);
  assert.ok(validateOfficeHours(input).every((p) => /[àáảãạăâđêôơưếệìíòóọùúủ]/i.test(p.message)));
});

test('office hours need at least one weekday session', () => {
  const empty = {
    sessions: {
      '1': [],
      '2': [],
      '3': [],
      '4': [],
      '5': [],
      '6': [{ start: '08:00', end: '11:00' }],
      '7': [],
    },
  };
  assert.deepEqual(problemsOf(empty), ['sessions no-working-session']);
  assert.deepEqual(problemsOf(undefined), [' not-an-object']);
  assert.throws(
    () => compileOfficeHours(empty),
    (e: unknown) => e instanceof WorkingTimeError && e.code === 'INVALID_OFFICE_HOURS',
  );
});
