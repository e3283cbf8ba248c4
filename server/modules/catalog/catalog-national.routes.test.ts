// POST /api/v1/procedures/import with national catalogue records: the dry run reports every record
// and writes nothing; applied, complete records are published and flagged ones stay drafts that
// citizens never see and that cannot be published until completed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { loadNationalCatalogue } from './catalog-national.ts';
import { REFERENCE_DATA_DIR } from './catalog-source.ts';
import { client } from './test-kit.ts';

let rt: TestRuntime;
let api: ReturnType<typeof client>;
let admin: string;
before(async () => {
  rt = await createTestRuntime();
  api = client(rt.app);
  admin = await loginAs(rt.app, 'demo-admin');
});
after(() => rt.close());

const all = loadNationalCatalogue(REFERENCE_DATA_DIR).procedures;
const pick = (code: string, province?: string) =>
  all.find((r) => r.code.trim() === code && (province === undefined || r.localProvince?.id === province))!;
// Complete (Đà Nẵng's own), HĐND fee without amount, the code given to two records, a reference
// procedure published without unit.
const file = {
  procedures: [
    pick('1.008757', '48'),
    pick('1.001695'),
    ...all.filter((r) => r.code.trim() === '1.014325'),
    pick('1.000894'),
  ],
};
type Report = {
  dryRun: boolean;
  created: number;
  drafted: number;
  unchanged: number;
  rejected: { index: number }[];
  items: { index: number; code: string; result: string; flags?: { code: string }[] }[];
};

test('a dry run reports every record and writes nothing; applied, complete records publish and flagged ones stay drafts', async () => {
  const dry = await api.post('/api/v1/procedures/import?dryRun=true', { cookie: admin, payload: file });
  assert.equal(dry.statusCode, 200, dry.body);
  const report = dry.json<Report>();
  assert.deepEqual(
    report.items.map((i) => [i.index, i.code, i.result]),
    [
      [0, '1.008757', 'created'],
      [1, '1.001695', 'drafted'],
      [2, '1.014325', 'rejected'],
      [3, '1.014325', 'rejected'],
      [4, '1.000894', 'drafted'],
    ],
  );
  assert.deepEqual(
    report.items[1]!.flags!.map((f) => f.code),
    ['fee-basis-missing'],
  );
  assert.equal((await api.get('/api/v1/procedures/1.008757')).statusCode, 404, 'the dry run wrote nothing');
  const before = await api.get('/api/v1/procedures/1.000894/versions', { cookie: admin });
  assert.equal(before.json<{ items: unknown[] }>().items.length, 1);

  const applied = await api.post('/api/v1/procedures/import?dryRun=false', { cookie: admin, payload: file });
  assert.deepEqual(
    applied.json<Report>().items.map((i) => i.result),
    ['created', 'drafted', 'rejected', 'rejected', 'drafted'],
  );
  const published = (await api.get('/api/v1/procedures/1.008757')).json<{ effectiveFrom: string | null }>();
  assert.equal(published.effectiveFrom, '2025-12-30', 'in force from its announcing decision');
  const staff = (await api.get('/api/v1/procedures/1.008757/versions/1', { cookie: admin })).json<{
    status: string;
    effectiveFrom: string;
  }>();
  assert.deepEqual([staff.status, staff.effectiveFrom], ['published', '2025-12-30']);
  // The reference procedure keeps its published version 1; the national record waits as draft 2.
  const versions = (await api.get('/api/v1/procedures/1.000894/versions', { cookie: admin })).json<{
    items: { version: number; status: string; flags: { code: string }[] }[];
  }>();
  assert.deepEqual(
    versions.items.map((v) => [v.version, v.status]),
    [
      [1, 'published'],
      [2, 'draft'],
    ],
  );
  assert.ok(versions.items[1]!.flags.some((f) => f.code === 'time-unit-missing'));
  // Re-importing the same file changes nothing.
  const again = await api.post('/api/v1/procedures/import?dryRun=false', { cookie: admin, payload: file });
  assert.deepEqual(
    again.json<Report>().items.map((i) => i.result),
    ['unchanged', 'unchanged', 'rejected', 'rejected', 'unchanged'],
  );
});

test('a flagged draft is not shown to citizens nor published; completed, it publishes', async () => {
  assert.equal((await api.get('/api/v1/procedures/1.001695')).statusCode, 404);
  const search = (await api.get('/api/v1/procedures?q=1.001695')).json<{ items: { code: string }[] }>();
  assert.ok(!search.items.some((p) => p.code === '1.001695'));
  const versions = (await api.get('/api/v1/procedures/1.001695/versions', { cookie: admin })).json<{
    items: { version: number; status: string; flags: { code: string; path: string }[] }[];
  }>();
  assert.deepEqual(
    versions.items.map((v) => [v.version, v.status, v.flags.map((f) => f.path)]),
    [[1, 'draft', ['feePolicy/basis']]],
  );
  const refused = await api.post('/api/v1/procedures/1.001695/versions/1/publish', { cookie: admin });
  assert.equal(refused.statusCode, 422, refused.body);
  assert.equal(errorOf(refused).reason, 'PROCEDURE_FLAGGED', refused.body);
  assert.deepEqual(
    errorOf(refused).details!.map((d) => d.path),
    ['feePolicy/basis'],
  );
  // The administrator records the province's resolution (the amount stays as published: free).
  const record = structuredClone(pick('1.001695')) as Record<string, unknown> & {
    feePolicy: Record<string, unknown>;
  };
  const saved = await api.put('/api/v1/procedures/1.001695/versions/1', {
    cookie: admin,
    payload: {
      record: {
        ...record,
        feePolicy: { ...record.feePolicy, basis: 'Nghị quyết 05/2025/NQ-HĐND: miễn lệ phí' },
      },
    },
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(saved.json<{ flags: unknown[] }>().flags, []);
  const published = await api.post('/api/v1/procedures/1.001695/versions/1/publish', { cookie: admin });
  assert.equal(published.statusCode, 200, published.body);
  assert.equal((await api.get('/api/v1/procedures/1.001695')).statusCode, 200);
});
