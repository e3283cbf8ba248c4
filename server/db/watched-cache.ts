// Short read-through caches of what changes rarely and is read on every request (a session's user and
// grants, the published procedure an intake names): an entry serves while it is younger than its
// cache's age (real time, whatever the injected clock says) and this process has written none of the
// tables it was read from since (write-watch.ts). Another process's change is seen within the age
// (docs/adr/0012-short-caches.md). Without a watch (deps built by hand), every call reads.
import type { WriteWatch } from './write-watch.ts';

type Entry<V> = { value: V; epoch: number; readAt: number };

/** Frozen through: a kept value is shared by every request that gets it, so none may change it. */
function deepFreeze<V>(value: V): V {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export type WatchedCache<V> = (
  writes: WriteWatch | undefined,
  key: string,
  read: () => Promise<V | undefined>,
) => Promise<V | undefined>;

/**
 * A cache of values read from `tables`, kept at most `maxAgeMs` and `maxEntries` (the oldest dropped
 * first), one per watch (per database handle). A value not found is not kept; a value kept is frozen.
 */
export function watchedCache<V>(
  tables: readonly string[],
  { maxAgeMs, maxEntries }: { maxAgeMs: number; maxEntries: number },
): WatchedCache<V> {
  const caches = new WeakMap<WriteWatch, Map<string, Entry<V>>>();
  return async (writes, key, read) => {
    if (!writes) return read();
    let cache = caches.get(writes);
    if (!cache) caches.set(writes, (cache = new Map<string, Entry<V>>()));
    const hit = cache.get(key);
    const now = performance.now();
    if (hit && hit.epoch === writes.epoch(tables) && now - hit.readAt < maxAgeMs) return hit.value;
    const epoch = writes.epoch(tables);
    const value = await read();
    cache.delete(key);
    if (value !== undefined && writes.epoch(tables) === epoch) {
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
      cache.set(key, { value: deepFreeze(value), epoch, readAt: now });
    }
    return value;
  };
}
