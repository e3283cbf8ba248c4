// Recently read sessions, so that a busy officer's requests do not each read their session, user and
// grants again (docs/adr/0012-session-cache.md). An entry serves while both hold: it is younger than
// SESSION_CACHE_MS (real time, whatever the injected clock says), and this process has written none of
// the tables an actor is read from since it was read (db/write-watch.ts: a sign-out, a password change,
// a grant or agency edited here ends every entry at once). Another process's change is seen within
// SESSION_CACHE_MS. The session's own expiry is checked on every use, against the injected clock.
import type { WriteWatch } from '../../db/write-watch.ts';
import type { UserWithGrants } from './auth.repository.ts';

export const SESSION_CACHE_MS = 1_000;
const MAX_ENTRIES = 10_000;

type Entry = { user: UserWithGrants; epoch: number; readAt: number };

const caches = new WeakMap<WriteWatch, Map<string, Entry>>();

/**
 * The user behind `sessionHash`: from the cache while its entry serves, else `read` (kept when found
 * and no watched write happened while it read). Without a watch, always `read`.
 */
export async function cachedSessionUser(
  writes: WriteWatch | undefined,
  sessionHash: string,
  read: () => Promise<UserWithGrants | undefined>,
): Promise<UserWithGrants | undefined> {
  if (!writes) return read();
  let cache = caches.get(writes);
  if (!cache) caches.set(writes, (cache = new Map<string, Entry>()));
  const hit = cache.get(sessionHash);
  const now = performance.now();
  if (hit && hit.epoch === writes.epoch && now - hit.readAt < SESSION_CACHE_MS) return hit.user;
  const epoch = writes.epoch;
  const user = await read();
  cache.delete(sessionHash);
  // A session not found is not kept: unknown cookies do not fill the cache.
  if (user && writes.epoch === epoch) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(sessionHash, { user, epoch, readAt: now });
  }
  return user;
}
