// The benches' generator (issue 14's worklists, the reports' history) on the tests' database: what it
// writes is what the server reads, so it cannot drift from the schema or the dossier's model unnoticed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, manualClock, type TestRuntime } from '../../server/test/db.ts';
import { loginAs } from '../../server/test/http.ts';
import { sql } from 'kysely';
import { rebuildReportCounts } from '../../server/modules/reports/index.ts';
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

test('reports generator: a steady two-year history in bulk, its counts rebuilt exact', async () => {
  const hrt = await createTestRuntime({ clock: manualClock(now) });
  try {
    const db = hrt.deps.db;
    const indexes = async () =>
      Number(
        (
          await sql<{
            n: string;
          }>`SELECT count(*) AS n FROM pg_indexes WHERE schemaname = current_schema()`.execute(db)
        ).rows[0]!.n,
      );
    const before = await indexes();
    const made = await generateDossiers(hrt.deps, {
      count: 400,
      now,
      seed: 3,
      spanDays: 730,
      mix: 'history',
      bulk: true,
    });
    assert.equal(made.dossiers, 400);
    assert.ok(made.rebuild && made.rebuild.days > 0 && made.rebuild.months > 0);
    assert.equal(await indexes(), before, 'every dropped index is built again');
    const triggers = await sql<{ tgname: string; tgenabled: string }>`
      SELECT tgname, tgenabled FROM pg_trigger WHERE tgname LIKE '%report_counts%'`.execute(db);
    assert.equal(
      triggers.rows.length,
      7,
      'the seven report-count triggers (three on dossiers, two on portal_sync_state)',
    );
    for (const t of triggers.rows) assert.equal(t.tgenabled, 'O', `${t.tgname} is on again`);

    const rows = await db
      .selectFrom('dossiers as d')
      .innerJoin('agencies as a', 'a.agency_id', 'd.received_by_agency_id')
      .innerJoin('agencies as c', 'c.agency_id', 'd.competent_agency_id')
      .select([
        'd.code',
        'd.status',
        'd.procedure_code',
        'd.submitted_at',
        'd.received_at',
        'd.due_at',
        'd.result_at',
        'a.kind as received_kind',
        'c.kind as competent_kind',
      ])
      .where('d.code', 'like', '%-01__')
      .execute();
    assert.equal(rows.length, 400);
    const day = 86_400_000;
    assert.ok(rows.every((r) => new Date(r.submitted_at).getTime() >= now.getTime() - 731 * day));
    assert.ok(
      rows.some((r) => new Date(r.submitted_at).getTime() < now.getTime() - 365 * day),
      'the history goes back beyond a year',
    );
    const open = rows.filter((r) => !['returned', 'withdrawn'].includes(r.status));
    assert.ok(open.length > 0 && open.length < 40, `${open.length} of 400 open`);
    assert.ok(open.every((r) => new Date(r.submitted_at).getTime() >= now.getTime() - 31 * day));
    assert.ok(rows.some((r) => r.status === 'withdrawn'));
    assert.ok(
      rows.some((r) => r.result_at !== null && new Date(r.result_at) > new Date(r.due_at!)),
      'some results are late',
    );
    assert.ok(rows.every((r) => r.result_at === null || new Date(r.result_at) <= now));
    const department = rows.filter((r) => r.procedure_code === '1.002010');
    assert.ok(department.length > 0);
    for (const r of department) {
      assert.equal(r.received_kind, 'public-administration-centre');
      assert.equal(r.competent_kind, 'justice');
    }
    const count = async (table: 'portal_sync_state' | 'dossier_ratings') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.ok((await count('portal_sync_state')) > 300);
    assert.ok((await count('dossier_ratings')) > 50);

    // The counts rebuilt after the bulk writes are those the triggers keep: recounting changes nothing,
    // and one more dossier received through the triggers keeps them exact.
    assert.equal((await rebuildReportCounts(hrt.deps)).changed, 0);
    const again = await generateDossiers(hrt.deps, {
      count: 30,
      now,
      seed: 4,
      spanDays: 730,
      mix: 'history',
    });
    assert.equal(again.rebuild, undefined);
    assert.equal((await rebuildReportCounts(hrt.deps)).changed, 0, 'the triggers kept the counts exact');
  } finally {
    await hrt.close();
  }
});
