// The national-portal simulator over real HTTP on 127.0.0.1, spoken to by motcua's portal client: the
// protocol (auth, batches, validation, idempotency), the faults, E2 paging, the control API.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, portalSignature, type Simulator } from '../../../simulator/simulator.ts';
import { inboundSeed } from '../../../simulator/inbound-seed.ts';
import { DEV_PORTAL_SECRET } from '../../config.ts';
import { toE1Record, type E1Record } from './portal-adapter.ts';
import { createPortalClient, PortalError, type PortalClient } from './portal-client.ts';
import { HUONG_APPLICANT, RECEIVED_TIMELINE } from './test-kit.ts';

let sim: Simulator;
let client: PortalClient;

const SECRET = DEV_PORTAL_SECRET;

before(async () => {
  sim = await startSimulator({ port: 0, seed: 7, secret: SECRET });
  client = createPortalClient({ baseUrl: sim.url, auth: 'hmac', secret: SECRET, timeoutMs: 2000 });
});
after(() => sim.close());
beforeEach(() => sim.control.reset());

function record(code: string, status: number): E1Record {
  return toE1Record(
    {
      dossierCode: code,
      status: (
        [
          'submitted',
          'received',
          'refused',
          'processing',
          'awaiting-supplement',
          'awaiting-payment',
          'withdrawn',
          'stopped',
          'result-ready',
          'returned',
        ] as const
      )[status - 1]!,
      statusCode: status,
      version: status,
      at: '2026-11-20T03:00:00Z',
    },
    {
      dossier: {
        code,
        procedureCode: '1.001193',
        channel: 'direct',
        applicant: HUONG_APPLICANT,
        components: [],
        resultDocuments: [],
        ...RECEIVED_TIMELINE,
      },
      procedure: {
        name: 'Thủ tục đăng ký khai sinh',
        fieldCode: null,
        fieldName: null,
        components: [],
        results: [],
      },
      receivingAgency: { code: '000.00.70.H26', name: 'UBND phường Hàng Trống' },
      competentAgency: { code: '000.00.70.H26', name: 'UBND phường Hàng Trống' },
      action: null,
      files: new Map(),
    },
  );
}

async function rawPost(path: string, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-timestamp': ts,
      'x-signature': portalSignature(SECRET, ts, 'POST', path, text),
      ...headers,
    },
    body: text,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const kindOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    assert.ok(err instanceof PortalError, String(err));
    return err.kind;
  }
};

test('E1: a signed batch is stored; a repeated message id is acknowledged and not stored twice', async () => {
  const r1 = record('000.00.70.H26-261120-0001', 2);
  const r2 = record('000.00.70.H26-261120-0002', 2);
  await client.pushStatuses([r1, r2], ['m-1', 'm-2'], { isUpdating: false });
  await client.pushStatuses([r1], ['m-1'], { isUpdating: false });
  await client.pushStatuses([record('000.00.70.H26-261120-0001', 4)], ['m-3'], { isUpdating: true });
  const d = sim.control.dossier('000.00.70.H26-261120-0001')!;
  assert.equal(d.TrangThaiHoSo, 4);
  assert.deepEqual(
    d.history.map((h) => [h.messageId, h.TrangThaiHoSo]),
    [
      ['m-1', 2],
      ['m-3', 4],
    ],
  );
  const stats = sim.control.stats();
  assert.equal(stats.accepted, 3);
  assert.equal(stats.duplicates, 1);
  // The inspection API shows the same over HTTP.
  const res = await fetch(`${sim.url}/_sim/dossiers/${encodeURIComponent(d.MaHoSo)}`);
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as { history: unknown[] }).history.length, 2);
  assert.equal((await fetch(`${sim.url}/_sim/dossiers/none`)).status, 404);
  assert.deepEqual(await client.queryDossier(d.MaHoSo), {
    code: d.MaHoSo,
    statusCode: 4,
    updatedAt: d.updatedAt,
  });
  assert.equal(await client.queryDossier('000.00.70.H26-261120-0999'), null);
});

test('E1: wrong credentials, stale signatures, more than 10 records and invalid records are refused', async () => {
  const wrong = createPortalClient({
    baseUrl: sim.url,
    auth: 'hmac',
    secret: 'another-secret-value',
    timeoutMs: 2000,
  });
  assert.equal(
    await kindOf(wrong.pushStatuses([record('X-1', 2)], ['m'], { isUpdating: false })),
    'unauthorised',
  );
  const headerMode = createPortalClient({
    baseUrl: sim.url,
    auth: 'header',
    secret: SECRET,
    timeoutMs: 2000,
  });
  assert.equal(
    await kindOf(headerMode.pushStatuses([record('X-1', 2)], ['m'], { isUpdating: false })),
    'unauthorised',
  );
  const stale = await rawPost(
    '/api/v1/hoso/dongbo',
    { service: 'DongBoHoSoMC', data: [] },
    { 'x-timestamp': '1000000000' },
  );
  assert.equal(stale.status, 401);

  const eleven = Array.from({ length: 11 }, (_v, i) => record(`X-${i}`, 2));
  const big = await rawPost('/api/v1/hoso/dongbo', {
    service: 'DongBoHoSoMC',
    isUpdating: false,
    data: eleven,
  });
  assert.deepEqual([big.status, big.body.error_code], [200, '3']);
  const invalid = await rawPost('/api/v1/hoso/dongbo', {
    service: 'DongBoHoSoMC',
    isUpdating: false,
    data: [{ ...record('X-1', 10), NgayTra: '', MaTTHC: '1001193', NgayNopHoSo: '2026-11-20' }],
  });
  assert.equal(invalid.body.error_code, '2');
  const errors = invalid.body.errors as string[];
  for (const f of ['MaTTHC', 'NgayNopHoSo', 'NgayTra'])
    assert.ok(
      errors.some((e) => e.includes(f)),
      f,
    );
  assert.equal(sim.control.dossiers().length, 0);
  assert.equal(sim.control.stats().unauthorised, 3);

  // The header mode of a simulator configured for it.
  const sim2 = await startSimulator({ port: 0, secret: SECRET, auth: 'header' });
  try {
    const c = createPortalClient({ baseUrl: sim2.url, auth: 'header', secret: SECRET, timeoutMs: 2000 });
    await c.pushStatuses([record('X-1', 2)], ['m'], { isUpdating: false });
    assert.equal(sim2.control.dossier('X-1')?.TrangThaiHoSo, 2);
  } finally {
    await sim2.close();
  }
});

test('faults: injected errors (HTTP 500 and error_code), latency, timeouts (processed, answered late), outages (socket closed)', async () => {
  sim.control.setFaults({ errorRate: 1, errorKind: 'http-500' });
  assert.equal(await kindOf(client.pushStatuses([record('F-1', 2)], ['f1'], { isUpdating: false })), 'http');
  sim.control.setFaults({ errorKind: 'error-code' });
  assert.equal(
    await kindOf(client.pushStatuses([record('F-1', 2)], ['f1'], { isUpdating: false })),
    'rejected',
  );
  assert.equal(sim.control.dossier('F-1'), null);

  sim.control.setFaults({ errorRate: 0, latencyMs: 120 });
  const t0 = performance.now();
  await client.pushStatuses([record('F-1', 2)], ['f1'], { isUpdating: false });
  assert.ok(performance.now() - t0 >= 110);

  sim.control.setFaults({ latencyMs: 0, timeoutRate: 1, timeoutMs: 1500 });
  const quick = createPortalClient({ baseUrl: sim.url, auth: 'hmac', secret: SECRET, timeoutMs: 150 });
  assert.equal(
    await kindOf(quick.pushStatuses([record('F-2', 2)], ['f2'], { isUpdating: false })),
    'timeout',
  );
  assert.equal(sim.control.dossier('F-2')?.TrangThaiHoSo, 2, 'processed although the answer came too late');

  sim.control.setFaults({ timeoutRate: 0, outage: { durationMs: 60_000 } });
  assert.equal(
    await kindOf(client.pushStatuses([record('F-3', 2)], ['f3'], { isUpdating: false })),
    'connection',
  );
  assert.equal(await kindOf(client.listInbound(null, 10)), 'connection');
  // The control API answers during an outage.
  const stats = (await (await fetch(`${sim.url}/_sim/stats`)).json()) as { dropped: number };
  assert.equal(stats.dropped, 2);
  await fetch(`${sim.url}/_sim/faults`, { method: 'POST', body: JSON.stringify({ outage: null }) });
  await client.pushStatuses([record('F-3', 2)], ['f3'], { isUpdating: false });
  // A window that starts later.
  sim.control.setFaults({ outage: { startInMs: 60_000, durationMs: 1000 } });
  await client.pushStatuses([record('F-4', 2)], ['f4'], { isUpdating: false });
  assert.equal(sim.control.stats().errorsInjected, 2);
  assert.equal(sim.control.stats().timeoutsInjected, 1);
});

test('control API: faults are validated, reset clears everything, differences can be planted', async () => {
  const bad = await fetch(`${sim.url}/_sim/faults`, {
    method: 'POST',
    body: JSON.stringify({ errorRate: 2 }),
  });
  assert.equal(bad.status, 400);
  const badKind = await fetch(`${sim.url}/_sim/faults`, {
    method: 'POST',
    body: JSON.stringify({ errorKind: 'x' }),
  });
  assert.equal(badKind.status, 400);
  const set = await fetch(`${sim.url}/_sim/faults`, {
    method: 'POST',
    body: JSON.stringify({ errorRate: 0.5, latencyMs: 10, inbound: { shuffle: true } }),
  });
  assert.deepEqual(
    await set
      .json()
      .then((f: { errorRate: number; latencyMs: number; inboundShuffle: boolean }) => [
        f.errorRate,
        f.latencyMs,
        f.inboundShuffle,
      ]),
    [0.5, 10, true],
  );
  await client.pushStatuses([record('P-1', 2)], ['p1'], { isUpdating: false }).catch(() => undefined);
  const planted = await fetch(`${sim.url}/_sim/dossiers/P-2`, {
    method: 'PUT',
    body: JSON.stringify({ TrangThaiHoSo: 4 }),
  });
  assert.equal(planted.status, 200);
  assert.equal(sim.control.dossier('P-2')?.history[0]?.planted, true);
  assert.equal(
    (await fetch(`${sim.url}/_sim/dossiers/P-2`, { method: 'PUT', body: '{"TrangThaiHoSo": 11}' })).status,
    400,
  );
  assert.equal((await fetch(`${sim.url}/_sim/dossiers/P-2`, { method: 'DELETE' })).status, 204);
  assert.equal(sim.control.dossier('P-2'), null);
  assert.equal((await fetch(`${sim.url}/_sim/reset`, { method: 'POST' })).status, 200);
  assert.equal(sim.control.faults().errorRate, 0);
  assert.equal(sim.control.dossiers().length, 0);
  assert.equal((await fetch(`${sim.url}/_sim/nothing`)).status, 404);
  assert.equal((await fetch(`${sim.url}/api/v1/nothing`)).status, 404);
});

test('E2: pages with a cursor, acknowledged records leave the list; duplicate and shuffled pages on demand', async () => {
  const seeded = await fetch(`${sim.url}/_sim/inbound`, {
    method: 'POST',
    body: JSON.stringify({ count: 5, agencyCode: '000.00.70.H26' }),
  });
  assert.equal(seeded.status, 201);
  const codes = ((await seeded.json()) as { seeded: string[] }).seeded;
  assert.equal(codes.length, 5);
  const p1 = await client.listInbound(null, 2);
  assert.deepEqual(
    p1.records.map((r) => (r as { MaHoSo: string }).MaHoSo),
    codes.slice(0, 2),
  );
  assert.ok(p1.nextCursor);
  const p2 = await client.listInbound(p1.nextCursor, 2);
  assert.deepEqual(
    p2.records.map((r) => (r as { MaHoSo: string }).MaHoSo),
    codes.slice(2, 4),
  );
  await client.ackInbound(codes.slice(0, 3));
  const rest = await client.listInbound(null, 10);
  assert.deepEqual(
    rest.records.map((r) => (r as { MaHoSo: string }).MaHoSo),
    codes.slice(3),
  );
  assert.equal(rest.nextCursor, null);

  sim.control.setFaults({ inbound: { duplicateRate: 1, shuffle: true } });
  const dup = await client.listInbound(null, 10);
  const listed = dup.records.map((r) => (r as { MaHoSo: string }).MaHoSo);
  // Each open record twice, and every acknowledged one again.
  assert.equal(listed.length, 2 * 2 + 3);
  assert.deepEqual([...new Set(listed)].sort(), [...codes].sort());
  assert.equal(sim.control.stats().inboundAcked, 3);

  // Records seeded by hand, and the built-in ones, are realistic E2 records.
  sim.control.seedInbound({ records: inboundSeed(1, '000.00.70.H26', 900, new Date()) });
  assert.equal((await client.listInbound(null, 50)).records.length > 0, true);
});
