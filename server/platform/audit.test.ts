import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import fc from 'fast-check';
import { createTestRuntime, type TestRuntime } from '../test/db.ts';
import { loginAs } from '../test/http.ts';
import { actorWith, grantAt } from '../test/actors.ts';
import { dossierKit } from '../test/dossier-kit.ts';
import { peoplesCommittee } from '../test/seeded.ts';
import { appendAudit, canonicalJson, defaultChain, verifyAuditChain } from './audit.ts';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

const append = (chain: string, i: number) =>
  rt.deps.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      { userId: null, label: 'test' },
      {
        action: 'test.concurrent',
        entityType: 'test',
        entityId: String(i),
        details: { i, nested: { b: 1, a: [1, 'x'] } },
        chain,
      },
      new Date(),
    ),
  );

test('canonical JSON does not depend on key order', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
      const reversed = Object.fromEntries(Object.entries(obj).reverse());
      assert.equal(canonicalJson(obj), canonicalJson(reversed));
    }),
  );
});

test('changes write chained entries; each chain counts 1..n; verify passes under concurrent writers', async () => {
  await loginAs(rt.app, 'desk.hang-trong');
  await Promise.all(Array.from({ length: 24 }, (_, i) => append(['901', '902', '903'][i % 3]!, i)));
  const rows = await rt.deps.db
    .selectFrom('audit_log')
    .select(['action', 'chain_key', 'seq'])
    .where('action', 'in', ['auth.login', 'test.concurrent'])
    .execute();
  assert.ok(rows.some((r) => r.action === 'auth.login' && r.chain_key === 'deployment'));
  for (const chain of ['901', '902', '903']) {
    const seqs = rows
      .filter((r) => r.chain_key === chain)
      .map((r) => Number(r.seq))
      .sort((a, b) => a - b);
    assert.deepEqual(
      seqs,
      Array.from({ length: 8 }, (_, i) => i + 1),
    );
    const head = await rt.deps.db
      .selectFrom('audit_chain_heads')
      .select('length')
      .where('chain_key', '=', chain)
      .executeTakeFirstOrThrow();
    assert.equal(head.length, '8');
  }
  const v = await verifyAuditChain(rt.deps.db, 3);
  assert.deepEqual(v.problems, []);
  assert.equal(v.ok, true);
});

test('a staff write goes to the chain of the one agency its author serves in, else to deployment', () => {
  const at = (agencyPath: string) => grantAt({ unitPath: '/01/', agencyPath }, 'desk-officer');
  assert.equal(defaultChain(actorWith([at('57'), { ...at('57'), role: 'specialist' }])), '57');
  assert.equal(defaultChain(actorWith([at('57'), at('58')])), 'deployment');
  assert.equal(defaultChain({ userId: null, label: 'system' }), 'deployment');
});

test('dossier writes go to the chain of the dossier’s receiving agency', async () => {
  const code = await dossierKit(() => rt).receiveBirth(await peoplesCommittee(rt.deps.db, '00070'));
  const rows = await rt.deps.db
    .selectFrom('audit_log')
    .innerJoin('dossiers', 'dossiers.code', 'audit_log.entity_id')
    .select(['audit_log.chain_key', 'dossiers.receiving_agency_id'])
    .where('audit_log.entity_type', '=', 'dossier')
    .execute();
  assert.ok(
    rows.some((r) => r.chain_key !== 'deployment'),
    code,
  );
  for (const r of rows) assert.equal(r.chain_key, r.receiving_agency_id);
});

test('the tables refuse updates, deletes and TRUNCATE, with no setting that lets them through', async () => {
  await assert.rejects(sql`UPDATE audit_log SET action = 'x'`.execute(rt.deps.db), /append-only/);
  await assert.rejects(sql`DELETE FROM audit_log`.execute(rt.deps.db), /append-only/);
  await assert.rejects(sql`TRUNCATE audit_log`.execute(rt.deps.db), /append-only/);
  await assert.rejects(sql`DELETE FROM audit_chain_heads`.execute(rt.deps.db), /append-only/);
  await assert.rejects(sql`TRUNCATE audit_chain_heads`.execute(rt.deps.db), /append-only/);
  await assert.rejects(
    rt.deps.db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('motcua.allow_audit_tamper', 'on', true)`.execute(trx);
      await sql`DELETE FROM audit_log`.execute(trx);
    }),
    /append-only/,
  );
});

test('an append that does not continue its chain’s head is refused', async () => {
  await assert.rejects(
    sql`SELECT audit_append('901', 3, now(), NULL, 'x', 'x', 'x', NULL, '{}'::jsonb, NULL, repeat('0', 64), repeat('1', 64))`.execute(
      rt.deps.db,
    ),
    /does not continue/,
  );
});
