// insertJsonRows: many rows as one JSON parameter, each value read as its column's type.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestRuntime, type TestRuntime } from '../test/db.ts';
import { insertJsonRows } from './json-rows.ts';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

test('jsonb values stay objects and arrays, dates are timestamps, nulls are NULL, defaults fill the rest', async () => {
  const db = rt.deps.db;
  const { user_id } = await db
    .selectFrom('users')
    .select('user_id')
    .where('username', '=', 'demo-admin')
    .executeTakeFirstOrThrow();
  const started = new Date('2026-11-20T02:03:04.567Z');
  const rows = ['Tệp “một”.jsonl', null].map((file_name) => ({
    kind: 'dossiers',
    format: 'dvcqg',
    dry_run: true,
    state: 'running',
    file_name,
    scope: [{ role: 'province-admin', agencyId: '1', agencyPath: '/1/', unitPath: '/01/' }],
    created_by: user_id,
    started_at: started,
  }));
  const inserted = await insertJsonRows(db, 'imports', rows, ['import_id']);
  assert.equal(inserted.length, 2);
  const stored = await db
    .selectFrom('imports')
    .selectAll()
    .where(
      'import_id',
      'in',
      inserted.map((r) => r.import_id),
    )
    .orderBy('import_id')
    .execute();
  assert.deepEqual(
    stored.map((r) => [r.file_name, r.scope, r.started_at.toISOString(), r.total, r.dry_run]),
    [
      ['Tệp “một”.jsonl', rows[0]!.scope, started.toISOString(), 0, true],
      [null, rows[0]!.scope, started.toISOString(), 0, true],
    ],
  );
  assert.deepEqual(await insertJsonRows(db, 'imports', []), []);
});

test('a row the table refuses refuses the statement: nothing of it is written', async () => {
  const db = rt.deps.db;
  const before = await db
    .selectFrom('imports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const row = {
    kind: 'dossiers',
    format: 'dvcqg',
    dry_run: false,
    state: 'running',
    scope: [],
    created_by: '1',
    started_at: new Date(),
  };
  await assert.rejects(insertJsonRows(db, 'imports', [row, { ...row, kind: 'letters' }]));
  const after = await db
    .selectFrom('imports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(after.n, before.n);
});
