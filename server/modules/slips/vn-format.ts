// Vietnamese wording of dates, times and amounts on the slips. Asia/Ho_Chi_Minh is UTC+7 with no
// daylight saving since 1975, so the offset is added by hand and the host's time zone never matters.
import { VN_OFFSET_MINUTES } from '../../../common/working-time/civil-date.ts';
import { SlipError } from './slips.errors.ts';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type VnParts = { year: number; month: number; day: number; hour: number; minute: number };

/** Milliseconds since the epoch of an ISO instant; an instant must carry its offset (Z or ±hh:mm). */
export function parseInstant(iso: string): number {
  const ms = ISO_INSTANT.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) {
    throw new SlipError('INVALID_SLIP_DATA', `Thời điểm không hợp lệ: "${iso}" (cần ISO-8601 có múi giờ).`);
  }
  return ms;
}

/** The wall-clock reading in Vietnam of an instant. */
export function vnParts(iso: string): VnParts {
  const d = new Date(parseInstant(iso) + VN_OFFSET_MINUTES * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of the instant in Vietnam. */
export function vnCivilDate(iso: string): string {
  const p = vnParts(iso);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

function civilParts(date: string): { year: number; month: number; day: number } {
  const m = CIVIL_DATE.exec(date);
  if (!m) throw new SlipError('INVALID_SLIP_DATA', `Ngày không hợp lệ: "${date}" (cần YYYY-MM-DD).`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

// Decree 30/2020/NĐ-CP Phụ lục I: in the date of an administrative document, days below 10 and the
// months 1 and 2 take a leading zero ("ngày 05 tháng 02 năm 2026", but "tháng 3", "tháng 11").
const dayWord = (day: number): string => pad2(day);
const monthWord = (month: number): string => (month <= 2 ? pad2(month) : String(month));

function wordsOfDate(p: { year: number; month: number; day: number }): string {
  return `ngày ${dayWord(p.day)} tháng ${monthWord(p.month)} năm ${p.year}`;
}

/** "ngày 21 tháng 11 năm 2026". */
export function vnDateWords(iso: string): string {
  return wordsOfDate(vnParts(iso));
}

/** The same wording for a civil date `YYYY-MM-DD`. */
export function civilDateWords(date: string): string {
  return wordsOfDate(civilParts(date));
}

/** The date line (địa danh, ngày tháng năm): "Hà Nội, ngày 21 tháng 11 năm 2026". */
export function dateLine(place: string, iso: string): string {
  return `${place}, ${vnDateWords(iso)}`;
}

/** "09 giờ 15 phút, ngày 21 tháng 11 năm 2026", the (giờ, phút, ngày) of the forms. */
export function vnDateTimeWords(iso: string): string {
  const p = vnParts(iso);
  return `${pad2(p.hour)} giờ ${pad2(p.minute)} phút, ${wordsOfDate(p)}`;
}

/** "09:15 21/11/2026", for table cells. */
export function vnShortDateTime(iso: string): string {
  const p = vnParts(iso);
  return `${pad2(p.hour)}:${pad2(p.minute)} ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "21/11/2026" of a civil date `YYYY-MM-DD`. */
export function civilShortDate(date: string): string {
  const p = civilParts(date);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "1.250.000 đồng"; 0 → "Miễn phí". Integers only: fees are whole đồng. */
export function formatVnd(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new SlipError('INVALID_SLIP_DATA', `Số tiền không hợp lệ: ${amount}.`);
  }
  if (amount === 0) return 'Miễn phí';
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

/** Upper case as on the forms' headers ("Ủy ban nhân dân Phường Hàng Trống" → "ỦY BAN NHÂN DÂN PHƯỜNG HÀNG TRỐNG"). */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi-VN');
}
