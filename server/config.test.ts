import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, ConfigError, parseConfig } from './config.ts';
import { PRODUCTION_ENV } from './test/template.ts';

test('.env.example lists exactly the variables config.ts declares, in order', () => {
  const text = fs.readFileSync(path.resolve(import.meta.dirname, '../.env.example'), 'utf8');
  const names = text
    .split('\n')
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => l.split('=')[0]);
  assert.deepEqual(
    names,
    CONFIG_VARIABLES.map((v) => v.name),
  );
  for (const v of CONFIG_VARIABLES) {
    assert.ok(text.includes(`# ${v.doc}\n${v.name}=`), `${v.name} is documented in .env.example`);
  }
});

test('defaults give the embedded database with demo data', () => {
  const c = parseConfig({}, '/srv/motcua');
  assert.equal(c.databaseUrl, null);
  assert.equal(c.dataDir, '/srv/motcua/data');
  assert.equal(c.demoMode, true);
  assert.equal(c.port, 3000);
  assert.equal(c.publicUrl, 'http://localhost:3000');
});

test('production refuses to start without real secrets, with demo data or on PGlite', () => {
  assert.throws(
    () => parseConfig({ NODE_ENV: 'production' }),
    (err: unknown) =>
      err instanceof ConfigError &&
      err.problems.some((p) => p.startsWith('SECRET_KEY')) &&
      err.problems.some((p) => p.startsWith('DATABASE_URL')),
  );
  assert.throws(
    () =>
      parseConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://x@db/motcua',
        SECRET_KEY: 'motcua-development-secret-not-for-production',
      }),
    ConfigError,
  );
  assert.throws(
    () => parseConfig({ ...PRODUCTION_ENV, DEMO_MODE: 'true' }),
    (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.startsWith('DEMO_MODE')),
  );
  const ok = parseConfig(PRODUCTION_ENV);
  assert.equal(ok.demoMode, false);
});

test('every invalid value is named at once', () => {
  assert.throws(
    () => parseConfig({ PORT: 'abc', DEMO_MODE: 'maybe', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' }),
    (err: unknown) => err instanceof ConfigError && err.problems.length === 4,
  );
});
