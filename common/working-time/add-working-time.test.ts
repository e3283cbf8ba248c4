import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXPLANATION_REASONS, addWorkingTime } from './add-working-time.ts';
import { WorkingTimeError } from './errors.ts';
import { HOLIDAY_NAMES } from './holidays.ts';
import { defaultOfficeHours } from './office-hours.ts';
import { local, pause, testCalendar, vn } from './test-fixtures.ts';
import type { AddWorkingTimeOptions, DueTime, Duration, OfficeHours } from './types.ts';

const calendar = testCalendar();
const hours = defaultOfficeHours();
const R = EXPLANATION_REASONS;

/** addWorkingTime in Vietnamese civil time, with the explanation as readable rows. */
function due(
  start: string,
  duration: Duration,
  options?: Omit<AddWorkingTimeOptions, 'hours'>,
  officeHours: OfficeHours = hours,
) {
  const r: DueTime = addWorkingTime(vn(start), duration, calendar, { hours: officeHours, ...options });
  return {
    dueAt: local(r.dueAt),
    countedFrom: local(r.countedFrom),
    spans: r.explanation.map((s) => [local(s.from), local(s.to), s.kind, s.reason]),
  };
}
const wd = (value: number): Duration => ({ value, unit: 'working-day' });
const wh = (value: number): Duration => ({ value, unit: 'working-hour' });
const cd = (value: number): Duration => ({ value, unit: 'calendar-day' });

test('received Friday 16:00, 1 working day → Monday 16:00, the weekend named', () => {
  assert.deepEqual(due('2026-11-20 16:00', wd(1)), {
    dueAt: '2026-11-23 16:00',
    countedFrom: '2026-11-20 16:00',
    spans: [
      ['2026-11-20 16:00', '2026-11-20 17:00', 'counted', R.counted],
      ['2026-11-20 17:00', '2026-11-23 07:30', 'weekend', 'Thứ Bảy, Chủ nhật'],
      ['2026-11-23 07:30', '2026-11-23 16:00', 'counted', R.counted],
    ],
  });
});

test('received online at 22:00 → counted from 07:30 the next working day', () => {
  assert.deepEqual(due('2026-11-19 22:00', wd(1)), {
    dueAt: '2026-11-20 17:00',
    countedFrom: '2026-11-20 07:30',
    spans: [
      ['2026-11-19 22:00', '2026-11-20 07:30', 'outside-office-hours', R.receivedOutside],
      ['2026-11-20 07:30', '2026-11-20 17:00', 'counted', R.counted],
    ],
  });
  // Friday night: the weekend lies between.
  assert.deepEqual(due('2026-11-20 22:00', wh(2)), {
    dueAt: '2026-11-23 09:30',
    countedFrom: '2026-11-23 07:30',
    spans: [
      ['2026-11-20 22:00', '2026-11-23 07:30', 'weekend', 'Thứ Bảy, Chủ nhật'],
      ['2026-11-23 07:30', '2026-11-23 09:30', 'counted', R.counted],
    ],
  });
});

test('received just before Tết 2026: 3 working days skip the Tết week', () => {
  assert.deepEqual(due('2026-02-12 10:00', wd(3)), {
    dueAt: '2026-02-24 10:00',
    countedFrom: '2026-02-12 10:00',
    spans: [
      ['2026-02-12 10:00', '2026-02-13 17:00', 'counted', R.counted],
      ['2026-02-13 17:00', '2026-02-16 00:00', 'weekend', 'Thứ Bảy, Chủ nhật'],
      ['2026-02-16 00:00', '2026-02-21 00:00', 'holiday', HOLIDAY_NAMES.tet],
      ['2026-02-21 00:00', '2026-02-23 07:30', 'weekend', 'Thứ Bảy, Chủ nhật'],
      ['2026-02-23 07:30', '2026-02-24 10:00', 'counted', R.counted],
    ],
  });
});

test('Tết 2024 on a weekend: holidays and compensatory days form one span', () => {
  assert.deepEqual(due('2024-02-07 09:00', wd(2)), {
    dueAt: '2024-02-16 09:00',
    countedFrom: '2024-02-07 09:00',
    spans: [
      ['2024-02-07 09:00', '2024-02-07 17:00', 'counted', R.counted],
      [
        '2024-02-07 17:00',
        '2024-02-15 07:30',
        'holiday',
        `${HOLIDAY_NAMES.tet}, Nghỉ bù ${HOLIDAY_NAMES.tet}`,
      ],
      ['2024-02-15 07:30', '2024-02-16 09:00', 'counted', R.counted],
    ],
  });
});

test('a make-up Saturday counts (22/8/2026) and the swapped Monday does not', () => {
  const r = due('2026-08-20 10:00', wd(5));
  assert.equal(r.dueAt, '2026-08-26 10:00');
  assert.deepEqual(r.spans, [
    ['2026-08-20 10:00', '2026-08-22 07:30', 'counted', R.counted],
    [
      '2026-08-22 07:30',
      '2026-08-22 17:00',
      'make-up-working-day',
      'Làm bù cho ngày nghỉ hoán đổi Thứ Hai 31/08/2026',
    ],
    ['2026-08-22 17:00', '2026-08-24 07:30', 'weekend', 'Chủ nhật'],
    ['2026-08-24 07:30', '2026-08-26 10:00', 'counted', R.counted],
  ]);
  assert.equal(due('2026-08-28 10:00', wd(1)).dueAt, '2026-09-03 10:00');
});

test('received during the lunch break or before opening: counted from the next session', () => {
  assert.deepEqual(due('2026-11-18 12:00', wh(1)), {
    dueAt: '2026-11-18 14:00',
    countedFrom: '2026-11-18 13:00',
    spans: [
      ['2026-11-18 12:00', '2026-11-18 13:00', 'outside-office-hours', R.receivedOutside],
      ['2026-11-18 13:00', '2026-11-18 14:00', 'counted', R.counted],
    ],
  });
  assert.equal(due('2026-11-18 06:00', wh(4)).dueAt, '2026-11-18 11:30');
  // Ending exactly at a close: the due instant is the close, not the next opening.
  assert.equal(due('2026-11-18 07:30', wd(1)).dueAt, '2026-11-18 17:00');
  assert.equal(due('2026-11-18 07:30', wh(4)).dueAt, '2026-11-18 11:30');
});

test('fractional days, seconds and offsets', () => {
  assert.equal(due('2026-11-18 07:30', wd(0.5)).dueAt, '2026-11-18 11:30');
  assert.equal(due('2026-11-18 07:30', wd(1.25)).dueAt, '2026-11-19 09:30');
  // Counting starts at the first whole minute at or after the receipt.
  const r = addWorkingTime('2026-11-18T09:00:30+07:00', wh(1), calendar, { hours });
  assert.equal(r.countedFrom, '2026-11-18T02:01:00.000Z');
  assert.equal(r.dueAt, '2026-11-18T03:01:00.000Z');
  // Any offset names the same instant.
  assert.equal(
    addWorkingTime('2026-11-18T02:00:00Z', wh(1), calendar, { hours }).dueAt,
    '2026-11-18T03:00:00.000Z',
  );
  assert.equal(
    addWorkingTime(new Date('2026-11-18T02:00:00Z'), wh(1), calendar, { hours }).dueAt,
    '2026-11-18T03:00:00.000Z',
  );
  // Zero: due at the counted-from instant.
  assert.deepEqual(due('2026-11-18 22:00', wd(0)).dueAt, '2026-11-19 07:30');
});

test('other office hours: a short Friday and a 07:00–11:30 / 13:30–17:00 agency', () => {
  const shortFriday = defaultOfficeHours();
  shortFriday.sessions['5'] = [{ start: '07:30', end: '11:30' }];
  assert.equal(due('2026-11-19 13:00', wd(1), {}, shortFriday).dueAt, '2026-11-20 11:30');
  assert.equal(due('2026-11-19 14:00', wd(1), {}, shortFriday).dueAt, '2026-11-23 08:30');
  const early: OfficeHours = defaultOfficeHours();
  for (const d of ['1', '2', '3', '4', '5'] as const) {
    early.sessions[d] = [
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ];
  }
  assert.deepEqual(due('2026-11-18 12:00', wh(1), {}, early), {
    dueAt: '2026-11-18 14:30',
    countedFrom: '2026-11-18 13:30',
    spans: [
      ['2026-11-18 12:00', '2026-11-18 13:30', 'outside-office-hours', R.receivedOutside],
      ['2026-11-18 13:30', '2026-11-18 14:30', 'counted', R.counted],
    ],
  });
});

test('calendar days run through days off; a last day off moves to the next working day', () => {
  assert.deepEqual(due('2026-11-02 09:00', cd(10)), {
    dueAt: '2026-11-12 17:00',
    countedFrom: '2026-11-02 09:00',
    spans: [['2026-11-02 09:00', '2026-11-12 17:00', 'counted', R.calendar]],
  });
  assert.deepEqual(due('2026-11-16 09:00', cd(5)), {
    dueAt: '2026-11-23 17:00',
    countedFrom: '2026-11-16 09:00',
    spans: [
      ['2026-11-16 09:00', '2026-11-21 09:00', 'counted', R.calendar],
      ['2026-11-21 09:00', '2026-11-23 07:30', 'weekend', 'Thứ Bảy, Chủ nhật'],
      ['2026-11-23 07:30', '2026-11-23 17:00', 'counted', R.rolled],
    ],
  });
  assert.deepEqual(due('2026-02-12 10:00', cd(7)), {
    dueAt: '2026-02-23 17:00',
    countedFrom: '2026-02-12 10:00',
    spans: [
      ['2026-02-12 10:00', '2026-02-19 10:00', 'counted', R.calendar],
      ['2026-02-19 10:00', '2026-02-21 00:00', 'holiday', HOLIDAY_NAMES.tet],
      ['2026-02-21 00:00', '2026-02-23 07:30', 'weekend', 'Thứ Bảy, Chủ nhật'],
      ['2026-02-23 07:30', '2026-02-23 17:00', 'counted', R.rolled],
    ],
  });
  // Received at night: counted from the next session, then 1 day.
  assert.equal(due('2026-11-18 22:00', cd(1)).dueAt, '2026-11-20 17:00');
  assert.throws(
    () => due('2026-11-18 09:00', cd(1.5)),
    (e: unknown) => e instanceof WorkingTimeError && e.code === 'INVALID_DURATION',
  );
});

test('same-day procedures: by the close, or the next working day after 15:00', () => {
  assert.equal(due('2026-11-18 14:59', { value: 0, unit: 'same-day' }).dueAt, '2026-11-18 17:00');
  assert.deepEqual(due('2026-11-20 15:00', { value: 0, unit: 'same-day' }), {
    dueAt: '2026-11-23 17:00',
    countedFrom: '2026-11-23 07:30',
    spans: [
      [
        '2026-11-20 15:00',
        '2026-11-20 17:00',
        'outside-office-hours',
        'Tiếp nhận từ 15:00 trở đi: thời hạn tính từ ngày làm việc tiếp theo',
      ],
      ['2026-11-20 17:00', '2026-11-23 07:30', 'weekend', 'Thứ Bảy, Chủ nhật'],
      ['2026-11-23 07:30', '2026-11-23 17:00', 'counted', R.counted],
    ],
  });
  assert.equal(
    due('2026-11-18 15:30', { value: 0, unit: 'same-day' }, { cutoff: '16:00' }).dueAt,
    '2026-11-18 17:00',
  );
  // The cutoff may apply to other units too.
  assert.equal(due('2026-11-18 15:30', wd(1), { cutoff: '15:00' }).countedFrom, '2026-11-19 07:30');
  assert.equal(due('2026-11-18 15:30', wd(1)).countedFrom, '2026-11-18 15:30');
});

test('a suspending pause stops the clock; days off inside it are part of the pause', () => {
  const pauses = [pause('2026-11-20 18:00', '2026-11-23 10:00', 'suspend', 'Chờ bổ sung hồ sơ')];
  assert.deepEqual(due('2026-11-20 16:00', wd(1), { pauses }), {
    dueAt: '2026-11-25 09:00',
    countedFrom: '2026-11-20 16:00',
    spans: [
      ['2026-11-20 16:00', '2026-11-20 17:00', 'counted', R.counted],
      ['2026-11-20 17:00', '2026-11-20 18:00', 'outside-office-hours', R.outside],
      ['2026-11-20 18:00', '2026-11-23 10:00', 'pause', 'Chờ bổ sung hồ sơ (tạm dừng tính thời hạn)'],
      ['2026-11-23 10:00', '2026-11-23 17:00', 'counted', R.counted],
      ['2026-11-23 17:00', '2026-11-25 07:30', 'holiday', HOLIDAY_NAMES.cultureDay],
      ['2026-11-25 07:30', '2026-11-25 09:00', 'counted', R.counted],
    ],
  });
  const r = due('2026-08-20 10:00', wd(5), {
    pauses: [pause('2026-08-21 09:00', '2026-08-25 14:00', 'suspend', 'Chờ bổ sung hồ sơ')],
  });
  assert.equal(r.dueAt, '2026-09-03 15:00');
  // A pause after the due instant changes nothing; one before the receipt only its overlap.
  const late = [pause('2026-11-23 16:00', '2026-11-24 10:00', 'suspend', 'Chờ nộp phí')];
  assert.equal(due('2026-11-20 16:00', wd(1), { pauses: late }).dueAt, '2026-11-23 16:00');
});

test('a restarting pause starts the count over from its end', () => {
  const pauses = [pause('2026-08-21 09:00', '2026-08-25 14:00', 'restart', 'Trả hồ sơ để bổ sung')];
  assert.deepEqual(due('2026-08-20 10:00', wd(5), { pauses }), {
    dueAt: '2026-09-04 14:00',
    countedFrom: '2026-08-25 14:00',
    spans: [
      ['2026-08-20 10:00', '2026-08-21 09:00', 'pause', R.voided],
      [
        '2026-08-21 09:00',
        '2026-08-25 14:00',
        'pause',
        'Trả hồ sơ để bổ sung (tính lại thời hạn từ đầu khi kết thúc)',
      ],
      ['2026-08-25 14:00', '2026-08-28 17:00', 'counted', R.counted],
      ['2026-08-28 17:00', '2026-08-31 00:00', 'weekend', 'Thứ Bảy, Chủ nhật'],
      [
        '2026-08-31 00:00',
        '2026-09-03 07:30',
        'holiday',
        'Nghỉ hoán đổi (làm bù Thứ Bảy 22/08/2026), Quốc khánh (ngày liền kề), Quốc khánh (2/9)',
      ],
      ['2026-09-03 07:30', '2026-09-04 14:00', 'counted', R.counted],
    ],
  });
  // Restart after 15:00 with the cutoff: counted from the next working day.
  const evening = [pause('2026-11-18 09:00', '2026-11-19 16:00', 'restart', 'Bổ sung')];
  assert.equal(
    due('2026-11-17 09:00', wd(2), { pauses: evening, cutoff: '15:00' }).countedFrom,
    '2026-11-20 07:30',
  );
  assert.equal(due('2026-11-17 09:00', wd(2), { pauses: evening }).countedFrom, '2026-11-19 16:00');
  // Calendar days restart too.
  const returned = [pause('2026-11-05 09:00', '2026-11-09 10:00', 'restart', 'Bổ sung')];
  const r = due('2026-11-02 09:00', cd(10), { pauses: returned });
  assert.equal(r.countedFrom, '2026-11-09 10:00');
  assert.equal(r.dueAt, '2026-11-19 17:00');
});

test('calendar-day pauses shift the deadline by their length', () => {
  const pauses = [pause('2026-11-03 09:00', '2026-11-05 09:00', 'suspend', 'Chờ nộp phí')];
  assert.deepEqual(due('2026-11-02 09:00', cd(10), { pauses }), {
    dueAt: '2026-11-16 17:00',
    countedFrom: '2026-11-02 09:00',
    spans: [
      ['2026-11-02 09:00', '2026-11-03 09:00', 'counted', R.calendar],
      ['2026-11-03 09:00', '2026-11-05 09:00', 'pause', 'Chờ nộp phí (tạm dừng tính thời hạn)'],
      ['2026-11-05 09:00', '2026-11-14 09:00', 'counted', R.calendar],
      ['2026-11-14 09:00', '2026-11-16 07:30', 'weekend', 'Thứ Bảy, Chủ nhật'],
      ['2026-11-16 07:30', '2026-11-16 17:00', 'counted', R.rolled],
    ],
  });
});

test('explain: false gives the same due time without spans', () => {
  const full = addWorkingTime(vn('2026-02-12 10:00'), wd(3), calendar, { hours });
  const bare = addWorkingTime(vn('2026-02-12 10:00'), wd(3), calendar, { hours, explain: false });
  assert.equal(bare.dueAt, full.dueAt);
  assert.equal(bare.countedFrom, full.countedFrom);
  assert.deepEqual(bare.explanation, []);
});

test('bad input is refused with a code and the failing path', () => {
  const code = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      if (e instanceof WorkingTimeError) return `${e.code} ${e.details.map((d) => d.path).join(',')}`;
      throw e;
    }
    return 'no error';
  };
  assert.equal(
    code(() => addWorkingTime('2026-11-18 10:00', wd(1), calendar, { hours })),
    'INVALID_INSTANT start',
  );
  assert.equal(
    code(() => addWorkingTime('2026-11-18T10:00', wd(1), calendar, { hours })),
    'INVALID_INSTANT start',
  );
  assert.equal(
    code(() => addWorkingTime(vn('2026-11-18 10:00'), wd(-1), calendar, { hours })),
    'INVALID_DURATION value',
  );
  assert.equal(
    code(() => addWorkingTime(vn('2026-11-18 10:00'), wd(0.001), calendar, { hours })),
    'INVALID_DURATION value',
  );
  assert.equal(
    code(() => addWorkingTime(vn('2026-11-18 10:00'), wd(Number.NaN), calendar, { hours })),
    'INVALID_DURATION value',
  );
  assert.equal(
    code(() =>
      addWorkingTime(vn('2026-11-18 10:00'), { value: 1, unit: 'week' as never }, calendar, { hours }),
    ),
    'INVALID_DURATION unit',
  );
  assert.equal(
    code(() => addWorkingTime(vn('2026-11-18 10:00'), wd(1), calendar, { hours, cutoff: '3pm' })),
    'INVALID_DURATION cutoff',
  );
  assert.equal(
    code(() =>
      addWorkingTime(vn('2026-11-18 10:00'), wd(1), calendar, {
        hours,
        pauses: [
          { from: vn('2026-11-18 11:00'), to: vn('2026-11-18 10:59'), policy: 'suspend', reason: 'x' },
          { from: 'yesterday', to: vn('2026-11-18 11:00'), policy: 'hold' as never, reason: '' },
        ],
      }),
    ),
    'INVALID_PAUSE pauses/0/to,pauses/1/from',
  );
  assert.equal(
    code(() => addWorkingTime(vn('2028-12-20 10:00'), wd(30), calendar, { hours })),
    'CALENDAR_YEAR_MISSING ',
  );
  assert.equal(
    code(() => addWorkingTime(vn('2022-12-20 10:00'), wd(1), calendar, { hours })),
    'CALENDAR_YEAR_MISSING ',
  );
  assert.equal(
    code(() => addWorkingTime(vn('2026-11-18 10:00'), wd(1), calendar, { hours: { sessions: {} } as never })),
    'INVALID_OFFICE_HOURS sessions/1,sessions/2,sessions/3,sessions/4,sessions/5,sessions/6,sessions/7',
  );
});

test('a pause that ends in the minute it began is empty: a suspend changes nothing, a restart restarts', () => {
  const plain = due('2026-08-20 10:00', wd(5));
  const same = vn('2026-08-21 09:00');
  const empty = [{ from: same, to: same, policy: 'suspend' as const, reason: 'Chờ bổ sung hồ sơ' }];
  assert.equal(due('2026-08-20 10:00', wd(5), { pauses: empty }).dueAt, plain.dueAt);
  const restart = [{ from: same, to: same, policy: 'restart' as const, reason: 'Trả hồ sơ để bổ sung' }];
  const restarted = due('2026-08-20 10:00', wd(5), { pauses: restart });
  assert.equal(restarted.countedFrom, '2026-08-21 09:00');
  assert.equal(restarted.dueAt, due('2026-08-21 09:00', wd(5)).dueAt);
  // Seconds apart within one minute, as a supplement handed in right after the request.
  const seconds = [
    {
      from: '2026-08-21T02:00:05.000Z',
      to: '2026-08-21T02:00:40.000Z',
      policy: 'suspend' as const,
      reason: 'Chờ bổ sung hồ sơ',
    },
  ];
  assert.equal(due('2026-08-20 10:00', wd(5), { pauses: seconds }).dueAt, plain.dueAt);
  // An end before the start is still refused.
  assert.throws(
    () =>
      due('2026-08-20 10:00', wd(5), {
        pauses: [{ from: vn('2026-08-21 10:00'), to: same, policy: 'suspend', reason: 'x' }],
      }),
    (e: unknown) => e instanceof WorkingTimeError && e.details.some((d) => d.code === 'end-before-start'),
  );
});
