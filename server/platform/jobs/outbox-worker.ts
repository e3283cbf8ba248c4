// Delivers transactional-outbox messages at least once, topic by topic, through handlers, in rounds:
//  - claims with one UPDATE … WHERE outbox_id IN (SELECT … FOR UPDATE SKIP LOCKED), at most n, so any
//    number of workers (processes) share the table without double claims; n starts at claimLimit and
//    doubles after every full claim, up to maxClaimLimit (a backlog goes in larger rounds);
//  - a round's database work is a few statements whatever its size: the claim, each topic's
//    prepare() (the reads its batches need), one statement (or transaction, with onDelivered) marking
//    what was delivered and one recording the failures; the batches between are only deliveries, a
//    few in flight at once, and one not started by half the lease is given back untouched;
//  - keeps per-key order: a message is claimable only when no older message with the same topic and
//    ordering key is still pending or dead, so message k+1 of a dossier never leaves before k is
//    delivered (a dead message holds its successors until an operator re-drives it);
//  - leases each claim (locked_until): a worker that dies mid-delivery loses its claim when the lease
//    ends and another worker delivers the message again — receivers must be idempotent;
//  - retries failures after an exponential backoff with full jitter, and dead-letters a message
//    after maxAttempts (status = 'dead');
//  - never holds a database transaction during a delivery (PGlite is one session: the API shares it);
//  - runs the recording again when PostgreSQL aborts it for a deadlock (a producer writing several keys
//    in one transaction may lock rows it also updates).
// Knows no domain: topics and handlers are given by the modules (server/modules/sync/sync.jobs.ts).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { JobLog } from './job-log.ts';

export type OutboxMessage = {
  id: string;
  topic: string;
  key: string;
  payload: Record<string, unknown>;
  /** This attempt's number, from 1. */
  attempt: number;
  createdAt: Date;
};

export type DeliveryOutcome = { ok: true } | { ok: false; error: string; permanent?: boolean };

export type TopicHandler = {
  /** Most messages handed to one deliver() call (default 1). */
  batchSize?: number;
  /**
   * Called once per round with every message of the topic the round claimed, before their batches
   * are delivered: a handler that reads the database for its messages reads them all here, in a few
   * statements per round rather than per batch. Throwing only leaves deliver() to read for itself.
   */
  prepare?: (messages: OutboxMessage[]) => Promise<void>;
  /** Delivers a batch and returns one outcome per message, in order. Throwing fails the whole batch. */
  deliver: (messages: OutboxMessage[], signal: AbortSignal) => Promise<DeliveryOutcome[]>;
  /** Runs in the transaction that marks messages delivered (e.g. to record the acknowledgement). */
  onDelivered?: (trx: Transaction<DB>, messages: OutboxMessage[], at: Date) => Promise<void>;
};

export type OutboxWorkerOptions = {
  db: Kysely<DB>;
  clock: Clock;
  handlers: Readonly<Record<string, TopicHandler>>;
  log: JobLog;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Messages claimed by the first round (default 50). */
  claimLimit?: number;
  /**
   * Each claim that comes back full doubles the next, up to this (default 1000): a backlog is taken in
   * larger rounds, which share a round's fixed costs (the claim reads the key of every undelivered
   * message) among more messages; a round against a slow receiver stays within its lease (lockMs).
   */
  maxClaimLimit?: number;
  /** deliver() calls in flight at once (default 4). Keys in one claim are distinct, so order holds. */
  concurrency?: number;
  /**
   * Lease of a claim; must exceed the longest delivery (handler timeouts), default 5 minutes. A batch
   * still waiting for a lane when half the lease has passed is given back rather than started.
   */
  lockMs?: number;
  /** Sleep when there is nothing to do (default 1000 ms). */
  pollMs?: number;
  /**
   * First sleep after a round that delivered something (default 20 ms, at most pollMs); it doubles
   * with each empty round up to pollMs. Traffic that has just been flowing is likely to go on, and a
   * full pollMs of sleep there is what a message committed just after an empty claim waits.
   */
  quickPollMs?: number;
  /** stop() waits this long for deliveries in flight before aborting them (default 10 s). */
  stopGraceMs?: number;
  /** [0, 1) source for the jitter; injected by tests. */
  random?: () => number;
};

export type RunStats = {
  claimed: number;
  delivered: number;
  retried: number;
  dead: number;
  /** Given back untouched because the worker was stopping. */
  released: number;
};

export type OutboxWorker = {
  /** One claim-deliver-record round; what the loop repeats. Tests drive it directly. */
  runOnce: () => Promise<RunStats>;
  start: () => void;
  /** Wakes an idle loop (e.g. after enqueueing). */
  notify: () => void;
  /** Graceful: finishes (or, after stopGraceMs, aborts and releases) the round in flight. */
  stop: () => Promise<void>;
};

/**
 * Delay before retry `attempt` (1 = after the first failure): uniform in [0, min(max, base·2^(attempt−1))),
 * "full jitter", so that a fleet of retries after an outage spreads out instead of stampeding.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 40);
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

type ClaimRow = {
  outbox_id: string;
  topic: string;
  ordering_key: string;
  payload: Record<string, unknown> | string;
  attempts: number;
  created_at: Date | string;
};

const MAX_ERROR_LENGTH = 1000;

type ClaimRequest = { topics: string[]; now: Date; lockUntil: Date; limit: number };

async function claim(
  db: Kysely<DB>,
  { topics, now, lockUntil, limit }: ClaimRequest,
): Promise<OutboxMessage[]> {
  // The heads: per (topic, key), the oldest message not delivered yet. Only a pending head whose time
  // has come and whose lease is free may be claimed, so message k+1 of a key never leaves before k is
  // delivered, and a dead k holds it. The heads come from one statement's snapshot; the outer query
  // re-checks each row under its lock (a head delivered meanwhile is no longer pending and is skipped).
  const result = await sql<ClaimRow>`
    UPDATE outbox SET locked_until = ${lockUntil}, attempts = attempts + 1
    WHERE outbox_id IN (
      SELECT o.outbox_id FROM outbox o
      WHERE o.outbox_id = ANY (ARRAY(
          SELECT h.outbox_id FROM (
            SELECT DISTINCT ON (topic, ordering_key) outbox_id, status, available_at, locked_until
            FROM outbox
            WHERE status IN ('pending', 'dead') AND topic IN (${sql.join(topics)})
            ORDER BY topic, ordering_key, outbox_id) h
          WHERE h.status = 'pending' AND h.available_at <= ${now}
            AND (h.locked_until IS NULL OR h.locked_until < ${now})
          ORDER BY h.outbox_id
          LIMIT ${limit}))
        AND o.status = 'pending'
        AND o.available_at <= ${now}
        AND (o.locked_until IS NULL OR o.locked_until < ${now})
      FOR UPDATE SKIP LOCKED)
    RETURNING outbox_id, topic, ordering_key, payload, attempts, created_at`.execute(db);
  return result.rows
    .map((r) => ({
      id: String(r.outbox_id),
      topic: r.topic,
      key: r.ordering_key,
      payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
      attempt: r.attempts,
      createdAt: new Date(r.created_at),
    }))
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

/**
 * Runs fn over the items, `limit` at a time. An item that throws does not stop the others: the round
 * ends when every item is done, then rethrows the first error (no lane outlives its round).
 */
async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (err) {
        errors.push(err);
      }
    }
  });
  await Promise.all(lanes);
  if (errors.length > 0) throw errors[0];
}

/** PostgreSQL's deadlock and serialisation failures: the transaction lost a race and may simply run again. */
const CONFLICT_CODES = new Set(['40P01', '40001']);

/**
 * Runs `fn` again (at most twice) when PostgreSQL aborted it for a deadlock or a serialisation failure.
 * A producer writing several dossiers in one transaction (reconciliation) locks portal_sync_state rows
 * that an acknowledgement also updates; one of the two is aborted, and retrying it is all it needs.
 */
async function retryConflicts<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt >= 3 || typeof code !== 'string' || !CONFLICT_CODES.has(code)) throw err;
    }
  }
}

const errorText = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_LENGTH);

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, clock, handlers, log } = options;
  const minClaim = options.claimLimit ?? 50;
  const maxClaim = Math.max(minClaim, options.maxClaimLimit ?? 1000);
  let claimLimit = minClaim;
  const concurrency = options.concurrency ?? 4;
  const lockMs = options.lockMs ?? 5 * 60_000;
  const pollMs = options.pollMs ?? 1000;
  const quickPollMs = Math.min(pollMs, options.quickPollMs ?? 20);
  const stopGraceMs = options.stopGraceMs ?? 10_000;
  const random = options.random ?? Math.random;
  const topics = Object.keys(handlers);
  const stopController = new AbortController();

  // The row updates below find their rows through the primary key (= ANY of the ids), whatever the
  // number of pending messages; the jsonb rows pair each id with the attempt it was claimed at.
  const idsOf = (messages: OutboxMessage[]) => JSON.stringify(messages.map((m) => m.id));

  async function markDelivered(handler: TopicHandler, messages: OutboxMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const at = clock.now();
    const rows = JSON.stringify(messages.map((m) => ({ id: m.id, attempts: m.attempt })));
    const mark = async (executor: Kysely<DB> | Transaction<DB>) => {
      const updated = await sql<{ outbox_id: string }>`
        UPDATE outbox o SET status = 'delivered', delivered_at = ${at}, locked_until = NULL, last_error = NULL
        FROM jsonb_to_recordset(${rows}::jsonb) AS v(id bigint, attempts integer)
        WHERE o.outbox_id = ANY (ARRAY(SELECT jsonb_array_elements_text(${idsOf(messages)}::jsonb)::bigint))
          AND o.outbox_id = v.id AND o.attempts = v.attempts AND o.status = 'pending'
        RETURNING o.outbox_id`.execute(executor);
      // A message whose lease ran out was claimed again by another worker: that one records it.
      const mine = new Set(updated.rows.map((r) => String(r.outbox_id)));
      return messages.filter((m) => mine.has(m.id));
    };
    // Without a hook, one statement is its own transaction.
    if (!handler.onDelivered) return (await retryConflicts(() => mark(db))).length;
    const onDelivered = handler.onDelivered;
    return retryConflicts(() =>
      db.transaction().execute(async (trx) => {
        const delivered = await mark(trx);
        if (delivered.length > 0) await onDelivered(trx, delivered, at);
        return delivered.length;
      }),
    );
  }

  async function markFailed(
    failures: { message: OutboxMessage; error: string; permanent: boolean }[],
  ): Promise<{ retried: number; dead: number }> {
    if (failures.length === 0) return { retried: 0, dead: 0 };
    const at = clock.now();
    let dead = 0;
    const rows = failures.map(({ message, error, permanent }) => {
      const give = permanent || message.attempt >= options.maxAttempts;
      if (give) {
        dead++;
        log.warn(
          { outboxId: message.id, topic: message.topic, key: message.key, attempts: message.attempt, error },
          'outbox message dead-lettered',
        );
      }
      const delay = give
        ? 0
        : backoffDelay(message.attempt, options.backoffBaseMs, options.backoffMaxMs, random);
      return {
        id: message.id,
        attempts: message.attempt,
        status: give ? 'dead' : 'pending',
        available_at: new Date(at.getTime() + delay).toISOString(),
        error: error.slice(0, MAX_ERROR_LENGTH),
      };
    });
    const ids = idsOf(failures.map((f) => f.message));
    await retryConflicts(() =>
      sql`
        UPDATE outbox o SET status = v.status, available_at = v.available_at, last_error = v.error, locked_until = NULL
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS v(id bigint, attempts integer, status text, available_at timestamptz, error text)
        WHERE o.outbox_id = ANY (ARRAY(SELECT jsonb_array_elements_text(${ids}::jsonb)::bigint))
          AND o.outbox_id = v.id AND o.attempts = v.attempts AND o.status = 'pending'`.execute(db),
    );
    return { retried: failures.length - dead, dead };
  }

  async function release(messages: OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const rows = JSON.stringify(messages.map((m) => ({ id: m.id, attempts: m.attempt })));
    await sql`
      UPDATE outbox o SET locked_until = NULL, attempts = o.attempts - 1
      FROM jsonb_to_recordset(${rows}::jsonb) AS v(id bigint, attempts integer)
      WHERE o.outbox_id = ANY (ARRAY(SELECT jsonb_array_elements_text(${idsOf(messages)}::jsonb)::bigint))
        AND o.outbox_id = v.id AND o.attempts = v.attempts AND o.status = 'pending'`.execute(db);
  }

  async function runOnce(): Promise<RunStats> {
    const stats: RunStats = { claimed: 0, delivered: 0, retried: 0, dead: 0, released: 0 };
    if (topics.length === 0 || stopController.signal.aborted) return stats;
    const now = clock.now();
    const limit = claimLimit;
    const messages = await claim(db, { topics, now, lockUntil: new Date(now.getTime() + lockMs), limit });
    stats.claimed = messages.length;
    if (messages.length === 0) return stats;

    const batches: { handler: TopicHandler; batch: OutboxMessage[] }[] = [];
    for (const topic of topics) {
      const handler = handlers[topic]!;
      const size = Math.max(1, handler.batchSize ?? 1);
      const mine = messages.filter((m) => m.topic === topic);
      if (mine.length === 0) continue;
      if (handler.prepare) {
        try {
          await handler.prepare(mine);
        } catch (err) {
          log.warn({ topic, err: errorText(err) }, 'outbox round preparation failed; batches read alone');
        }
      }
      for (let i = 0; i < mine.length; i += size) batches.push({ handler, batch: mine.slice(i, i + size) });
    }

    // The lanes only deliver; the round then records what they did in a statement or two, whatever
    // the number of batches (a statement costs more than its rows, docs/benchmarks.md, sync).
    const delivered = new Map<TopicHandler, OutboxMessage[]>();
    const failed: { message: OutboxMessage; error: string; permanent: boolean }[] = [];
    const giveBack: OutboxMessage[] = [];
    await inParallel(batches, concurrency, async ({ handler, batch }) => {
      if (clock.now().getTime() - now.getTime() > lockMs / 2) {
        giveBack.push(...batch);
        return;
      }
      let outcomes: DeliveryOutcome[];
      try {
        outcomes = await handler.deliver(batch, stopController.signal);
        if (outcomes.length !== batch.length) {
          throw new Error(`handler returned ${outcomes.length} outcomes for ${batch.length} messages`);
        }
      } catch (err) {
        const error = errorText(err);
        outcomes = batch.map(() => ({ ok: false, error }));
      }
      const ok = delivered.get(handler) ?? [];
      delivered.set(handler, ok);
      batch.forEach((message, i) => {
        const o = outcomes[i]!;
        if (o.ok) ok.push(message);
        else failed.push({ message, error: o.error, permanent: o.permanent === true });
      });
    });
    for (const [handler, ok] of delivered) stats.delivered += await markDelivered(handler, ok);
    // A full claim means a backlog: the next one is larger. A smaller limit would not shorten the
    // rounds once there is no backlog (a claim takes what is there), only make a backlog cost more.
    if (messages.length >= limit) claimLimit = Math.min(maxClaim, limit * 2);
    if (stopController.signal.aborted) giveBack.push(...failed.splice(0).map((f) => f.message));
    if (giveBack.length > 0) {
      await release(giveBack);
      stats.released += giveBack.length;
    }
    for (const topic of new Set(failed.map((f) => f.message.topic))) {
      const mine = failed.filter((f) => f.message.topic === topic);
      log.info(
        { topic, failed: mine.length, ids: mine.map((f) => f.message.id), error: mine[0]!.error },
        'outbox delivery failed; will retry',
      );
    }
    const r = await markFailed(failed);
    stats.retried += r.retried;
    stats.dead += r.dead;
    return stats;
  }

  let loop: Promise<void> | null = null;
  let stopping = false;
  let wake: (() => void) | null = null;

  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wake = null;
        resolve();
      }
      wake = done;
    });

  return {
    runOnce,
    notify: () => wake?.(),
    start: () => {
      if (loop) return;
      loop = (async () => {
        let idleMs = pollMs;
        while (!stopping) {
          let stats: RunStats | null = null;
          try {
            stats = await runOnce();
          } catch (err) {
            log.error({ err: errorText(err) }, 'outbox worker round failed');
          }
          if (stopping) break;
          // Something was delivered: successors of those keys may be claimable now, and more traffic
          // is likely; after that, empty rounds sleep quickPollMs, doubling up to pollMs.
          if (stats !== null && stats.delivered > 0) {
            idleMs = quickPollMs;
          } else {
            await idle(idleMs);
            idleMs = Math.min(pollMs, idleMs * 2);
          }
        }
      })();
    },
    stop: async () => {
      stopping = true;
      wake?.();
      if (!loop) {
        stopController.abort();
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), stopGraceMs);
      });
      const first = await Promise.race([loop.then(() => 'done' as const), graceOver]);
      clearTimeout(timer);
      if (first === 'timeout') {
        stopController.abort();
        await loop;
      }
      stopController.abort();
    },
  };
}
