// The worklist bench's generator (issue 14) on the tests' database: what it writes is what the
// server reads, so it cannot drift from the schema or the dossier's model unnoticed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../server/test/db.ts';
import { loginAs } from '../../server/test/http.ts';
import { generateDossiers } from './generate-dossiers.ts';

const now = new Date('2026-12-07T03:00:00Z'); // Monday 10:00 in Hà Nội
let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime({ clock: manualClock(now) });
});
after(() => rt.close());

test('#14 generator: 200 realistic dossiers that the staff view and the worklists read', async () => {
  const db = rt.deps.db;
  const made = await generateDossiers(rt.deps, { count: 200, now, seed: 7 });
  assert.equal(made.dossiers, 200);
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.agency_id', 'd.receiving_agency_id')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select([
      'd.code',
      'd.status',
      'd.submitted_at',
      'd.applicant',
      'd.receiving_agency_id',
      'd.procedure_code',
      'u.code as unit_code',
    ])
    .where('d.code', 'like', '%-01__')
    .execute();
  assert.equal(rows.length, 200);
  assert.equal(new Set(rows.map((r) => r.code)).size, 200, 'codes are unique');
  const yearAgo = now.getTime() - 366 * 86_400_000;
  for (const r of rows) {
    const at = new Date(r.submitted_at).getTime();
    assert.ok(
      at <= now.getTime() && at >= yearAgo,
      `${r.code} submitted ${new Date(r.submitted_at).toISOString()}`,
    );
    const applicant = r.applicant as { fullName: string; idNumber: string };
    assert.match(applicant.fullName, /^\p{Lu}\p{Ll}* \p{Lu}\p{Ll}* \p{Lu}\p{Ll}*$/u);
    assert.match(applicant.idNumber, /^0(01|48|79)[0-3]\d{8}$/);
  }
  const statuses = new Set(rows.map((r) => r.status));
  for (const s of ['submitted', 'received', 'processing', 'awaiting-supplement', 'result-ready', 'returned'])
    assert.ok(statuses.has(s), `some dossiers are ${s}`);
  assert.ok(new Set(rows.map((r) => r.receiving_agency_id)).size > 50, 'spread over the agencies');
  assert.deepEqual(new Set(rows.map((r) => r.procedure_code)), new Set(['1.001193', '1.001731']));
  assert.ok(
    Number(
      (
        await db
          .selectFrom('dossier_actions')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ) > 500,
  );

  // One of each status, read by its agency's desk officer through the staff view.
  for (const status of statuses) {
    const r = rows.find((x) => x.status === status)!;
    const desk = await db
      .selectFrom('user_roles as ur')
      .innerJoin('users as u', 'u.user_id', 'ur.user_id')
      .select('u.username')
      .where('ur.agency_id', '=', r.receiving_agency_id)
      .where('ur.role', '=', 'desk-officer')
      .executeTakeFirstOrThrow();
    const cookie = await loginAs(rt.app, desk.username);
    const res = await rt.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${r.code}`,
      headers: { cookie },
    });
    assert.equal(res.statusCode, 200, `${status}: ${res.body}`);
    const view = res.json<{ status: string; history: unknown[] }>();
    assert.equal(view.status, status);
    assert.equal(view.history.length > 0, status !== 'submitted');
    const list = await rt.app.inject({
      method: 'GET',
      url: '/api/v1/dossiers?list=agency',
      headers: { cookie },
    });
    assert.equal(list.statusCode, 200, list.body);
  }
});
