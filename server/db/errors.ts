// What PostgreSQL (and PGlite, which reports the same SQLSTATE) says about a refused write.

/** A unique constraint refused the row (SQLSTATE 23505): another writer took the key first. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}
