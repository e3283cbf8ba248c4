// Published civil-servant (CBCCVC) schedules, entered as data (legal-notes §4.3, §4.4: official
// notice dates are data, the lunar derivation is only a helper). Evidence tags are the notes'.
// Later years are left out on purpose: the server seeds them from defaultCalendarYear as provisional
// until an administrator enters the notice.
import { HOLIDAY_NAMES } from './holidays.ts';
import type { CalendarHoliday, CalendarYear } from './types.ts';

const { newYear, tet, hungKings, victory, labour, nationalDay, nationalDayAdjacent, cultureDay } =
  HOLIDAY_NAMES;

const holiday = (date: string, name: string): CalendarHoliday => ({ date, name, kind: 'public-holiday' });
const tetDays = (...dates: string[]): CalendarHoliday[] => dates.map((d) => holiday(d, tet));

export const OFFICIAL_CALENDAR_YEARS: readonly CalendarYear[] = [
  {
    // Tết 8–14/2 [U]; 30/4–1/5: 27/4–1/5 with Monday 29/4 swapped for Saturday 4/5 (TB 1570/TB-BLĐTBXH)
    // [V/P]; Quốc khánh 31/8–3/9 [U].
    year: 2024,
    version: 1,
    provisional: false,
    holidays: [
      holiday('2024-01-01', newYear),
      ...tetDays('2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12'),
      { date: '2024-02-13', name: `Nghỉ bù ${tet}`, kind: 'compensatory' },
      { date: '2024-02-14', name: `Nghỉ bù ${tet}`, kind: 'compensatory' },
      holiday('2024-04-18', hungKings),
      { date: '2024-04-29', name: 'Nghỉ hoán đổi (làm bù Thứ Bảy 04/05/2024)', kind: 'extra-day-off' },
      holiday('2024-04-30', victory),
      holiday('2024-05-01', labour),
      holiday('2024-09-02', nationalDay),
      holiday('2024-09-03', nationalDayAdjacent),
    ],
    workingDays: [{ date: '2024-05-04', reason: 'Làm bù cho ngày nghỉ hoán đổi Thứ Hai 29/04/2024' }],
  },
  {
    // Tết 25/1–2/2 and Quốc khánh 30/8–2/9: TB 6150/TB-BLĐTBXH after CV 8726/VPCP-KGVX [V].
    // 30/4–1/5: Friday 2/5 swapped for Saturday 26/4 — reported, notice not read [U].
    year: 2025,
    version: 1,
    provisional: false,
    holidays: [
      holiday('2025-01-01', newYear),
      ...tetDays('2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'),
      holiday('2025-04-07', hungKings),
      holiday('2025-04-30', victory),
      holiday('2025-05-01', labour),
      { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù Thứ Bảy 26/04/2025)', kind: 'extra-day-off' },
      holiday('2025-09-01', nationalDayAdjacent),
      holiday('2025-09-02', nationalDay),
    ],
    workingDays: [{ date: '2025-04-26', reason: 'Làm bù cho ngày nghỉ hoán đổi Thứ Sáu 02/05/2025' }],
  },
  {
    // CV 9859/VPCP-KGVX (13/10/2025), TB 9441/TB-BNV, CV 8764/BNV-CVL [V]: Tết 16–20/2; Giỗ Tổ on
    // Sunday 26/4 → nghỉ bù 27/4 (art. 111 k3); Quốc khánh 1–2/9 with Monday 31/8 swapped for Saturday
    // 22/8. Ngày Văn hóa Việt Nam 24/11 [3P], removable.
    year: 2026,
    version: 1,
    provisional: false,
    holidays: [
      holiday('2026-01-01', newYear),
      ...tetDays('2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'),
      holiday('2026-04-26', hungKings),
      { date: '2026-04-27', name: `Nghỉ bù ${hungKings}`, kind: 'compensatory' },
      holiday('2026-04-30', victory),
      holiday('2026-05-01', labour),
      { date: '2026-08-31', name: 'Nghỉ hoán đổi (làm bù Thứ Bảy 22/08/2026)', kind: 'extra-day-off' },
      holiday('2026-09-01', nationalDayAdjacent),
      holiday('2026-09-02', nationalDay),
      { date: '2026-11-24', name: cultureDay, kind: 'observance-day-off', removable: true },
    ],
    workingDays: [{ date: '2026-08-22', reason: 'Làm bù cho ngày nghỉ hoán đổi Thứ Hai 31/08/2026' }],
  },
];

/** The published schedule of a year when the project ships one (2024–2026), else undefined. */
export function officialCalendarYear(year: number): CalendarYear | undefined {
  const found = OFFICIAL_CALENDAR_YEARS.find((y) => y.year === year);
  return found === undefined ? undefined : structuredClone(found);
}
