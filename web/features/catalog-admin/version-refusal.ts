// A refused publish in words: the server names each workflow of the draft that does not add up by
// its path, `workflows/direct/steps/2/share` (province-wide) or `workflows/online/57/steps` (agency
// 57); the province-wide ones can be fixed from a link.
import { CHANNELS, type Channel } from '../../../common/catalog/procedure.ts';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import type { Messages } from '../../app/i18n/vi.ts';

export type RefusalItem = { text: string; channel: Channel | null; provinceWide: boolean };
export type Refusal = { message: string; items: RefusalItem[] };

export function refusalItem(t: Messages, path: string, message: string): RefusalItem {
  const m = /^workflows\/([a-z]+)(?:\/(\d+))?(?:\/|$)/.exec(path);
  const channel = m && (CHANNELS as readonly string[]).includes(m[1]!) ? (m[1] as Channel) : null;
  if (!channel) return { text: message, channel: null, provinceWide: false };
  const where = m?.[2]
    ? t.catalogAdmin.refusalAgency(t.catalog.channels[channel])
    : t.catalogAdmin.refusalProvince(t.catalog.channels[channel]);
  return { text: `${where}: ${message}`, channel, provinceWide: !m?.[2] };
}

export function refusalOf(t: Messages, error: unknown): Refusal {
  return {
    message: errorText(t, error),
    items:
      error instanceof ApiError ? error.details.map((d) => refusalItem(t, d.path, detailText(t, d))) : [],
  };
}
