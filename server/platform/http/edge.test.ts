import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { PRODUCTION_ENV } from '../../test/template.ts';
import { parseConfig } from '../../config.ts';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

test('health, readiness and Prometheus metrics', async () => {
  assert.deepEqual((await rt.app.inject('/healthz')).json(), { status: 'ok' });
  const ready = await rt.app.inject('/readyz');
  assert.equal(ready.statusCode, 200);
  assert.equal(ready.json<{ status: string }>().status, 'ready');
  await rt.app.inject('/api/v1/units');
  const metrics = await rt.app.inject('/metrics');
  assert.match(String(metrics.headers['content-type']), /text\/plain/);
  assert.match(
    metrics.body,
    /motcua_http_requests_total\{method="GET",route="\/api\/v1\/units",status="401"\} 1/,
  );
  assert.match(metrics.body, /process_cpu_user_seconds_total/);
});

test('OpenAPI 3.1 document and docs UI', async () => {
  const doc = (await rt.app.inject('/openapi.json')).json<{
    openapi: string;
    paths: Record<string, unknown>;
  }>();
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/api/v1/auth/login']);
  assert.ok(doc.paths['/api/v1/agencies']);
  assert.ok(!doc.paths['/healthz']);
  const ui = await rt.app.inject('/docs/');
  assert.equal(ui.statusCode, 200);
  assert.match(ui.body, /swagger/i);
});

test('request ids are echoed (or made) and appear in error envelopes', async () => {
  const given = await rt.app.inject({
    url: '/api/v1/auth/me',
    headers: { 'x-request-id': 'abc12345-desk-7' },
  });
  assert.equal(given.headers['x-request-id'], 'abc12345-desk-7');
  assert.equal(given.json<{ error: { requestId: string } }>().error.requestId, 'abc12345-desk-7');
  const unsafe = await rt.app.inject({ url: '/api/v1/auth/me', headers: { 'x-request-id': '<script>' } });
  assert.match(String(unsafe.headers['x-request-id']), /^[0-9a-f-]{36}$/);
});

test('security headers on every response; API answers are not cached', async () => {
  const res = await rt.app.inject('/api/v1/auth/me');
  for (const h of [
    'x-content-type-options',
    'x-frame-options',
    'referrer-policy',
    'content-security-policy',
  ]) {
    assert.ok(res.headers[h], h);
  }
  assert.equal(res.headers['cache-control'], 'no-store');
});

test('#20.13 in production /metrics asks for METRICS_TOKEN and is off without one; /docs and /openapi.json are off unless API_DOCS', async () => {
  const token = 'metrics-token-0123456789';
  const config = parseConfig({ ...PRODUCTION_ENV, METRICS_TOKEN: token });
  const prod = await createTestRuntime({
    config: { nodeEnv: 'production', metricsToken: config.metricsToken, apiDocs: config.apiDocs },
  });
  try {
    const metrics = (authorization?: string) =>
      prod.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });
    const anonymous = await metrics();
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json<{ error: { code: string } }>().error.code, 'UNAUTHENTICATED');
    assert.equal((await metrics(`Bearer ${token}x`)).statusCode, 401);
    assert.equal((await metrics(token)).statusCode, 401);
    const scraped = await metrics(`Bearer ${token}`);
    assert.equal(scraped.statusCode, 200);
    assert.match(scraped.body, /process_cpu_user_seconds_total/);
    assert.equal((await prod.app.inject('/docs/')).statusCode, 404);
    assert.equal((await prod.app.inject('/docs/json')).statusCode, 404);
    assert.equal((await prod.app.inject('/openapi.json')).statusCode, 404);
  } finally {
    await prod.close();
  }
  const untokened = await createTestRuntime({
    config: { nodeEnv: 'production', metricsToken: parseConfig(PRODUCTION_ENV).metricsToken, apiDocs: false },
  });
  try {
    assert.equal((await untokened.app.inject('/metrics')).statusCode, 404);
  } finally {
    await untokened.close();
  }
});
