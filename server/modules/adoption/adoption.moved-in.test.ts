// Moving in on the adoption monitor (issue "Moving in", item 5), through the HTTP API: an applied import
// of a legacy system's dossiers moves Phường Hoàn Kiếm in (from the import's day, how many, how far back
// its history goes) while a dry run moves nobody; the imported dossiers are not use of the system —
// October's returned legacy dossiers leave the ward "not using" in October (II.06a still counts them),
// a dossier in progress imported in November too — until the ward receives its own and acts on the
// imported one; the first dossier received in the system itself; the unit's line, the totals, the
// export; who sees it, across provinces; and the map of the day (a closed ward's history at its
// successor today).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Worksheet } from 'exceljs';
import { manualClock } from '../../test/db.ts';
import { countRows } from '../../test/seeded.ts';
import { seedDemoHistory } from '../../db/seeds/demo/demo-history.ts';
import type { AdoptionAgency } from '../../../common/contracts/report-adoption.ts';
import { adoptionTestRuntime, agencyIn } from './adoption-test-kit.ts';
import { importFile, jsonl, processingRecord, returnedRecord } from '../imports/test-kit.ts';
import { assertDownload, findRow, layoutText, sheetsOf } from '../reports/export-test-kit.ts';
import { missingTools } from '../slips/test-poppler.ts';

// Friday 20 November 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-11-20T02:00:00Z');
const poppler = missingTools('pdftotext');
const { runtime, kit, code, monitor } = adoptionTestRuntime(clock, [
  ['hoan-kiem', '00070'],
  ['cua-nam', '00082'],
  ['thanh-oai', '10114'],
  ['tay-giang', '20455'],
] as const);
const OCTOBER = 'from=2026-10-01&to=2026-10-31';
const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

const figures = (a: AdoptionAgency | undefined) =>
  a && { received: a.received.value, resolved: a.resolved.value, verdict: a.verdict };

/** Two birth registrations returned in October and one in progress since 19 November, at `agency`. */
const legacyFile = (agency: string) =>
  jsonl([
    returnedRecord(agency, `${agency}-261012-7001`),
    returnedRecord(agency, `${agency}-261012-7002`, { NgayNopHoSo: '20261009080000' }),
    processingRecord(agency, inProgress(agency)),
  ]);
const inProgress = (agency: string) => `${agency}-261119-7003`;

test('a dry run moves nobody in; an applied import does, from its day, and its dossiers are not use', async () => {
  const admin = await kit.staff('demo-admin');
  const dry = await importFile(runtime().app, admin, legacyFile(code('cua-nam')));
  assert.deepEqual([dry.dryRun, dry.accepted], [true, 3]);
  assert.equal(await countRows(runtime().deps.db, 'moved_in_agencies'), 0);
  const afterDry = await monitor('demo-admin', OCTOBER);
  assert.equal(agencyIn(afterDry, code('cua-nam'))!.movedIn, null);
  assert.equal(afterDry.totals.movedIn, 0);

  const applied = await importFile(runtime().app, admin, legacyFile(code('hoan-kiem')), 'dryRun=false');
  assert.deepEqual([applied.dryRun, applied.accepted], [false, 3]);

  // October: two legacy dossiers received and resolved there, yet not use of the system.
  const oct = await monitor('demo-admin', OCTOBER);
  const hk = agencyIn(oct, code('hoan-kiem'))!;
  assert.deepEqual(figures(hk), { received: 0, resolved: 0, verdict: 'not-using' });
  assert.deepEqual(hk.movedIn, {
    since: '2026-11-20',
    dossiers: 3,
    historyFrom: '2026-10-12',
    inPeriod: { received: 2, resolved: 2 },
  });
  assert.equal(hk.firstReceivedOn, null);
  assert.equal(hk.procedures.used, 0);
  assert.deepEqual(hk.trend.received.slice(9), [0, 0, 0]);
  assert.deepEqual([oct.totals.received, oct.totals.using, oct.totals.movedIn], [0, 0, 1]);
  assert.equal(oct.totals.movedInNotUsing, 1);
  const group = oct.groups.find((g) => g.agencies.some((a) => a.code === code('hoan-kiem')))!;
  assert.deepEqual(group.movedIn, { since: '2026-11-20', dossiers: 3, historyFrom: '2026-10-12' });
  assert.equal(group.firstReceivedOn, null);
  assert.equal(agencyIn(oct, code('cua-nam'))!.movedIn, null, 'the dry run moved Cửa Nam nowhere');
  // Biểu II.06a counts the imported dossiers (its drill-down lists them); the monitor says why it does not.
  const drill = await kit.get(hk.received.drill!, await kit.staff('demo-admin'));
  assert.equal(drill.json<{ total: number }>().total, 2);

  // November: the dossier in progress came in received on 19 November: still not use.
  const nov = await monitor('demo-admin', NOVEMBER);
  const hkNov = agencyIn(nov, code('hoan-kiem'))!;
  assert.deepEqual(figures(hkNov), { received: 0, resolved: 0, verdict: 'not-using' });
  assert.deepEqual(hkNov.movedIn!.inPeriod, { received: 1, resolved: 0 });

  // What the system does with it afterwards is use: claimed, forwarded and approved at the ward.
  const specialist = await kit.staff('specialist.hang-trong');
  await kit.actOk(specialist, inProgress(code('hoan-kiem')), 'claim');
  await kit.forward(specialist, inProgress(code('hoan-kiem')), 'leader.hang-trong');
  await kit.actOk(await kit.staff('leader.hang-trong'), inProgress(code('hoan-kiem')), 'approve', {
    resultNumber: '130/QĐ-UBND',
    resultDate: '2026-11-20',
    signer: 'Vũ Thị Hồng Nhung',
    resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }],
  });
  const resolved = agencyIn(await monitor('demo-admin', NOVEMBER), code('hoan-kiem'))!;
  assert.deepEqual(figures(resolved), { received: 0, resolved: 1, verdict: 'using' });
  assert.equal(resolved.firstReceivedOn, null, 'resolving is use, but nothing was received here yet');

  // Monday 23 November: the ward receives its first dossier of its own.
  clock.set('2026-11-23T02:00:00Z');
  await kit.receiveBirth(code('hoan-kiem'));
  const own = agencyIn(await monitor('demo-admin', NOVEMBER), code('hoan-kiem'))!;
  assert.deepEqual(figures(own), { received: 1, resolved: 1, verdict: 'using' });
  assert.equal(own.firstReceivedOn, '2026-11-23');
  assert.equal(own.movedIn!.since, '2026-11-20');
  // Importing the same file again changes nothing; the first import's day stays.
  await importFile(runtime().app, admin, legacyFile(code('hoan-kiem')), 'dryRun=false');
  assert.deepEqual(agencyIn(await monitor('demo-admin', OCTOBER), code('hoan-kiem'))!.movedIn, hk.movedIn);
});

test('the export names the day it moved in, its dossiers, how far back, and its first own dossier', async () => {
  clock.set('2026-11-23T03:00:00Z');
  const res = await kit.get(
    `/api/v1/reports/adoption?${OCTOBER}&format=xlsx`,
    await kit.staff('leader.hoan-kiem'),
  );
  const [agencies] = (await sheetsOf(assertDownload(res, 'xlsx', /su-dung-20261001-20261031/))) as [
    Worksheet,
  ];
  const header = (agencies.getRow(1).values as unknown[]).slice(1);
  const at = (name: string) => header.indexOf(name) + 1;
  const row = agencies.getRow(findRow(agencies, { 2: 'Ủy ban nhân dân Phường Hoàn Kiếm' }));
  assert.equal(row.getCell(3).text, 'Chưa sử dụng hệ thống');
  assert.equal(row.getCell(at('Chuyển dữ liệu từ hệ thống cũ từ ngày')).text, '20/11/2026');
  assert.equal(row.getCell(at('Hồ sơ đã chuyển')).value, 3);
  assert.equal(row.getCell(at('Lịch sử từ ngày')).text, '12/10/2026');
  assert.equal(row.getCell(at('Hồ sơ đầu tiên tiếp nhận trên hệ thống')).text, '23/11/2026');
  const other = agencies.getRow(findRow(agencies, { 2: 'Ủy ban nhân dân Xã Thanh Oai' }));
  assert.equal(other.getCell(at('Chuyển dữ liệu từ hệ thống cũ từ ngày')).text, 'Chưa chuyển');
  assert.equal(other.getCell(at('Hồ sơ đầu tiên tiếp nhận trên hệ thống')).text, 'Chưa có');
  const total = agencies.getRow(agencies.rowCount);
  assert.equal(total.getCell(at('Hồ sơ đã chuyển')).value, 3);
});

test(
  'the PDF says above the table how many moved in, and that their dossiers are not use',
  { skip: poppler },
  async () => {
    const pdf = await kit.get(
      `/api/v1/reports/adoption?${OCTOBER}&format=pdf`,
      await kit.staff('leader.hoan-kiem'),
    );
    const text = layoutText(assertDownload(pdf, 'pdf', /su-dung-20261001-20261031/));
    assert.ok(
      text.includes('Đã chuyển dữ liệu từ hệ thống cũ: 1 cơ quan, trong đó chưa sử dụng hệ thống: 1'),
      text,
    );
  },
);

test('who sees it: the overview roles within reach; another province’s import is its own', async () => {
  clock.set('2026-11-23T03:00:00Z');
  const daNangAdmin = await kit.staff('admin.quang-nam');
  const theirs = await importFile(
    runtime().app,
    daNangAdmin,
    jsonl([returnedRecord(code('tay-giang'), `${code('tay-giang')}-261012-7001`)]),
    'dryRun=false',
  );
  assert.equal(theirs.accepted, 1, JSON.stringify(theirs.report));
  const daNang = await monitor('admin.quang-nam', OCTOBER);
  assert.equal(agencyIn(daNang, code('tay-giang'))!.movedIn?.dossiers, 1);
  assert.equal(agencyIn(daNang, code('hoan-kiem')), undefined);
  assert.equal(daNang.totals.movedIn, 1);
  const haNoi = await monitor('demo-admin', OCTOBER);
  assert.equal(agencyIn(haNoi, code('tay-giang')), undefined);
  assert.equal(haNoi.totals.movedIn, 1, 'Hoàn Kiếm only');
  // The ward's leader sees the ward's; the commune's leader sees none.
  assert.equal(
    agencyIn(await monitor('leader.hang-trong', OCTOBER), code('hoan-kiem'))!.movedIn?.dossiers,
    3,
  );
  const commune = await monitor('leader.thanh-oai', OCTOBER);
  assert.deepEqual([commune.totals.agencies, commune.totals.movedIn], [1, 0]);
  for (const [user, query, status] of [
    ['desk.hang-trong', OCTOBER, 403],
    ['specialist.hang-trong', OCTOBER, 403],
    ['leader.quan-3', `${OCTOBER}&agencyCode=${code('hoan-kiem')}`, 403],
    ['admin.quang-nam', `${OCTOBER}&agencyCode=${code('hoan-kiem')}`, 403],
    ['demo-admin', `${OCTOBER}&agencyCode=${code('tay-giang')}`, 403],
    ['leader.thanh-oai', `${OCTOBER}&agencyCode=${code('hoan-kiem')}`, 403],
  ] as const) {
    const res = await kit.get(`/api/v1/reports/adoption?${query}`, await kit.staff(user));
    assert.equal(res.statusCode, status, `${user} ${query}: ${res.body}`);
  }
});

test('the history of a ward closed in 2025: moved in where it was received (then), at the successor (today)', async () => {
  clock.set('2026-11-23T03:00:00Z');
  assert.equal(await seedDemoHistory(runtime().deps), 3);
  const former = await runtime()
    .deps.db.selectFrom('agencies')
    .select('code')
    .where('name', '=', 'Ủy ban nhân dân Phường Hàng Bạc')
    .executeTakeFirstOrThrow();
  const june = {
    NgayNopHoSo: '20250610080000',
    NgayTiepNhan: '20250610080000',
    NgayHenTra: '20250613080000',
    NgayKetThucXuLy: '20250612150000',
    NgayTra: '20250613090000',
    QuaTrinhXuLy: [],
  };
  const view = await importFile(
    runtime().app,
    await kit.staff('demo-admin'),
    jsonl([returnedRecord(former.code, `${former.code}-250610-7001`, june)]),
    'dryRun=false',
  );
  assert.equal(view.accepted, 1, JSON.stringify(view.report));
  const junePeriod = 'from=2025-06-01&to=2025-06-30';
  const then = await monitor('demo-admin', `${junePeriod}&map=then`);
  const hangBac = then.groups.flatMap((g) => g.agencies).find((a) => a.code === former.code)!;
  assert.deepEqual(hangBac.movedIn, {
    since: '2026-11-23',
    dossiers: 1,
    historyFrom: '2025-06-10',
    inPeriod: { received: 1, resolved: 1 },
  });
  // Its own June dossiers (the demo history) were received in the system: it was using it.
  assert.equal(hangBac.verdict, 'using');
  assert.match(hangBac.firstReceivedOn ?? '', /^2025-06-/);
  const today = await monitor('demo-admin', junePeriod);
  const hk = agencyIn(today, code('hoan-kiem'))!;
  assert.equal(hk.movedIn?.dossiers, 4, 'its own import and Hàng Bạc’s');
  assert.equal(hk.movedIn?.historyFrom, '2025-06-10');
  assert.deepEqual(hk.movedIn?.inPeriod, { received: 1, resolved: 1 });
  assert.equal(hk.received.value, 3, 'the demo history only');
  assert.match(hk.firstReceivedOn ?? '', /^2025-06-/);
});
