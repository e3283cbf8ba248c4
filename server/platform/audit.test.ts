import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import fc from 'fast-check';
import { createTestRuntime, type TestRuntime } from '../test/db.ts';
import { loginAs } from '../test/http.ts';
import { appendAudit, canonicalJson, verifyAuditChain } from './audit.ts';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

test('canonical JSON does not depend on key order', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
      const reversed = Object.fromEntries(Object.entries(obj).reverse());
      assert.equal(canonicalJson(obj), canonicalJson(reversed));
    }),
  );
});

test('changes write chained entries; verify passes; the chain survives concurrent writers', async () => {
  await loginAs(rt.app, 'desk.hang-trong');
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      rt.deps.db.transaction().execute((trx) =>
        appendAudit(
          trx,
          { userId: null, label: 'test' },
          {
            action: 'test.concurrent',
            entityType: 'test',
            entityId: String(i),
            details: { i, nested: { b: 1, a: [1, 'x'] } },
          },
          new Date(),
        ),
      ),
    ),
  );
  const rows = await rt.deps.db
    .selectFrom('audit_log')
    .select(['action'])
    .where('action', 'in', ['auth.login', 'test.concurrent'])
    .execute();
  assert.ok(rows.some((r) => r.action === 'auth.login'));
  assert.equal(rows.filter((r) => r.action === 'test.concurrent').length, 20);
  const v = await verifyAuditChain(rt.deps.db, 7);
  assert.equal(v.ok, true);
});

test('the table refuses updates and deletes', async () => {
  await assert.rejects(sql`UPDATE audit_log SET action = 'x'`.execute(rt.deps.db), /append-only/);
  await assert.rejects(sql`DELETE FROM audit_log`.execute(rt.deps.db), /append-only/);
});

test('tampering is detected and the first broken entry is named', async () => {
  const target = await rt.deps.db
    .selectFrom('audit_log')
    .select('audit_id')
    .where('action', '=', 'test.concurrent')
    .orderBy('audit_id')
    .offset(5)
    .limit(1)
    .executeTakeFirstOrThrow();
  await rt.deps.db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('motcua.allow_audit_tamper', 'on', true)`.execute(trx);
    await sql`UPDATE audit_log SET details = '{"i": 999}'::jsonb WHERE audit_id = ${target.audit_id}`.execute(
      trx,
    );
  });
  const v = await verifyAuditChain(rt.deps.db, 7);
  assert.equal(v.ok, false);
  assert.ok(!v.ok && v.brokenAuditId === target.audit_id && v.reason.includes('hash'));

  // Re-hashing the tampered row to hide it breaks the link to the next row instead.
  const next = await rt.deps.db
    .selectFrom('audit_log')
    .select('audit_id')
    .where('audit_id', '>', target.audit_id)
    .orderBy('audit_id')
    .limit(1)
    .executeTakeFirstOrThrow();
  await rt.deps.db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('motcua.allow_audit_tamper', 'on', true)`.execute(trx);
    await sql`UPDATE audit_log SET hash = repeat('a', 64) WHERE audit_id = ${target.audit_id}`.execute(trx);
  });
  const v2 = await verifyAuditChain(rt.deps.db);
  assert.ok(!v2.ok && (v2.brokenAuditId === target.audit_id || v2.brokenAuditId === next.audit_id));
});
