import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysFromCivil, formatDate, isoWeekday, parseDate } from './civil-date.ts';
import { validateCalendarYear } from './calendar-validation.ts';
import { WorkingTimeError } from './errors.ts';
import { HOLIDAY_NAMES, defaultCalendarYear, deriveCompensatoryDays } from './holidays.ts';
import { hungKingsDate, tetDate } from './lunar.ts';
import { OFFICIAL_CALENDAR_YEARS, officialCalendarYear } from './official-calendar-years.ts';
import type { CalendarYear } from './types.ts';

const P = 'public-holiday';
const C = 'compensatory';
const X = 'extra-day-off';
const O = 'observance-day-off';
const listOf = (y: CalendarYear): string[] => y.holidays.map((h) => `${h.date} ${h.kind}`);
const entries = (...items: [string, string][]): string[] => items.map(([d, k]) => `${d} ${k}`);

test('default 2024: Tết on a Saturday, two compensatory days after mùng 3; adjacent day 3/9', () => {
  assert.deepEqual(
    listOf(defaultCalendarYear(2024)),
    entries(
      ['2024-01-01', P],
      ['2024-02-08', P],
      ['2024-02-09', P],
      ['2024-02-10', P],
      ['2024-02-11', P],
      ['2024-02-12', P],
      ['2024-02-13', C],
      ['2024-02-14', C],
      ['2024-04-18', P],
      ['2024-04-30', P],
      ['2024-05-01', P],
      ['2024-09-02', P],
      ['2024-09-03', P],
    ),
  );
});

test('default 2025: Tết 27–31/1 (2 + 3 days), Quốc khánh 1–2/9', () => {
  assert.deepEqual(
    listOf(defaultCalendarYear(2025)),
    entries(
      ['2025-01-01', P],
      ['2025-01-27', P],
      ['2025-01-28', P],
      ['2025-01-29', P],
      ['2025-01-30', P],
      ['2025-01-31', P],
      ['2025-04-07', P],
      ['2025-04-30', P],
      ['2025-05-01', P],
      ['2025-09-01', P],
      ['2025-09-02', P],
    ),
  );
});

test('default 2026: Tết 16–20/2 (1 + 4 days), Giỗ Tổ on Sunday → 27/4, Ngày Văn hóa 24/11 removable', () => {
  const year = defaultCalendarYear(2026);
  assert.deepEqual(
    listOf(year),
    entries(
      ['2026-01-01', P],
      ['2026-02-16', P],
      ['2026-02-17', P],
      ['2026-02-18', P],
      ['2026-02-19', P],
      ['2026-02-20', P],
      ['2026-04-26', P],
      ['2026-04-27', C],
      ['2026-04-30', P],
      ['2026-05-01', P],
      ['2026-09-01', P],
      ['2026-09-02', P],
      ['2026-11-24', O],
    ),
  );
  const culture = year.holidays.find((h) => h.date === '2026-11-24')!;
  assert.equal(culture.name, HOLIDAY_NAMES.cultureDay);
  assert.equal(culture.removable, true);
  assert.equal(
    year.holidays.find((h) => h.date === '2026-04-27')!.name,
    `Nghỉ bù ${HOLIDAY_NAMES.hungKings}`,
  );
  assert.equal(year.provisional, true);
});

test('default 2027: Tết on a Saturday, 1/5 on a Saturday → Monday 3/5, adjacent day 3/9', () => {
  assert.deepEqual(
    listOf(defaultCalendarYear(2027)),
    entries(
      ['2027-01-01', P],
      ['2027-02-04', P],
      ['2027-02-05', P],
      ['2027-02-06', P],
      ['2027-02-07', P],
      ['2027-02-08', P],
      ['2027-02-09', C],
      ['2027-02-10', C],
      ['2027-04-16', P],
      ['2027-04-30', P],
      ['2027-05-01', P],
      ['2027-05-03', C],
      ['2027-09-02', P],
      ['2027-09-03', P],
      ['2027-11-24', O],
    ),
  );
});

test('the official 2024–2026 schedules are the derivation plus the published swaps', () => {
  const swaps: Record<number, { off: string; worked: string }> = {
    2024: { off: '2024-04-29', worked: '2024-05-04' },
    2025: { off: '2025-05-02', worked: '2025-04-26' },
    2026: { off: '2026-08-31', worked: '2026-08-22' },
  };
  assert.deepEqual(
    OFFICIAL_CALENDAR_YEARS.map((y) => y.year),
    [2024, 2025, 2026],
  );
  for (const official of OFFICIAL_CALENDAR_YEARS) {
    assert.deepEqual(validateCalendarYear(official), [], `${official.year} is valid`);
    assert.equal(official.provisional, false);
    const swap = swaps[official.year]!;
    const derived = listOf(defaultCalendarYear(official.year));
    const expected = [...derived, `${swap.off} ${X}`].sort();
    assert.deepEqual([...listOf(official)].sort(), expected, String(official.year));
    assert.deepEqual(
      official.workingDays.map((w) => w.date),
      [swap.worked],
    );
  }
  // Notes §4.3: Tết 2025 off Saturday 25/1 – Sunday 2/2, i.e. the weekdays 27–31/1.
  const tet2025 = officialCalendarYear(2025)!
    .holidays.filter((h) => h.name === HOLIDAY_NAMES.tet)
    .map((h) => h.date);
  assert.deepEqual(tet2025, ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
  assert.equal(officialCalendarYear(2027), undefined);
  // A copy: editing it cannot change the shipped data.
  officialCalendarYear(2026)!.holidays.pop();
  assert.equal(officialCalendarYear(2026)!.holidays.length, 14);
});

test('the derivation reproduces the weekdays off of the 2021–2023 Tết schedules', () => {
  // Official CBCCVC Tết breaks (general knowledge, not in the notes): 10–16/2/2021, 31/1–4/2/2022,
  // 20–26/1/2023.
  const weekdaysOff = (year: number, from: string, to: string): string[] =>
    defaultCalendarYear(year)
      .holidays.map((h) => h.date)
      .filter((d) => d >= from && d <= to && isoWeekday(parseDate(d)!) < 6);
  assert.deepEqual(weekdaysOff(2021, '2021-02-01', '2021-02-28'), [
    '2021-02-10',
    '2021-02-11',
    '2021-02-12',
    '2021-02-15',
    '2021-02-16',
  ]);
  assert.deepEqual(weekdaysOff(2022, '2022-01-15', '2022-02-15'), [
    '2022-01-31',
    '2022-02-01',
    '2022-02-02',
    '2022-02-03',
    '2022-02-04',
  ]);
  assert.deepEqual(weekdaysOff(2023, '2023-01-15', '2023-02-15'), [
    '2023-01-20',
    '2023-01-23',
    '2023-01-24',
    '2023-01-25',
    '2023-01-26',
  ]);
});

test('every default year 2015–2035 is a valid provisional year that follows the rules', () => {
  for (let year = 2015; year <= 2035; year++) {
    const cal = defaultCalendarYear(year);
    assert.deepEqual(validateCalendarYear(cal), [], String(year));
    assert.equal(cal.provisional, true);
    assert.equal(cal.year, year);
    assert.deepEqual(cal.workingDays, []);
    const dates = cal.holidays.map((h) => h.date);
    assert.equal(new Set(dates).size, dates.length, `${year}: no duplicates`);
    assert.deepEqual([...dates].sort(), dates, `${year}: sorted`);

    const statutory = cal.holidays.filter((h) => h.kind !== 'compensatory');
    assert.equal(
      statutory.length,
      10 + (year >= 2021 ? 1 : 0) + (year >= 2026 ? 1 : 0),
      `${year}: statutory count`,
    );
    // Each holiday on a weekend has exactly one compensatory weekday, so the weekdays off number the
    // statutory days (Labour Code 2019 art. 111 k3).
    const weekdaysOff = dates.filter((d) => isoWeekday(parseDate(d)!) < 6);
    assert.equal(weekdaysOff.length, statutory.length, `${year}: weekdays off`);
    for (const h of cal.holidays.filter((x) => x.kind === 'compensatory')) {
      assert.ok(isoWeekday(parseDate(h.date)!) < 6, `${year}: ${h.date} compensatory on a weekday`);
    }

    const tet = parseDate(tetDate(year))!;
    const tetDays = cal.holidays.filter((h) => h.name === HOLIDAY_NAMES.tet).map((h) => parseDate(h.date)!);
    assert.equal(tetDays.length, 5);
    assert.equal(tetDays[4]! - tetDays[0]!, 4, `${year}: five consecutive days`);
    for (const d of [tet - 1, tet, tet + 1, tet + 2])
      assert.ok(tetDays.includes(d), `${year}: ${formatDate(d)} in Tết`);
    assert.ok(dates.includes(hungKingsDate(year)));
    for (const d of ['01-01', '04-30', '05-01', '09-02'])
      assert.ok(dates.includes(`${year}-${d}`), `${year}-${d}`);
    const adjacent = cal.holidays.find((h) => h.name === HOLIDAY_NAMES.nationalDayAdjacent);
    if (year < 2021) assert.equal(adjacent, undefined, `${year}: Labour Code 2012 has no adjacent day`);
    else assert.ok(adjacent?.date === `${year}-09-01` || adjacent?.date === `${year}-09-03`);
    assert.equal(dates.includes(`${year}-11-24`), year >= 2026);
  }
});

test('compensatory days carry removable over and skip days already off', () => {
  const comps = deriveCompensatoryDays([
    { date: '2029-11-24', name: HOLIDAY_NAMES.cultureDay, kind: 'observance-day-off', removable: true },
    { date: '2029-11-26', name: 'Ngày nghỉ khác', kind: 'extra-day-off' },
  ]);
  assert.deepEqual(comps, [
    {
      date: '2029-11-27',
      name: `Nghỉ bù ${HOLIDAY_NAMES.cultureDay}`,
      kind: 'compensatory',
      removable: true,
    },
  ]);
  assert.equal(formatDate(daysFromCivil(2029, 11, 24)), '2029-11-24');
  assert.equal(isoWeekday(daysFromCivil(2029, 11, 24)), 6);
});

test('years without rules are refused', () => {
  assert.throws(
    () => defaultCalendarYear(2013),
    (e: unknown) => e instanceof WorkingTimeError && e.code === 'UNSUPPORTED_YEAR',
  );
  assert.throws(() => defaultCalendarYear(2026.5), WorkingTimeError);
});
