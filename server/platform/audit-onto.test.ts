// An audit entry hashed by SQL (auditAppendOnto: desk intake's one-statement write) verifies as one
// hashed in TypeScript does: same seq, same hash, Vietnamese text and the pending value in place.
import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../test/db.ts';
import { pendingValue } from '../db/pending-value.ts';
import { appendAudit, auditAppendOnto, CHAIN_HEAD, verifyAuditChain } from './audit.ts';

const CHAIN = '902';
let rt: TestRuntime;
beforeEach(async () => {
  rt = await createTestRuntime();
});
afterEach(() => rt.close());

/** One statement: a value computed by SQL, the chain's head locked, the entry naming the value. */
async function appendOnto(value: string, at: Date): Promise<void> {
  const pending = pendingValue(sql<string>`(SELECT v FROM taken)`);
  const call = auditAppendOnto(
    { userId: null, label: 'cán bộ một cửa' },
    {
      action: 'test.onto',
      entityType: 'dossier',
      entityId: pending.placeholder,
      details: { code: pending.placeholder, note: `Hồ sơ ${pending.placeholder} đã tiếp nhận — “đủ”` },
      chain: CHAIN,
    },
    at,
    {
      head: {
        length: sql`(SELECT head_length FROM taken)`,
        hash: sql<string>`(SELECT head_hash FROM taken)`,
      },
      pending,
    },
  );
  await sql`WITH taken AS (
      SELECT ${value}::text AS v, (head).length AS head_length, (head).head_hash AS head_hash
      FROM (SELECT ${CHAIN_HEAD(CHAIN)} AS head OFFSET 0) AS locked),
    appended AS (SELECT ${call})
    SELECT count(*) FROM appended`.execute(rt.deps.db);
}

test('#20 one-statement intake: an entry hashed by SQL onto the locked head verifies, between entries hashed in TypeScript', async () => {
  const at = (s: number) => new Date(Date.UTC(2026, 11, 6, 9, 0, s, 456));
  await appendOnto('H26.1-261206-0001', at(1));
  await rt.deps.db
    .transaction()
    .execute((trx) =>
      appendAudit(
        trx,
        { userId: null, label: 'test' },
        { action: 'test.ts', entityType: 'test', entityId: 'x', details: { ý: 'kiến' }, chain: CHAIN },
        at(2),
      ),
    );
  await appendOnto('H26.1-261206-10000', at(3));
  const rows = await rt.deps.db
    .selectFrom('audit_log')
    .select(['seq', 'entity_id', 'details'])
    .where('chain_key', '=', CHAIN)
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    rows.map((r) => [Number(r.seq), r.entity_id]),
    [
      [1, 'H26.1-261206-0001'],
      [2, 'x'],
      [3, 'H26.1-261206-10000'],
    ],
  );
  assert.deepEqual(rows[2]!.details, {
    code: 'H26.1-261206-10000',
    note: 'Hồ sơ H26.1-261206-10000 đã tiếp nhận — “đủ”',
  });
  const verified = await verifyAuditChain(rt.deps.db);
  assert.deepEqual(verified.problems, []);
  assert.equal(verified.ok, true);
});
