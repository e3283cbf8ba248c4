// Seeded randomness for tests that draw faults or schedules: a failing run is replayed by its seed.

/** The seed from `envName`, or a fresh one; logged with how to replay it. */
export function replayableSeed(envName: string, what: string): number {
  const seed = Number(process.env[envName] ?? Date.now() % 1_000_000);
  console.log(`${what} ${seed} (replay with ${envName}=${seed})`);
  return seed;
}

/** A small, fast 32-bit generator: the same seed draws the same numbers in [0, 1). */
export function mulberry32(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
