// A fixed-window limiter per client key, in process memory: enough for one API process; behind several
// processes each enforces its own share.
export type Limiter = { hit: (key: string, now: number) => { ok: boolean; retryAfterSeconds: number } };

export function fixedWindowLimiter(limit: number, windowMs: number, maxKeys = 100_000): Limiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, now) {
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        if (windows.size >= maxKeys) windows.clear();
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      return { ok: w.count <= limit, retryAfterSeconds: Math.ceil((w.start + windowMs - now) / 1000) };
    },
  };
}
