// Idempotency-Key for every POST that takes one (dossier intake, online submission, actions,
// payments): one store, the idempotency_keys table. A request is (scope, key, body): the scope names
// the caller and the operation, so two callers never share a key; the body's hash tells a retry of
// the same request (answered with the stored response, status and all) from another request under a
// used key (409). The response is remembered in the business transaction, so it commits with the
// change it describes or not at all.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { preparedQuery, type Database } from '../db/client.ts';
import type { DB } from '../db/schema.ts';
import { fail } from './platform.errors.ts';

export type IdempotentRequest = { scope: string; key: string | undefined; body: unknown };
export type StoredResponse<T = unknown> = { statusCode: number; body: T };

const storedQuery = preparedQuery('idempotency-key', (db: Database, scope: string, key: string) =>
  db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('scope', '=', scope)
    .where('key', '=', key),
);

function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/** The stored answer to this request, when it was made before; 409 when the key served another body. */
export async function findReplay<T = unknown>(
  db: Database,
  request: IdempotentRequest,
): Promise<StoredResponse<T> | null> {
  if (request.key === undefined) return null;
  const [row] = await storedQuery(db, request.scope, request.key);
  if (!row) return null;
  if (row.request_hash !== requestHash(request.body)) {
    throw fail('IDEMPOTENCY_KEY_REUSED', {
      details: [
        { path: 'headers/idempotency-key', message: 'Hãy dùng một khóa mới cho mỗi yêu cầu khác nhau.' },
      ],
    });
  }
  return { statusCode: row.status_code, body: row.response as T };
}

/** Keeps the answer to this request, in the transaction that made the change (no-op without a key). */
export async function rememberResponse(
  trx: Transaction<DB>,
  request: IdempotentRequest,
  response: StoredResponse & { at: Date },
): Promise<void> {
  if (request.key === undefined) return;
  await trx
    .insertInto('idempotency_keys')
    .values({
      scope: request.scope,
      key: request.key,
      request_hash: requestHash(request.body),
      status_code: response.statusCode,
      response: JSON.stringify(response.body),
      created_at: response.at,
    })
    .execute();
}
