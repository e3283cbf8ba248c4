// Requests under one Idempotency-Key at once (issue #20, finding 9): on PostgreSQL they run over the
// pool side by side; on PGlite (one session) their transactions queue. Either way one does the work,
// the others answer its replay or 409 IDEMPOTENCY_KEY_IN_USE, never a 500, and a retry gets the replay.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../test/db.ts';
import { errorOf, loginAs, ORIGIN } from '../test/http.ts';
import { birthAtCounter } from '../test/fixtures.ts';
import { countRows, peoplesCommittee } from '../test/seeded.ts';

let rt: TestRuntime;
let desk: string;
let agency: string;

before(async () => {
  rt = await createTestRuntime();
  desk = await loginAs(rt.app, 'desk.hang-trong');
  agency = await peoplesCommittee(rt.deps.db, '00070');
});
after(() => rt.close());

const intake = (key: string) =>
  rt.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: desk, origin: ORIGIN, 'idempotency-key': key },
    payload: birthAtCounter(agency),
  });

test('#20.9 eight intakes at once under one Idempotency-Key: one dossier, the others its replay or 409, no 500', async () => {
  const before = await countRows(rt.deps.db, 'dossiers');
  const key = 'race-key-0001';
  const answers = await Promise.all(Array.from({ length: 8 }, () => intake(key)));
  const statuses = answers.map((a) => a.statusCode);
  assert.ok(
    statuses.every((s) => s === 201 || s === 409),
    `statuses ${statuses.join(', ')}: ${answers.find((a) => a.statusCode >= 500)?.body}`,
  );
  const created = answers.filter((a) => a.statusCode === 201).map((a) => a.json<{ code: string }>().code);
  assert.ok(created.length >= 1);
  assert.equal(new Set(created).size, 1, 'every 201 names the same dossier');
  for (const a of answers.filter((x) => x.statusCode === 409)) {
    const e = errorOf(a);
    assert.equal(e.code, 'CONFLICT');
    assert.deepEqual(
      e.details?.map((d) => d.path),
      ['headers/idempotency-key'],
    );
  }
  assert.equal(await countRows(rt.deps.db, 'dossiers'), before + 1, 'one dossier');
  const retry = await intake(key);
  assert.equal(retry.statusCode, 201, retry.body);
  assert.equal(retry.json<{ code: string }>().code, created[0]);
});

test('#20.9 a different body raced under the same key is still 409 IDEMPOTENCY_KEY_REUSED', async () => {
  const key = 'race-key-0002';
  const [a, b] = await Promise.all([
    intake(key),
    rt.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: desk, origin: ORIGIN, 'idempotency-key': key },
      payload: { ...birthAtCounter(agency), channel: 'postal' },
    }),
  ]);
  const statuses = [a.statusCode, b.statusCode];
  assert.ok(
    statuses.every((s) => s < 500),
    `statuses ${statuses.join(', ')}`,
  );
  assert.equal(statuses.filter((s) => s === 201).length, 1);
  const loser = a.statusCode === 201 ? b : a;
  assert.equal(loser.statusCode, 409);
  assert.match(errorOf(loser).message, /khác|different/i);
});
