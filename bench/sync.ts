// National-portal sync on loopback, two measures, each beside a raw ceiling taken in the same run:
//
// 1. Drain: a pre-filled outbox (dossiers × messages per dossier) delivered to the simulator by the
//    outbox worker (claim, build E1 from the database, POST, record), against the raw ceiling: the same
//    E1 batches, built beforehand, POSTed by the same client with the same concurrency.
// 2. Steady load: a producer commits dossier status changes (the action row and its outbox message, as
//    a dossier action leaves them for the sync path) at a fixed rate for a fixed time, in one
//    transaction per tick, while the worker runs as production runs it: on PostgreSQL a child
//    `node server/main.ts --role=worker` (or several), on PGlite `startSyncJobs` in this process
//    (PGlite is one process: the worker lives in `--role=all`, beside whatever writes). The lag of a
//    message is the simulator's receipt time minus the time its transaction committed (both wall
//    clock on this machine); messages delivered per second are the receipts during the load over its
//    duration (a worker that keeps up shows the offered rate less what is in flight at the end). The
//    producer's own cost is measured alone first, with no worker.
//
// The simulator runs in a child process of its own in both measures (the real portal is elsewhere).
//
// Run: node bench/sync.ts [--rates=1000,1500] [--seconds=30] [--dossiers=5000] [--workers=1]
//        [--drain=1000x4] [--tick-ms=10] [--only=drain|steady] [--seed=n]
// PGlite by default; DATABASE_URL=postgres://… runs it on PostgreSQL (a database cloned from the
// tests' template, dropped afterwards). BENCH_PROFILE_DIR=dir profiles the worker processes.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from '../server/db/schema.ts';
import { createTestRuntime } from '../server/test/db.ts';
import { loginAs } from '../server/test/http.ts';
import { APPLICANT_HUONG, VALID_BIRTH_DECLARATION } from '../server/test/fixtures.ts';
import { parseConfig } from '../server/config.ts';
import { silentLog } from '../server/platform/jobs/job-log.ts';
import { createOutboxWorker } from '../server/platform/jobs/outbox-worker.ts';
import { DOSSIER_STATUSES, type DossierStatus } from '../common/dossiers/index.ts';
import {
  createPortalClient,
  loadE1Contexts,
  PORTAL_STATUS_TOPIC,
  startSyncJobs,
  syncHandlers,
  toE1Record,
  type E1Record,
} from '../server/modules/sync/index.ts';
import { startSimulatorProcess } from './support/simulator-process.ts';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.ts';
import { cpuMsOf } from './support/cpu.ts';
import { seededRandom } from './support/load.ts';

const { values: args } = parseArgs({
  options: {
    rates: { type: 'string', default: '1000,1500' },
    seconds: { type: 'string', default: '30' },
    dossiers: { type: 'string', default: '5000' },
    workers: { type: 'string', default: '1' },
    drain: { type: 'string', default: '1000x4' },
    'tick-ms': { type: 'string', default: '10' },
    only: { type: 'string' },
    seed: { type: 'string' },
  },
});
const RATES = args.rates.split(',').map(Number);
const SECONDS = Number(args.seconds);
const POOL = Number(args.dossiers);
const WORKERS = Number(args.workers);
const [DRAIN_DOSSIERS, PER_DOSSIER] = args.drain.split('x').map(Number) as [number, number];
const TICK_MS = Number(args['tick-ms']);
const SEED = Number(args.seed ?? Date.now() % 1_000_000);
const CONCURRENCY = 4;
const TARGET_RATE = 1000;
const TARGET_P99_MS = 2000;
if (POOL > 9998 || DRAIN_DOSSIERS > POOL) throw new Error('--dossiers ≤ 9998 and ≥ the drain dossiers');

const STATUSES: DossierStatus[] = [
  'processing',
  'awaiting-supplement',
  'processing',
  'result-ready',
  'returned',
];

const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const portalSecret = randomBytes(16).toString('hex');
const sim = await startSimulatorProcess(portalSecret);
const defaults = parseConfig({ NODE_ENV: 'test' });
const rt = await createTestRuntime({
  config: {
    // No demo payment platform or portal simulator inside the runtime: the portal is the child.
    demoMode: false,
    portal: { baseUrl: sim.url, auth: 'hmac', secret: portalSecret, timeoutMs: 10_000 },
    sync: { ...defaults.sync, batchSize: 10, reconcileMinutes: 0, inboundSeconds: 0 },
  },
});
const client = createPortalClient({ ...rt.deps.config.portal, baseUrl: sim.url });
const db = rt.deps.db;
const driver = rt.deps.driver;
const databaseUrl = rt.deps.config.databaseUrl;

// One real dossier received at the desk, cloned (bench only) into POOL dossiers with all its columns.
const agency = await db
  .selectFrom('agencies as a')
  .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
  .select('a.code')
  .where('u.code', '=', '00070')
  .where('u.valid_to', 'is', null)
  .where('a.kind', '=', 'people-committee')
  .executeTakeFirstOrThrow();
const res = await rt.app.inject({
  method: 'POST',
  url: '/api/v1/dossiers',
  headers: { cookie: await loginAs(rt.app, 'desk.hang-trong'), 'sec-fetch-site': 'same-origin' },
  payload: {
    procedureCode: '1.001193',
    agencyCode: agency.code,
    applicant: APPLICANT_HUONG,
    formData: VALID_BIRTH_DECLARATION,
    components: [
      { code: 'TP1', provided: 'original' },
      { code: 'TP3', provided: 'original' },
    ],
    channel: 'direct',
  },
});
if (res.statusCode !== 201) throw new Error(res.body);
const template = res.json<{ code: string }>().code;
const prefix = template.replace(/\d{4}$/, '');

/** The columns of a table a clone copies: all but identities, generated ones and `except`. */
async function copiedColumns(table: string, except: string[]): Promise<string[]> {
  const rows = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table}
      AND is_identity = 'NO' AND is_generated = 'NEVER'
    ORDER BY ordinal_position`.execute(db);
  return rows.rows.map((r) => r.column_name).filter((c) => !except.includes(c));
}
const dossierColumns = await copiedColumns('dossiers', ['code']);
const cols = sql.join(dossierColumns.map((c) => sql.ref(c)));
await sql`
  INSERT INTO dossiers (code, ${cols})
  SELECT ${prefix} || lpad(n::text, 4, '0'), ${cols}
  FROM dossiers, generate_series(2, ${POOL + 1}) AS n
  WHERE code = ${template}`.execute(db);
const pool = await db
  .selectFrom('dossiers')
  .select(['dossier_id', 'code', 'version'])
  .where('code', 'like', `${prefix}%`)
  .where('code', '!=', template)
  .orderBy('code')
  .execute();
const nextVersion = pool.map((d) => d.version + 1);

// Each status change leaves an action row (the E1 record's process event reads it) beside its outbox
// message; the rows copy the template's last action.
const templateAction = await db
  .selectFrom('dossier_actions as x')
  .innerJoin('dossiers as d', 'd.dossier_id', 'x.dossier_id')
  .select('x.dossier_action_id')
  .where('d.code', '=', template)
  .orderBy('x.version', 'desc')
  .executeTakeFirstOrThrow();
const actionColumns = await copiedColumns('dossier_actions', ['dossier_id', 'version', 'at']);
const actionCols = sql.join(actionColumns.map((c) => sql.ref(c)));

type Change = { index: number; version: number; status: DossierStatus; at: Date };

let producerRetries = 0;

/**
 * Writes status changes in one transaction: their action rows and outbox messages, in dossier-code
 * order (the order in which the outbox trigger locks their portal_sync_state rows). Returns the ids.
 * A deadlock with an acknowledgement (PostgreSQL aborts one of the two) is retried, as the worker does.
 */
async function writeChanges(executor: Kysely<DB>, unsorted: Change[]): Promise<string[]> {
  const changes = [...unsorted].sort((a, b) => a.index - b.index || a.version - b.version);
  for (;;) {
    try {
      return await writeChangesOnce(executor, changes);
    } catch (err) {
      if ((err as { code?: string }).code !== '40P01') throw err;
      producerRetries++;
    }
  }
}

async function writeChangesOnce(executor: Kysely<DB>, changes: Change[]): Promise<string[]> {
  return executor.transaction().execute(async (trx) => {
    const rows = JSON.stringify(
      changes.map((c) => ({ dossier_id: pool[c.index]!.dossier_id, version: c.version, at: c.at })),
    );
    await sql`
      INSERT INTO dossier_actions (dossier_id, version, at, ${actionCols})
      SELECT v.dossier_id, v.version, v.at, ${actionCols}
      FROM jsonb_to_recordset(${rows}::jsonb) AS v(dossier_id bigint, version integer, at timestamptz)
      CROSS JOIN (SELECT * FROM dossier_actions WHERE dossier_action_id = ${templateAction.dossier_action_id}) t`.execute(
      trx,
    );
    const inserted = await trx
      .insertInto('outbox')
      .values(
        changes.map((c) => {
          const code = pool[c.index]!.code;
          return {
            topic: PORTAL_STATUS_TOPIC,
            ordering_key: code,
            payload: JSON.stringify({
              dossierCode: code,
              status: c.status,
              statusCode: DOSSIER_STATUSES[c.status].code,
              version: c.version,
              at: c.at.toISOString(),
            }),
            available_at: c.at,
            created_at: c.at,
          };
        }),
      )
      .returning('outbox_id')
      .execute();
    return inserted.map((r) => r.outbox_id);
  });
}

function change(index: number, at: Date): Change {
  const version = nextVersion[index]!++;
  return { index, version, status: STATUSES[version % STATUSES.length]!, at };
}

async function clearQueues(): Promise<void> {
  await sql`DELETE FROM outbox`.execute(db);
  await sql`DELETE FROM portal_sync_state`.execute(db);
}

// ---------------------------------------------------------------------------------------------------
// 1. Drain

async function enqueueDrain(): Promise<number> {
  await clearQueues();
  const now = new Date();
  const changes: Change[] = [];
  for (let v = 0; v < PER_DOSSIER; v++) for (let i = 0; i < DRAIN_DOSSIERS; i++) changes.push(change(i, now));
  for (let i = 0; i < changes.length; i += 500) await writeChanges(db, changes.slice(i, i + 500));
  return changes.length;
}

/** A drain by the worker in this process; claims from claimLimit, growing to maxClaimLimit. */
async function drainRun(claimLimit: number, maxClaimLimit: number, latencyMs = 0): Promise<number> {
  const total = await enqueueDrain();
  await sim.reset({ latencyMs });
  const worker = createOutboxWorker({
    db,
    clock: rt.deps.clock,
    handlers: syncHandlers(rt.deps, client),
    log: silentLog,
    maxAttempts: 5,
    backoffBaseMs: 10,
    backoffMaxMs: 100,
    claimLimit,
    maxClaimLimit,
    concurrency: CONCURRENCY,
  });
  const t0 = performance.now();
  let delivered = 0;
  while (delivered < total) {
    const s = await worker.runOnce();
    delivered += s.delivered;
    if (s.claimed === 0) {
      const failed = await db
        .selectFrom('outbox')
        .select(['status', 'last_error'])
        .where('status', '!=', 'delivered')
        .limit(3)
        .execute();
      throw new Error(`stuck at ${delivered}/${total}: ${JSON.stringify(failed)}`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  if ((await sim.stats()).accepted !== total) throw new Error('the simulator did not get every message');
  return total / seconds;
}

async function rawRun(latencyMs = 0): Promise<number> {
  // The records the drain builds, prepared beforehand: only the HTTP posts are timed.
  const rows = await db
    .selectFrom('outbox')
    .select(['outbox_id', 'payload'])
    .where('topic', '=', PORTAL_STATUS_TOPIC)
    .orderBy('outbox_id')
    .execute();
  const messages = rows.map(
    (r) =>
      (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as {
        dossierCode: string;
        status: DossierStatus;
        statusCode: number;
        version: number;
        at: string;
      },
  );
  const contexts = await loadE1Contexts(
    db,
    messages.map((m) => ({ code: m.dossierCode, version: m.version })),
  );
  const records: E1Record[] = messages.map((m) =>
    toE1Record(m, contexts.get(m.dossierCode)!.get(m.version)!),
  );
  await sim.reset({ latencyMs });
  const batches: E1Record[][] = [];
  for (let i = 0; i < records.length; i += 10) batches.push(records.slice(i, i + 10));
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < batches.length) {
        const i = next++;
        const batch = batches[i]!;
        await client.pushStatuses(
          batch,
          batch.map((_r, j) => `raw-${i}-${j}`),
          { isUpdating: true },
        );
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  if ((await sim.stats()).accepted !== records.length)
    throw new Error('the simulator did not get every record');
  return records.length / seconds;
}

/** Statements per message of one drain in claims of 50 (round trips, BEGIN and COMMIT included). */
async function drainStatements(): Promise<number> {
  let count = 0;
  let restore: () => void;
  if (driver === 'pg') {
    const proto = pg.Query.prototype as unknown as { submit: (...a: unknown[]) => unknown };
    const original = proto.submit;
    proto.submit = function (this: unknown, ...a: unknown[]) {
      count++;
      return original.apply(this, a);
    };
    restore = () => {
      proto.submit = original;
    };
  } else {
    const pglite = rt.handle.pglite!;
    const query = pglite.query.bind(pglite);
    const exec = pglite.exec.bind(pglite);
    const transaction = pglite.transaction.bind(pglite);
    // Kysely's PGlite driver runs statements through query() (on the instance or on a transaction)
    // and BEGIN/COMMIT through transaction().
    pglite.query = ((...a: Parameters<typeof query>) => {
      count++;
      return query(...a);
    }) as typeof pglite.query;
    pglite.transaction = (async (fn: Parameters<typeof transaction>[0]) => {
      count += 2;
      return transaction(async (tx) => {
        const q = tx.query.bind(tx);
        tx.query = ((...a: Parameters<typeof q>) => {
          count++;
          return q(...a);
        }) as typeof tx.query;
        return fn(tx);
      });
    }) as typeof pglite.transaction;
    restore = () => {
      pglite.query = query;
      pglite.exec = exec;
      pglite.transaction = transaction;
    };
  }
  const total = await enqueueDrain();
  await sim.reset();
  const worker = createOutboxWorker({
    db,
    clock: rt.deps.clock,
    handlers: syncHandlers(rt.deps, client),
    log: silentLog,
    maxAttempts: 5,
    backoffBaseMs: 10,
    backoffMaxMs: 100,
    claimLimit: 50,
    maxClaimLimit: 50,
    concurrency: CONCURRENCY,
  });
  count = 0;
  let delivered = 0;
  try {
    while (delivered < total) delivered += (await worker.runOnce()).delivered;
  } finally {
    restore();
  }
  return count / total;
}

// ---------------------------------------------------------------------------------------------------
// 2. Steady load

type SteadyResult = {
  rate: number;
  produced: number;
  producerBehindMs: number;
  deliveredPerSecond: number;
  leftAtEnd: number;
  undelivered: number;
  drainAfterMs: number;
  p50: number;
  p99: number;
  max: number;
  ackP99: number;
  settledP99: number;
  cpu: { worker: number; database: number; simulator: number; bench: number };
  loadBefore: string;
  loadAfter: string;
};

type Running = { pids: number[]; stop: () => Promise<void> };

async function startWorkers(): Promise<Running> {
  if (driver === 'pg') {
    const workers: WorkerProcess[] = [];
    for (let i = 0; i < WORKERS; i++)
      workers.push(await startWorkerProcess({ databaseUrl: databaseUrl!, portalUrl: sim.url, portalSecret }));
    return {
      pids: workers.map((w) => w.pid),
      stop: async () => {
        await Promise.all(workers.map((w) => w.stop()));
      },
    };
  }
  const jobs = await startSyncJobs(rt.deps, silentLog);
  return { pids: [], stop: () => jobs.stop() };
}

/** CPU ms of the bench database's backends (PostgreSQL); 0 on PGlite, which runs in this process. */
async function databaseCpuMs(): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (driver !== 'pg') return out;
  const c = new pg.Client({ connectionString: databaseUrl! });
  await c.connect();
  try {
    const rows = await c.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    for (const { pid } of rows.rows) out.set(pid, cpuMsOf(pid) ?? 0);
  } finally {
    await c.end();
  }
  return out;
}

const percentile = (sorted: Float64Array, q: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

type Produced = {
  committedAt: Map<string, number>;
  produced: number;
  producerBehindMs: number;
  startWall: number;
  endWall: number;
};

/** Open loop: every tick, commit the messages due by now (rate × elapsed), whatever the worker does. */
async function produce(rate: number, seconds: number): Promise<Produced> {
  const random = seededRandom(SEED + rate);
  const committedAt = new Map<string, number>();
  const total = Math.round(rate * seconds);
  let produced = 0;
  let producerBehindMs = 0;
  const startWall = Date.now();
  const t0 = performance.now();
  while (produced < total) {
    const elapsed = performance.now() - t0;
    const due = Math.min(total, Math.floor((rate * elapsed) / 1000)) - produced;
    if (due > 0) {
      const at = new Date();
      const changes = Array.from({ length: due }, () => change(Math.floor(random() * POOL), at));
      const ids = await writeChanges(db, changes);
      const committed = Date.now();
      for (const id of ids) committedAt.set(id, committed);
      produced += due;
      producerBehindMs = Math.max(producerBehindMs, performance.now() - t0 - (produced / rate) * 1000);
    }
    const wait = TICK_MS - ((performance.now() - t0) % TICK_MS);
    await new Promise((r) => setTimeout(r, wait));
  }
  return { committedAt, produced, producerBehindMs, startWall, endWall: Date.now() };
}

/** What the producer alone costs per message (this process, and PostgreSQL's backends), no worker. */
async function producerCost(rate: number, seconds: number): Promise<{ bench: number; database: number }> {
  await clearQueues();
  const self0 = process.cpuUsage();
  const db0 = await databaseCpuMs();
  const { produced } = await produce(rate, seconds);
  const self = process.cpuUsage(self0);
  let dbCpu = 0;
  for (const [pid, ms] of await databaseCpuMs()) dbCpu += ms - (db0.get(pid) ?? 0);
  await clearQueues();
  return { bench: (self.user + self.system) / 1000 / produced, database: dbCpu / produced };
}

async function steadyRun(rate: number): Promise<SteadyResult> {
  await clearQueues();
  await sim.reset();
  const loadBefore = loadavg();
  const running = await startWorkers();
  const total = Math.round(rate * SECONDS);
  const selfCpu0 = process.cpuUsage();
  const workerCpu0 = running.pids.map((p) => cpuMsOf(p) ?? 0);
  const simCpu0 = cpuMsOf(sim.pid) ?? 0;
  const db0 = await databaseCpuMs();

  const { committedAt, produced, producerBehindMs, startWall, endWall } = await produce(rate, SECONDS);

  // Let the backlog drain (at most a minute), then stop the workers.
  const deadline = performance.now() + 60_000;
  while ((await sim.stats()).accepted < total && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  const drainAfterMs = Date.now() - endWall;
  const self = process.cpuUsage(selfCpu0);
  const workerCpu = running.pids.reduce((s, p, i) => s + (cpuMsOf(p) ?? 0) - workerCpu0[i]!, 0);
  const simCpu = (cpuMsOf(sim.pid) ?? 0) - simCpu0;
  let dbCpu = 0;
  for (const [pid, ms] of await databaseCpuMs()) dbCpu += ms - (db0.get(pid) ?? 0);
  await running.stop();
  const loadAfter = loadavg();

  const receipts = await sim.receipts();
  const lags: number[] = [];
  // Throughput: what the simulator received while the load ran, over the load's duration. A worker
  // that keeps up shows the offered rate less what is still in flight at the end.
  let byEnd = 0;
  // The worker waits out its idle poll (SYNC_POLL_MS) when the load starts: the lags of what was
  // committed after the first 2 s say what the steady state is.
  const settled: number[] = [];
  for (const [id, committed] of committedAt) {
    const at = receipts.get(`motcua-${id}`);
    if (at === undefined) continue;
    lags.push(at - committed);
    if (committed >= startWall + 2000) settled.push(at - committed);
    if (at <= endWall) byEnd++;
  }
  const sorted = Float64Array.from(lags).sort();
  const acks = await db
    .selectFrom('outbox')
    .select(['outbox_id', 'delivered_at'])
    .where('status', '=', 'delivered')
    .execute();
  const ackLags = Float64Array.from(
    acks.flatMap((a) => {
      const c = committedAt.get(a.outbox_id);
      return c === undefined || a.delivered_at === null ? [] : [new Date(a.delivered_at).getTime() - c];
    }),
  ).sort();
  const perMessage = (ms: number) => ms / Math.max(1, lags.length);
  return {
    rate,
    produced,
    producerBehindMs,
    deliveredPerSecond: byEnd / ((endWall - startWall) / 1000),
    leftAtEnd: produced - byEnd,
    undelivered: produced - lags.length,
    drainAfterMs,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : NaN,
    ackP99: percentile(ackLags, 0.99),
    settledP99: percentile(Float64Array.from(settled).sort(), 0.99),
    cpu: {
      worker: perMessage(workerCpu),
      database: perMessage(dbCpu),
      simulator: perMessage(simCpu),
      bench: perMessage((self.user + self.system) / 1000),
    },
    loadBefore,
    loadAfter,
  };
}

// ---------------------------------------------------------------------------------------------------

console.log(
  `portal sync on loopback, ${driver}${driver === 'pg' ? ` (${databaseUrl!.replace(/\/\/[^@]*@/, '//')})` : ''}; ` +
    `${os.cpus().length} cores, Node ${process.version}; seed ${SEED}; load average ${loadavg()}`,
);
try {
  if (args.only !== 'steady') {
    const total = DRAIN_DOSSIERS * PER_DOSSIER;
    console.log(
      `\ndrain: ${DRAIN_DOSSIERS} dossiers × ${PER_DOSSIER} status messages = ${total}; batches of 10, ` +
        `${CONCURRENCY} requests in flight; outbox worker in this process`,
    );
    const results: [string, number][] = [];
    await enqueueDrain();
    results.push([
      'raw ceiling: the same E1 batches POSTed directly (records built beforehand)',
      await rawRun(),
    ]);
    results.push(['outbox worker, claims of 50', await drainRun(50, 50)]);
    results.push(['outbox worker, claims of 200', await drainRun(200, 200)]);
    results.push(['outbox worker, claims from 50 growing to 1,000 (the default)', await drainRun(50, 1000)]);
    results.push(['raw ceiling, portal answering in 20 ms', await rawRun(20)]);
    results.push(['outbox worker, default claims, portal answering in 20 ms', await drainRun(50, 1000, 20)]);
    console.log('| case | messages/s |\n| --- | ---: |');
    for (const [name, rate] of results) console.log(`| ${name} | ${fmt(rate)} |`);
    const statements = await drainStatements();
    console.log(
      `statements per round of 50 (claims of 50): ${(statements * 50).toFixed(1)}; load average ${loadavg()}`,
    );
  }
  if (args.only !== 'drain') {
    const where =
      driver === 'pg'
        ? `${WORKERS} × node server/main.ts --role=worker (NODE_ENV=production, default SYNC_* settings)`
        : 'startSyncJobs in this process (as --role=all runs it), default SYNC_* settings';
    console.log(
      `\nsteady load: ${SECONDS} s at each rate over ${POOL} dossiers (seeded random pick), one producer ` +
        `transaction per ${TICK_MS} ms tick; worker: ${where}`,
    );
    console.log(
      '| offered/s | delivered/s | lag p50 | p99 | max | acked p99 | left at end, drained in | producer behind | CPU ms/msg worker, db, simulator, bench | load avg before → after | target |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |');
    const notes: string[] = [];
    const alone = await producerCost(RATES[0]!, 5);
    notes.push(
      `the producer alone (5 s at ${fmt(RATES[0]!)}/s, no worker): CPU ms per message bench ${alone.bench.toFixed(2)}` +
        (driver === 'pg' ? `, database ${alone.database.toFixed(2)}` : ' (PGlite included)'),
    );
    for (const rate of RATES) {
      const retriesBefore = producerRetries;
      const r = await steadyRun(rate);
      notes.push(
        `${fmt(rate)}/s: lag p99 of what was committed after the first 2 s: ${fmt(r.settledP99)} ms`,
      );
      if (producerRetries > retriesBefore)
        notes.push(
          `${fmt(rate)}/s: ${producerRetries - retriesBefore} producer transactions retried after a deadlock`,
        );
      // At an offered rate of 1,000/s, keeping up (99 %) is the target's 1,000/s.
      const met =
        r.deliveredPerSecond >= Math.min(TARGET_RATE, 0.99 * rate) &&
        r.p99 <= TARGET_P99_MS &&
        r.undelivered === 0;
      const ms = (v: number) => `${fmt(v)} ms`;
      console.log(
        `| ${fmt(r.rate)} | ${fmt(r.deliveredPerSecond)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.ackP99)} | ` +
          `${fmt(r.leftAtEnd)}, ${ms(r.drainAfterMs)}${r.undelivered > 0 ? ` (${fmt(r.undelivered)} never)` : ''} | ` +
          `${ms(r.producerBehindMs)} | ${[r.cpu.worker, r.cpu.database, r.cpu.simulator, r.cpu.bench].map((c) => c.toFixed(2)).join(', ')} | ` +
          `${r.loadBefore.split(' ')[0]} → ${r.loadAfter.split(' ')[0]} | ${met ? 'met' : 'missed'} |`,
      );
    }
    for (const note of notes) console.log(note);
  }
} finally {
  await rt.close();
  await sim.close();
}
