// How catalogue values read on screen: time limits ("1 ngày làm việc"), fees ("Miễn phí",
// "50.000 ₫ / trang") and the grouping of channels that share a value.
import { CHANNELS, type Channel, type Fee, type TimeLimit } from '../../../common/catalog/procedure.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { formatNumber } from '../calendar/vn-time.ts';

export { CHANNELS };

/** "1 ngày làm việc"; a bare published number is "Chưa công bố rõ". */
export function timeLimitText(t: Messages, limit: TimeLimit): string {
  // A bare number ("1") is not a time limit a citizen can count on: said so, not shown as a figure.
  if (limit.unit === null) return t.catalog.notStated;
  return t.catalog.timeUnits[limit.unit](formatNumber(t, limit.value));
}

/** "50.000 ₫": dot-grouped in Vietnamese, a no-break space before the sign. */
export function formatVnd(t: Messages, amount: number): string {
  return `${new Intl.NumberFormat(t.time.numberLocale, { maximumFractionDigits: 0 }).format(amount)}\u00a0₫`;
}

/** One fee item: "Miễn phí", "50.000 ₫ / trang", "10 USD / bản", or the published words. */
export function feeText(t: Messages, fee: Fee): string {
  let amount: string;
  if (fee.amountVnd === 0) return t.catalog.free;
  if (fee.amountVnd !== null) amount = formatVnd(t, fee.amountVnd);
  else if (fee.amountOther) amount = `${formatNumber(t, fee.amountOther.value)} ${fee.amountOther.currency}`;
  else return fee.text ?? t.catalog.feeUnknown;
  return fee.per ? t.catalog.feePer(amount, fee.per) : amount;
}

export type FeeRow = { channels: Channel[] | null; text: string; note: string | null };

/**
 * Fee items as rows, channels with the same fee and note merged ("Trực tiếp, Trực tuyến: Miễn phí").
 * An item tied to no channel applies to all of them (channels null).
 */
export function feeRows(t: Messages, fees: readonly Fee[]): FeeRow[] {
  const rows: FeeRow[] = [];
  const order = (c: Channel | null) => (c === null ? -1 : CHANNELS.indexOf(c));
  for (const fee of [...fees].sort((a, b) => order(a.channel) - order(b.channel))) {
    const text = feeText(t, fee);
    const note = fee.note;
    if (fee.channel === null) {
      rows.push({ channels: null, text, note });
      continue;
    }
    const same = rows.find((r) => r.channels !== null && r.text === text && r.note === note);
    if (same?.channels) same.channels.push(fee.channel);
    else rows.push({ channels: [fee.channel], text, note });
  }
  return rows;
}

export function channelsText(t: Messages, channels: readonly Channel[] | null): string {
  if (channels === null) return t.catalog.allChannels;
  return channels.map((c) => t.catalog.channels[c]).join(', ');
}
