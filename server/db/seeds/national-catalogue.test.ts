// The demo's national catalogue (issue #17), seeded on this test's own copy of the template: every
// procedure a demo province and its communes handle is either receivable or a flagged draft.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { REFERENCE_DATA_DIR, loadNationalCatalogue } from '../../modules/catalog/index.ts';
import { DEMO_PROVINCE_CODES } from './reference/agencies.ts';
import { demoNationalRecords, seedNationalCatalogue } from './national-catalogue.ts';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

test('#17 the demo runs the national procedures of its provinces: published and offered, or drafts with their flags', async () => {
  const records = demoNationalRecords(
    loadNationalCatalogue(REFERENCE_DATA_DIR).procedures,
    DEMO_PROVINCE_CODES,
  );
  assert.ok(records.length > 2800, String(records.length));
  assert.ok(!records.some((r) => r.code === '1.001193'), 'the 47 keep procedures.json as their source');

  const seeded = await seedNationalCatalogue(rt.deps);
  assert.equal(seeded.published + seeded.drafted + seeded.rejected, records.length);
  assert.ok(seeded.published > 2000 && seeded.drafted > 300, JSON.stringify(seeded));
  assert.ok(seeded.offerings > seeded.published, JSON.stringify(seeded));
  assert.equal((await seedNationalCatalogue(rt.deps)).skipped, true, 'a second start seeds nothing');

  const versions = await rt.deps.db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
    .select(['p.code', 'v.status', 'v.flags', 'v.version'])
    .select((eb) =>
      eb
        .selectFrom('procedure_offerings as o')
        .select((o) => o.fn.countAll<string>().as('n'))
        .whereRef('o.procedure_id', '=', 'p.procedure_id')
        .as('offered'),
    )
    .where(
      'p.code',
      'in',
      records.map((r) => r.code.trim()),
    )
    .execute();
  const published = versions.filter((v) => v.status === 'published');
  const drafts = versions.filter((v) => v.status === 'draft');
  assert.equal(published.length, seeded.published);
  assert.equal(drafts.length, seeded.drafted);
  // Published: no flags, offered somewhere in a demo province. Drafts: flags stored, offered nowhere.
  assert.deepEqual(
    published.filter((v) => v.flags.length > 0 || Number(v.offered) === 0).map((v) => v.code),
    [],
  );
  assert.deepEqual(
    drafts.filter((v) => v.flags.length === 0 || Number(v.offered) > 0).map((v) => v.code),
    [],
  );
  // A flagged national procedure is not on the portal.
  const draft = drafts[0]!;
  const res = await rt.app.inject({ method: 'GET', url: `/api/v1/procedures/${draft.code}` });
  assert.equal(res.statusCode, 404);

  // The demo's birth registration is still the shipped one, with its real form.
  const birth = await rt.app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193' });
  assert.deepEqual(
    [birth.json<{ version: number }>().version, birth.json<{ genericForm: boolean }>().genericForm],
    [1, false],
  );
  // The import's audit entries, appended in one go, keep the chain whole.
  assert.equal((await verifyAuditChain(rt.deps.db)).ok, true);
});
