import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  civilFromDays,
  daysFromCivil,
  formatDate,
  formatInstant,
  isoWeekday,
  parseClock,
  parseDate,
  parseInstant,
} from './civil-date.ts';
import { WorkingTimeError } from './errors.ts';

const seed =
  process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);
console.log(`civil-date properties: fast-check seed ${seed} (replay with FC_SEED=${seed})`);
fc.configureGlobal({ seed, numRuns: 1000 });

test('day numbers round-trip and agree with Date.UTC (1900–2200)', () => {
  fc.assert(
    fc.property(fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2200, 12, 31) }), (day) => {
      const { year, month, day: d } = civilFromDays(day);
      assert.equal(daysFromCivil(year, month, d), day);
      assert.equal(Date.UTC(year, month - 1, d) / 86_400_000, day);
      assert.equal(parseDate(formatDate(day)), day);
      assert.equal(formatInstant(day * 1440 + 123), new Date((day * 1440 + 123) * 60_000).toISOString());
    }),
  );
  assert.equal(isoWeekday(daysFromCivil(2026, 11, 21)), 6, '21/11/2026 is a Saturday');
  assert.equal(isoWeekday(daysFromCivil(2026, 11, 23)), 1);
});

test('strict dates, clocks and instants', () => {
  assert.equal(parseDate('2026-02-29'), undefined);
  assert.equal(parseDate('2024-02-29'), daysFromCivil(2024, 2, 29));
  assert.equal(parseDate('2026-2-01'), undefined);
  assert.equal(parseClock('07:30'), 450);
  assert.equal(parseClock('24:00'), 1440);
  assert.equal(parseClock('24:01'), -1);
  assert.equal(parseClock('7:30'), -1);
  assert.equal(parseInstant('2026-11-21T07:30:00+07:00'), Date.UTC(2026, 10, 21, 0, 30));
  assert.equal(parseInstant('2026-11-21T00:30Z'), Date.UTC(2026, 10, 21, 0, 30));
  // Without an offset the host's zone would decide: refused.
  for (const bad of ['2026-11-21T07:30:00', '2026-11-21', 'tomorrow', '2026-11-21T25:00:00Z']) {
    assert.throws(() => parseInstant(bad), WorkingTimeError, bad);
  }
});
