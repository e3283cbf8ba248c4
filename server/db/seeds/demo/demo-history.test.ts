import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestRuntime, type TestRuntime } from '../../../test/db.ts';
import { loginAs } from '../../../test/http.ts';
import { seedDemoHistory } from './demo-history.ts';

let rt: TestRuntime;
before(async () => {
  rt = await createTestRuntime();
});
after(() => rt.close());

test('#16 demo history: dossiers received in June 2025 at wards that ended are handed over to Phường Hoàn Kiếm, once', async () => {
  assert.equal(await seedDemoHistory(rt.deps), 3);
  assert.equal(await seedDemoHistory(rt.deps), 0, 'a second start seeds nothing');
  const dossiers = await rt.deps.db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as r', 'r.agency_id', 'd.received_by_agency_id')
    .innerJoin('agencies as c', 'c.agency_id', 'd.current_agency_id')
    .select(['d.code', 'd.received_at', 'r.name as received_by', 'r.valid_to', 'c.name as current'])
    .where('d.code', 'like', '000.%')
    .orderBy('d.code')
    .execute();
  assert.equal(dossiers.length, 3);
  for (const d of dossiers) {
    assert.match(d.code, /^000\.\d{2}\.22\.H26-250616-\d{4}$/);
    assert.ok(
      ['Ủy ban nhân dân Phường Hàng Trống', 'Ủy ban nhân dân Phường Hàng Bạc'].includes(d.received_by),
    );
    assert.equal(d.valid_to, '2025-06-30');
    assert.equal(d.current, 'Ủy ban nhân dân Phường Hoàn Kiếm');
  }
  // Shown under the successor: its leader reads them, with their original codes.
  const cookie = await loginAs(rt.app, 'leader.hang-trong');
  const res = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${dossiers[0]!.code}`,
    headers: { cookie },
  });
  assert.equal(res.statusCode, 200, res.body);
  // Read as the map stood on the day it was received: 00070 was Phường Hàng Trống then.
  const trong = dossiers.find((d) => d.received_by === 'Ủy ban nhân dân Phường Hàng Trống')!;
  const view = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${trong.code}`,
    headers: { cookie },
  });
  assert.equal(
    view.json<{ applicantAddress: { unitPath: string } }>().applicantAddress.unitPath,
    'Phường Hàng Trống, Quận Hoàn Kiếm, Thành phố Hà Nội',
  );
  const list = await rt.app.inject({ method: 'GET', url: '/api/v1/reorganisations', headers: { cookie } });
  const items = list.json<{ items: { effectiveOn: string; handovers: { openDossiers: number }[] }[] }>()
    .items;
  assert.deepEqual(
    items.map((r) => [r.effectiveOn, r.handovers.map((h) => h.openDossiers)]),
    [['2025-07-01', [2, 1]]],
  );
});
