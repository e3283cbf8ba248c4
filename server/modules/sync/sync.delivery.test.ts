// Delivery to the national portal end to end: real dossiers received at a desk (real database), the
// outbox worker with the portal handler, the simulator over real HTTP on 127.0.0.1 with faults.
// Backoff runs on an injected clock; the fault generator is seeded (SYNC_SEED=<seed> replays).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { dossierKit } from '../../test/dossier-kit.ts';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { APPLICANT_HUONG } from '../../test/fixtures.ts';
import { parseConfig, DEV_PORTAL_SECRET } from '../../config.ts';
import { startSimulator, type Simulator } from '../../../simulator/simulator.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { createOutboxWorker, type OutboxWorker } from '../../platform/jobs/outbox-worker.ts';
import { DOSSIER_STATUSES, type DossierStatus } from '../../../common/dossiers/index.ts';
import { createPortalClient, type PortalClient } from './portal-client.ts';
import { PORTAL_STATUS_TOPIC, messageIdOf } from './portal-status.handler.ts';
import { syncHandlers, syncWorkerOptions } from './sync.jobs.ts';
import { reconcileRecent } from './reconcile.ts';
import { wardCommitteeCode } from './test-kit.ts';
import { mulberry32, replayableSeed } from '../../test/random.ts';

const seed = replayableSeed('SYNC_SEED', 'sync delivery: fault seed');

const BACKOFF_MAX = 60_000;
// Friday 20 November 2026, 09:00 in Hà Nội.
const clock = manualClock('2026-11-20T02:00:00Z');
let sim: Simulator;
let rt: TestRuntime;
let client: PortalClient;
let hangTrong: string;
const codes: string[] = [];
const random = mulberry32(seed);

before(async () => {
  sim = await startSimulator({ port: 0, seed });
  const defaults = parseConfig({ NODE_ENV: 'test' });
  rt = await createTestRuntime({
    clock,
    config: {
      portal: { baseUrl: sim.url, auth: 'hmac', secret: DEV_PORTAL_SECRET, timeoutMs: 300 },
      sync: { ...defaults.sync, maxAttempts: 40, backoffBaseMs: 1000, backoffMaxMs: BACKOFF_MAX },
    },
  });
  client = createPortalClient({ ...rt.deps.config.portal, baseUrl: sim.url });
  hangTrong = await wardCommitteeCode(rt.deps.db);
  const kit = dossierKit(() => rt);
  for (let i = 0; i < 8; i++) codes.push(await kit.receiveBirth(hangTrong));
});
after(async () => {
  await rt.close();
  await sim.close();
});

const newWorker = (
  extra: { maxAttempts?: number; claimLimit?: number; maxClaimLimit?: number } = {},
): OutboxWorker =>
  createOutboxWorker({
    db: rt.deps.db,
    clock,
    handlers: syncHandlers(rt.deps, client),
    log: silentLog,
    ...syncWorkerOptions(rt.deps),
    random,
    ...extra,
  });

/** Starts a test from an empty queue and an empty portal. */
async function reset() {
  await sql`DELETE FROM outbox`.execute(rt.deps.db);
  await sql`DELETE FROM portal_sync_state`.execute(rt.deps.db);
  await sql`DELETE FROM sync_reconciliations`.execute(rt.deps.db);
  sim.control.reset();
  sim.control.setFaults({ seed });
}

/** A status message written as the dossier module writes it (dossiers/actions/dossier.writer.ts, writeAction). */
async function enqueueStatus(code: string, status: DossierStatus, version: number): Promise<string> {
  const now = clock.now();
  const row = await rt.deps.db
    .insertInto('outbox')
    .values({
      topic: PORTAL_STATUS_TOPIC,
      ordering_key: code,
      payload: JSON.stringify({
        dossierCode: code,
        status,
        statusCode: DOSSIER_STATUSES[status].code,
        version,
        at: now.toISOString(),
      }),
      available_at: now,
      created_at: now,
    })
    .returning('outbox_id')
    .executeTakeFirstOrThrow();
  return row.outbox_id;
}

async function portalRows() {
  return rt.deps.db
    .selectFrom('outbox')
    .selectAll()
    .where('topic', '=', PORTAL_STATUS_TOPIC)
    .orderBy('outbox_id')
    .execute();
}

/** Rounds of every worker, the clock past the longest backoff between rounds; returns the rounds used. */
async function drain(workers: OutboxWorker[], maxRounds = 200): Promise<number> {
  for (let round = 0; round < maxRounds; round++) {
    const left = (await portalRows()).filter((r) => r.status === 'pending').length;
    if (left === 0) return round;
    await Promise.all(workers.map((w) => w.runOnce()));
    clock.advance(BACKOFF_MAX + 1);
  }
  throw new Error(`still pending after ${maxRounds} rounds`);
}

/** Every message of the dossier reached the portal once, in outbox order, and the last one is the latest. */
function assertDeliveredInOrder(code: string, ids: string[], finalStatus: number) {
  const d = sim.control.dossier(code);
  assert.ok(d, `${code} is on the portal`);
  assert.deepEqual(
    d.history.map((h) => h.messageId),
    ids.map(messageIdOf),
    `${code}: each message once, in order`,
  );
  assert.equal(d.TrangThaiHoSo, finalStatus, `${code}: latest status`);
}

const SEQUENCE: DossierStatus[] = [
  'processing',
  'awaiting-supplement',
  'processing',
  'awaiting-payment',
  'processing',
  'result-ready',
  'returned',
];

test('a desk intake reaches the portal as a valid E1 record, and the acknowledgement is recorded', async () => {
  const rounds = await drain([newWorker()]);
  assert.ok(rounds >= 1);
  for (const code of codes) {
    const d = sim.control.dossier(code)!;
    assert.equal(d.TrangThaiHoSo, 2);
    const r = d.latest;
    assert.equal(r.MaTTHC, '1.001193');
    assert.equal(r.TenTTHC, 'Thủ tục đăng ký khai sinh');
    assert.equal(r.ChuHoSo, APPLICANT_HUONG.fullName);
    assert.deepEqual(r.DinhDanhCHS, [{ LoaiDinhDanh: 1, SoDinhDanh: APPLICANT_HUONG.idNumber }]);
    assert.equal(r.DonViXuLy, hangTrong);
    assert.equal(r.NgayTiepNhan, '20261120090000');
    assert.equal(r.NgayHenTra, '20261123090000');
    assert.equal(
      (r.QuaTrinhXuLy as { NoiDungXuLy: string; NguoiXuLy: string }[])[0]!.NguoiXuLy,
      'Lê Thị Mai Anh',
    );
  }
  const state = await rt.deps.db.selectFrom('portal_sync_state').selectAll().execute();
  assert.equal(state.length, codes.length);
  assert.ok(state.every((s) => s.acked_outbox_id === s.latest_outbox_id && s.acked_status_code === 2));
});

test('under three concurrent workers, 20 % errors and latency, each dossier’s messages arrive in order', async () => {
  await reset();
  sim.control.setFaults({ errorRate: 0.2, errorKind: 'mixed', latencyJitterMs: 15 });
  const ids = new Map<string, string[]>(codes.map((c) => [c, []]));
  const produce = async (from: number, to: number) => {
    for (const code of codes)
      for (let v = from; v < to; v++) ids.get(code)!.push(await enqueueStatus(code, SEQUENCE[v]!, v + 2));
  };
  const small = { claimLimit: 5, maxClaimLimit: 5 };
  const workers = [newWorker(small), newWorker(small), newWorker(small)];
  await produce(0, 3);
  // The first round fails whatever the fault seed; after it, one request in five.
  sim.control.setFaults({ errorRate: 1 });
  await Promise.all(workers.map((w) => w.runOnce()));
  clock.advance(BACKOFF_MAX + 1);
  sim.control.setFaults({ errorRate: 0.2 });
  // More messages are written while the workers deliver.
  for (let round = 0; round < 4; round++) {
    const tasks: Promise<unknown>[] = workers.map((w) => w.runOnce());
    if (round === 1) tasks.push(produce(3, 5));
    if (round === 3) tasks.push(produce(5, 7));
    await Promise.all(tasks);
    clock.advance(BACKOFF_MAX + 1);
  }
  await drain(workers);
  for (const code of codes) assertDeliveredInOrder(code, ids.get(code)!, 10);
  assert.ok(sim.control.stats().errorsInjected > 0);
});

test('with a 50 % error rate everything is still delivered, in order, in a bounded number of rounds', async () => {
  await reset();
  sim.control.setFaults({ errorRate: 0.5, errorKind: 'mixed' });
  const ids = new Map<string, string[]>();
  for (const code of codes)
    for (let v = 0; v < 5; v++)
      ids.set(code, [...(ids.get(code) ?? []), await enqueueStatus(code, SEQUENCE[v]!, v + 2)]);
  // Claims of two: at least twenty requests, so that some fail whatever the seed.
  const rounds = await drain([newWorker({ claimLimit: 2, maxClaimLimit: 2 })], 300);
  for (const code of codes) assertDeliveredInOrder(code, ids.get(code)!, DOSSIER_STATUSES[SEQUENCE[4]!].code);
  const rows = await portalRows();
  assert.ok(rows.every((r) => r.status === 'delivered'));
  assert.ok(
    rows.some((r) => r.attempts > 1),
    'some messages needed retries',
  );
  assert.ok(sim.control.stats().errorsInjected > 0);
  assert.ok(rounds <= 300, `${rounds} rounds`);
});

test('a full outage loses nothing: the backlog waits, pending, and is delivered after the window', async () => {
  await reset();
  const ids = new Map<string, string[]>();
  for (const code of codes)
    for (let v = 0; v < 2; v++)
      ids.set(code, [...(ids.get(code) ?? []), await enqueueStatus(code, SEQUENCE[v]!, v + 2)]);
  // The outage lasts until it is ended below, however long the rounds take on a busy machine.
  sim.control.setFaults({ outage: { durationMs: 600_000 } });
  const w = newWorker();
  for (let round = 0; round < 4; round++) {
    const s = await w.runOnce();
    assert.equal(s.delivered, 0);
    clock.advance(BACKOFF_MAX + 1);
  }
  let rows = await portalRows();
  assert.ok(
    rows.every((r) => r.status === 'pending'),
    'nothing dead, nothing lost',
  );
  assert.ok(rows.filter((r) => r.attempts > 0).every((r) => /connection failed/.test(r.last_error ?? '')));
  assert.ok(sim.control.stats().dropped >= 4);
  assert.equal(sim.control.dossiers().length, 0);
  sim.control.setFaults({ outage: null });
  await drain([w]);
  rows = await portalRows();
  assert.ok(rows.every((r) => r.status === 'delivered'));
  for (const code of codes) assertDeliveredInOrder(code, ids.get(code)!, 5);
});

test('timeouts: the portal processed the message but answered too late; the retry is acknowledged, not stored twice', async () => {
  await reset();
  const ids = new Map<string, string>();
  for (const code of codes) ids.set(code, await enqueueStatus(code, 'processing', 2));
  sim.control.setFaults({ timeoutRate: 1, timeoutMs: 2000 });
  const w = newWorker();
  const s = await w.runOnce();
  assert.deepEqual([s.claimed, s.delivered, s.retried], [codes.length, 0, codes.length]);
  assert.ok((await portalRows()).every((r) => r.last_error === 'no answer within 300 ms'));
  assert.equal(sim.control.stats().accepted, codes.length);
  sim.control.setFaults({ timeoutRate: 0 });
  clock.advance(BACKOFF_MAX + 1);
  await drain([w]);
  assert.equal(sim.control.stats().duplicates, codes.length);
  for (const code of codes) assertDeliveredInOrder(code, [ids.get(code)!], 4);
});

test('dead letters after SYNC_MAX_ATTEMPTS hold their successors; operators list and re-drive them (audited); delivery resumes in order', async () => {
  await reset();
  const [a, b, c] = codes as [string, string, string];
  const ids = {
    a: [await enqueueStatus(a, 'processing', 2), await enqueueStatus(a, 'result-ready', 3)],
    b: [await enqueueStatus(b, 'processing', 2)],
    c: [await enqueueStatus(c, 'processing', 2)],
  };
  sim.control.setFaults({ errorRate: 1, errorKind: 'error-code' });
  const w = newWorker({ maxAttempts: 3 });
  for (let i = 0; i < 3; i++) {
    await w.runOnce();
    clock.advance(BACKOFF_MAX + 1);
  }
  const rows = await portalRows();
  assert.deepEqual(
    rows.map((r) => [r.outbox_id, r.status, r.attempts]),
    [
      [ids.a[0], 'dead', 3],
      [ids.a[1], 'pending', 0],
      [ids.b[0], 'dead', 3],
      [ids.c[0], 'dead', 3],
    ],
  );
  assert.match(rows[0]!.last_error!, /error_code -1/);

  const admin = await loginAs(rt.app, 'demo-admin');
  const list = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/sync/messages?status=dead',
    headers: { cookie: admin },
  });
  assert.equal(list.statusCode, 200, list.body);
  const body = list.json<{
    total: number;
    items: { id: string; key: string; agencyCode: string; dossierStatus: string; lastError: string }[];
  }>();
  assert.equal(body.total, 3);
  assert.deepEqual(
    body.items.map((m) => [m.id, m.key, m.agencyCode, m.dossierStatus]),
    [
      [ids.a[0], a, hangTrong, 'processing'],
      [ids.b[0], b, hangTrong, 'processing'],
      [ids.c[0], c, hangTrong, 'processing'],
    ],
  );
  assert.ok(!list.body.includes(APPLICANT_HUONG.idNumber), 'no personal data in the list');

  sim.control.setFaults({ errorRate: 0 });
  const one = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/sync/messages/${ids.a[0]}/redrive`,
    headers: { cookie: admin },
  });
  assert.equal(one.statusCode, 200, one.body);
  assert.deepEqual(
    [one.json<{ status: string }>().status, one.json<{ attempts: number }>().attempts],
    ['pending', 0],
  );
  const again = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/sync/messages/${ids.a[0]}/redrive`,
    headers: { cookie: admin },
  });
  assert.equal(again.statusCode, 409);
  await drain([w]);
  // a's two messages went, in order; b and c are still dead.
  assertDeliveredInOrder(a, ids.a, 9);
  assert.equal(sim.control.dossier(b), null);

  const all = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/sync/redrive?topic=${PORTAL_STATUS_TOPIC}`,
    headers: { cookie: admin },
  });
  assert.equal(all.statusCode, 200, all.body);
  assert.deepEqual(all.json(), { topic: PORTAL_STATUS_TOPIC, redriven: 2 });
  await drain([w]);
  assertDeliveredInOrder(b, ids.b, 4);
  assertDeliveredInOrder(c, ids.c, 4);

  const audit = await rt.deps.db
    .selectFrom('audit_log')
    .select(['action', 'entity_id', 'actor_label', 'details'])
    .where('action', 'like', 'sync.redrive%')
    .orderBy('audit_id')
    .execute();
  assert.deepEqual(
    audit.map((x) => [x.action, x.entity_id, x.actor_label]),
    [
      ['sync.redrive', ids.a[0], 'demo-admin'],
      ['sync.redrive-topic', PORTAL_STATUS_TOPIC, 'demo-admin'],
    ],
  );
  assert.equal(audit[1]!.details.count, 2);
});

test('reconciliation finds what the portal holds differently (or lost) and re-sends the current status', async () => {
  await reset();
  const current = await rt.deps.db
    .selectFrom('dossiers')
    .select(['code', 'status', 'version'])
    .where('code', 'in', codes)
    .execute();
  for (const d of current) await enqueueStatus(d.code, d.status as DossierStatus, d.version);
  await drain([newWorker()]);
  const [changed, lost, busy] = codes as [string, string, string];
  sim.control.plant(changed, 4);
  sim.control.forget(lost);
  // A dossier with a message on its way is left to delivery.
  await enqueueStatus(busy, 'received', 1);
  sim.control.plant(busy, 8);

  clock.advance(3_600_000);
  const r = await reconcileRecent(rt.deps, client, { windowHours: 48 });
  assert.equal(r.checked, codes.length - 1);
  assert.deepEqual(
    r.mismatches.map((m) => [m.dossierCode, m.portalStatusCode, m.statusCode]).sort(),
    [
      [changed, 4, 2],
      [lost, null, 2],
    ].sort(),
  );
  assert.equal(r.enqueued, 2);
  await drain([newWorker()]);
  assert.equal(sim.control.dossier(changed)!.TrangThaiHoSo, 2);
  assert.equal(sim.control.dossier(lost)!.TrangThaiHoSo, 2);
  assert.equal(sim.control.dossier(busy)!.TrangThaiHoSo, 2);
  const second = await reconcileRecent(rt.deps, client, { windowHours: 48 });
  assert.deepEqual([second.checked, second.mismatches.length, second.enqueued], [codes.length, 0, 0]);
  const audit = await rt.deps.db
    .selectFrom('audit_log')
    .select(['details'])
    .where('action', '=', 'sync.reconcile-resend')
    .execute();
  assert.equal(audit.length, 1);
  assert.deepEqual((audit[0]!.details.resent as string[]).sort(), [changed, lost].sort());

  // Outside the window nothing is checked; with the portal down the run stops early and changes nothing.
  clock.advance(49 * 3_600_000);
  assert.equal((await reconcileRecent(rt.deps, client, { windowHours: 48 })).checked, 0);
  clock.advance(-49 * 3_600_000);
  // Nothing listens on port 1 of the loopback: connections are refused.
  const unreachable = createPortalClient({ ...rt.deps.config.portal, baseUrl: 'http://127.0.0.1:1' });
  const down = await reconcileRecent(rt.deps, unreachable, { windowHours: 48, concurrency: 1 });
  assert.deepEqual([down.checked, down.errors, down.enqueued], [0, 5, 0]);
});

test('the sync status: counts, failures, dead letters, oldest pending, synced ratio per agency within reach', async () => {
  await reset();
  const [a, b, c, d] = codes as [string, string, string, string];
  await enqueueStatus(a, 'processing', 2);
  await enqueueStatus(a, 'result-ready', 3);
  await enqueueStatus(b, 'processing', 2);
  await drain([newWorker()]);
  const pendingB = await enqueueStatus(b, 'result-ready', 3);
  const deadC = await enqueueStatus(c, 'processing', 2);
  const failedD = await enqueueStatus(d, 'processing', 2);
  await rt.deps.db
    .updateTable('outbox')
    .set({ status: 'dead', attempts: 40, last_error: 'HTTP 500' })
    .where('outbox_id', '=', deadC)
    .execute();
  await rt.deps.db
    .updateTable('outbox')
    .set({ attempts: 1, last_error: 'connection failed' })
    .where('outbox_id', '=', failedD)
    .execute();
  clock.advance(90_000);

  const expected = {
    topic: PORTAL_STATUS_TOPIC,
    pending: 2,
    delivered: 3,
    failed: 1,
    deadLettered: 1,
    oldestPendingSeconds: 90,
    syncedRatio: 0.25,
    dossiersChanged: 4,
    dossiersSynced: 1,
  };
  const { name: agencyName } = await rt.deps.db
    .selectFrom('agencies')
    .select('name')
    .where('code', '=', hangTrong)
    .executeTakeFirstOrThrow();
  for (const user of ['demo-admin', 'auditor.ha-noi']) {
    const res = await rt.app.inject({
      method: 'GET',
      url: '/api/v1/sync/status',
      headers: { cookie: await loginAs(rt.app, user) },
    });
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json<Record<string, unknown> & { agencies: unknown[] }>();
    for (const [k, v] of Object.entries(expected)) assert.deepEqual(s[k], v, `${user}: ${k}`);
    assert.deepEqual(s.agencies, [
      {
        agencyCode: hangTrong,
        agencyName,
        changed: 4,
        pending: 2,
        deadLettered: 1,
        syncedRatio: 0.25,
      },
    ]);
  }
  // Another province's administrator sees the deployment's queue, not this province's agencies.
  const qn = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/sync/status',
    headers: { cookie: await loginAs(rt.app, 'admin.quang-nam') },
  });
  assert.equal(qn.statusCode, 200);
  assert.deepEqual(qn.json<{ agencies: unknown[] }>().agencies, []);
  // Once delivered, the ratio follows.
  await rt.deps.db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0 })
    .where('outbox_id', '=', deadC)
    .execute();
  await drain([newWorker()]);
  const after = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/sync/status',
    headers: { cookie: await loginAs(rt.app, 'demo-admin') },
  });
  const s = after.json<{
    syncedRatio: number;
    pending: number;
    oldestPendingSeconds: number;
    dossiersSynced: number;
  }>();
  assert.deepEqual([s.syncedRatio, s.pending, s.oldestPendingSeconds, s.dossiersSynced], [1, 0, 0, 4]);
  assert.ok(sim.control.dossier(b)!.history.some((h) => h.messageId === messageIdOf(pendingB)));
  const other = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/sync/status?topic=applicant.notification',
    headers: { cookie: await loginAs(rt.app, 'demo-admin') },
  });
  assert.equal(other.statusCode, 200, other.body);
  assert.equal(other.json<{ agencies: unknown[] }>().agencies.length, 0);
});
