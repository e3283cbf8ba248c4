import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { adminUrl } from './test/template.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-'));
let databaseUrl = '';
const dbName = `cli_${process.pid}`;

async function admin(sqlText: string) {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  await c.query(sqlText);
  await c.end();
}

after(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (process.env.DATABASE_URL) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
});

function cli(args: string[], extraEnv: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, ['server/cli.ts', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      ...extraEnv,
    },
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

test('every command has --help; unknown commands and bad options are refused', () => {
  const all = cli(['--help']);
  assert.equal(all.code, 0);
  for (const c of [
    'migrate',
    'seed',
    'user:create',
    'user:reset-password',
    'token:create',
    'catalog:import',
    'catalog:export',
    'audit:verify',
  ]) {
    assert.ok(all.out.includes(c), c);
    const one = cli([c, '--help']);
    assert.equal(one.code, 0, c);
    assert.match(one.out, /usage: npm run cli -- /);
  }
  assert.equal(cli(['nope']).code, 2);
  assert.equal(cli(['seed', '--bogus']).code, 2);
});

test('migrate, seed, create a user, reset a password, create a token, verify the audit chain', async () => {
  if (process.env.DATABASE_URL) {
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${dbName}"`);
    databaseUrl = adminUrl(process.env.DATABASE_URL, dbName);
  }
  const migrate = cli(['migrate']);
  assert.equal(migrate.code, 0, migrate.out);
  assert.match(migrate.out, /applied: 2026/);
  const seed = cli(['seed']);
  assert.equal(seed.code, 0, seed.out);
  assert.match(seed.out, /reference data: 10806 units/);
  assert.match(cli(['seed']).out, /already current/);

  const create = cli(
    [
      'user:create',
      '--username',
      'Tiep.Nhan',
      '--full-name',
      'Nguyễn Thị Tiếp Nhận',
      '--role',
      'desk-officer@000.00.00.H26',
    ],
    { MOTCUA_PASSWORD: 'mật-khẩu-dài-đủ' },
  );
  assert.equal(create.code, 0, create.out);
  assert.match(create.out, /created user tiep.nhan/);
  const dup = cli(
    ['user:create', '--username', 'tiep.nhan', '--full-name', 'X', '--role', 'desk-officer@000.00.00.H26'],
    { MOTCUA_PASSWORD: 'x' },
  );
  assert.equal(dup.code, 1);
  assert.match(dup.out, /đã tồn tại/);
  const badRole = cli([
    'user:create',
    '--username',
    'a.b',
    '--full-name',
    'X',
    '--role',
    'king@000.00.00.H26',
  ]);
  assert.equal(badRole.code, 2);

  const reset = cli(['user:reset-password', '--username', 'tiep.nhan'], {}, 'một-mật-khẩu-mới\n');
  assert.equal(reset.code, 0, reset.out);
  const token = cli(['token:create', '--username', 'tiep.nhan', '--name', 'Kiosk']);
  assert.equal(token.code, 0, token.out);
  assert.match(token.out.trim(), /^mct_[A-Za-z0-9_-]{43}$/);

  const exported = path.join(dataDir, 'catalogue.json');
  assert.equal(cli(['catalog:export', '--file', exported]).code, 0);
  assert.equal(
    (JSON.parse(fs.readFileSync(exported, 'utf8')) as { procedures: unknown[] }).procedures.length,
    47,
  );
  const dry = cli(['catalog:import', '--file', exported]);
  assert.equal(dry.code, 0, dry.out);
  assert.match(dry.out, /dry run — nothing written.*0 created, 0 updated, 47 unchanged, 0 rejected/);

  const verify = cli(['audit:verify']);
  assert.equal(verify.code, 0, verify.out);
  assert.match(verify.out, /audit chains intact: [1-9]\d* entries in [1-9]\d* chains/);
});
