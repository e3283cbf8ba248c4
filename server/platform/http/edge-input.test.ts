// The edge's one rule for text the database cannot store (storable-input.ts), the router's own refusals
// in the envelope (error-handler.ts, answerFrameworkError), and lookups coalesced beside a refused one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs, ORIGIN } from '../../test/http.ts';
import { birthAtCounter, VALID_BIRTH_DECLARATION } from '../../test/fixtures.ts';
import { receiveBirthAt } from '../../test/dossier-kit.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';
import { MAX_DEPTH, unstorableFields, unstorableText } from './storable-input.ts';

let rt: TestRuntime;
let desk: string;
let hangTrong: string;

before(async () => {
  rt = await createTestRuntime();
  desk = await loginAs(rt.app, 'desk.hang-trong');
  hangTrong = await peoplesCommittee(rt.deps.db, '00070');
});
after(() => rt.close());

/** A 400 VALIDATION_FAILED in the envelope (with its request id) naming each of `paths`. */
function assertRefused(res: { statusCode: number; body: string }, paths: string[], label: string) {
  assert.equal(res.statusCode, 400, `${label}: ${res.body}`);
  const err = errorOf(res as never);
  assert.equal(err.code, 'VALIDATION_FAILED', label);
  const named = (err.details ?? []).map((d) => d.path);
  for (const p of paths) assert.ok(named.includes(p), `${label}: ${p} named in ${JSON.stringify(named)}`);
}

test('unstorableText: NUL and lone surrogates are refused; any well-formed text, astral included, is not', () => {
  for (const bad of ['\u0000', 'a\u0000b', 'a\ud800', '\udc00z', 'x\ud83d', '\ud83d\ud83d\ude00\udfff'])
    assert.ok(unstorableText(bad), JSON.stringify(bad));
  for (const good of ['', 'Nguyễn Thị Hường', '😀 ok', '\ud83d\ude00', 'tab\tnew\nline', '\u00ff\uffff'])
    assert.equal(unstorableText(good), null, JSON.stringify(good));
});

test('unstorableFields walks keys and values at any depth, and refuses nesting past MAX_DEPTH without recursing', () => {
  const found = unstorableFields({ a: [{ 'b/c': 'x\u0000' }], 'k\ud800': 1 }, 'body');
  assert.deepEqual(found.map((d) => d.path).sort(), ['body/a/0/b~1c', 'body/k\ud800']);
  let deep: unknown = 'leaf';
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.deepEqual(
    unstorableFields(deep, 'body').map((d) => d.code),
    ['maxDepth'],
  );
  let fine: unknown = 'leaf';
  for (let i = 0; i < MAX_DEPTH; i++) fine = { x: fine };
  assert.deepEqual(unstorableFields(fine, 'body'), []);
});

test('#20.5 a NUL in a login username is a 400 in the envelope, for an anonymous caller', async () => {
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'a\u0000b', password: 'demo' },
  });
  assertRefused(res, ['body/username'], 'login');
});

test('#20.5 a NUL in a lookup code, a sign-in callback state or a query is a 400 naming it', async () => {
  assertRefused(await rt.app.inject('/api/v1/public/dossiers/%00'), ['params/code'], 'lookup');
  assertRefused(
    await rt.app.inject('/api/v1/citizen/callback?code=x&state=%00'),
    ['query/state'],
    'callback',
  );
});

test('#20.5 a lone surrogate in a token name is a 400, and nothing is stored', async () => {
  const before = await countRows(rt.deps.db, 'api_tokens');
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/tokens',
    headers: { cookie: desk, origin: ORIGIN, 'content-type': 'application/json' },
    // As sent on the wire: JSON's escape of half a surrogate pair.
    body: '{"name":"a\\ud800"}',
  });
  assertRefused(res, ['body/name'], 'token');
  assert.equal(await countRows(rt.deps.db, 'api_tokens'), before);
});

test('#20.5 an intake with a NUL in the applicant name and in a form value names both; no dossier is made', async () => {
  const before = await countRows(rt.deps.db, 'dossiers');
  const body = birthAtCounter(hangTrong);
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: desk, origin: ORIGIN },
    payload: {
      ...body,
      applicant: { ...body.applicant, fullName: 'Nguyễn\u0000Hường' },
      formData: { ...VALID_BIRTH_DECLARATION, lamTai: 'Hà\u0000Nội' },
    },
  });
  assertRefused(res, ['body/applicant/fullName', 'body/formData/lamTai'], 'intake');
  assert.equal(await countRows(rt.deps.db, 'dossiers'), before);
});

test('a body nested too deep is a 400 naming it, not a crash', async () => {
  let deep = '"x"';
  for (let i = 0; i < 5000; i++) deep = `{"a":${deep}}`;
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    body: `{"username":"u","password":"p","x":${deep}}`,
  });
  assert.equal(res.statusCode, 400, res.body);
  assert.ok(errorOf(res).requestId);
});

test('#20.12 a malformed percent-encoding in the path is a 400 in the envelope with its request id', async () => {
  const res = await rt.app.inject({
    url: '/api/v1/public/dossiers/%E0%A4%A',
    headers: { 'x-request-id': 'edge-bad-url-1' },
  });
  assert.equal(res.statusCode, 400, res.body);
  const err = errorOf(res);
  assert.equal(err.code, 'BAD_REQUEST');
  assert.equal(err.requestId, 'edge-bad-url-1');
  assert.equal(res.headers['x-request-id'], 'edge-bad-url-1');
});

test('#20.12 a path parameter over the router limit is a 414 in the envelope with its request id', async () => {
  const res = await rt.app.inject(`/api/v1/public/dossiers/${'A'.repeat(201)}`);
  assert.equal(res.statusCode, 414, res.body);
  const err = errorOf(res);
  assert.equal(err.code, 'URI_TOO_LONG');
  assert.match(err.requestId, /^[0-9a-f-]{36}$/);
});

test('#20.4 a refused lookup asked in the same turn as two good ones fails alone', async () => {
  const { code } = await receiveBirthAt(rt.app, desk, hangTrong);
  const answers = await Promise.all(
    [code, '%00', code.toLowerCase()].map((c) => rt.app.inject(`/api/v1/public/dossiers/${c}`)),
  );
  assert.deepEqual(
    answers.map((a) => a.statusCode),
    [200, 400, 200],
    answers.map((a) => a.body).join('\n'),
  );
});

test('a write route that declares no body refuses body fields, naming each; an empty body passes', async () => {
  const admin = await loginAs(rt.app, 'demo-admin');
  const before = await countRows(rt.deps.db, 'procedure_versions');
  const withFields = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/1.001193/versions',
    headers: { cookie: admin, origin: ORIGIN },
    payload: { formData: true, ghiChu: 'x' },
  });
  assertRefused(withFields, ['body/formData', 'body/ghiChu'], 'fields on a route without a body');
  const notObject = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/1.001193/versions',
    headers: { cookie: admin, origin: ORIGIN, 'content-type': 'application/json' },
    payload: '[1]',
  });
  assertRefused(notObject, ['body'], 'an array on a route without a body');
  assert.equal(await countRows(rt.deps.db, 'procedure_versions'), before, 'nothing written');
  const empty = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/auth/logout',
    headers: { cookie: await loginAs(rt.app, 'desk.hang-bac'), origin: ORIGIN },
    payload: {},
  });
  assert.ok(empty.statusCode < 300, `an empty object passes: ${empty.statusCode} ${empty.body}`);
});
