// The applicant's choice of channels (notifyBy on desk intake and online submission): e-mail, SMS, Zalo.
// E-mail needs an address: without one it is offered unticked and disabled, and never sent; the choice
// made is kept, so e-mail comes back ticked when an address is typed. The default is the server's own
// (docs/domain/notifications.md): e-mail when an address is given, plus SMS.
import type { NotificationChannel } from '../../../common/contracts/notifications.ts';

export const CHOICE_CHANNELS: readonly NotificationChannel[] = ['email', 'sms', 'zalo'];

/** What a new form starts with; e-mail counts only once there is an address. */
export const DEFAULT_NOTIFY_BY: readonly NotificationChannel[] = ['email', 'sms'];

export function hasEmailAddress(email: string): boolean {
  return email.trim() !== '';
}

/** The channels offered: e-mail only with an address. */
export function channelAvailable(channel: NotificationChannel, email: string): boolean {
  return channel !== 'email' || hasEmailAddress(email);
}

/** The channels sent, in the order offered: those chosen that are available. */
export function effectiveNotifyBy(
  chosen: readonly NotificationChannel[],
  email: string,
): NotificationChannel[] {
  return CHOICE_CHANNELS.filter((c) => chosen.includes(c) && channelAvailable(c, email));
}

/** The choice after a box was ticked or unticked. */
export function toggled(
  chosen: readonly NotificationChannel[],
  channel: NotificationChannel,
  on: boolean,
): NotificationChannel[] {
  return CHOICE_CHANNELS.filter((c) => (c === channel ? on : chosen.includes(c)));
}
