// Dates typed and shown the Vietnamese way, dd/mm/yyyy with a 24-hour HH:mm, whatever the browser's
// language: a native date input follows the browser's locale (an English browser reads 01/12/2026 as
// 12 January), so the date input is a text field read here. The values kept in forms and sent to the
// server stay ISO: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm` (Vietnam civil time) with a time.

const pad = (n: number): string => String(n).padStart(2, '0');

function realDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const DATE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
/** An ISO date, pasted: the year first leaves no doubt about the order. */
const ISO_TYPED = /^(\d{4})-(\d{2})-(\d{2})$/;
const DIGITS = /^(\d{2})(\d{2})(\d{4})$/;
const TIME = /^(\d{1,2})\s*[:hH.]\s*(\d{2})$/;

/**
 * "01/12/2026", "1/12/2026", "01-12-2026", "01.12.2026" or "01122026" → "2026-12-01"; null when it
 * is not a real date (31/02/2026) or not a date at all. The day always comes first, unless the year
 * does ("2026-12-01", as pasted from elsewhere).
 */
export function parseDateText(text: string): string | null {
  const t = text.trim();
  const iso = ISO_TYPED.exec(t);
  const m = iso ? [iso[0], iso[3], iso[2], iso[1]] : (DATE.exec(t) ?? DIGITS.exec(t));
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return realDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** "08:05", "8:05", "8h05" → "08:05"; null outside 00:00–23:59. */
export function parseTimeText(text: string): string | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  return hour <= 23 && minute <= 59 ? `${pad(hour)}:${pad(minute)}` : null;
}

/** "01/12/2026 14:30" → "2026-12-01T14:30"; the time is required. */
export function parseDateTimeText(text: string): string | null {
  const m = /^(\S+)\s+(\S+)$/.exec(text.trim());
  if (!m) return null;
  const date = parseDateText(m[1]!);
  const time = parseTimeText(m[2]!);
  return date && time ? `${date}T${time}` : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** "2026-12-01" (or an ISO date-time, read for its date) → "01/12/2026"; "" for anything else. */
export function formatDateText(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return '';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return realDate(year, month, day) ? `${pad(day)}/${pad(month)}/${year}` : '';
}

/** "2026-12-01T14:30" (civil, no zone) → "01/12/2026 14:30"; "" for anything else. */
export function formatDateTimeText(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return '';
  const date = formatDateText(m[1]!);
  const time = parseTimeText(`${m[2]}:${m[3]}`);
  return date && time ? `${date} ${time}` : '';
}

/** Is `value` a value the date input produces (an ISO date, or date and time)? */
export function isIsoValue(value: string, withTime: boolean): boolean {
  return withTime
    ? formatDateTimeText(value) !== '' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
    : formatDateText(value) !== '' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

const MONTH_TYPED = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/**
 * A month typed the Vietnamese way, "11/2026" (or "11-2026", "11.2026"), or pasted as "2026-11" →
 * "2026-11"; null when it is not a month.
 */
export function parseMonthText(text: string): string | null {
  const t = text.trim();
  const iso = ISO_MONTH.exec(t);
  const m = iso ? [iso[0], iso[2], iso[1]] : MONTH_TYPED.exec(t);
  if (!m) return null;
  const [month, year] = [Number(m[1]), Number(m[2])];
  return month >= 1 && month <= 12 && year >= 1000 ? `${year}-${pad(month)}` : null;
}

/** "2026-11" → "11/2026"; "" for anything else. */
export function formatMonthText(value: string): string {
  const m = ISO_MONTH.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return '';
  return `${m[2]}/${m[1]}`;
}
