import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { pickEncoding } from './compression.ts';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

test('pickEncoding prefers Brotli, then gzip, and honours q=0', () => {
  assert.equal(pickEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(pickEncoding('gzip;q=1.0, br;q=0'), 'gzip');
  assert.equal(pickEncoding('identity'), null);
  assert.equal(pickEncoding(undefined), null);
});

test('large GET answers are compressed when the client accepts it, small ones are not', async () => {
  const url = '/api/v1/procedures/1.001193';
  const plain = await rt.app.inject({ url });
  assert.equal(plain.statusCode, 200);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers.vary, 'accept-encoding');
  assert.ok(plain.rawPayload.length > 10_000, `the procedure is ${plain.rawPayload.length} bytes`);

  const br = await rt.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['cache-control'], 'no-store');
  assert.ok(br.rawPayload.length < plain.rawPayload.length / 3);
  assert.equal(Number(br.headers['content-length']), br.rawPayload.length);
  assert.deepEqual(brotliDecompressSync(br.rawPayload), plain.rawPayload);

  const gz = await rt.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.deepEqual(gunzipSync(gz.rawPayload), plain.rawPayload);

  const small = await rt.app.inject({ url: '/api/v1/auth/me', headers: { 'accept-encoding': 'br' } });
  assert.equal(small.headers['content-encoding'], undefined);
});
