// Reads of one kind by key, coalesced: the calls made in the same turn of the event loop (the requests
// whose bytes arrived together) are answered by one statement for all their keys instead of one each.
// Under load a public page's lookups arrive many at a time, and on PostgreSQL each statement is a
// round trip, a socket write of ≈ 100 µs on this machine's loopback, and a Bind/Execute in a backend;
// one statement for ten keys costs little more than one for one (docs/benchmarks.md, lookup). A call
// alone in its turn is sent alone at the end of that turn: nothing waits on a timer.

type Waiter<V> = { resolve: (value: V | undefined) => void; reject: (err: unknown) => void };
type Batch<K, V> = { waiters: Map<K, Waiter<V>[]>; sent: boolean };

/**
 * Wraps `load(keys)` (distinct keys, at most `maxBatch`; it answers a map holding the keys found) as
 * a one-key read. A key asked twice in a turn is loaded once. A failed load fails every call it served.
 */
export function coalesce<K, V>(
  load: (keys: K[]) => Promise<Map<K, V>>,
  maxBatch = 64,
): (key: K) => Promise<V | undefined> {
  let open: Batch<K, V> | null = null;

  const send = (batch: Batch<K, V>) => {
    if (batch.sent) return;
    batch.sent = true;
    if (open === batch) open = null;
    load([...batch.waiters.keys()]).then(
      (found) => {
        for (const [key, waiters] of batch.waiters) for (const w of waiters) w.resolve(found.get(key));
      },
      (err: unknown) => {
        for (const waiters of batch.waiters.values()) for (const w of waiters) w.reject(err);
      },
    );
  };

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      let batch = open;
      if (batch === null) {
        const fresh: Batch<K, V> = { waiters: new Map(), sent: false };
        open = batch = fresh;
        setImmediate(() => send(fresh));
      }
      const waiters = batch.waiters.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else batch.waiters.set(key, [{ resolve, reject }]);
      if (batch.waiters.size >= maxBatch) send(batch);
    });
}
