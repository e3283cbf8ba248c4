import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { parseConfig } from '../../config.ts';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

test('the public lookup answers 30 a minute per address, then 429 with Retry-After', async () => {
  const lookup = (remoteAddress: string, code = 'KHONG-CO') =>
    rt.app.inject({ url: `/api/v1/public/dossiers/${code}`, remoteAddress });
  for (let i = 0; i < 30; i++) assert.equal((await lookup('203.0.113.7')).statusCode, 404);
  const refused = await lookup('203.0.113.7');
  assert.equal(refused.statusCode, 429);
  const body = refused.json<{ error: { code: string; message: string; requestId: string } }>();
  assert.equal(body.error.code, 'TOO_MANY_REQUESTS');
  assert.equal(body.error.message, 'Tra cứu quá nhiều lần; vui lòng thử lại sau.');
  assert.ok(body.error.requestId);
  const retryAfter = Number(refused.headers['retry-after']);
  assert.ok(retryAfter >= 1 && retryAfter <= 60, `retry-after ${retryAfter}`);
  assert.equal(refused.headers['x-ratelimit-limit'], undefined);
  // Another address has its own allowance; a malformed code is refused before it counts.
  assert.equal((await lookup('203.0.113.8')).statusCode, 404);
  for (let i = 0; i < 31; i++) {
    assert.equal((await lookup('203.0.113.9', 'X'.repeat(41))).statusCode, 400);
  }
});

test('#20.2 behind a trusted proxy list, a rotating X-Forwarded-For from any other peer escapes neither the lookup limit nor the sign-in budget', async () => {
  const config = parseConfig({ NODE_ENV: 'test', TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' });
  assert.deepEqual(config.trustProxy, ['10.0.0.1', '10.1.0.0/16']);
  const proxied = await createTestRuntime({
    config: { trustProxy: config.trustProxy, loginAddressMaxFailures: 10 },
  });
  try {
    const lookup = (remoteAddress: string, forwardedFor: string) =>
      proxied.app.inject({
        url: '/api/v1/public/dossiers/KHONG-CO',
        remoteAddress,
        headers: { 'x-forwarded-for': forwardedFor },
      });
    // A peer that is not a listed proxy is the client, whatever it forwards.
    for (let i = 0; i < 30; i++)
      assert.equal((await lookup('203.0.113.50', `198.51.100.${i}`)).statusCode, 404);
    assert.equal((await lookup('203.0.113.50', '198.51.100.200')).statusCode, 429);
    // A listed proxy's X-Forwarded-For names the client: each client its own allowance.
    for (let i = 0; i < 30; i++) assert.equal((await lookup('10.1.2.3', '198.51.100.7')).statusCode, 404);
    assert.equal((await lookup('10.1.2.3', '198.51.100.7')).statusCode, 429);
    assert.equal((await lookup('10.0.0.1', '198.51.100.8')).statusCode, 404);

    const signIn = (i: number) =>
      proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '203.0.113.51',
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
        payload: { username: `khong-co.${i}`, password: 'x' },
      });
    for (let i = 0; i < 10; i++) assert.equal((await signIn(i)).statusCode, 401);
    const refused = await signIn(10);
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) >= 1);
  } finally {
    await proxied.close();
  }
});
