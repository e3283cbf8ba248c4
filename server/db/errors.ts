// What PostgreSQL (and PGlite, which reports the same SQLSTATE) says about a refused write.

/** A unique constraint refused the row (SQLSTATE 23505): another writer took the key first. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

/** A statement that gave up waiting for a lock (55P03, `lock_timeout`). */
export function isLockTimeout(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '55P03';
}
