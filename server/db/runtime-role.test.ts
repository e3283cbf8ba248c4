// Issue #20.3: the server's runtime role (a member of motcua_runtime) works, and cannot rewrite the
// audit trail. PostgreSQL only: PGlite is one superuser session, where the grants change nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../test/db.ts';
import { dossierKit } from '../test/dossier-kit.ts';
import { peoplesCommittee } from '../test/seeded.ts';
import { buildApp } from '../app.ts';
import { openRuntime } from '../bootstrap.ts';
import { appendAudit, verifyAuditChain } from '../platform/audit.ts';
import { openDatabase, type DbHandle } from './client.ts';
import { runtimePrivilegeProblems } from './privileges.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);
const skip = !onPostgres && 'PostgreSQL only: PGlite is one superuser session';
const login = `motcua_rt_${randomBytes(4).toString('hex')}`;

let rt: TestRuntime;
let runtime: DbHandle;

async function admin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

before(async () => {
  if (!onPostgres) return;
  rt = await createTestRuntime();
  await admin(`CREATE ROLE ${login} LOGIN IN ROLE motcua_runtime`);
  const url = new URL(rt.deps.config.databaseUrl!);
  url.username = login;
  url.password = '';
  runtime = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
});
after(async () => {
  if (!onPostgres) return;
  await runtime.close();
  await rt.close();
  await admin(`DROP ROLE IF EXISTS ${login}`);
});

test(
  '#20.3 the runtime role cannot TRUNCATE, disable triggers or update the audit log',
  { skip },
  async () => {
    const refused = async (statement: string, why: RegExp) =>
      assert.rejects(sql.raw(statement).execute(runtime.db), why, statement);
    await refused('TRUNCATE audit_log', /permission denied/);
    await refused('ALTER TABLE audit_log DISABLE TRIGGER USER', /must be owner/);
    await refused("UPDATE audit_log SET action = 'x'", /permission denied/);
    await refused('DELETE FROM audit_log', /permission denied/);
    await refused(
      "INSERT INTO audit_log (chain_key, seq, at, actor_label, action, entity_type, prev_hash, hash) VALUES ('1', 1, now(), 'x', 'x', 'x', 'x', 'x')",
      /permission denied/,
    );
    await refused('UPDATE audit_chain_heads SET length = 0', /permission denied/);
    await refused('TRUNCATE audit_chain_heads', /permission denied/);
    await refused('ALTER TABLE audit_chain_heads DISABLE TRIGGER USER', /must be owner/);
    await refused('DROP TABLE audit_log', /must be owner/);
    assert.deepEqual(await runtimePrivilegeProblems(runtime), []);
    assert.match((await runtimePrivilegeProblems(rt.handle)).join('\n'), /is a superuser/);
  },
);

test('#20.3 the runtime role appends to the chains and serves a desk intake', { skip }, async () => {
  await runtime.db
    .transaction()
    .execute((trx) =>
      appendAudit(
        trx,
        { userId: null, label: 'test' },
        { action: 'test.runtime', entityType: 'test', chain: '901' },
        new Date(),
      ),
    );
  const served = await openRuntime(rt.deps.config, {
    handle: runtime,
    migrate: false,
    seed: false,
    files: rt.deps.files,
  });
  const app = await buildApp(served.deps);
  await app.ready();
  try {
    const kit = dossierKit(() => ({ ...rt, app, deps: served.deps }));
    await kit.receiveBirth(await peoplesCommittee(runtime.db, '00070'));
  } finally {
    await app.close();
  }
  const v = await verifyAuditChain(runtime.db);
  assert.deepEqual(v.problems, []);
});
