export type Clock = { now: () => Date };
export const systemClock: Clock = { now: () => new Date() };

/** A timestamp column as ISO-8601 on the wire; null stays null. */
export function isoOrNull(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}
