// The portal search's state in the address (?q=&level=&online=&page=) and its status line.
import {
  IMPLEMENTING_LEVELS,
  ONLINE_LEVELS,
  type ImplementingLevel,
  type OnlineLevel,
} from '../../../common/catalog/procedure.ts';
import { withQuery } from '../../app/http.ts';
import type { Messages } from '../../app/i18n/vi.ts';

export type Filters = { q: string; level: ImplementingLevel | ''; online: OnlineLevel | ''; page: number };

/** The filters of an address; anything unknown is left at its default. */
export function readFilters(search: string): Filters {
  const params = new URLSearchParams(search);
  const level = params.get('level') ?? '';
  const online = params.get('online') ?? '';
  const page = Number(params.get('page') ?? '1');
  return {
    q: params.get('q') ?? '',
    level: (IMPLEMENTING_LEVELS as readonly string[]).includes(level) ? (level as ImplementingLevel) : '',
    online: (ONLINE_LEVELS as readonly string[]).includes(online) ? (online as OnlineLevel) : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The address of the filters: only what differs from the defaults. */
export function portalAddress(path: string, filters: Filters): string {
  return withQuery(path, {
    q: filters.q.trim() || undefined,
    level: filters.level || undefined,
    online: filters.online || undefined,
    page: filters.page > 1 ? filters.page : undefined,
  });
}

/** "Tìm thấy 25 thủ tục, hiển thị 11–20" for a page of results, or "none". */
export function portalStatus(
  t: Messages,
  loaded: { items: readonly unknown[]; total: number },
  page: number,
  pageSize: number,
): string {
  if (loaded.total === 0) return t.portal.none;
  const from = (page - 1) * pageSize + 1;
  return t.portal.found(loaded.total, from, from + loaded.items.length - 1);
}
