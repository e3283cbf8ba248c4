// MaHoSoKhac: a dossier the national portal handed over (E2) keeps the portal's own code beside
// motcua's, and every E1 record motcua sends back about it carries that code, so the portal joins the
// statuses to its dossier; a desk dossier's records carry none. Over real HTTP to the simulator.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { dossierKit } from '../../test/dossier-kit.ts';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs, ORIGIN } from '../../test/http.ts';
import { DEV_PORTAL_SECRET, parseConfig } from '../../config.ts';
import { startSimulator, type Simulator } from '../../../simulator/simulator.ts';
import { inboundSeed } from '../../../simulator/inbound-seed.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { createOutboxWorker, type OutboxWorker } from '../../platform/jobs/outbox-worker.ts';
import { createPortalClient } from './portal-client.ts';
import { fetchInbound } from './inbound.ts';
import { receiveInbound } from './inbound-intake.ts';
import { syncHandlers, syncWorkerOptions } from './sync.jobs.ts';
import { wardCommitteeCode } from './test-kit.ts';

const clock = manualClock('2026-11-20T02:00:00Z');
let sim: Simulator;
let rt: TestRuntime;
let worker: OutboxWorker;
let hangTrong: string;

before(async () => {
  sim = await startSimulator({ port: 0 });
  const defaults = parseConfig({ NODE_ENV: 'test' });
  rt = await createTestRuntime({
    clock,
    config: {
      portal: { baseUrl: sim.url, auth: 'hmac', secret: DEV_PORTAL_SECRET, timeoutMs: 2000 },
      sync: { ...defaults.sync, backoffBaseMs: 1000, backoffMaxMs: 1000 },
    },
  });
  const client = createPortalClient({ ...rt.deps.config.portal, baseUrl: sim.url });
  worker = createOutboxWorker({
    db: rt.deps.db,
    clock,
    handlers: syncHandlers(rt.deps, client),
    log: silentLog,
    ...syncWorkerOptions(rt.deps),
  });
  hangTrong = await wardCommitteeCode(rt.deps.db);
  // A birth registration submitted on the national portal for the ward, fetched and taken into intake.
  sim.control.seedInbound({ records: inboundSeed(1, hangTrong, 700, new Date('2026-11-20T01:00:00Z')) });
  await fetchInbound(rt.deps, client);
  assert.equal((await receiveInbound(rt.deps)).received, 1);
});
after(async () => {
  await rt.close();
  await sim.close();
});

/** Rounds until nothing is pending, the clock past any backoff between rounds. */
async function drain(): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const pending = await rt.deps.db
      .selectFrom('outbox')
      .select('outbox_id')
      .where('status', '=', 'pending')
      .where('topic', '=', 'portal.dossier-status')
      .execute();
    if (pending.length === 0) return;
    await worker.runOnce();
    clock.advance(2000);
  }
  throw new Error('still pending after 20 rounds');
}

test('E1 records of a dossier handed over by the portal carry its code (MaHoSoKhac); a desk dossier’s do not', async () => {
  const inbound = await rt.deps.db
    .selectFrom('portal_inbound_dossiers')
    .select(['portal_code', 'dossier_code'])
    .executeTakeFirstOrThrow();
  const code = inbound.dossier_code!;
  assert.notEqual(code, inbound.portal_code, 'motcua numbers the dossier itself');

  // Submitted (1): the first record already names the portal's dossier.
  await drain();
  const submitted = sim.control.dossier(code);
  assert.ok(submitted, 'the portal has the dossier');
  assert.equal(submitted.TrangThaiHoSo, 1);
  assert.equal(submitted.latest.MaHoSo, code);
  assert.equal(submitted.latest.MaHoSoKhac, inbound.portal_code);

  // The desk receives it (2): the update carries the code too.
  const cookie = await loginAs(rt.app, 'desk.hang-trong');
  const view = await rt.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}`, headers: { cookie } });
  const accepted = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/accept`,
    headers: { cookie, origin: ORIGIN, 'if-match': String(view.json<{ version: number }>().version) },
    payload: {},
  });
  assert.equal(accepted.statusCode, 200, accepted.body);
  await drain();
  const received = sim.control.dossier(code)!;
  assert.deepEqual(
    received.history.map((h) => h.TrangThaiHoSo),
    [1, 2],
  );
  assert.equal(received.latest.MaHoSoKhac, inbound.portal_code);

  // A dossier received at the desk has no other system's code.
  const deskCode = await dossierKit(() => rt).receiveBirth(hangTrong);
  await drain();
  const deskRecord = sim.control.dossier(deskCode);
  assert.ok(deskRecord);
  assert.equal('MaHoSoKhac' in deskRecord.latest, false);
});

test('a handed-over dossier whose portal code is not linked yet waits (retried), and never leaves without it', async () => {
  // The intake links the code just after the dossier's own transaction; here the link is missing
  // when the worker comes, as if the intake had stopped in between.
  const inbound = await rt.deps.db
    .selectFrom('portal_inbound_dossiers')
    .select(['inbound_id', 'portal_code', 'dossier_code'])
    .executeTakeFirstOrThrow();
  const code = inbound.dossier_code!;
  await rt.deps.db
    .updateTable('portal_inbound_dossiers')
    .set({ dossier_code: null })
    .where('inbound_id', '=', inbound.inbound_id)
    .execute();
  // A status message as the dossier module writes it (here the received status again, as
  // reconciliation would re-send it).
  const d0 = await rt.deps.db
    .selectFrom('dossiers')
    .select(['status', 'version'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  const now = clock.now();
  await rt.deps.db
    .insertInto('outbox')
    .values({
      topic: 'portal.dossier-status',
      ordering_key: code,
      payload: JSON.stringify({
        dossierCode: code,
        status: d0.status,
        statusCode: 2,
        version: d0.version,
        at: now.toISOString(),
      }),
      available_at: now,
      created_at: now,
    })
    .execute();
  const before = sim.control.dossier(code)!.history.length;

  const s = await worker.runOnce();
  assert.deepEqual([s.claimed, s.delivered, s.retried], [1, 0, 1]);
  const [row] = await rt.deps.db
    .selectFrom('outbox')
    .select(['status', 'last_error'])
    .where('ordering_key', '=', code)
    .orderBy('outbox_id', 'desc')
    .limit(1)
    .execute();
  assert.equal(row!.status, 'pending');
  assert.match(row!.last_error ?? '', /not linked yet/);
  assert.equal(sim.control.dossier(code)!.history.length, before, 'nothing sent without the code');

  // The intake's next run links it (here by hand); the retry carries the code.
  await rt.deps.db
    .updateTable('portal_inbound_dossiers')
    .set({ dossier_code: code })
    .where('inbound_id', '=', inbound.inbound_id)
    .execute();
  clock.advance(2000);
  await drain();
  const d = sim.control.dossier(code)!;
  assert.equal(d.history.length, before + 1);
  assert.equal(d.latest.MaHoSoKhac, inbound.portal_code);
});
