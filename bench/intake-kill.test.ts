// Crash safety of intake (issue #20, "Done means"): 200 concurrent desk intakes over HTTP to the API as
// production runs it (`server/main.ts --role=api`, a child process) on PostgreSQL, with the outbox
// worker (`--role=worker`) delivering to the national-portal simulator; both are killed with SIGKILL
// mid-flight, restarted, and the requests left without an answer are sent again with their
// Idempotency-Key, as a desk's browser would. Three runs on one database, then:
//  - every intake acknowledged (201) is there, with the code it was given; every key made one dossier;
//  - the codes of each receiving desk and day run 1 … n with no gap and no duplicate, and its counter
//    stands at n (a killed transaction takes its number back with it);
//  - every dossier has its action, its audit entry and its outbox messages; the audit chain verifies;
//  - once the worker has drained, every portal message is delivered and stored by the portal once.
// PostgreSQL only (DATABASE_URL): PGlite is one process, there is nothing to kill apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { PORTAL_STATUS_TOPIC } from '../server/modules/sync/index.ts';
import { replayableSeed } from '../server/test/random.ts';
import { createBenchDatabase } from './support/postgres.ts';
import { intakeBody, openBenchRuntime, prepareDesks, type Desk } from './support/desks.ts';
import { httpClient, seededRandom } from './support/load.ts';
import { startServer, type ServerUnderTest } from './support/server.ts';
import { startSimulatorProcess } from './support/simulator-process.ts';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = 3;
const INTAKES = 200;
const DESKS = 8;
const SOCKETS = 64;

type Sent = { desk: Desk; key: string; body: string; code: string | null };

/**
 * Signs the desks in again at a restarted API: each start has its own SECRET_KEY, which keys the
 * session tokens. The Idempotency-Key's scope is the officer, not the session.
 */
async function signIn(origin: string, desks: Desk[]): Promise<void> {
  const client = httpClient(origin, 4);
  for (const desk of desks) {
    const res = await client.request(
      'POST',
      '/api/v1/auth/login',
      {},
      JSON.stringify({ username: desk.username, password: 'demo' }),
    );
    const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('motcua_session='));
    assert.ok(res.status === 200 && cookie, `login ${desk.username}: ${res.status} ${res.body}`);
    desk.cookie = cookie.split(';')[0]!;
  }
  client.close();
}

/** One desk intake under its Idempotency-Key, as a browser sends it; its code kept once answered 201. */
async function intake(client: ReturnType<typeof httpClient>, origin: string, s: Sent): Promise<void> {
  const res = await client.request(
    'POST',
    '/api/v1/dossiers',
    { cookie: s.desk.cookie, origin, 'idempotency-key': s.key },
    s.body,
  );
  assert.equal(res.status, 201, res.body);
  s.code = (JSON.parse(res.body) as { code: string }).code;
}

test(
  'kill -9 of the API and the worker under 200 concurrent intakes loses, duplicates and skips nothing (3 runs)',
  {
    skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: set DATABASE_URL (PGlite is one process)',
    timeout: 240_000,
  },
  async () => {
    const random = seededRandom(replayableSeed('KILL_SEED', 'kill -9 seed'));
    const t0 = performance.now();
    const seconds = () => ((performance.now() - t0) / 1000).toFixed(1);
    const database = await createBenchDatabase();
    const portalSecret = randomBytes(16).toString('hex');
    const sim = await startSimulatorProcess(portalSecret);
    const rt = await openBenchRuntime(database.url);
    const db = rt.deps.db;
    const startWorker = () =>
      startWorkerProcess({
        databaseUrl: database.url,
        portalUrl: sim.url,
        portalSecret,
        env: { SYNC_POLL_MS: '50', PORTAL_TIMEOUT_MS: '5000' },
      });
    let api: ServerUnderTest | null = null;
    let worker: WorkerProcess | null = null;
    const sent: Sent[] = [];
    // Should this process die or time out first, the children it started go with it.
    const orphans = () => {
      for (const pid of [api?.pid, worker?.pid])
        if (pid !== undefined)
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
    };
    process.once('exit', orphans);
    try {
      [api, worker] = await Promise.all([startServer(database.url), startWorker()]);
      const login = httpClient(api.origin, 4);
      const desks = await prepareDesks(rt, login, DESKS);
      login.close();

      for (let run = 1; run <= RUNS; run++) {
        // 200 intakes at once over the desks; SIGKILL to both processes once a share has answered.
        const batch: Sent[] = Array.from({ length: INTAKES }, (_, i) => {
          const desk = desks[i % desks.length]!;
          return { desk, key: randomUUID(), body: intakeBody(desk, sent.length + i), code: null };
        });
        sent.push(...batch);
        // At most 60 % answered first: more than SOCKETS requests are left, so some are cut off unsent.
        const killAfter = Math.floor(INTAKES * (0.2 + 0.4 * random()));
        const client = httpClient(api.origin, SOCKETS);
        let answered = 0;
        let killed: Promise<void> | null = null;
        const killBoth = () => {
          const [a, w] = [api!, worker!];
          process.kill(a.pid, 'SIGKILL');
          process.kill(w.pid, 'SIGKILL');
          return Promise.all([a.stop(), w.stop()]).then(() => undefined);
        };
        await Promise.all(
          batch.map(async (s) => {
            try {
              await intake(client, api!.origin, s);
              if (++answered === killAfter) killed = killBoth();
            } catch (err) {
              // Cut off by the kill: no answer, so not acknowledged.
              if (err instanceof assert.AssertionError) throw err;
            }
          }),
        );
        client.close();
        if (killed === null) killed = killBoth();
        await killed;
        const acknowledged = batch.filter((s) => s.code !== null).length;
        assert.ok(acknowledged >= killAfter && acknowledged < INTAKES, `run ${run}: killed mid-flight`);

        // The lease of what the killed worker had claimed runs out (4 timeouts + 30 s; moved to now
        // rather than waited for), and both come back.
        await sql`UPDATE outbox SET locked_until = now() - interval '1 second' WHERE locked_until > now()`.execute(
          db,
        );
        [api, worker] = await Promise.all([startServer(database.url), startWorker()]);
        await signIn(api.origin, desks);

        // The unanswered requests again, same key: each gets its dossier (made before the kill or now).
        const retry = httpClient(api.origin, 8);
        await Promise.all(batch.filter((x) => x.code === null).map((s) => intake(retry, api!.origin, s)));
        retry.close();
        console.log(
          `run ${run}: killed after ${acknowledged} of ${INTAKES} acknowledged (${seconds()} s since the start)`,
        );
      }

      // Every key made exactly one dossier, under the code it answered with.
      const codes = sent.map((s) => s.code!);
      assert.equal(new Set(codes).size, sent.length, 'one dossier per request');
      const rows = await db
        .selectFrom('dossiers')
        .select(['dossier_id', 'code', 'receiving_agency_id'])
        .execute();
      assert.deepEqual(
        rows.map((r) => r.code).sort(),
        [...codes].sort(),
        'every dossier acknowledged, no other',
      );

      // Per desk and day, codes 1 … n and the counter at n.
      const byPrefix = new Map<string, number[]>();
      for (const { code } of rows) {
        const prefix = code.slice(0, -5);
        byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), Number(code.slice(-4))]);
      }
      const counters = await db
        .selectFrom('dossier_code_counters as c')
        .innerJoin('agencies as a', 'a.agency_id', 'c.agency_id')
        .select(['a.code', 'c.day', 'c.last_value'])
        .execute();
      const counterOf = new Map(
        counters.map((c) => [`${c.code}-${c.day.slice(2).replace(/-/g, '')}`, Number(c.last_value)]),
      );
      for (const [prefix, seqs] of byPrefix) {
        const sorted = seqs.sort((a, b) => a - b);
        assert.deepEqual(
          sorted,
          Array.from({ length: sorted.length }, (_, i) => i + 1),
          `${prefix}: no gap, no duplicate`,
        );
        assert.equal(counterOf.get(prefix), sorted.length, `${prefix}: the counter stands at the last code`);
      }

      // Each dossier's action, audit entry and outbox messages.
      const missing = await sql<{ code: string; what: string }>`
        SELECT d.code, 'action' AS what FROM dossiers d
          WHERE NOT EXISTS (SELECT 1 FROM dossier_actions x WHERE x.dossier_id = d.dossier_id)
        UNION ALL SELECT d.code, 'audit' FROM dossiers d
          WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.entity_type = 'dossier' AND l.entity_id = d.code)
        UNION ALL SELECT d.code, 'portal message' FROM dossiers d
          WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.topic = ${PORTAL_STATUS_TOPIC} AND o.ordering_key = d.code)`.execute(
        db,
      );
      assert.deepEqual(missing.rows, []);
      const verify = spawn(process.execPath, ['server/cli.ts', 'audit:verify'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'production',
          DATABASE_URL: database.url,
          SECRET_KEY: randomBytes(32).toString('hex'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let verifyOut = '';
      verify.stdout.on('data', (c: Buffer) => (verifyOut += c.toString()));
      verify.stderr.on('data', (c: Buffer) => (verifyOut += c.toString()));
      const verifyCode = await new Promise<number | null>((resolve) => verify.on('exit', resolve));
      assert.equal(verifyCode, 0, `audit:verify: ${verifyOut}`);

      // The worker drains; the portal holds every message once.
      const portalMessages = async () =>
        db
          .selectFrom('outbox')
          .select(['outbox_id', 'status'])
          .where('topic', '=', PORTAL_STATUS_TOPIC)
          .execute();
      const drainStart = Date.now();
      while ((await portalMessages()).some((m) => m.status !== 'delivered')) {
        assert.ok(Date.now() - drainStart < 60_000, 'the worker drains the outbox within a minute');
        await new Promise((r) => setTimeout(r, 100));
      }
      const receipts = await sim.receipts();
      assert.deepEqual(
        [...receipts.keys()].sort(),
        (await portalMessages()).map((m) => `motcua-${m.outbox_id}`).sort(),
        'the portal stored each message, once',
      );
      const stats = await sim.stats();
      console.log(
        `${sent.length} intakes, ${rows.length} dossiers, ${receipts.size} portal messages ` +
          `(${stats.duplicates} redelivered after the kills, stored once); ${seconds()} s`,
      );
    } finally {
      process.off('exit', orphans);
      await Promise.all([api?.stop(), worker?.stop()]);
      await rt.close();
      await sim.close();
      await database.drop();
    }
  },
);
