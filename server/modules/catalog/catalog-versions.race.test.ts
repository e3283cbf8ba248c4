// New versions of one procedure asked for at once (issue #20, finding 9): one draft is created, the
// others are told a draft exists (409), never a 500 — over the pool on PostgreSQL, queued on PGlite.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs, ORIGIN } from '../../test/http.ts';

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
