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

test('#20.2 TRUST_PROXY is a list of proxies by address or CIDR range; true (every hop) is refused', () => {
  assert.deepEqual(parseConfig({}).trustProxy, []);
  assert.deepEqual(parseConfig({ TRUST_PROXY: 'false' }).trustProxy, []);
  assert.deepEqual(parseConfig({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8, fd00::/8,loopback' }).trustProxy, [
    '127.0.0.1',
    '10.0.0.0/8',
    'fd00::/8',
    'loopback',
  ]);
  for (const wrong of ['true', '1', 'proxy.local', '10.0.0.0/33', '10.0.0.1,', '10.0.0.0/8/1']) {
    assert.throws(
      () => parseConfig({ TRUST_PROXY: wrong }),
      (err: unknown) =>
        err instanceof ConfigError &&
        err.problems.length === 1 &&
        err.problems[0]!.startsWith('TRUST_PROXY must be false, or a comma-separated list') &&
        err.problems[0]!.includes('true, which trusted every hop'),
      wrong,
    );
  }
});

test('sign-in throttling variables: LOGIN_LOCKOUT_MINUTES is refused by name; the backoff must fit under its ceiling', () => {
  const c = parseConfig({});
  assert.deepEqual(
    [c.loginMaxFailures, c.loginAccountMaxFailures, c.loginAddressMaxFailures, c.loginBackoffSeconds],
    [5, 20, 50, 60],
  );
  assert.throws(
    () => parseConfig({ LOGIN_LOCKOUT_MINUTES: '15' }),
    (err: unknown) =>
      err instanceof ConfigError && err.problems.some((p) => p.includes('LOGIN_BACKOFF_SECONDS')),
  );
  assert.throws(
    () => parseConfig({ LOGIN_BACKOFF_SECONDS: '600', LOGIN_BACKOFF_MAX_MINUTES: '5' }),
    ConfigError,
  );
});

test('#20.13 production has no API docs unless API_DOCS is on; METRICS_TOKEN is at least 16 characters', () => {
  assert.equal(parseConfig({}).apiDocs, true);
  assert.equal(parseConfig(PRODUCTION_ENV).apiDocs, false);
  assert.equal(parseConfig({ ...PRODUCTION_ENV, API_DOCS: 'true' }).apiDocs, true);
  assert.equal(parseConfig(PRODUCTION_ENV).metricsToken, null);
  assert.throws(() => parseConfig({ METRICS_TOKEN: 'short' }), ConfigError);
});

test('#14 the province: its name and emblem path, checked by their schema', () => {
  const none = parseConfig({}, '/srv/motcua');
  assert.deepEqual(none.province, { name: null, emblemPath: null });
  const set = parseConfig(
    {
      PROVINCE_NAME: '  Thành phố Hà Nội ',
      PROVINCE_EMBLEM: 'branding/quoc-huy.svg',
      DATA_DIR: '/var/motcua',
    },
    '/srv/motcua',
  );
  assert.deepEqual(set.province, {
    name: 'Thành phố Hà Nội',
    emblemPath: '/var/motcua/branding/quoc-huy.svg',
  });
  assert.equal(
    parseConfig({ PROVINCE_EMBLEM: '/etc/motcua/emblem.PNG' }).province.emblemPath,
    '/etc/motcua/emblem.PNG',
  );
  assert.throws(
    () => parseConfig({ PROVINCE_EMBLEM: 'emblem.gif', PROVINCE_NAME: '<script>' }),
    (err: unknown) =>
      err instanceof ConfigError &&
      err.problems.some((p) => p.startsWith('PROVINCE_EMBLEM must be the path of an .svg or .png file')) &&
      err.problems.some((p) => p.startsWith('PROVINCE_NAME must be a name of at most 100 characters')),
  );
  assert.throws(() => parseConfig({ PROVINCE_NAME: 'x'.repeat(101) }), ConfigError);
});
