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
    'reports:rebuild',
    'import:dossiers',
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
  // Both maps' units: 63 provinces, 696 districts and 10,047 communes of 1/3/2025, and the 34 provinces
  // and 3,321 communes of the two-level map of 1/7/2025, less the 27 provinces that kept their code and
  // name (one unit on both maps). Agencies of the two-level map only: a People's Committee for each of
  // its units, the seven departments of each demo city (Hà Nội, Đà Nẵng, Hồ Chí Minh City) and a police
  // post in each of their 126 + 94 + 168 communes; a desk at each committee and each city's service centre.
  const units = 63 + 696 + 10047 + (34 + 3321) - 27;
  const agencies = 34 + 3321 + 3 * 7 + (126 + 94 + 168);
  const desks = 34 + 3321 + 3;
  assert.equal(units, 14134);
  assert.match(
    seed.out,
    new RegExp(`reference data: ${units} units, ${agencies} agencies, ${desks} desks\n`),
  );
  // Offerings in the demo cities: the 16 province-level procedures at each city's competent agency, the
  // 34 commune-level ones at each of their 388 communes' committee or police post.
  assert.match(seed.out, new RegExp(`catalogue: 47 procedures, ${3 * 16 + 388 * 34} offerings\n`));
  assert.match(cli(['seed']).out, /already current/);

  const create = cli(
    [
      'user:create',
      '--username',
      'Tiep.Nhan',
      '--full-name',
      'Nguyễn Thị Tiếp Nhận',
      '--role',
      'desk-officer@H26',
    ],
    { MOTCUA_PASSWORD: 'mật-khẩu-dài-đủ' },
  );
  assert.equal(create.code, 0, create.out);
  assert.match(create.out, /created user tiep.nhan/);
  const dup = cli(
    ['user:create', '--username', 'tiep.nhan', '--full-name', 'X', '--role', 'desk-officer@H26'],
    { MOTCUA_PASSWORD: 'x' },
  );
  assert.equal(dup.code, 1);
  assert.match(dup.out, /đã tồn tại/);
  const badRole = cli(['user:create', '--username', 'a.b', '--full-name', 'X', '--role', 'king@H26']);
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

  const rebuild = cli(['reports:rebuild']);
  assert.equal(rebuild.code, 0, rebuild.out);
  assert.match(rebuild.out, /report counts rebuilt: \d+ day rows, \d+ month rows; 0 day rows differed/);
});
