// Enqueueing into the transactional outbox: a message is a topic (common/contracts/outbox-topics.ts),
// a payload of that topic's schema (checked by the compiler) and an ordering key. It is written with
// the business change, in the caller's transaction, so an aborted change leaves no message and a
// committed one always has its message (STYLE.md). The worker (outbox-worker.ts) delivers it.
import type { Static, TSchema } from 'typebox';
import type { InsertQueryBuilder, InsertResult, Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PendingValue } from '../../db/pending-value.ts';
import type { OutboxTopic } from '../../../common/contracts/outbox-topics.ts';

export type OutboxMessageInput<S extends TSchema = TSchema> = {
  topic: OutboxTopic<S>;
  payload: Static<S>;
  /** Messages with the same topic and key are delivered in the order they were enqueued. */
  key: string;
};

/** A message for `enqueue`, typed by its topic's payload schema. */
export const message = <S extends TSchema>(
  topic: OutboxTopic<S>,
  key: string,
  payload: Static<S>,
): OutboxMessageInput => ({ topic, key, payload });

/**
 * The insert `enqueue` sends, for a caller that sends it with other rows in one statement, in its
 * transaction (null when there is nothing to send). With `pending`, keys and payloads may hold its
 * placeholder: the statement that computes the value puts it in their place.
 */
export function enqueueing(
  trx: Kysely<DB>,
  messages: readonly OutboxMessageInput[],
  at: Date,
  pending?: PendingValue,
): InsertQueryBuilder<DB, 'outbox', InsertResult> | null {
  if (messages.length === 0) return null;
  const rows = messages.map((m) => ({
    topic: m.topic.name,
    ordering_key: pending ? pending.text(m.key) : m.key,
    payload: pending ? pending.json(m.payload) : JSON.stringify(m.payload),
    available_at: at,
    created_at: at,
  }));
  return trx.insertInto('outbox').values(rows);
}

/** Writes the messages in one statement, available at once; `at` is the business change's time. */
export async function enqueue(
  trx: Transaction<DB>,
  messages: readonly OutboxMessageInput[],
  at: Date,
): Promise<void> {
  await enqueueing(trx, messages, at)?.execute();
}
