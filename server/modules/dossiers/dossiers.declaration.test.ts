// A declaration is held to its form over HTTP (issue #20, finding 11): undeclared fields and oversized
// declarations are refused with every field named, and nothing is stored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs, ORIGIN } from '../../test/http.ts';
import { birthAtCounter, VALID_BIRTH_DECLARATION } from '../../test/fixtures.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';

let rt: TestRuntime;
let desk: string;
let hangTrong: string;

before(async () => {
  rt = await createTestRuntime();
  desk = await loginAs(rt.app, 'desk.hang-trong');
  hangTrong = await peoplesCommittee(rt.deps.db, '00070');
});
after(() => rt.close());

const intake = (formData: unknown) =>
  rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: desk, origin: ORIGIN },
    payload: { ...birthAtCounter(hangTrong), formData },
  });

test('#20.11 undeclared fields in a declaration, at the top and nested, are refused and named', async () => {
  const before = await countRows(rt.deps.db, 'dossiers');
  const res = await intake({
    ...VALID_BIRTH_DECLARATION,
    zzJunk: 'x'.repeat(1000),
    nguoiDuocKhaiSinh: { ...VALID_BIRTH_DECLARATION.nguoiDuocKhaiSinh, zzNested: { deeper: true } },
  });
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, res.body);
  const named = (errorOf(res).details ?? []).map((d) => d.path);
  for (const p of ['body/formData/zzJunk', 'body/formData/nguoiDuocKhaiSinh/zzNested'])
    assert.ok(named.includes(p), `${p} in ${JSON.stringify(named)}`);
  assert.equal(await countRows(rt.deps.db, 'dossiers'), before);
});

test('#20.11 a 900,000-character declaration is refused, not stored and served back', async () => {
  const before = await countRows(rt.deps.db, 'dossiers');
  const res = await intake({ ...VALID_BIRTH_DECLARATION, lamTai: 'x'.repeat(900_000) });
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, res.body.slice(0, 300));
  const named = (errorOf(res).details ?? []).map((d) => d.path);
  assert.ok(named.includes('body/formData'), JSON.stringify(named));
  assert.equal(await countRows(rt.deps.db, 'dossiers'), before);
});

test('the seeded birth declaration is still received', async () => {
  const res = await intake(VALID_BIRTH_DECLARATION);
  assert.equal(res.statusCode, 201, res.body);
});

test('#20.11 the form check a browser falls back on says the same', async () => {
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/1.001193/form/validate',
    payload: { formData: { ...VALID_BIRTH_DECLARATION, zzJunk: 1 } },
  });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json<{ ok: boolean; errors: { pointer: string }[] }>();
  assert.equal(body.ok, false);
  assert.deepEqual(
    body.errors.map((e) => e.pointer),
    ['/zzJunk'],
  );
});
