import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addWorkingTime } from './add-working-time.ts';
import { defaultOfficeHours } from './office-hours.ts';
import {
  formatWorkingDuration,
  isReceivingTime,
  remainingWorkingTime,
  splitWorkingMinutes,
  workingDayMinutesOf,
  workingMinutesBetween,
} from './remaining.ts';
import { local, testCalendar, vn } from './test-fixtures.ts';

const calendar = testCalendar();
const hours = defaultOfficeHours();
const remaining = (now: string, due: string) => remainingWorkingTime(vn(now), vn(due), calendar, hours);

test('time left before the due instant, in working days, hours and minutes', () => {
  assert.deepEqual(remaining('2026-11-20 09:00', '2026-11-23 16:00'), {
    overdue: false,
    workingMinutes: 810,
    days: 1,
    hours: 5,
    minutes: 30,
    label: 'Còn 1 ngày 5 giờ 30 phút làm việc',
  });
  assert.equal(remaining('2026-11-16 07:30', '2026-11-18 17:00').label, 'Còn 3 ngày làm việc');
  assert.equal(remaining('2026-11-23 16:00', '2026-11-23 16:00').label, 'Đến hạn');
});

test('time overdue skips days off (24/11/2026 is Ngày Văn hóa Việt Nam)', () => {
  assert.deepEqual(remaining('2026-11-25 09:00', '2026-11-23 16:00'), {
    overdue: true,
    workingMinutes: -150,
    days: 0,
    hours: 2,
    minutes: 30,
    label: 'Quá hạn 2 giờ 30 phút làm việc',
  });
  assert.equal(remaining('2026-11-17 17:00', '2026-11-16 17:00').label, 'Quá hạn 1 ngày làm việc');
  // Late, though no working time has passed since the due instant.
  const weekend = remaining('2026-11-21 10:00', '2026-11-20 17:00');
  assert.equal(weekend.overdue, true);
  assert.equal(weekend.label, 'Đã quá hạn');
});

test('working minutes between instants are signed and agree with addWorkingTime', () => {
  assert.equal(workingMinutesBetween(vn('2026-11-20 16:00'), vn('2026-11-23 16:00'), calendar, hours), 480);
  assert.equal(workingMinutesBetween(vn('2026-11-23 16:00'), vn('2026-11-20 16:00'), calendar, hours), -480);
  const r = addWorkingTime(vn('2026-02-12 10:00'), { value: 3, unit: 'working-day' }, calendar, { hours });
  assert.equal(workingMinutesBetween(r.countedFrom, r.dueAt, calendar, hours), 3 * 480);
  assert.equal(workingDayMinutesOf(calendar, hours), 480);
});

test('durations split and format by the working day length', () => {
  assert.deepEqual(splitWorkingMinutes(-1000, 480), { days: 2, hours: 0, minutes: 40 });
  assert.equal(formatWorkingDuration(0, 480), '0 phút');
  assert.equal(formatWorkingDuration(45, 480), '45 phút');
  assert.equal(formatWorkingDuration(450 + 120, 450), '1 ngày 2 giờ');
});

test('Saturday receiving hours receive without starting the clock', () => {
  const withSaturday = { ...defaultOfficeHours(), saturdayReceiving: [{ start: '07:30', end: '11:30' }] };
  assert.equal(isReceivingTime(vn('2026-11-21 09:00'), calendar, withSaturday), true);
  assert.equal(isReceivingTime(vn('2026-11-21 12:00'), calendar, withSaturday), false);
  assert.equal(isReceivingTime(vn('2026-11-21 09:00'), calendar, hours), false);
  assert.equal(isReceivingTime(vn('2026-11-22 09:00'), calendar, withSaturday), false, 'not on Sunday');
  assert.equal(
    isReceivingTime(vn('2024-02-10 09:00'), calendar, withSaturday),
    false,
    'not on a Saturday holiday',
  );
  assert.equal(isReceivingTime(vn('2026-08-22 15:00'), calendar, hours), true, 'a make-up Saturday works');
  assert.equal(isReceivingTime(vn('2026-11-20 10:00'), calendar, hours), true);
  assert.equal(isReceivingTime(vn('2026-11-20 12:00'), calendar, hours), false);
  const r = addWorkingTime(vn('2026-11-21 09:00'), { value: 1, unit: 'working-day' }, calendar, {
    hours: withSaturday,
  });
  assert.equal(local(r.countedFrom), '2026-11-23 07:30');
  assert.equal(local(r.dueAt), '2026-11-23 17:00');
});
