// New versions of one procedure asked for at once (issue #20, finding 9): one draft is created, the
// others are told a draft exists (409), never a 500 — over the pool on PostgreSQL, queued on PGlite; and
// catalogue imports at once, beside a new draft, answer 200 or 409.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs, ORIGIN } from '../../test/http.ts';
import { REFERENCE_DATA_DIR } from './index.ts';

let rt: TestRuntime;
let admin: string;
before(async () => {
  rt = await createTestRuntime();
  admin = await loginAs(rt.app, 'demo-admin');
});
after(() => rt.close());

test('#20.9 four new versions of one procedure at once: one 201, three 409 PROCEDURE_DRAFT_EXISTS', async () => {
  const answers = await Promise.all(
    Array.from({ length: 4 }, () =>
      rt.app.inject({
        method: 'POST',
        url: '/api/v1/procedures/1.001193/versions',
        headers: { cookie: admin, origin: ORIGIN },
      }),
    ),
  );
  const statuses = answers.map((a) => a.statusCode).sort();
  assert.deepEqual(statuses, [201, 409, 409, 409], answers.map((a) => a.body).join('\n'));
  for (const a of answers.filter((x) => x.statusCode === 409)) {
    assert.equal(errorOf(a).code, 'CONFLICT');
    assert.match(errorOf(a).message, /bản nháp|draft/);
  }
  const drafts = await rt.deps.db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
    .select('v.version')
    .where('p.code', '=', '1.001193')
    .where('v.status', '=', 'draft')
    .execute();
  assert.equal(drafts.length, 1);
});

test('four imports of one file at once, beside a new draft: each a 200 or a 409, never a 500; one new procedure, one version each', async () => {
  const file = JSON.parse(fs.readFileSync(path.join(REFERENCE_DATA_DIR, 'procedures.json'), 'utf8')) as {
    procedures: Record<string, unknown>[];
  };
  const good = structuredClone(file.procedures.find((p) => p.code === '1.001731')!);
  good.name = `${String(good.name)} (sửa đổi khi nhập)`;
  const fresh = { ...structuredClone(good), code: '9.999002', name: 'Thủ tục thử nghiệm nhập đồng thời' };
  const body = { procedures: [good, fresh] };
  const answers = await Promise.all([
    ...Array.from({ length: 4 }, () =>
      rt.app.inject({
        method: 'POST',
        url: '/api/v1/procedures/import?dryRun=false',
        headers: { cookie: admin, origin: ORIGIN },
        payload: body,
      }),
    ),
    rt.app.inject({
      method: 'POST',
      url: '/api/v1/procedures/1.001731/versions',
      headers: { cookie: admin, origin: ORIGIN },
    }),
  ]);
  for (const a of answers) assert.ok([200, 201, 409].includes(a.statusCode), `${a.statusCode} ${a.body}`);
  const imports = answers.slice(0, 4);
  assert.ok(
    imports.some((a) => a.statusCode === 200 && a.json<{ created: number }>().created === 1),
    'one import created the new procedure',
  );
  for (const a of imports.filter((x) => x.statusCode === 409)) assert.equal(errorOf(a).code, 'CONFLICT');
  const versions = await rt.deps.db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
    .select(['p.code', 'v.version', 'v.status'])
    .where('p.code', 'in', ['1.001731', '9.999002'])
    .execute();
  const fresh1 = versions.filter((v) => v.code === '9.999002');
  assert.deepEqual(
    fresh1.map((v) => [v.version, v.status]),
    [[1, 'published']],
  );
  const numbers = versions.filter((v) => v.code === '1.001731').map((v) => v.version);
  assert.equal(new Set(numbers).size, numbers.length, 'version numbers distinct');
  assert.equal(versions.filter((v) => v.code === '1.001731' && v.status === 'published').length, 1);
});
