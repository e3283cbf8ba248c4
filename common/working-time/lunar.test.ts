import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { daysFromCivil, formatDate } from './civil-date.ts';
import { WorkingTimeError } from './errors.ts';
import { hungKingsDate, leapMonthOf, lunarToSolar, solarToLunar, tetDate } from './lunar.ts';

// Hồ Ngọc Đức's algorithm, computed (not tabulated): the oracle for the tables we ship.
type Amlich = {
  convertLunar2Solar(d: number, m: number, y: number, leap: number, tz: number): [number, number, number];
  convertSolar2Lunar(d: number, m: number, y: number, tz: number): [number, number, number, number];
};
const amlich = createRequire(import.meta.url)('amlich') as Amlich;

const seed =
  process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);
console.log(`lunar properties: fast-check seed ${seed} (replay with FC_SEED=${seed})`);
fc.configureGlobal({ seed });
const oracle = (d: number, m: number, y: number, leap = 0): string => {
  const [dd, mm, yy] = amlich.convertLunar2Solar(d, m, y, leap, 7);
  return formatDate(daysFromCivil(yy, mm, dd));
};

test('Tết dates, including the years Vietnam and China differ (1985, 2007)', () => {
  const expected: Record<number, string> = {
    1985: '1985-01-21',
    2007: '2007-02-17',
    2024: '2024-02-10',
    2025: '2025-01-29',
    2026: '2026-02-17',
    2027: '2027-02-06',
  };
  for (const [year, date] of Object.entries(expected)) assert.equal(tetDate(Number(year)), date, year);
});

test('Giỗ Tổ Hùng Vương dates (10/3 âm lịch)', () => {
  assert.equal(hungKingsDate(2024), '2024-04-18');
  assert.equal(hungKingsDate(2025), '2025-04-07');
  assert.equal(hungKingsDate(2026), '2026-04-26');
  assert.equal(hungKingsDate(2027), '2027-04-16');
});

// Before 1968 the tables follow the calendar then in use (computed for UTC+8, e.g. Tết 1965 on 2/2)
// while the oracle is asked for UTC+7, so the comparison starts in 1968.
test('Tết and Giỗ Tổ agree with the amlich oracle for every year 1968–2150 (so 2015–2035)', () => {
  for (let year = 1968; year <= 2150; year++) {
    assert.equal(tetDate(year), oracle(1, 1, year), `Tết ${year}`);
    assert.equal(hungKingsDate(year), oracle(10, 3, year), `Giỗ Tổ ${year}`);
  }
});

test('leap months: 2023 has a leap 2nd month, 2025 a leap 6th, 2024 none', () => {
  assert.equal(leapMonthOf(2023), 2);
  assert.equal(leapMonthOf(2025), 6);
  assert.equal(leapMonthOf(2020), 4);
  assert.equal(leapMonthOf(2024), 0);
  assert.equal(lunarToSolar(1, 2, 2023, true), '2023-03-22');
  assert.equal(lunarToSolar(1, 2, 2023, true), oracle(1, 2, 2023, 1));
  assert.equal(lunarToSolar(1, 2, 2023), '2023-02-20');
  assert.deepEqual(solarToLunar('2023-03-22'), { day: 1, month: 2, year: 2023, leap: true });
  // The underlying library silently answers the regular month for a leap month that does not exist.
  assert.throws(() => lunarToSolar(1, 3, 2023, true), WorkingTimeError);
  assert.throws(() => lunarToSolar(30, 1, 2024), WorkingTimeError, 'tháng Giêng 2024 has 29 days');
});

// From 2054 on amlich itself answers impossible dates (day 0 of a month) near some new moons.
test('solar → lunar agrees with the oracle on random dates 1968–2053', () => {
  fc.assert(
    fc.property(fc.integer({ min: daysFromCivil(1968, 3, 1), max: daysFromCivil(2053, 12, 31) }), (day) => {
      const date = formatDate(day);
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const [ld, lm, ly, leap] = amlich.convertSolar2Lunar(d, m, y, 7);
      assert.deepEqual(solarToLunar(date), { day: ld, month: lm, year: ly, leap: leap === 1 });
      assert.equal(lunarToSolar(ld, lm, ly, leap === 1), date);
    }),
    { numRuns: 500 },
  );
});

test('years outside the tables are refused, not answered with zeros', () => {
  assert.throws(
    () => tetDate(2200),
    (e: unknown) => e instanceof WorkingTimeError && e.code === 'UNSUPPORTED_YEAR',
  );
  assert.throws(
    () => tetDate(1899),
    (e: unknown) => e instanceof WorkingTimeError && e.code === 'UNSUPPORTED_YEAR',
  );
});
