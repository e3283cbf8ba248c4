// E2 over real HTTP: dossiers submitted on the portal are stored once however often the portal sends
// them (duplicates, shuffled pages, re-listing after a lost acknowledgement), then acknowledged.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { DEV_PORTAL_SECRET } from '../../config.ts';
import { startSimulator, type Simulator } from '../../../simulator/simulator.ts';
import { inboundSeed } from '../../../simulator/inbound-seed.ts';
import { createPortalClient, type PortalClient } from './portal-client.ts';
import { fetchInbound } from './inbound.ts';
import { receiveInbound } from './inbound-intake.ts';
import { loginAs, ORIGIN } from '../../test/http.ts';
import { countRows } from '../../test/seeded.ts';
import { wardCommitteeCode } from './test-kit.ts';

let sim: Simulator;
let rt: TestRuntime;
let client: PortalClient;
let hangTrong: string;

before(async () => {
  sim = await startSimulator({ port: 0, seed: 3 });
  rt = await createTestRuntime();
  client = createPortalClient({ baseUrl: sim.url, auth: 'hmac', secret: DEV_PORTAL_SECRET, timeoutMs: 2000 });
  hangTrong = await wardCommitteeCode(rt.deps.db);
});
after(async () => {
  await rt.close();
  await sim.close();
});
beforeEach(async () => {
  sim.control.reset();
  await sql`DELETE FROM portal_inbound_dossiers`.execute(rt.deps.db);
});

const stored = () =>
  rt.deps.db.selectFrom('portal_inbound_dossiers').selectAll().orderBy('portal_code').execute();

test('duplicated and shuffled pages: each portal dossier is stored once, mapped, acknowledged and audited', async () => {
  const codes = sim.control.seedInbound({ count: 7, agencyCode: hangTrong });
  sim.control.setFaults({ inbound: { duplicateRate: 0.6, shuffle: true }, seed: 5 });
  const r = await fetchInbound(rt.deps, client, { pageSize: 3 });
  assert.equal(r.stored, 7);
  assert.ok(r.duplicates > 0, `duplicates ${r.duplicates}`);
  assert.equal(r.listed, r.stored + r.duplicates);
  assert.equal(sim.control.stats().inboundAcked, 7);
  const rows = await stored();
  assert.deepEqual(
    rows.map((x) => x.portal_code),
    [...codes].sort(),
  );
  const birth = rows.find((x) => x.procedure_code === '1.001193')!;
  assert.equal(birth.agency_code, hangTrong);
  assert.ok(birth.agency_id);
  assert.equal(birth.status, 'new');
  assert.deepEqual(birth.problems, []);
  assert.equal((birth.intake as { channel: string }).channel, 'online');
  assert.equal((birth.record as { MaHoSo: string }).MaHoSo, birth.portal_code);

  // Asked again, the portal re-sends acknowledged ones (duplicates): none is stored twice.
  const again = await fetchInbound(rt.deps, client, { pageSize: 3 });
  assert.equal(again.stored, 0);
  assert.equal((await stored()).length, 7);
  const audit = await rt.deps.db
    .selectFrom('audit_log')
    .select(['details'])
    .where('action', '=', 'sync.inbound-stored')
    .execute();
  assert.equal(
    audit.reduce((n, a) => n + (a.details.count as number), 0),
    7,
  );
});

test('a lost acknowledgement only causes a re-listing; unknown agencies and procedures are kept with their problems', async () => {
  sim.control.seedInbound({
    records: [
      ...inboundSeed(2, hangTrong, 1, new Date('2026-11-20T02:00:00Z')),
      { ...inboundSeed(1, '999.99.99.H99', 50, new Date('2026-11-20T02:00:00Z'))[0]!, MaTTHC: '9.999999' },
    ],
  });
  let failAck = true;
  const flaky: PortalClient = {
    ...client,
    ackInbound: async (codes, signal) => {
      if (failAck) throw new Error('connection failed: ECONNRESET');
      return client.ackInbound(codes, signal);
    },
  };
  const first = await fetchInbound(rt.deps, flaky);
  assert.deepEqual([first.stored, first.ackFailures, first.acknowledged], [3, 3, 0]);
  failAck = false;
  const second = await fetchInbound(rt.deps, flaky);
  assert.deepEqual([second.listed, second.stored, second.duplicates, second.acknowledged], [3, 0, 3, 3]);
  const third = await fetchInbound(rt.deps, flaky);
  assert.equal(third.listed, 0);
  const odd = (await stored()).find((x) => x.agency_code === '999.99.99.H99')!;
  assert.equal(odd.agency_id, null);
  assert.deepEqual(
    odd.problems.map((p) => p.path),
    ['MaDonVi', 'MaTTHC'],
  );
});

test('a portal that is down makes the fetch fail without storing anything', async () => {
  sim.control.seedInbound({ count: 2, agencyCode: hangTrong });
  sim.control.setFaults({ errorRate: 1 });
  await assert.rejects(fetchInbound(rt.deps, client), /HTTP 500/);
  assert.equal((await stored()).length, 0);
});

test('fetched dossiers enter intake once as submitted dossiers at the named desk; unreadable ones are rejected', async () => {
  sim.control.seedInbound({
    records: [
      ...inboundSeed(3, hangTrong, 100, new Date('2026-11-20T02:00:00Z')),
      { ...inboundSeed(1, '999.99.99.H99', 150, new Date('2026-11-20T02:00:00Z'))[0]!, MaTTHC: '9.999999' },
    ],
  });
  await fetchInbound(rt.deps, client);
  const r = await receiveInbound(rt.deps);
  // The two procedures published without a time unit wait for the catalogue to be completed.
  assert.deepEqual(r, { received: 1, rejected: 1, held: 2, failed: 0 });
  const rows = await stored();
  const birth = rows.find((x) => x.procedure_code === '1.001193')!;
  assert.equal(birth.status, 'received');
  assert.deepEqual(
    birth.problems.map((p) => p.path),
    [],
    'the e-form (TP2) is the declaration itself (#14), and the birth certificate (TP3) was sent',
  );
  const held = rows.filter((x) => x.status === 'held');
  assert.deepEqual(held.map((x) => x.procedure_code).sort(), ['1.000656', '1.004873']);
  assert.match(held[0]!.problems[0]!.message, /chưa có đơn vị/);
  assert.ok(birth.dossier_code?.startsWith(`${hangTrong}-`), String(birth.dossier_code));
  assert.equal(rows.find((x) => x.agency_code === '999.99.99.H99')!.status, 'rejected');

  // Nothing twice: not on a second run, nor when the row was not marked (a crash after the dossier).
  assert.deepEqual(await receiveInbound(rt.deps), { received: 0, rejected: 0, held: 2, failed: 0 });
  await rt.deps.db
    .updateTable('portal_inbound_dossiers')
    .set({ status: 'new', dossier_code: null, problems: '[]' })
    .where('portal_code', '=', birth.portal_code)
    .execute();
  const count = () => countRows(rt.deps.db, 'dossiers');
  const before = await count();
  assert.equal((await receiveInbound(rt.deps)).received, 1, 'replayed, not created again');
  assert.equal(await count(), before);
  const again = (await stored()).find((x) => x.portal_code === birth.portal_code)!;
  assert.equal(again.dossier_code, birth.dossier_code);

  // The ward desk finds it to receive, with the applicant the portal named and the files by link.
  const cookie = await loginAs(rt.app, 'desk.hang-trong');
  const list = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/dossiers?list=to-receive',
    headers: { cookie },
  });
  assert.ok(list.json<{ items: { code: string }[] }>().items.some((i) => i.code === birth.dossier_code));
  const view = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${birth.dossier_code}`,
    headers: { cookie },
  });
  const d = view.json<{
    status: string;
    channel: string;
    version: number;
    applicant: { fullName: string };
    components: { links?: unknown[] }[];
  }>();
  assert.equal(d.status, 'submitted');
  assert.equal(d.channel, 'online');
  assert.equal(d.applicant.fullName, 'Trần Văn Bình');
  assert.ok(d.components.every((c) => (c.links ?? []).length > 0));
  const accepted = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${birth.dossier_code}/actions/accept`,
    headers: { cookie, origin: ORIGIN, 'if-match': String(d.version) },
    payload: {},
  });
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.equal(accepted.json<{ status: string }>().status, 'received');
});

test('operators list held and rejected portal dossiers with their problems, and take a held one again once the catalogue is fixed', async () => {
  const at = new Date('2026-11-20T02:00:00Z');
  sim.control.seedInbound({
    records: [
      ...inboundSeed(3, hangTrong, 200, at),
      { ...inboundSeed(1, '999.99.99.H99', 250, at)[0]!, MaTTHC: '9.999999' },
    ],
  });
  await fetchInbound(rt.deps, client);
  assert.deepEqual(await receiveInbound(rt.deps), { received: 1, rejected: 1, held: 2, failed: 0 });
  const admin = await loginAs(rt.app, 'demo-admin');
  const auditor = await loginAs(rt.app, 'auditor.ha-noi');
  type Listed = {
    total: number;
    items: {
      id: string;
      portalCode: string;
      procedure: { code: string; name: string | null };
      agency: { code: string; name: string | null };
      submittedAt: string | null;
      fetchedAt: string;
      status: string;
      problems: { path: string; message: string }[];
      dossierCode: string | null;
    }[];
  };
  const list = async (query: string, cookie = admin) => {
    const res = await rt.app.inject({
      method: 'GET',
      url: `/api/v1/sync/inbound${query}`,
      headers: { cookie },
    });
    assert.equal(res.statusCode, 200, res.body);
    return { body: res.body, json: res.json<Listed>() };
  };

  const held = (await list('?status=held')).json;
  assert.equal(held.total, 2);
  assert.deepEqual(held.items.map((i) => i.procedure.code).sort(), ['1.000656', '1.004873']);
  for (const item of held.items) {
    assert.equal(item.status, 'held');
    assert.equal(item.agency.code, hangTrong);
    assert.equal(item.agency.name, 'Ủy ban nhân dân Phường Hoàn Kiếm');
    assert.ok(item.procedure.name && item.procedure.name.startsWith('Thủ tục'), String(item.procedure.name));
    assert.match(item.problems[0]!.message, /chưa có đơn vị/);
    assert.equal(item.dossierCode, null);
    assert.match(String(item.submittedAt), /^2026-11-20T0\d:\d{2}:00\.000Z$/, 'when submitted on the portal');
  }
  const rejected = (await list('?status=rejected')).json;
  assert.equal(rejected.total, 1);
  assert.deepEqual(rejected.items[0]!.agency, { code: '999.99.99.H99', name: null });
  assert.deepEqual(rejected.items[0]!.procedure, { code: '9.999999', name: null });
  assert.deepEqual(
    rejected.items[0]!.problems.map((p) => p.path),
    ['MaDonVi', 'MaTTHC'],
  );
  assert.match(rejected.items[0]!.problems[0]!.message, /Không có cơ quan mã 999\.99\.99\.H99/);
  const received = (await list('?status=received')).json;
  assert.equal(received.total, 1);
  assert.ok(received.items[0]!.dossierCode?.startsWith(`${hangTrong}-`));

  // Everything, newest first, a page at a time; the auditor reads the same; no personal data.
  const all = await list('');
  assert.equal(all.json.total, 4);
  const ids = all.json.items.map((i) => Number(i.id));
  assert.deepEqual(
    ids,
    [...ids].sort((a, b) => b - a),
  );
  const second = (await list('?page=2&pageSize=3')).json;
  assert.deepEqual(
    second.items.map((i) => i.id),
    [all.json.items[3]!.id],
  );
  assert.equal(second.total, 4);
  assert.deepEqual((await list('', auditor)).json, all.json);
  const applicants = (await rt.deps.db.selectFrom('portal_inbound_dossiers').select('intake').execute()).map(
    (r) => (r.intake as { applicant: { fullName: string; idNumber: string } }).applicant,
  );
  for (const a of applicants) {
    assert.ok(!all.body.includes(a.fullName), `${a.fullName} listed`);
    assert.ok(!all.body.includes(a.idNumber), `${a.idNumber} listed`);
  }

  // Retrying a held row while the gap is still there keeps it held, with the reason.
  const marital = held.items.find((i) => i.procedure.code === '1.000656')!;
  const death = held.items.find((i) => i.procedure.code === '1.004873')!;
  const retry = (id: string, cookie = admin) =>
    rt.app.inject({
      method: 'POST',
      url: `/api/v1/sync/inbound/${id}/retry`,
      headers: { cookie, origin: ORIGIN },
    });
  const still = await retry(death.id);
  assert.equal(still.statusCode, 200, still.body);
  assert.equal(still.json<{ status: string }>().status, 'held');

  // The administrator gives 1.000656 its unit (working days) and the act behind its fee (the provincial
  // People's Council sets it: a flag, common/catalog/flags.ts), publishes, and takes the row again now.
  const h = { cookie: admin, origin: ORIGIN };
  const draft = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/procedures/1.000656/versions',
    headers: h,
  });
  assert.equal(draft.statusCode, 201, draft.body);
  const v = draft.json<{ version: number }>().version;
  const exported = (await rt.app.inject({ method: 'GET', url: '/api/v1/procedures/export' })).json<{
    procedures: { code: string; processingTime: { unit: string | null }[] }[];
  }>();
  const record = structuredClone(exported.procedures.find((p) => p.code === '1.000656')!);
  record.processingTime = record.processingTime.map((t) => ({ ...t, unit: 'Ngày làm việc' }));
  const withBasis = record as typeof record & { feePolicy: Record<string, unknown> };
  withBasis.feePolicy = { ...withBasis.feePolicy, basis: 'Nghị quyết của HĐND thành phố về lệ phí hộ tịch' };
  const edit = await rt.app.inject({
    method: 'PUT',
    url: `/api/v1/procedures/1.000656/versions/${v}`,
    headers: h,
    payload: { record },
  });
  assert.equal(edit.statusCode, 200, edit.body);
  const pub = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/procedures/1.000656/versions/${v}/publish`,
    headers: h,
  });
  assert.equal(pub.statusCode, 200, pub.body);
  const taken = await retry(marital.id);
  assert.equal(taken.statusCode, 200, taken.body);
  const now = taken.json<{ status: string; dossierCode: string | null; portalCode: string }>();
  assert.equal(now.status, 'received');
  assert.ok(now.dossierCode?.startsWith(`${hangTrong}-`), String(now.dossierCode));
  assert.equal(now.portalCode, marital.portalCode);
  const audit = await rt.deps.db
    .selectFrom('audit_log')
    .select(['entity_id', 'details'])
    .where('action', '=', 'sync.inbound-retry')
    .orderBy('audit_id')
    .execute();
  assert.deepEqual(
    audit.map((a) => [a.entity_id, a.details.to]),
    [
      [death.portalCode, 'held'],
      [marital.portalCode, 'received'],
    ],
  );
  // Only a held row is taken again; an unknown one is 404; the auditor only reads.
  const again = await retry(marital.id);
  assert.equal(again.statusCode, 409, again.body);
  assert.equal((await retry('999999999')).statusCode, 404);
  assert.equal((await retry(death.id, auditor)).statusCode, 403);
  assert.equal((await list('?status=held')).json.total, 1);
});
