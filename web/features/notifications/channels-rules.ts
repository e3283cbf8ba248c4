// The province's channels form without React (channels-form.tsx): the body sent and where the server's
// messages belong.
import type { NotificationChannel, PutChannelsBody } from '../../../common/contracts/notifications.ts';
import { CHOICE_CHANNELS } from './notify-choice.ts';

export type ChannelsDraft = { enabled: Record<NotificationChannel, boolean>; smsBrandname: string };

/** Every channel with its switch; a blank brandname is none (null). */
export function channelsBody(d: ChannelsDraft): PutChannelsBody {
  const brand = d.smsBrandname.trim();
  return {
    channels: CHOICE_CHANNELS.map((channel) => ({ channel, enabled: d.enabled[channel] })),
    smsBrandname: brand === '' ? null : brand,
  };
}

/** `body/smsBrandname` → `smsBrandname`; `body/channels/1/enabled` → the channel sent at 1 (`sms`). */
export function channelsFieldOf(path: string): string | null {
  const [head, field, index] = path.split('/').filter((p) => p !== '');
  if (head !== 'body') return null;
  if (field === 'smsBrandname') return 'smsBrandname';
  if (field === 'channels' && index !== undefined) return CHOICE_CHANNELS[Number(index)] ?? null;
  return null;
}
