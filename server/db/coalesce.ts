// Reads of one kind by key, coalesced: the calls made in the same turn of the event loop (the requests
// whose bytes arrived together) are answered by one statement for all their keys instead of one each.
// Under load a public page's lookups arrive many at a time, and on PostgreSQL each statement is a
// round trip, a socket write of ≈ 100 µs on this machine's loopback, and a Bind/Execute in a backend;
// one statement for ten keys costs little more than one for one (docs/benchmarks.md, lookup). A call
// alone in its turn is sent alone at the end of that turn: nothing waits on a timer.
//
// Sharing a statement must not share a failure: one caller's key that the database refuses (a text it
// cannot store reached it once: issue #20, finding 4) would fail every neighbour of its turn. So a
// shared load that fails is retried key by key, and each caller gets the answer of its own key's load.

type Waiter<V> = { resolve: (value: V | undefined) => void; reject: (err: unknown) => void };
type Batch<K, V> = { waiters: Map<K, Waiter<V>[]>; sent: boolean };

/**
 * Wraps `load(keys)` (distinct keys, at most `maxBatch`; it answers a map holding the keys found) as
 * a one-key read. A key asked twice in a turn is loaded once. When a load of several keys fails, each
 * key is loaded again alone: a call fails only when the load of its own key does.
 */
export function coalesce<K, V>(
  load: (keys: K[]) => Promise<Map<K, V>>,
  maxBatch = 64,
): (key: K) => Promise<V | undefined> {
  let open: Batch<K, V> | null = null;

  const settle = (keys: K[], waitersOf: Map<K, Waiter<V>[]>) => {
    load(keys).then(
      (found) => {
        for (const key of keys) for (const w of waitersOf.get(key)!) w.resolve(found.get(key));
      },
      (err: unknown) => {
        if (keys.length === 1) {
          for (const w of waitersOf.get(keys[0]!)!) w.reject(err);
          return;
        }
        // Whose key failed it is not known: each key alone, so that only that caller fails.
        for (const key of keys) settle([key], waitersOf);
      },
    );
  };

  const send = (batch: Batch<K, V>) => {
    if (batch.sent) return;
    batch.sent = true;
    if (open === batch) open = null;
    settle([...batch.waiters.keys()], batch.waiters);
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
