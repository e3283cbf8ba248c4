// Every documented route gets unknown fields, wrong types, over-long strings, malformed JSON and
// huge bodies: each answer is a 4xx naming every problem, never a 500, and nothing is written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from './test/db.ts';
import { errorOf, loginAs } from './test/http.ts';

type Schema = {
  type?: string | string[];
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
};
type Operation = {
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

/** A valid value for a path parameter, so that query and body validation are reached. */
function samplePathValue(route: string, name: string): string {
  if (name === 'year') return '2026';
  if (name === 'code' && route.startsWith('/api/v1/procedures')) return '1.001193';
  if (name === 'code' && route.startsWith('/api/v1/agencies')) return '000.00.00.H26';
  if (name === 'agencyCode') return '000.00.00.H26';
  if (name === 'provinceCode') return '01';
  if (name === 'code' && route.startsWith('/api/v1/dossiers')) return '000.12.22.H26-261120-0001';
  if (name === 'code' && route.startsWith('/api/v1/units')) return '01';
  if (name === 'code' && /^\/api\/v1\/(public\/)?feedback/.test(route)) return 'PAKN.20261207.0001';
  if (name === 'kind') return 'receipt';
  if (name === 'action' && route.includes('/bulk-actions/')) return 'claim';
  if (name === 'action') return 'accept';
  if (name === 'username') return 'desk.hang-trong';
  if (name === 'idNumber') return '001190012345';
  if (name === 'fileId') return '00000000-0000-4000-8000-000000000000';
  if (name === 'token') return 'AbCdEfGhIjKlMnOpQrStUv';
  if (name === 'id' && route.startsWith('/api/v1/signing/sessions'))
    return '00000000-0000-4000-8000-000000000000';
  if (name === 'event') return 'received';
  if (name === 'channel') return 'sms';
  return '1';
}

let rt: TestRuntime;
let cookie: string;
let operations: { method: string; url: string; op: Operation }[];

before(async () => {
  rt = await createTestRuntime();
  cookie = await loginAs(rt.app, 'demo-admin');
  const doc = (await rt.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  operations = Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      url: p.replace(/\{([^}]+)\}/g, (_m, name: string) => samplePathValue(p, name)),
      op,
    })),
  );
});
after(() => rt.close());

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    ORDER BY table_name`.execute(rt.deps.db);
  const out: Record<string, number> = {};
  for (const t of tables.rows) {
    const r = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(t.table_name)}`.execute(
      rt.deps.db,
    );
    out[t.table_name] = Number(r.rows[0]!.n);
  }
  return out;
}

function wrongValue(s: Schema): unknown {
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'string') return { not: 'a string' };
  if (type === 'integer' || type === 'number') return 'not-a-number';
  if (type === 'boolean') return 'not-a-boolean';
  if (type === 'array') return 'not-an-array';
  if (s.enum) return '__not_in_the_list__';
  return 12345;
}

const inject = (
  method: string,
  url: string,
  extra: { payload?: unknown; body?: string; headers?: Record<string, string> } = {},
) =>
  rt.app.inject({
    method: method as 'GET',
    url,
    // A valid If-Match, so routes that require it reach their body and query validation.
    headers: { cookie, 'if-match': '1', ...(extra.headers ?? {}) },
    ...(extra.payload !== undefined ? { payload: extra.payload as object } : {}),
    ...(extra.body !== undefined ? { body: extra.body } : {}),
  });

function assertNamed(res: Awaited<ReturnType<typeof inject>>, paths: string[], label: string) {
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${label}: got ${res.statusCode} ${res.body}`);
  const err = errorOf(res);
  const named = (err.details ?? []).map((d) => d.path);
  for (const p of paths) assert.ok(named.includes(p), `${label}: ${p} is named in ${JSON.stringify(named)}`);
}

test('the API documents its routes', () => {
  assert.ok(operations.length >= 8, `found ${operations.length}`);
  assert.ok(operations.some((o) => o.url === '/api/v1/units'));
});

test('query strings: unknown parameters, wrong types and over-long values are named', async () => {
  const before = await rowCounts();
  for (const { method, url, op } of operations) {
    const query = (op.parameters ?? []).filter((p) => p.in === 'query');
    if (method !== 'GET') continue;
    assertNamed(await inject(method, `${url}?zzUnknown=1`), ['query/zzUnknown'], `${method} ${url} unknown`);
    for (const p of query) {
      const s = p.schema;
      const type = Array.isArray(s.type) ? s.type[0] : s.type;
      if (type === 'integer' || type === 'number') {
        assertNamed(
          await inject(method, `${url}?${p.name}=abc`),
          [`query/${p.name}`],
          `${url} ${p.name} type`,
        );
      }
      if (s.maxLength !== undefined) {
        const long = 'a'.repeat(s.maxLength + 1);
        assertNamed(
          await inject(method, `${url}?${p.name}=${long}`),
          [`query/${p.name}`],
          `${url} ${p.name} length`,
        );
      }
      if (s.pattern !== undefined) {
        assertNamed(
          await inject(method, `${url}?${p.name}=%3Cscript%3E`),
          [`query/${p.name}`],
          `${url} ${p.name} pattern`,
        );
      }
    }
    const ints = query.filter((p) => p.schema.type === 'integer');
    if (ints.length > 1) {
      const res = await inject(method, `${url}?${ints.map((p) => `${p.name}=x`).join('&')}`);
      assertNamed(
        res,
        ints.map((p) => `query/${p.name}`),
        `${url} all at once`,
      );
    }
  }
  assert.deepEqual(await rowCounts(), before);
});

test('bodies: malformed JSON, huge bodies, unknown fields, wrong types, over-long strings — all named, nothing written', async () => {
  const before = await rowCounts();
  const withBody = operations.filter((o) => o.op.requestBody);
  assert.ok(withBody.length >= 2);
  const hugeBody = JSON.stringify({ x: 'a'.repeat(65 * 1024 * 1024) });
  for (const { method, url, op } of withBody) {
    const schema = op.requestBody!.content['application/json']!.schema;
    const label = `${method} ${url}`;
    const malformed = await inject(method, url, {
      body: '{"username": "x",',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(malformed.statusCode, 400, label);
    assert.equal(errorOf(malformed).code, 'INVALID_JSON');
    const huge = await inject(method, url, {
      // Larger than any route's limit (the catalogue import allows 64 MiB: the national catalogue).
      body: hugeBody,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(huge.statusCode, 413, label);
    assert.equal(errorOf(huge).code, 'PAYLOAD_TOO_LARGE');
    const wrongType = await inject(method, url, {
      body: 'username=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(wrongType.statusCode, 415, label);

    // Properties that accept any JSON value (no type) cannot be wrong.
    const props = Object.entries(schema.properties ?? {}).filter(
      ([, s]) => s.type !== undefined || s.enum !== undefined,
    );
    const allWrong = Object.fromEntries(props.map(([k, s]) => [k, wrongValue(s)]));
    // Open bodies (an action's inputs depend on the action and are checked by the lifecycle) take any field.
    const closed = schema.additionalProperties === false;
    const res = await inject(method, url, { payload: { ...allWrong, zzUnknown: true } });
    if (!closed && props.length === 0) continue;
    assertNamed(
      res,
      [...props.map(([k]) => `body/${k}`), ...(closed ? ['body/zzUnknown'] : [])],
      `${label} all wrong`,
    );
    assert.equal(errorOf(res).code, 'VALIDATION_FAILED');

    for (const [k, s] of props) {
      if (s.maxLength === undefined) continue;
      const payload = { [k]: 'a'.repeat(s.maxLength + 1) };
      assertNamed(await inject(method, url, { payload }), [`body/${k}`], `${label} ${k} too long`);
    }
    // An empty body is a valid request where nothing is required (an admin's password reset makes the
    // temporary password itself): only bodies with required fields are sent empty.
    if ((schema.required ?? []).length === 0) continue;
    const missing = await inject(method, url, { payload: {} });
    assertNamed(
      missing,
      (schema.required ?? []).map((k) => `body/${k}`),
      `${label} required`,
    );
  }
  assert.deepEqual(await rowCounts(), before);
});

test('unknown routes and methods answer in the envelope', async () => {
  const res = await inject('GET', '/api/v1/nothing-here');
  assert.equal(res.statusCode, 404);
  assert.equal(errorOf(res).code, 'NOT_FOUND');
});
