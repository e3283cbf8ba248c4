// Idempotency-Key for every POST that takes one (dossier intake, online submission, actions,
// payments): one store, the idempotency_keys table. A request is (scope, key, body): the scope names
// the caller and the operation, so two callers never share a key; the body's hash tells a retry of
// the same request (answered with the stored response, status and all) from another request under a
// used key (409). The response is remembered in the business transaction, so it commits with the
// change it describes or not at all. Two requests under one key at once both miss the replay and both
// do the work; the second's insert of the key waits for the first's transaction (the primary key) and,
// the first having committed, inserts nothing: the second's transaction is then rolled back by
// IDEMPOTENCY_KEY_IN_USE (409), and a retry gets the first's answer. Nothing is done twice, and no
// unique violation reaches the client as a 500.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { preparedQuery, type Database } from '../db/client.ts';
import type { PendingValue } from '../db/pending-value.ts';
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

/** A stored answer as read. */
type StoredRow = { request_hash: string; status_code: number; response: unknown };

/** The stored answer to this request, when it was made before; 409 when the key served another body. */
export async function findReplay<T = unknown>(
  db: Database,
  request: IdempotentRequest,
): Promise<StoredResponse<T> | null> {
  if (request.key === undefined) return null;
  const [row] = await storedQuery(db, request.scope, request.key);
  return replayOf<T>(request, row ?? null);
}

/** The replay a stored row gives this request (409 for another body under its key). */
function replayOf<T = unknown>(request: IdempotentRequest, row: StoredRow | null): StoredResponse<T> | null {
  if (request.key === undefined || !row) return null;
  if (row.request_hash !== requestHash(request.body)) {
    throw fail('IDEMPOTENCY_KEY_REUSED', {
      details: [
        { path: 'headers/idempotency-key', message: 'Hãy dùng một khóa mới cho mỗi yêu cầu khác nhau.' },
      ],
    });
  }
  return { statusCode: row.status_code, body: row.response as T };
}

/**
 * The insert that keeps the answer to this request (null without a key), for a caller that sends it
 * inside a larger statement of its transaction: it returns the key when kept, nothing when another
 * request under this key committed first, and then the caller calls refuseTakenKey.
 */
export function rememberingInsert(
  trx: Transaction<DB>,
  request: IdempotentRequest,
  response: StoredResponse & { at: Date },
) {
  return keyInsert(trx, request, response)?.onConflict((oc) => oc.columns(['scope', 'key']).doNothing());
}

/**
 * The insert that keeps the answer, for a statement that is its own transaction: it cannot be undone
 * after the fact, so a key another request took first fails the whole statement with a unique
 * violation; the caller then answers with the kept answer (findReplay: the replay, or 409 for another
 * body). With `pending`, the answer may hold its placeholder.
 */
export function rememberingInsertOrFail(
  db: Database,
  request: IdempotentRequest,
  response: StoredResponse & { at: Date },
  pending?: PendingValue,
) {
  return keyInsert(db, request, response, pending);
}

function keyInsert(
  db: Database,
  request: IdempotentRequest,
  response: StoredResponse & { at: Date },
  pending?: PendingValue,
) {
  if (request.key === undefined) return null;
  return db
    .insertInto('idempotency_keys')
    .values({
      scope: request.scope,
      key: request.key,
      request_hash: requestHash(request.body),
      status_code: response.statusCode,
      response: pending ? pending.json(response.body) : JSON.stringify(response.body),
      created_at: response.at,
    })
    .returning('key');
}

/** Keeps the answer to this request, in the transaction that made the change (no-op without a key). */
export async function rememberResponse(
  trx: Transaction<DB>,
  request: IdempotentRequest,
  response: StoredResponse & { at: Date },
): Promise<void> {
  const insert = rememberingInsert(trx, request, response);
  if (!insert) return;
  if (await insert.executeTakeFirst()) return;
  await refuseTakenKey(trx, request);
}

/**
 * Another request under this key committed while this one worked: this one's change is undone (the
 * transaction fails), the key names the other's answer. A different body is the usual 409.
 */
export async function refuseTakenKey(trx: Database, request: IdempotentRequest): Promise<never> {
  const [other] = await storedQuery(trx, request.scope, request.key!);
  const detail = { path: 'headers/idempotency-key' };
  if (other && other.request_hash !== requestHash(request.body)) {
    throw fail('IDEMPOTENCY_KEY_REUSED', {
      details: [{ ...detail, message: 'Hãy dùng một khóa mới cho mỗi yêu cầu khác nhau.' }],
    });
  }
  throw fail('IDEMPOTENCY_KEY_IN_USE', {
    details: [
      {
        ...detail,
        message: 'Một yêu cầu cùng khóa vừa được xử lý cùng lúc; hãy gửi lại để nhận kết quả của yêu cầu đó.',
      },
    ],
  });
}
