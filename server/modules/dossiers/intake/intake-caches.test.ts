// Issue #20 (intake throughput): desk intake reads the published offering through a short cache and
// does not read the Idempotency-Key's kept answer before it writes. What this process changes is seen
// by the next intake; a retry still gets the first answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf } from '../../../test/http.ts';
import { journeyKit } from '../test-kit.ts';

const { kit, intake } = journeyKit();
const BIRTH = '1.001193';

test('#20 offering cache: a version retired here is refused by the next intake, and taken again once published', async () => {
  assert.equal((await intake('desk.hang-trong')).statusCode, 201);
  const db = kit.rt.deps.db;
  const version = await db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
    .select('v.procedure_version_id')
    .where('p.code', '=', BIRTH)
    .where('v.status', '=', 'published')
    .executeTakeFirstOrThrow();
  const setStatus = (status: string) =>
    db
      .updateTable('procedure_versions')
      .set({ status })
      .where('procedure_version_id', '=', version.procedure_version_id)
      .execute();
  await setStatus('retired');
  try {
    const refused = await intake('desk.hang-trong');
    assert.equal(refused.statusCode, 400, refused.body);
    assert.ok(errorOf(refused).details?.some((d) => d.path === 'body/procedureCode'));
  } finally {
    await setStatus('published');
  }
  assert.equal((await intake('desk.hang-trong')).statusCode, 201);
});

test('#20 a retry under its Idempotency-Key gets the first answer, also after a check it met first no longer passes', async () => {
  const key = { 'idempotency-key': 'cache-retry-1' };
  const first = await intake('desk.hang-trong', {}, key);
  assert.equal(first.statusCode, 201, first.body);
  const again = await intake('desk.hang-trong', {}, key);
  assert.equal(again.statusCode, 201);
  assert.equal(again.json<{ code: string }>().code, first.json<{ code: string }>().code);
  // The procedure is retired meanwhile: the retry still gets the first answer (a new intake would be
  // refused), and another body under the key is still 409.
  const db = kit.rt.deps.db;
  await db
    .updateTable('procedure_versions')
    .set({ status: 'retired' })
    .where('status', '=', 'published')
    .where('procedure_id', 'in', db.selectFrom('procedures').select('procedure_id').where('code', '=', BIRTH))
    .execute();
  try {
    const retried = await intake('desk.hang-trong', {}, key);
    assert.equal(retried.statusCode, 201, retried.body);
    assert.deepEqual(retried.json(), first.json());
    const other = await intake('desk.hang-trong', { channel: 'postal' }, key);
    assert.equal(other.statusCode, 409);
    assert.equal(other.json<{ error: { reason: string } }>().error.reason, 'IDEMPOTENCY_KEY_REUSED');
  } finally {
    await db
      .updateTable('procedure_versions')
      .set({ status: 'published' })
      .where('status', '=', 'retired')
      .where(
        'procedure_id',
        'in',
        db.selectFrom('procedures').select('procedure_id').where('code', '=', BIRTH),
      )
      .execute();
  }
});
