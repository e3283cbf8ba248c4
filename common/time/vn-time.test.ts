import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  vnCivil,
  vnCompactTimestamp,
  vnDate,
  vnInstant,
  vnIso,
  vnMidnight,
  vnMonth,
  vnYear,
} from './vn-time.ts';

test('civil fields are UTC + 7 h, across the day, month and year boundaries', () => {
  assert.equal(vnDate(new Date('2026-12-31T16:59:59Z')), '2026-12-31');
  assert.equal(vnDate(new Date('2026-12-31T17:00:00Z')), '2027-01-01');
  assert.equal(vnMonth(new Date('2026-11-30T17:00:00Z')), '2026-12');
  assert.equal(vnYear(new Date('2026-12-31T17:00:00Z')), 2027);
  assert.equal(vnCompactTimestamp('2026-11-21T02:15:09Z'), '20261121091509');
  assert.equal(vnIso(new Date('2026-11-21T02:15:09.700Z')), '2026-11-21T09:15:09+07:00');
  assert.deepEqual(vnCivil(Date.parse('2026-02-16T01:00:00Z')), {
    year: 2026,
    month: 2,
    day: 16,
    weekday: 1,
    hour: 8,
    minute: 0,
    second: 0,
  });
});

test('midnight of a civil date (and of a month) is 17:00 UTC the day before', () => {
  assert.equal(vnMidnight('2026-07-01').toISOString(), '2026-06-30T17:00:00.000Z');
  assert.equal(vnMidnight('2026-07').toISOString(), '2026-06-30T17:00:00.000Z');
  assert.equal(vnInstant({ year: 2026, month: 13, day: 1 }).toISOString(), '2026-12-31T17:00:00.000Z');
});

test('an instant and its civil fields give each other back (to the second)', () => {
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(1976, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
      const at = Math.floor(ms / 1000) * 1000;
      assert.equal(vnInstant(vnCivil(at)).getTime(), at);
      assert.equal(new Date(vnIso(at)).getTime(), at);
      assert.ok(vnMidnight(vnDate(at)).getTime() <= at);
      assert.ok(at - vnMidnight(vnDate(at)).getTime() < 86_400_000);
    }),
  );
});
