// The generic outbox worker on a real database with in-process handlers: order per key under concurrent
// workers and random failures, backoff with an injected clock, dead letters holding their successors,
// leases, graceful stop. The seed of the random failures is printed (OUTBOX_SEED=<seed> replays it).
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { silentLog } from './job-log.ts';
import {
  backoffDelay,
  createOutboxWorker,
  type DeliveryOutcome,
  type OutboxMessage,
  type OutboxWorkerOptions,
  type TopicHandler,
} from './outbox-worker.ts';
import { mulberry32, replayableSeed } from '../../test/random.ts';

const seed = replayableSeed('OUTBOX_SEED', 'outbox worker: random seed');

let rt: TestRuntime;
const clock = manualClock('2026-11-20T02:00:00Z');

before(async () => {
  rt = await createTestRuntime({ clock });
});
after(() => rt.close());
beforeEach(async () => {
  await sql`DELETE FROM outbox`.execute(rt.deps.db);
});

async function enqueue(topic: string, key: string, n: number): Promise<string> {
  const now = clock.now();
  const row = await rt.deps.db
    .insertInto('outbox')
    .values({
      topic,
      ordering_key: key,
      payload: JSON.stringify({ key, n }),
      available_at: now,
      created_at: now,
    })
    .returning('outbox_id')
    .executeTakeFirstOrThrow();
  return row.outbox_id;
}

const worker = (handlers: Record<string, TopicHandler>, extra: Partial<OutboxWorkerOptions> = {}) =>
  createOutboxWorker({
    db: rt.deps.db,
    clock,
    handlers,
    log: silentLog,
    maxAttempts: 50,
    backoffBaseMs: 1000,
    backoffMaxMs: 60_000,
    ...extra,
  });

async function rows(topic?: string) {
  let q = rt.deps.db.selectFrom('outbox').selectAll().orderBy('outbox_id');
  if (topic) q = q.where('topic', '=', topic);
  return q.execute();
}

test('backoff is exponential with full jitter: within [0, min(max, base·2^(n−1)))', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 200 }),
      fc.integer({ min: 1, max: 100_000 }),
      fc.integer({ min: 1, max: 10_000_000 }),
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      (attempt, base, extra, r) => {
        const max = base + extra;
        const d = backoffDelay(attempt, base, max, () => r);
        const ceiling = Math.min(max, base * 2 ** Math.min(attempt - 1, 40));
        return Number.isInteger(d) && d >= 0 && d < Math.max(ceiling, 1) && d <= ceiling;
      },
    ),
    { seed },
  );
  assert.equal(
    backoffDelay(1, 1000, 60_000, () => 0.999),
    999,
  );
  assert.equal(
    backoffDelay(4, 1000, 60_000, () => 0.5),
    4000,
  );
  assert.equal(
    backoffDelay(30, 1000, 60_000, () => 0.5),
    30_000,
  );
});

test('three workers, random failures: every message delivered once acknowledged, in order per key', async () => {
  const random = mulberry32(seed);
  const keys = ['A', 'B', 'C', 'D', 'E', 'F'];
  const delivered = new Map<string, number[]>();
  const inFlight = new Set<string>();
  let overlap = false;
  const handler: TopicHandler = {
    batchSize: 3,
    deliver: async (messages) => {
      // Two deliveries of one key at once would break order.
      for (const m of messages) {
        if (inFlight.has(m.key)) overlap = true;
        inFlight.add(m.key);
      }
      await new Promise((r) => setTimeout(r, Math.floor(random() * 5)));
      const out: DeliveryOutcome[] = messages.map((m) => {
        if (random() < 0.35) return { ok: false, error: 'random failure' };
        delivered.set(m.key, [...(delivered.get(m.key) ?? []), m.payload.n as number]);
        return { ok: true };
      });
      for (const m of messages) inFlight.delete(m.key);
      return out;
    },
  };
  const workers = [0, 1, 2].map(() => worker({ 'test.ordered': handler }, { random, claimLimit: 4 }));
  // Messages arrive while the workers run: three waves of three per key.
  let wave = 0;
  const produce = async () => {
    for (const k of keys) for (let i = 0; i < 3; i++) await enqueue('test.ordered', k, wave * 3 + i);
    wave++;
  };
  await produce();
  let counted = 0;
  for (let round = 0; round < 300; round++) {
    const tasks: Promise<unknown>[] = workers.map((w) => w.runOnce().then((s) => (counted += s.delivered)));
    if (round === 2 || round === 5) tasks.push(produce());
    await Promise.all(tasks);
    if (wave === 3 && (await rows()).every((r) => r.status === 'delivered')) break;
    // The clock moves between rounds only: within a round, leases (5 min) hold.
    clock.advance(61_000);
  }
  const all = await rows();
  assert.equal(all.length, 9 * keys.length);
  assert.ok(
    all.every((r) => r.status === 'delivered'),
    `undelivered: ${JSON.stringify(all.filter((r) => r.status !== 'delivered'))}`,
  );
  assert.equal(overlap, false, 'a key was never delivered by two workers at once');
  assert.equal(counted, all.length, 'the rounds count every delivery (concurrent lanes included)');
  for (const k of keys) {
    const ns = delivered.get(k)!;
    assert.deepEqual(
      ns,
      [...ns].sort((a, b) => a - b),
      `${k} delivered in order`,
    );
    assert.equal(ns.length, 9, `${k}: each message acknowledged once`);
  }
});

test('a round reports what its concurrent lanes did', async () => {
  for (let i = 0; i < 12; i++) await enqueue('test.lanes', `K${i}`, 1);
  const w = worker(
    {
      'test.lanes': {
        deliver: async (ms) => {
          await new Promise((r) => setTimeout(r, 5));
          return ms.map((m) =>
            Number(m.key.slice(1)) % 3 === 0 ? { ok: false, error: 'no' } : { ok: true },
          );
        },
        // Real waiting inside the recording, as a network database has: the lanes interleave there.
        onDelivered: () => new Promise((r) => setTimeout(r, 3)),
      },
    },
    { concurrency: 4 },
  );
  const s = await w.runOnce();
  assert.deepEqual([s.claimed, s.delivered, s.retried, s.dead], [12, 8, 4, 0]);
});

test('a failure waits out its backoff on the injected clock; dead after maxAttempts, holding its successors until re-driven', async () => {
  const first = await enqueue('test.dead', 'K', 1);
  const second = await enqueue('test.dead', 'K', 2);
  const other = await enqueue('test.dead', 'L', 1);
  let fail = true;
  const seen: string[] = [];
  const w = worker(
    {
      'test.dead': {
        deliver: async (ms: OutboxMessage[]) =>
          ms.map((m) => {
            seen.push(m.id);
            return fail && m.key === 'K' ? { ok: false, error: 'portal said no' } : { ok: true };
          }),
      },
    },
    { maxAttempts: 3, random: () => 0.5 },
  );
  let s = await w.runOnce();
  assert.deepEqual([s.claimed, s.delivered, s.retried], [2, 1, 1]);
  // Backoff after attempt 1: 0.5 × 1000 ms. Not yet due.
  clock.advance(400);
  assert.equal((await w.runOnce()).claimed, 0);
  clock.advance(100);
  s = await w.runOnce();
  assert.deepEqual([s.claimed, s.retried], [1, 1]);
  clock.advance(1000);
  s = await w.runOnce();
  assert.deepEqual([s.claimed, s.dead], [1, 1]);
  const r = await rows('test.dead');
  assert.deepEqual(
    r.map((x) => [x.outbox_id, x.status, x.attempts]),
    [
      [first, 'dead', 3],
      [second, 'pending', 0],
      [other, 'delivered', 1],
    ],
  );
  assert.equal(r[0]!.last_error, 'portal said no');
  // The successor is never tried while its predecessor is dead.
  clock.advance(3_600_000);
  assert.equal((await w.runOnce()).claimed, 0);
  assert.ok(!seen.includes(second));

  fail = false;
  await rt.deps.db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, available_at: clock.now() })
    .where('outbox_id', '=', first)
    .execute();
  assert.deepEqual(
    [(await w.runOnce()).delivered, (await w.runOnce()).delivered, (await w.runOnce()).claimed],
    [1, 1, 0],
  );
  assert.deepEqual(
    seen.filter((id) => id !== other),
    [first, first, first, first, second],
  );
});

test('a permanent failure is dead at once; topics without a handler and other topics on the same key are untouched', async () => {
  const bad = await enqueue('test.permanent', 'K', 1);
  const parked = await enqueue('test.unhandled', 'K', 1);
  const fine = await enqueue('test.fine', 'K', 1);
  const w = worker({
    'test.permanent': {
      deliver: async (ms) => ms.map(() => ({ ok: false, error: 'no such dossier', permanent: true })),
    },
    'test.fine': { deliver: async (ms) => ms.map(() => ({ ok: true })) },
  });
  const s = await w.runOnce();
  assert.deepEqual([s.claimed, s.delivered, s.dead], [2, 1, 1]);
  const r = await rows();
  assert.deepEqual(
    r.map((x) => [x.outbox_id, x.status, x.attempts]),
    [
      [bad, 'dead', 1],
      [parked, 'pending', 0],
      [fine, 'delivered', 1],
    ],
  );
});

test('a handler that throws fails its whole batch; an expired lease lets another worker deliver and the late answer is ignored', async () => {
  const a = await enqueue('test.lease', 'K', 1);
  const b = await enqueue('test.lease', 'M', 1);
  const throwing = worker({
    'test.lease': {
      batchSize: 10,
      deliver: async () => {
        throw new Error('socket hang up');
      },
    },
  });
  const s = await throwing.runOnce();
  assert.deepEqual([s.claimed, s.retried], [2, 2]);
  assert.ok(
    (await rows('test.lease')).every((x) => x.last_error === 'socket hang up' && x.status === 'pending'),
  );

  // A slow worker holds the claim past its lease; another claims and delivers; the slow one's answer is dropped.
  clock.advance(120_000);
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const slowCalls: string[] = [];
  const slow = worker(
    {
      'test.lease': {
        batchSize: 10,
        deliver: async (ms) => {
          slowCalls.push(...ms.map((m) => m.id));
          await gate;
          return ms.map(() => ({ ok: false, error: 'late failure' }));
        },
      },
    },
    { lockMs: 1000 },
  );
  const slowRound = slow.runOnce();
  while (slowCalls.length === 0) await new Promise((r) => setTimeout(r, 5));
  clock.advance(2000);
  const fast = worker({
    'test.lease': { batchSize: 10, deliver: async (ms) => ms.map(() => ({ ok: true })) },
  });
  assert.equal((await fast.runOnce()).delivered, 2);
  release();
  const late = await slowRound;
  assert.equal(late.retried, 2);
  const r = await rows('test.lease');
  assert.deepEqual(
    r.map((x) => [x.outbox_id, x.status, x.attempts, x.last_error]),
    [
      [a, 'delivered', 3, null],
      [b, 'delivered', 3, null],
    ],
  );
});

test('graceful stop: the loop finishes its round; a delivery still hanging after the grace period is released untouched', async () => {
  const id = await enqueue('test.stop', 'K', 1);
  let started = false;
  const w = worker(
    {
      'test.stop': {
        deliver: async (ms, signal) => {
          started = true;
          await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
          return ms.map(() => ({ ok: false, error: 'aborted' }));
        },
      },
    },
    { pollMs: 10, stopGraceMs: 50 },
  );
  w.start();
  while (!started) await new Promise((r) => setTimeout(r, 5));
  await w.stop();
  const [r] = await rows('test.stop');
  assert.deepEqual([r!.outbox_id, r!.status, r!.attempts, r!.locked_until], [id, 'pending', 0, null]);

  // A running loop delivers new messages when notified, and stops cleanly when idle.
  const delivered: string[] = [];
  const w2 = worker(
    { 'test.stop': { deliver: async (ms) => ms.map((m) => (delivered.push(m.id), { ok: true as const })) } },
    { pollMs: 5000, quickPollMs: 5000 },
  );
  w2.start();
  for (let i = 0; i < 200 && delivered.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(delivered, [id]);
  const next = await enqueue('test.stop', 'K', 2);
  w2.notify();
  for (let i = 0; i < 200 && delivered.length === 1; i++) await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(delivered, [id, next]);
  await w2.stop();

  // After a delivery the loop looks again soon (quickPollMs, 20 ms by default), not after pollMs:
  // a message committed right after an empty round is delivered without a notify, long before 5 s.
  const w3 = worker(
    { 'test.stop': { deliver: async (ms) => ms.map((m) => (delivered.push(m.id), { ok: true as const })) } },
    { pollMs: 5000 },
  );
  const third = await enqueue('test.stop', 'K', 3);
  w3.start();
  for (let i = 0; i < 200 && delivered.length === 2; i++) await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(delivered, [id, next, third]);
  await new Promise((r) => setTimeout(r, 50)); // past the first empty round
  const fourth = await enqueue('test.stop', 'K', 4);
  for (let i = 0; i < 400 && delivered.length === 3; i++) await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(delivered, [id, next, third, fourth]);
  await w3.stop();
});
