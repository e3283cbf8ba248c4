// What anonymous callers can make the server store through the payment callback is bounded: small
// bodies, a rate per address, refused messages kept as an excerpt and pruned (issue #20, finding 10).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { testConfig } from '../../test/template.ts';
import { errorOf } from '../../test/http.ts';
import { countRows } from '../../test/seeded.ts';
import {
  CALLBACK_BODY_LIMIT,
  REFUSED_EXCERPT_CHARS,
  pruneRefusedCallbacks,
  recordCallback,
} from './payments.repository.ts';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

const callback = (app: TestRuntime['app'], body: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/payments/callback',
    headers: { 'content-type': 'application/json' },
    payload: body,
  });

/** Characters of raw bodies the table holds. */
const storedChars = async () => {
  const row = await sql<{
    n: string | null;
  }>`SELECT sum(length(raw_body))::text AS n FROM payment_callbacks`.execute(rt.deps.db);
  return Number(row.rows[0]?.n ?? 0);
};

test('#20.10 fifty 1 MB refused callbacks leave bounded storage; a refused body is kept as an excerpt', async () => {
  const rows = await countRows(rt.deps.db, 'payment_callbacks');
  const chars = await storedChars();
  const mb = '{"MaLoi":"' + 'x'.repeat(1024 * 1024) + '"}';
  for (let i = 0; i < 50; i++) {
    const res = await callback(rt.app, mb);
    assert.equal(res.statusCode, 413, res.body.slice(0, 200));
    assert.equal(errorOf(res).code, 'PAYLOAD_TOO_LARGE');
  }
  // Just under the body limit: refused (malformed) and recorded, but only an excerpt of it.
  const large = '{"MaLoi":"00", ' + 'y'.repeat(CALLBACK_BODY_LIMIT - 100);
  for (let i = 0; i < 50; i++) {
    const res = await callback(rt.app, large);
    assert.equal(res.statusCode, 400, res.body.slice(0, 200));
  }
  const added = (await storedChars()) - chars;
  assert.equal(await countRows(rt.deps.db, 'payment_callbacks'), rows + 50);
  assert.ok(
    added <= 50 * (REFUSED_EXCERPT_CHARS + 200),
    `${added} characters stored for 100 refused callbacks`,
  );
  const [last] = await rt.deps.db
    .selectFrom('payment_callbacks')
    .select(['raw_body', 'verdict', 'reason'])
    .orderBy('callback_id', 'desc')
    .limit(1)
    .execute();
  assert.equal(last!.verdict, 'rejected');
  assert.equal(last!.reason, 'malformed-json');
  assert.ok(last!.raw_body.startsWith('{"MaLoi":"00", yyy'));
  assert.match(last!.raw_body, new RegExp(`${Buffer.byteLength(large)} bytes received, sha256 [0-9a-f]{64}`));
  // A NUL in a refused body does not fail the recording.
  const nul = await callback(rt.app, '{"MaLoi":"\u0000"');
  assert.equal(nul.statusCode, 400, nul.body);
});

test('#20.10 callbacks from one address past PAYMENT_CALLBACKS_PER_MINUTE: 429, not recorded', async () => {
  const limited = await createTestRuntime({
    config: { payment: { ...testConfig(null).payment, callbacksPerMinute: 5 } },
  });
  try {
    const rows = await countRows(limited.deps.db, 'payment_callbacks');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await callback(limited.app, '{}')).statusCode);
    assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429, 429, 429]);
    const refused = await callback(limited.app, '{}');
    assert.equal(errorOf(refused).code, 'TOO_MANY_REQUESTS');
    assert.ok(Number(refused.headers['retry-after']) >= 1);
    assert.equal(await countRows(limited.deps.db, 'payment_callbacks'), rows + 5);
  } finally {
    await limited.close();
  }
});

test('#20.10 pruning removes refused callbacks past their age or beyond the cap; heard ones stay', async () => {
  await rt.deps.db.deleteFrom('payment_callbacks').execute();
  const now = new Date('2026-12-06T03:00:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 3_600_000);
  const record = (verdict: 'accepted' | 'rejected', at: Date, n: number) =>
    recordCallback(rt.deps.db, {
      source: 'callback',
      rawBody: `{"n":${n}}`,
      reference: null,
      paymentId: null,
      transactionId: null,
      resultCode: null,
      verdict,
      reason: verdict === 'rejected' ? 'malformed-json' : null,
      requestId: null,
      at,
    });
  await record('rejected', daysAgo(40), 1);
  await record('accepted', daysAgo(40), 2);
  for (let n = 3; n <= 8; n++) await record('rejected', daysAgo(8 - n), n);
  await record('accepted', daysAgo(0), 9);
  const removed = await pruneRefusedCallbacks(rt.deps.db, now, { days: 30, rows: 4 });
  assert.equal(removed, 3, 'the 40-day-old refusal, then the two oldest beyond four');
  const left = await rt.deps.db
    .selectFrom('payment_callbacks')
    .select(['raw_body', 'verdict'])
    .orderBy('callback_id')
    .execute();
  assert.deepEqual(
    left.map((r) => r.raw_body),
    ['{"n":2}', '{"n":5}', '{"n":6}', '{"n":7}', '{"n":8}', '{"n":9}'],
  );
});
