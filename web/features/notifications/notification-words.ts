// A dossier's notifications in words (dossier-notifications.tsx shows them): the event, the state by
// channel ("Đã gửi SMS · đã nhận", "SMS · gửi không được: <lý do>"), the time of the latest change, and
// whether the list should be read again (a message still queued or sent may change in seconds).
import type {
  NotificationChannel,
  NotificationEvent,
  NotificationItem,
} from '../../../common/contracts/notifications.ts';
import type { Messages } from '../../app/i18n/vi.ts';

/** How often a list with a message on its way is read again. */
export const REFRESH_MS = 3000;

export function eventText(t: Messages, event: NotificationEvent): string {
  return t.notifications.events[event];
}

export function channelText(t: Messages, channel: NotificationChannel): string {
  return t.notifications.channels[channel];
}

/**
 * The state in words, and the provider's own reason (shown as sent, in its language): why it failed, or
 * why a message still queued is being tried again (a temporary failure leaves it queued with its error).
 */
export function stateText(
  t: Messages,
  item: Pick<NotificationItem, 'channel' | 'state' | 'reason'>,
): { text: string; reason: string | null; retrying: boolean } {
  const text = t.notifications.states[item.state][item.channel];
  const given = item.reason?.trim() ? item.reason.trim() : null;
  const reason = item.state === 'failed' || item.state === 'queued' ? given : null;
  return { text, reason, retrying: item.state === 'queued' && reason !== null };
}

/** When the message last changed: delivered, else sent, else queued. */
export function lastChange(item: Pick<NotificationItem, 'at' | 'sentAt' | 'deliveredAt'>): string {
  return item.deliveredAt ?? item.sentAt ?? item.at;
}

/** A message still on its way: queued, or sent without a delivery report yet. */
export function onItsWay(items: readonly Pick<NotificationItem, 'state'>[]): boolean {
  return items.some((i) => i.state === 'queued' || i.state === 'sent');
}

/** TanStack Query's refetchInterval: every REFRESH_MS while a message is on its way, else never. */
export function refreshInterval(
  data: { items: readonly Pick<NotificationItem, 'state'>[] } | undefined,
): number | false {
  return data && onItsWay(data.items) ? REFRESH_MS : false;
}

/** The applicant's choice in words: "E-mail, SMS", or that they chose none. */
export function notifyByText(t: Messages, channels: readonly NotificationChannel[]): string {
  return channels.length === 0
    ? t.notifications.choice.reviewNone
    : channels.map((c) => t.notifications.channels[c]).join(', ');
}
