// The sync and portal variables of server/config.ts: defaults for development, refusals for production.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, DEV_PORTAL_SECRET, parseConfig } from '../../config.ts';
import { PRODUCTION_ENV } from '../../test/template.ts';

test('development needs no portal configuration: the simulator secret, hmac, portal unset', () => {
  const c = parseConfig({});
  assert.deepEqual(c.portal, { baseUrl: null, auth: 'hmac', secret: DEV_PORTAL_SECRET, timeoutMs: 10_000 });
  assert.equal(c.sync.batchSize, 10);
  assert.equal(c.sync.maxAttempts, 20);
  assert.equal(c.simulatorPort, 3900);
  assert.equal(
    parseConfig({ PORTAL_BASE_URL: 'https://lgsp.example.gov.vn/dvcqg/' }).portal.baseUrl,
    'https://lgsp.example.gov.vn/dvcqg',
  );
});

test('production with a portal needs its own secret; bad values are all named', () => {
  assert.throws(
    () => parseConfig({ ...PRODUCTION_ENV, PORTAL_BASE_URL: 'https://dvcqg.example' }),
    (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.startsWith('PORTAL_SECRET')),
  );
  assert.throws(
    () =>
      parseConfig({
        ...PRODUCTION_ENV,
        PORTAL_BASE_URL: 'https://dvcqg.example',
        PORTAL_SECRET: DEV_PORTAL_SECRET,
      }),
    ConfigError,
  );
  const ok = parseConfig({
    ...PRODUCTION_ENV,
    PORTAL_BASE_URL: 'https://dvcqg.example',
    PORTAL_SECRET: 's'.repeat(32),
  });
  assert.equal(ok.portal.secret, 's'.repeat(32));
  // No portal in production: nothing to protect, messages wait.
  assert.equal(parseConfig(PRODUCTION_ENV).portal.baseUrl, null);
  assert.throws(
    () =>
      parseConfig({
        PORTAL_BASE_URL: 'ftp://x',
        PORTAL_AUTH: 'basic',
        SYNC_BATCH_SIZE: '11',
        SYNC_MAX_ATTEMPTS: '0',
        SYNC_BACKOFF_BASE_MS: '10000',
        SYNC_BACKOFF_MAX_MS: '1000',
      }),
    (err: unknown) => err instanceof ConfigError && err.problems.length === 5,
  );
});
