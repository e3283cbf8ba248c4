import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vi } from '../../app/i18n/vi.ts';
import type { OfficeHours } from './calendar-api.ts';
import {
  AGENCY_CODE,
  agenciesOf,
  hoursValues,
  jsDay,
  officeHoursBody,
  officeHoursDetailPlace,
  sessionsText,
} from './office-hours-rows.ts';

const HOURS: OfficeHours = {
  sessions: {
    '1': [
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ],
    '2': [],
    '3': [],
    '4': [],
    '5': [],
    '6': [],
    '7': [],
  },
  saturdayReceiving: [{ start: '08:00', end: '11:00' }],
  workingDayMinutes: 480,
};

test('jsDay maps Monday to 1 and Sunday to 0', () => {
  assert.equal(jsDay('1'), 1);
  assert.equal(jsDay('7'), 0);
});

test('sessionsText joins sessions, or says closed', () => {
  assert.equal(sessionsText(vi, HOURS.sessions['1']), '07:30–11:30, 13:30–17:00');
  assert.equal(sessionsText(vi, []), vi.officeHours.closed);
});

test('hoursValues then officeHoursBody gives the hours back, workingDayMinutes kept', () => {
  let n = 0;
  const values = hoursValues(HOURS, () => `s${++n}`);
  assert.equal(values.days.length, 8);
  assert.deepEqual(values.days[0]!.rows[1], { id: 's2', start: '13:30', end: '17:00' });
  assert.deepEqual(officeHoursBody(values, HOURS), HOURS);
});

test('officeHoursBody leaves out an empty Saturday reception and an absent workingDayMinutes', () => {
  const values = hoursValues({ ...HOURS, saturdayReceiving: [] }, () => 'x');
  const { workingDayMinutes: _, ...base } = HOURS;
  const body = officeHoursBody(values, base);
  assert.equal('saturdayReceiving' in body, false);
  assert.equal('workingDayMinutes' in body, false);
});

test('officeHoursDetailPlace reads weekday sessions and Saturday reception paths', () => {
  assert.deepEqual(officeHoursDetailPlace('body/hours/sessions/1/0/end'), {
    day: '1',
    index: 0,
    field: 'end',
  });
  assert.deepEqual(officeHoursDetailPlace('body/hours/saturdayReceiving/2/start'), {
    day: 'saturdayReceiving',
    index: 2,
    field: 'start',
  });
  assert.equal(officeHoursDetailPlace('body/hours/sessions/9/0/end'), null);
  assert.equal(officeHoursDetailPlace('body/hours/sessions/1'), null);
  assert.equal(officeHoursDetailPlace('body/version'), null);
});

test('AGENCY_CODE and agenciesOf', () => {
  assert.ok(AGENCY_CODE.test('000.00.31.H26'));
  assert.ok(!AGENCY_CODE.test('000.00.31.h26'));
  assert.deepEqual(
    agenciesOf([
      { agencyCode: 'A', agencyName: 'Một' },
      { agencyCode: 'B', agencyName: 'Hai' },
      { agencyCode: 'A', agencyName: 'Một' },
    ]),
    [
      { code: 'A', name: 'Một' },
      { code: 'B', name: 'Hai' },
    ],
  );
});
