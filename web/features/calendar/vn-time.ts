// Dates and times as they are read in Vietnam. Asia/Ho_Chi_Minh has been UTC+7 all year since 1975
// (no daylight saving), so civil time is UTC + 7 h: formatting by hand gives the same text in every
// browser and locale ("10:00 Thứ Tư, 25/11/2026"), which Intl does not promise.
import type { Messages } from '../../app/i18n/vi.ts';

import { vnCivil as civilOf } from '../../../common/time/vn-time.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` → its parts, or null when it is not a real date. */
export function parseCivilDate(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** "24/11/2026" */
export function formatShortDate(text: string): string {
  const d = parseCivilDate(text);
  return d ? `${pad(d.day)}/${pad(d.month)}/${d.year}` : text;
}

/** "Thứ Ba, 24/11/2026" for a civil date `YYYY-MM-DD`. */
export function formatCivilDate(t: Messages, text: string): string {
  const d = parseCivilDate(text);
  if (!d) return text;
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return `${t.time.weekdays[weekday] ?? ''}, ${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

/** "10:00 Thứ Tư, 25/11/2026" for an ISO instant, in Vietnam time. */
export function formatInstant(t: Messages, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const c = civilOf(date);
  return `${pad(c.hour)}:${pad(c.minute)} ${t.time.weekdays[c.weekday] ?? ''}, ${pad(c.day)}/${pad(c.month)}/${c.year}`;
}

/** The current moment as a `datetime-local` value in Vietnam time: `2026-11-23T10:00`. */
export function nowLocalInput(now = new Date()): string {
  const c = civilOf(now);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}`;
}

/** A `datetime-local` value read as Vietnam time → ISO instant with its zone, or null. */
export function localInputToIso(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m || !parseCivilDate(m[1]!)) return null;
  return `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}+07:00`;
}

/** An ISO instant → a `datetime-local` value in Vietnam time, or null. */
export function isoToLocalInput(iso: string): string | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : nowLocalInput(date);
}

/** This year in Vietnam. */
export function currentYear(now = new Date()): number {
  return civilOf(now).year;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number written the local way: 0,5 in Vietnamese, 0.5 in English. */
export function formatNumber(t: Messages, n: number): string {
  // Whole numbers below 1,000 read the same in both languages. Skipping Intl for them spares the
  // portal's first render the set-up of ICU's number formatting (20 ms here, 4× that on the phone
  // Lighthouse simulates: bench/web.ts).
  if (Number.isInteger(n) && Math.abs(n) < 1000) return String(n);
  let format = numberFormats.get(t.time.numberLocale);
  if (!format) {
    format = new Intl.NumberFormat(t.time.numberLocale, { maximumFractionDigits: 2 });
    numberFormats.set(t.time.numberLocale, format);
  }
  return format.format(n);
}
