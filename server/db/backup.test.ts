// Backups that restore (issue #20): a backup taken while desk intakes are running, restored to a
// fresh place, passes audit:verify (the real CLI) and holds every dossier acknowledged (201) before
// the backup started. PGlite: backupEmbedded (what the server's schedule and db:backup run) and
// `db:restore`; PostgreSQL: pg_dump and pg_restore (docs/operations.md).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { createTestRuntime, type TestRuntime } from '../test/db.ts';
import { dossierKit } from '../test/dossier-kit.ts';
import { peoplesCommittee } from '../test/seeded.ts';
import { adminUrl } from '../test/template.ts';
import { backupEmbedded } from './backup.ts';
import { openDatabase, type DbHandle } from './client.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const onPostgres = Boolean(process.env.DATABASE_URL);
const run = promisify(execFile);

let rt: TestRuntime;
let dir: string;
before(async () => {
  rt = await createTestRuntime();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-backup-'));
});
after(async () => {
  await rt.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The CLI as a process: its exit code and output. */
async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, [path.join(ROOT, 'server/cli.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/**
 * Three desks' worth of intakes run in a loop; once six are acknowledged, `backup` runs while the
 * others are in flight. The codes acknowledged before the backup started.
 */
async function underLoad(backup: () => Promise<unknown>): Promise<string[]> {
  const kit = dossierKit(() => rt);
  const agency = await peoplesCommittee(rt.deps.db, '00070');
  await kit.staff('desk.hang-trong');
  const acknowledged: string[] = [];
  let inFlight = 0;
  let stop = false;
  let enough!: () => void;
  const sixAcknowledged = new Promise<void>((r) => (enough = r));
  const workers = Array.from({ length: 3 }, async () => {
    while (!stop) {
      inFlight++;
      const code = await kit.receiveBirth(agency);
      inFlight--;
      acknowledged.push(code);
      if (acknowledged.length === 6) enough();
    }
  });
  await sixAcknowledged;
  const before = [...acknowledged];
  assert.ok(inFlight > 0, 'intakes are running when the backup starts');
  await backup();
  stop = true;
  await Promise.all(workers);
  return before;
}

async function missingCodes(handle: DbHandle, codes: string[]): Promise<string[]> {
  const found = await handle.db.selectFrom('dossiers').select('code').where('code', 'in', codes).execute();
  const there = new Set(found.map((r) => r.code));
  return codes.filter((c) => !there.has(c));
}

test(
  'restore drill (embedded): a backup under load restores into a fresh data dir; audit:verify passes; every acknowledged dossier is there',
  { skip: onPostgres && 'the embedded database’s drill; PostgreSQL has its own below' },
  async () => {
    const file = path.join(dir, 'motcua.tar.gz');
    const acknowledged = await underLoad(() => backupEmbedded(rt.handle, file));
    const restored = path.join(dir, 'restored');
    const restore = await cli(['db:restore', '--file', file, '--data-dir', restored], {});
    assert.equal(restore.code, 0, restore.out);
    // A second restore into the same place is refused.
    const again = await cli(['db:restore', '--file', file, '--data-dir', restored], {});
    assert.equal(again.code, 1, again.out);
    assert.match(again.out, /already holds a database/);
    const verify = await cli(['audit:verify'], { DATABASE_URL: '', DATA_DIR: restored });
    assert.equal(verify.code, 0, verify.out);
    assert.match(verify.out, /audit chains intact: [1-9]\d* entries/);
    const handle = await openDatabase({ dataDir: restored });
    try {
      assert.deepEqual(await missingCodes(handle, acknowledged), []);
    } finally {
      await handle.close();
    }
  },
);

test(
  'restore drill (PostgreSQL): pg_dump under load, pg_restore into a fresh database; audit:verify passes; every acknowledged dossier is there',
  { skip: !onPostgres && 'PostgreSQL only' },
  async () => {
    const url = rt.deps.config.databaseUrl!;
    const file = path.join(dir, 'motcua.dump');
    const acknowledged = await underLoad(() =>
      run('pg_dump', ['--format=custom', '--file', file, '--dbname', url]),
    );
    const name = `t_restore_${randomBytes(6).toString('hex')}`;
    const admin = async (statement: string) => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      try {
        await c.query(statement);
      } finally {
        await c.end();
      }
    };
    await admin(`CREATE DATABASE "${name}" TEMPLATE template0`);
    const freshUrl = adminUrl(url, name);
    try {
      await run('pg_restore', ['--exit-on-error', '--dbname', freshUrl, file]);
      const verify = await cli(['audit:verify'], { DATABASE_URL: freshUrl });
      assert.equal(verify.code, 0, verify.out);
      assert.match(verify.out, /audit chains intact: [1-9]\d* entries/);
      const handle = await openDatabase({ databaseUrl: freshUrl, poolSize: 1 });
      try {
        assert.deepEqual(await missingCodes(handle, acknowledged), []);
      } finally {
        await handle.close();
      }
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  },
);
