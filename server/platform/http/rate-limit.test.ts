import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';

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
