// #16 Done-means journey: a dossier received at a ward before the ward is merged, handed over,
// processed and returned by the successor; counted at the successor "as today's map" and at the old
// ward as the map stood then, in the overview and in Biểu II.06a; its portal records before and after carry the right agency codes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { peoplesCommittee, userId } from '../../test/seeded.ts';
import { journeyKit, type View } from '../dossiers/test-kit.ts';
import { loadE1Contexts, toE1Record } from '../sync/index.ts';
import type { Ii06aResponse } from '../../../common/contracts/report-ii06a.ts';

const { kit, cookies, as, intake, act, allowed, getAs } = journeyKit();

const post = async (user: string, url: string, payload: unknown) =>
  kit.rt.app.inject({ method: 'POST', url, headers: { cookie: await as(user) }, payload: payload as object });

async function portalRecord(code: string, version: number) {
  const contexts = await loadE1Contexts(kit.rt.deps.db, [{ code, version }]);
  return toE1Record(
    { dossierCode: code, status: 'received', statusCode: 2, version, at: kit.clock.now().toISOString() },
    contexts.get(code)!.get(version)!,
  );
}

type Overview = {
  agencies: { agency: { code: string }; figures: { byStatus: { status: string; count: number }[] } }[];
};
const returnedAt = (o: Overview, code: string) =>
  o.agencies.find((a) => a.agency.code === code)?.figures.byStatus.find((s) => s.status === 'returned')
    ?.count ?? 0;

test('#16 received at Phường Cửa Nam, merged into Phường Hoàn Kiếm, returned by the successor; counted on either map; the portal hears the right codes', async () => {
  const db = kit.rt.deps.db;
  const cuaNam = await peoplesCommittee(db, '00082');
  const hoanKiem = kit.hangTrong;
  const res = await intake('desk.hang-bac', { agencyCode: cuaNam });
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json<View>();
  const before = await portalRecord(d.code, d.version);
  assert.deepEqual([before.MaHoSo, before.DonViXuLy], [d.code, cuaNam]);

  // Monday: the merge takes effect; the administrator applies it, the successor's leader acknowledges.
  kit.clock.set('2026-11-23T01:00:00Z');
  cookies.clear();
  const applied = await post('demo-admin', '/api/v1/reorganisations', {
    name: 'Nhập Phường Cửa Nam vào Phường Hoàn Kiếm',
    basis: 'Nghị quyết thử nghiệm số 03/2026',
    effectiveOn: '2026-11-23',
    endedUnits: [{ code: '00082', successors: [{ code: '00070', extent: 'full' }] }],
    handovers: [{ from: cuaNam, to: hoanKiem }],
  });
  assert.equal(applied.statusCode, 201, applied.body);
  const r = applied.json<{ id: string; handovers: { id: string }[] }>();
  const ack = await post(
    'leader.hang-trong',
    `/api/v1/reorganisations/${r.id}/handovers/${r.handovers[0]!.id}/acknowledgement`,
    {},
  );
  assert.equal(ack.statusCode, 200, ack.body);

  // The successor's staff take it to the end.
  const specialist = await userId(db, 'specialist.hang-trong');
  const leader = await userId(db, 'leader.hang-trong');
  const fwd = (await allowed('desk.hang-trong', d.code)).items.find((a) => a.kind === 'forward');
  assert.ok(fwd, 'the successor’s desk may forward it');
  const withAssignee = (id: string, inputs: { properties?: Record<string, unknown> }) =>
    inputs.properties && 'nextAssigneeId' in inputs.properties ? { nextAssigneeId: id } : {};
  assert.equal(
    (await act('desk.hang-trong', d.code, 'forward', withAssignee(specialist, fwd.inputs))).statusCode,
    200,
  );
  kit.clock.advance(60 * 60_000);
  if ((await allowed('specialist.hang-trong', d.code)).items.some((a) => a.kind === 'claim'))
    assert.equal((await act('specialist.hang-trong', d.code, 'claim')).statusCode, 200);
  const spFwd = (await allowed('specialist.hang-trong', d.code)).items.find((a) => a.kind === 'forward');
  assert.ok(spFwd);
  assert.equal(
    (
      await act('specialist.hang-trong', d.code, 'forward', {
        ...withAssignee(leader, spFwd.inputs),
        note: 'Đủ điều kiện',
      })
    ).statusCode,
    200,
  );
  kit.clock.advance(30 * 60_000);
  const approve = await act('leader.hang-trong', d.code, 'approve', {
    resultNumber: '201/QĐ-UBND',
    resultDate: '2026-11-23',
    signer: 'Vũ Thị Hồng Nhung',
    resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }],
  });
  assert.equal(approve.statusCode, 200, approve.body);
  kit.clock.advance(30 * 60_000);
  const ret = await act('desk.hang-trong', d.code, 'return-result', {
    channel: 'counter',
    recipientName: 'Nguyễn Thị Hường',
  });
  assert.equal(ret.statusCode, 200, ret.body);
  const returned = ret.json<View>();
  assert.equal(returned.status, 'returned');
  assert.equal(returned.code, d.code);

  // The portal's record after: same dossier code, the successor deciding.
  const after = await portalRecord(d.code, returned.version);
  assert.deepEqual([after.MaHoSo, after.DonViXuLy], [d.code, hoanKiem]);

  // Counted at the successor on today's map, at the old ward on the map of the day it was received.
  const overview = async (q: string) => {
    const o = await getAs('demo-admin', `/api/v1/reports/overview?month=2026-11&${q}`);
    assert.equal(o.statusCode, 200, o.body);
    return o.json<Overview>();
  };
  const today = await overview('map=today');
  assert.equal(returnedAt(today, hoanKiem), 1);
  assert.equal(returnedAt(today, cuaNam), 0);
  const then = await overview('map=then');
  assert.equal(returnedAt(then, cuaNam), 1);
  assert.equal(returnedAt(then, hoanKiem), 0);
  assert.equal(returnedAt(await overview(`map=then&agencyCode=${cuaNam}`), cuaNam), 1);

  // Biểu II.06a of the month: resolved on time at the successor on today's map, at the old ward on the
  // map of its day; the drill-down lists it under the successor's row.
  const ii06a = async (q: string) => {
    const o = await getAs('demo-admin', `/api/v1/reports/ii06a?from=2026-11-01&to=2026-11-30&${q}`);
    assert.equal(o.statusCode, 200, o.body);
    return o.json<Ii06aResponse>();
  };
  const resolvedAt = (report: Ii06aResponse, code: string) =>
    report.rows.find((row) => row.key === code)?.resolved;
  const successorRow = await ii06a('map=today');
  assert.ok(resolvedAt(successorRow, hoanKiem)!.total >= 1);
  assert.equal(resolvedAt(successorRow, cuaNam), undefined, 'the closed ward has no row on today’s map');
  const thenRow = resolvedAt(await ii06a('map=then'), cuaNam)!;
  // Received on Friday for one working day, resolved on Monday after the hand-over: late.
  assert.deepEqual([thenRow.total, thenRow.late], [1, 1]);
  const listed = await getAs(
    'demo-admin',
    `${successorRow.rows.find((row) => row.key === hoanKiem)!.drill}&cell=resolved.total&pageSize=500`,
  );
  assert.equal(listed.statusCode, 200, listed.body);
  assert.ok(listed.json<{ items: { code: string }[] }>().items.some((i) => i.code === d.code));
  const thenList = await getAs(
    'demo-admin',
    `/api/v1/reports/ii06a/dossiers?from=2026-11-01&to=2026-11-30&map=then&key=${cuaNam}&cell=resolved.total`,
  );
  assert.deepEqual(
    thenList.json<{ items: { code: string }[] }>().items.map((i) => i.code),
    [d.code],
  );
});
