// Issue #20.3: what the owner of the tables (or anyone who got its rights) can do to the audit log,
// each detected and named by audit:verify against the anchored chain heads.
import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql, type RawBuilder } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../test/db.ts';
import { openDatabase } from '../db/client.ts';
import { appendAudit, AT_TEXT, storedEntryHash, verifyAuditChain } from './audit.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHAIN = '901';
const N = 10;

let rt: TestRuntime;
beforeEach(async () => {
  rt = await createTestRuntime();
  for (let i = 0; i < N; i++) {
    await rt.deps.db
      .transaction()
      .execute((trx) =>
        appendAudit(
          trx,
          { userId: null, label: 'test' },
          { action: 'test.entry', entityType: 'test', entityId: String(i), details: { i }, chain: CHAIN },
          new Date(Date.UTC(2026, 11, 6, 9, 0, i, 123)),
        ),
      );
  }
  assert.equal((await verifyAuditChain(rt.deps.db)).ok, true);
});
afterEach(() => rt.close());

/** What the tables' owner can do: switch the guarding triggers off, change rows, switch them on. */
async function asOwner(...statements: RawBuilder<unknown>[]): Promise<void> {
  await rt.deps.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
    for (const s of statements) await s.execute(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
  });
}

async function problemOf(chain = CHAIN): Promise<string> {
  const v = await verifyAuditChain(rt.deps.db, 4);
  assert.equal(v.ok, false);
  const p = v.problems.find((x) => x.chain === chain);
  assert.ok(p, `a problem named for chain ${chain}: ${JSON.stringify(v.problems)}`);
  return p.reason;
}

/** Runs the real CLI (`npm run cli -- audit:verify`) as a process against this test's database. */
async function verifyCli(): Promise<{ code: number; stdout: string; stderr: string }> {
  let dir: string | null = null;
  let env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'development' };
  if (rt.deps.config.databaseUrl) env.DATABASE_URL = rt.deps.config.databaseUrl;
  else {
    // The embedded database is in memory: copy it to a data dir the CLI opens.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-verify-'));
    const dump = await rt.handle.pglite!.dumpDataDir('none');
    const copy = await openDatabase({ dataDir: dir, loadDataDir: dump });
    await copy.close();
    env = { ...env, DATABASE_URL: '', DATA_DIR: dir };
  }
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, 'server/cli.ts'), 'audit:verify'],
      { env, cwd: ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('#20.3 TRUNCATE audit_log is detected and named, and audit:verify exits non-zero', async () => {
  await asOwner(sql`TRUNCATE audit_log`);
  assert.equal(await problemOf(), `truncated: head says ${N}, found 0`);
  const cli = await verifyCli();
  assert.equal(cli.code, 1);
  assert.match(cli.stderr, new RegExp(`audit chain ${CHAIN} broken: truncated: head says ${N}, found 0`));
});

test('#20.3 deleting the tail of a chain is detected and named', async () => {
  await asOwner(sql`DELETE FROM audit_log WHERE chain_key = ${CHAIN} AND seq > ${N - 3}`);
  assert.equal(await problemOf(), `tail removed: head says ${N}, found ${N - 3}`);
  const cli = await verifyCli();
  assert.equal(cli.code, 1);
  assert.match(cli.stderr, /tail removed: head says 10, found 7/);
});

test('#20.3 deleting an entry in the middle is named as a gap', async () => {
  await asOwner(sql`DELETE FROM audit_log WHERE chain_key = ${CHAIN} AND seq = 4`);
  assert.match(await problemOf(), /^gap at seq 4 /);
});

test('#20.3 deleting an entry in the middle and re-hashing every later one is detected', async () => {
  const rows = await rt.deps.db
    .selectFrom('audit_log')
    .selectAll()
    .select(AT_TEXT.as('at_text'))
    .where('chain_key', '=', CHAIN)
    .orderBy('seq')
    .execute();
  // The forger knows the rule: renumber and re-hash everything after the deleted entry.
  const rewrites: RawBuilder<unknown>[] = [sql`DELETE FROM audit_log WHERE audit_id = ${rows[3]!.audit_id}`];
  let prev = rows[2]!.hash;
  for (const r of rows.slice(4)) {
    const seq = Number(r.seq) - 1;
    const hash = storedEntryHash(prev, r, seq);
    rewrites.push(sql`UPDATE audit_log SET seq = ${seq}, prev_hash = ${prev}, hash = ${hash}
      WHERE audit_id = ${r.audit_id}`);
    prev = hash;
  }
  await asOwner(...rewrites);
  assert.equal(await problemOf(), `tail removed: head says ${N}, found ${N - 1}`);
});

test('#20.3 a row changed while the owner had disabled the trigger is detected and named', async () => {
  await asOwner(
    sql`UPDATE audit_log SET details = '{"i": 999}'::jsonb WHERE chain_key = ${CHAIN} AND seq = 6`,
  );
  assert.match(await problemOf(), /^hash mismatch at seq 6/);
  const cli = await verifyCli();
  assert.equal(cli.code, 1);
  assert.match(cli.stderr, /audit chain 901 broken: hash mismatch at seq 6/);
});

test('#20.3 a 1 µs change of `at` is detected', async () => {
  await asOwner(
    sql`UPDATE audit_log SET at = at + interval '1 microsecond' WHERE chain_key = ${CHAIN} AND seq = 2`,
  );
  assert.match(await problemOf(), /^hash mismatch at seq 2/);
});

test('#20.3 an intact log verifies through the CLI with exit 0', async () => {
  const cli = await verifyCli();
  assert.equal(cli.code, 0, cli.stderr);
  assert.match(cli.stdout, /audit chains intact: \d+ entries in \d+ chains/);
});

test(
  '#20.3 writers of different chains do not wait on each other',
  { skip: !process.env.DATABASE_URL && 'PGlite is one session: transactions run one at a time' },
  async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const first = rt.deps.db.transaction().execute(async (trx) => {
      await appendAudit(
        trx,
        { userId: null, label: 'a' },
        { action: 'test.a', entityType: 'test', chain: '902' },
        new Date(),
      );
      locked();
      await held;
    });
    await isLocked;
    try {
      // Would wait for `first` to commit if the chains shared a lock; lock_timeout makes that a failure.
      await rt.deps.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL lock_timeout = '5s'`.execute(trx);
        await appendAudit(
          trx,
          { userId: null, label: 'b' },
          { action: 'test.b', entityType: 'test', chain: '903' },
          new Date(),
        );
      });
    } finally {
      release();
      await first;
    }
    assert.equal((await verifyAuditChain(rt.deps.db)).ok, true);
  },
);
