// Vietnam's civil time, once for the server, common and the web. Asia/Ho_Chi_Minh has been UTC+7 all
// year since 1975 (no daylight saving), so civil time is UTC + 7 h: computing it by hand gives the same
// answer on every host and in every browser and locale, which Intl does not promise, and never asks the
// host's time-zone database.

/** Minutes Vietnamese civil time is ahead of UTC. */
export const VN_OFFSET_MINUTES = 420;
/** Milliseconds Vietnamese civil time is ahead of UTC. */
export const VN_OFFSET_MS = VN_OFFSET_MINUTES * 60_000;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The civil fields of an instant in Vietnam; weekday 0 is Sunday. */
export type VnCivil = {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
};

/** The Vietnamese civil fields of an instant (a Date, epoch milliseconds or an ISO string with offset). */
export function vnCivil(instant: Date | number | string): VnCivil {
  const ms =
    instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  const local = new Date(ms + VN_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The civil date `YYYY-MM-DD` an instant falls on in Vietnam. */
export function vnDate(instant: Date | number): string {
  const c = vnCivil(instant);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
}

/** The civil month `YYYY-MM` an instant falls in, in Vietnam. */
export function vnMonth(instant: Date | number): string {
  return vnDate(instant).slice(0, 7);
}

/** The civil year an instant falls in, in Vietnam. */
export function vnYear(instant: Date | number): number {
  return vnCivil(instant).year;
}

/** `yyyyMMddHHmmss` in Vietnam time: the national portal's and the payment platform's date format. */
export function vnCompactTimestamp(instant: Date | number | string): string {
  const c = vnCivil(instant);
  return `${c.year}${pad2(c.month)}${pad2(c.day)}${pad2(c.hour)}${pad2(c.minute)}${pad2(c.second)}`;
}

/** The instant of 00:00 in Vietnam on civil date `YYYY-MM-DD` (or `YYYY-MM`: its first day). */
export function vnMidnight(civilDate: string): Date {
  const [y, m, d] = civilDate.split('-').map(Number) as [number, number, number | undefined];
  return new Date(Date.UTC(y, m - 1, d ?? 1) - VN_OFFSET_MS);
}

/** The instant of Vietnamese civil fields (month 1–12); fields out of range carry over as Date.UTC does. */
export function vnInstant(c: {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}): Date {
  return new Date(
    Date.UTC(c.year, c.month - 1, c.day, c.hour ?? 0, c.minute ?? 0, c.second ?? 0) - VN_OFFSET_MS,
  );
}

/** ISO-8601 with the +07:00 offset: `2026-11-21T09:15:00+07:00`. */
export function vnIso(instant: Date | number): string {
  const c = vnCivil(instant);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}T${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}+07:00`;
}
