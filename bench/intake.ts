// Desk intakes per second through POST /api/v1/dossiers on PostgreSQL, over loopback HTTP to the
// server as production runs it (bench/support/server.ts), at 16 and 50 connections, with one desk (one
// code-counter row) and with several desks. Each intake is the journeys' birth registration at a ward,
// complete, so it is received (201) with an Idempotency-Key.
// Raw ceiling in the same run, same concurrency, same desks: the rows one intake leaves (code counter
// upsert, dossier, dossier_agencies, the action, two outbox messages, the hash-chained audit entry
// on the receiving agency's chain under its head's lock, the idempotency record), with the same column values, written through pg
// directly in one transaction per intake — without the reads intake does first (session, procedure,
// offering, workflow, validation) or the view it answers with.
// Issue #20's ceiling, also in the same run at the same concurrency: transactions of two single-row
// inserts into a plain table through pg (BEGIN, INSERT, INSERT, COMMIT), what PostgreSQL can commit at
// all on this machine; the issue asks for intake at 8 desks × 16 connections ≥ 0.15 × it.
// CPU per intake: the server process and the bench database's PostgreSQL backends, read from /proc.
// Statements per intake: counted in process (bench/support/statements.ts) on an app built on the bench's
// own handle, the same code the child server runs.
// Issue #20's case is measured in rounds (--rounds, 5 by default): intake then the two-insert ceiling,
// back to back, each round's ratio printed; the figure is the median round's. The ceiling is bound by
// the disk's flush time, which moves by a third between runs on this machine, so one pair of runs is
// not a measure; adjacent pairs, and their median, are.
// Run: node bench/intake.ts [requests per case=600] [desks for the multi-desk cases=8]
//        [--cases=1x16,8x16,1x50,8x50] (desks × connections; --cases=8x16 runs issue #20's case only)
//        [--rounds=5] (rounds of issue #20's case)
//        [--no-report-counts] (the report-count triggers off on the bench's database: what keeping
//        the report counts costs an intake, measured by bench/reports.ts both ways; with them on, the
//        deltas the intakes append are folded at the end of each timed run, inside its CPU window)
import os from 'node:os';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { atText, entryHash, verifyAuditChain } from '../server/platform/audit.ts';
import { createBenchDatabase, describeRun } from './support/postgres.ts';
import { startServer } from './support/server.ts';
import { openBenchRuntime, prepareDesks, intakeBody, type Desk } from './support/desks.ts';
import { fmtRatio, fmtRun, httpClient, runClosedLoop, type RunResult } from './support/load.ts';
import { cpuMeter } from './support/cpu.ts';
import { countStatements, injectLogin } from './support/statements.ts';
import { buildApp } from '../server/app.ts';
import { setReportTriggers } from './support/report-triggers.ts';
import { foldReportDeltas } from '../server/modules/reports/index.ts';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flag = (name: string) =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);
const requests = Number(positional[0] ?? 600);
const multiDesks = Number(positional[1] ?? 8);
const CASES = (flag('cases') ?? '1x16,8x16,1x50,8x50').split(',').map((c) => {
  const [d, n] = c.split('x').map(Number);
  if (!(d === 1 || d === multiDesks) || !n) throw new Error(`--cases: ${c} is not 1xN or ${multiDesks}xN`);
  return { deskCount: d, concurrency: n };
});
const CONCURRENCY = [...new Set(CASES.map((c) => c.concurrency))];
const ROUNDS = Number(flag('rounds') ?? 5);
const REPORT_COUNTS = !process.argv.includes('--no-report-counts');
if (!(ROUNDS >= 1)) throw new Error('--rounds: at least 1');
const TARGET = 0.5;
// Issue #20: intake at 8 desks × 16 connections ≥ 0.15 × two single-row inserts per transaction.
const PAIR_TARGET = 0.15;
const PAIR_TABLE = 'bench_pair';
// A desk's code counter allows 9,999 dossiers a day; the single desk takes 2 cases and a share of the
// warm-up (the ceiling's rows go to days of their own).
if (requests * 2 + 1500 / multiDesks > 9_999)
  throw new Error('at most 4,900 requests per case (one desk, one day)');
if ((requests * (ROUNDS + 3) + 1500) / multiDesks > 9_999)
  throw new Error('too many requests per desk and day');

type Template = {
  desk: Desk;
  userId: string;
  insertDossier: string;
  dossierValues: unknown[];
  codeIndex: number;
  nowIndexes: number[];
  agencies: string[];
  insertAction: string;
  actionValues: unknown[];
  actionDossierIndex: number;
  actionAtIndex: number;
  outbox: { topic: string; payload: Record<string, unknown> }[];
  audit: { action: string; label: string; details: Record<string, unknown> };
  response: string;
};

const asParam = (v: unknown) =>
  v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v;

/** The rows the server wrote for one received dossier of this desk, as parameterised inserts. */
async function captureTemplate(pool: pg.Pool, desk: Desk): Promise<Template> {
  const d = (
    await pool.query<Record<string, unknown>>(
      `SELECT * FROM dossiers WHERE receiving_agency_id = $1 AND status = 'received' ORDER BY dossier_id LIMIT 1`,
      [desk.agencyId],
    )
  ).rows[0]!;
  const dossierCols = Object.keys(d).filter((c) => c !== 'dossier_id');
  const a = (
    await pool.query<Record<string, unknown>>(`SELECT * FROM dossier_actions WHERE dossier_id = $1`, [
      d.dossier_id,
    ])
  ).rows[0]!;
  const actionCols = Object.keys(a).filter((c) => c !== 'dossier_action_id');
  const agencies = (
    await pool.query<{ agency_id: string }>(`SELECT agency_id FROM dossier_agencies WHERE dossier_id = $1`, [
      d.dossier_id,
    ])
  ).rows.map((r) => r.agency_id);
  const outbox = (
    await pool.query<{ topic: string; payload: Record<string, unknown> }>(
      `SELECT topic, payload FROM outbox WHERE ordering_key = $1 ORDER BY outbox_id`,
      [d.code],
    )
  ).rows;
  const audit = (
    await pool.query<{ action: string; actor_label: string; details: Record<string, unknown> }>(
      `SELECT action, actor_label, details FROM audit_log WHERE entity_id = $1`,
      [d.code],
    )
  ).rows[0]!;
  const idem = (
    await pool.query<{ response: unknown }>(
      `SELECT response FROM idempotency_keys WHERE response->>'code' = $1`,
      [d.code],
    )
  ).rows[0]!;
  const placeholders = (n: number) => Array.from({ length: n }, (_x, i) => `$${i + 1}`).join(', ');
  return {
    desk,
    userId: String(d.created_by),
    insertDossier: `INSERT INTO dossiers (${dossierCols.join(', ')}) VALUES (${placeholders(dossierCols.length)}) RETURNING dossier_id`,
    dossierValues: dossierCols.map((c) => asParam(d[c])),
    codeIndex: dossierCols.indexOf('code'),
    nowIndexes: ['submitted_at', 'received_at', 'updated_at'].map((c) => dossierCols.indexOf(c)),
    agencies,
    insertAction: `INSERT INTO dossier_actions (${actionCols.join(', ')}) VALUES (${placeholders(actionCols.length)})`,
    actionValues: actionCols.map((c) => asParam(a[c])),
    actionDossierIndex: actionCols.indexOf('dossier_id'),
    actionAtIndex: actionCols.indexOf('at'),
    outbox,
    audit: { action: audit.action, label: audit.actor_label, details: audit.details },
    response: JSON.stringify(idem.response),
  };
}

/** One intake's rows through pg in one transaction, in the server's order (the audit chain last, as its
 * lock is held until commit), with no read and one statement per table. */
async function rawIntake(pool: pg.Pool, t: Template, day: { iso: string; yymmdd: string }, key: string) {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const counter = await c.query<{ last_value: number }>(
      `INSERT INTO dossier_code_counters (agency_id, day, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, day) DO UPDATE SET last_value = dossier_code_counters.last_value + 1
       RETURNING last_value`,
      [t.desk.agencyId, day.iso],
    );
    const code = `${t.desk.agencyCode}-${day.yymmdd}-${String(counter.rows[0]!.last_value).padStart(4, '0')}`;
    const now = new Date();
    const values = [...t.dossierValues];
    values[t.codeIndex] = code;
    for (const i of t.nowIndexes) values[i] = now;
    const id = (await c.query<{ dossier_id: string }>(t.insertDossier, values)).rows[0]!.dossier_id;
    await c.query(`INSERT INTO dossier_agencies (dossier_id, agency_id) SELECT $1, unnest($2::bigint[])`, [
      id,
      t.agencies,
    ]);
    const action = [...t.actionValues];
    action[t.actionDossierIndex] = id;
    action[t.actionAtIndex] = now;
    await c.query(t.insertAction, action);
    const n = t.outbox.length;
    const rows = t.outbox.map(
      (_o, i) => `($${2 * i + 1}, $${2 * i + 2}, $${2 * n + 1}, $${2 * n + 2}, $${2 * n + 2})`,
    );
    await c.query(
      `INSERT INTO outbox (topic, payload, ordering_key, available_at, created_at) VALUES ${rows.join(', ')}`,
      [...t.outbox.flatMap((o) => [o.topic, JSON.stringify({ ...o.payload, dossierCode: code })]), code, now],
    );
    await c.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response, created_at) VALUES ($1, $2, $3, 201, $4, $5)`,
      [`staff:${t.userId}:intake`, key, createHash('sha256').update(key).digest('hex'), t.response, now],
    );
    // As server/platform/audit.ts: lock the chain's head, hash onto it, append through audit_append().
    const chain = t.desk.agencyId;
    const head = await c.query<{ length: string; head_hash: string }>(
      'SELECT length, head_hash FROM audit_chain_head($1)',
      [chain],
    );
    const { length, head_hash: prevHash } = head.rows[0]!;
    const entry = {
      chainKey: chain,
      seq: Number(length) + 1,
      at: atText(now),
      actorUserId: t.userId,
      actorLabel: t.audit.label,
      action: t.audit.action,
      entityType: 'dossier',
      entityId: code,
      details: t.audit.details,
      requestId: randomUUID(),
    };
    await c.query('SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)', [
      chain,
      entry.seq,
      now,
      t.userId,
      entry.actorLabel,
      entry.action,
      'dossier',
      code,
      JSON.stringify(entry.details),
      entry.requestId,
      prevHash,
      entryHash(prevHash, entry),
    ]);
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    c.release();
  }
}

/** Issue #20's ceiling: one transaction of two single-row inserts into a plain table. */
async function rawPair(pool: pg.Pool, i: number) {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query(`INSERT INTO ${PAIR_TABLE} (k, v) VALUES ($1, $2)`, [i, 'a']);
    await c.query(`INSERT INTO ${PAIR_TABLE} (k, v) VALUES ($1, $2)`, [i, 'b']);
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    c.release();
  }
}

/** The statements one desk intake sends (the last of 3, after warm caches), on an in-process app. */
async function statementsPerIntake(desk: Desk) {
  const app = await buildApp(rt.deps);
  try {
    const cookie = await injectLogin(app, desk.username);
    return await countStatements(async (i) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/dossiers',
        headers: {
          cookie,
          'sec-fetch-site': 'same-origin',
          'idempotency-key': `bench-count-${tag}-${i}`,
          'content-type': 'application/json',
        },
        payload: intakeBody(desk, 900_000 + i),
      });
      if (res.statusCode !== 201) throw new Error(`HTTP ${res.statusCode}: ${res.body.slice(0, 200)}`);
    });
  } finally {
    await app.close();
  }
}

const started = new Date();
const db = await createBenchDatabase();
const server = await startServer(db.url);
const rt = await openBenchRuntime(db.url);
const client = httpClient(server.origin, Math.max(...CONCURRENCY));
const cpu = cpuMeter(db.url, db.name, server.pid);
const tag = randomBytes(4).toString('hex');
let cleaned: Promise<void> | null = null;
const cleanup = () =>
  (cleaned ??= (async () => {
    client.close();
    await rt.close();
    await server.stop();
    await db.drop();
  })());
process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
try {
  console.log(`intake bench ${started.toISOString()}: ${await describeRun(db.url)}`);
  if (!REPORT_COUNTS) await setReportTriggers(rt.deps.db, false);
  console.log(
    REPORT_COUNTS
      ? 'report counts: kept by their triggers (as deployed)'
      : 'report counts: OFF (--no-report-counts: the report-count triggers disabled on this database)',
  );
  const desks = await prepareDesks(rt, client, multiDesks);
  {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await c.query(
      `CREATE TABLE ${PAIR_TABLE} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, k bigint NOT NULL, v text NOT NULL)`,
    );
    await c.end();
  }
  const post = (desk: Desk, i: number, body: string) =>
    client.request(
      'POST',
      '/api/v1/dossiers',
      { cookie: desk.cookie, origin: server.origin, 'idempotency-key': `bench-${tag}-${i}` },
      body,
    );
  let serial = 0;
  const intakeRun = async (concurrency: number, deskCount: number, n: number) => {
    const base = serial;
    serial += n;
    const bodies = Array.from({ length: n }, (_x, i) => intakeBody(desks[i % deskCount]!, base + i));
    const run = await runClosedLoop(concurrency, n, async (i) => {
      const res = await post(desks[i % deskCount]!, base + i, bodies[i]!);
      if (res.status !== 201) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 200)}`);
    });
    // The worker's share of keeping the report counts: folding the deltas these intakes appended
    // (after the timed loop, inside the CPU window the caller measures).
    if (REPORT_COUNTS) await foldReportDeltas(rt.deps);
    return run;
  };
  /** Folds what earlier writes (the ceilings' rows too) appended, before a CPU window opens. */
  const settle = async () => {
    if (REPORT_COUNTS) await foldReportDeltas(rt.deps);
  };
  // Warm-up: JIT (the server keeps getting faster over its first thousand or so intakes), pools,
  // caches; and one received dossier per desk to copy the ceiling's rows from.
  const warm = await intakeRun(16, desks.length, Math.max(1500, desks.length * 4));
  if (warm.errors > 0) throw new Error(`warm-up failed: ${warm.firstError}`);

  const counted = await statementsPerIntake(desks[0]!);
  console.log(`statements per desk intake: ${counted.statements}`);
  if (process.env.BENCH_SHOW_STATEMENTS)
    for (const t of counted.texts) console.log(`  ${t.replace(/\s+/g, ' ').slice(0, 160)}`);
  if (process.env.BENCH_SHOW_STATEMENTS)
    for (const t of counted.texts) console.log(`  ${t.replace(/\s+/g, ' ')}`);

  const results: { label: string; motcua: RunResult; ceiling: RunResult; pair: RunResult }[] = [];
  const issue: string[] = [];
  const perRequest = (ms: number) => `${(ms / requests).toFixed(2)} ms`;
  let caseNo = 0;
  for (const concurrency of CONCURRENCY) {
    const pool = new pg.Pool({ connectionString: db.url, max: concurrency });
    const templates = await Promise.all(desks.map((d) => captureTemplate(pool, d)));
    for (const deskCount of [1, desks.length]) {
      caseNo++;
      if (!CASES.some((c) => c.deskCount === deskCount && c.concurrency === concurrency)) continue;
      const label = `${deskCount} desk${deskCount > 1 ? 's' : ''}, ${concurrency} connections`;
      await settle();
      let from = await cpu.snapshot();
      const motcua = await intakeRun(concurrency, deskCount, requests);
      const motcuaCpu = await cpu.since(from);
      // The ceiling's codes go to a day of their own per case: same counter-row contention, no clash.
      const day = {
        iso: `2000-01-${String(caseNo).padStart(2, '0')}`,
        yymmdd: `0001${String(caseNo).padStart(2, '0')}`,
      };
      from = await cpu.snapshot();
      const ceiling = await runClosedLoop(concurrency, requests, (i) =>
        rawIntake(pool, templates[i % deskCount]!, day, `bench-raw-${tag}-${caseNo}-${i}`),
      );
      const ceilingCpu = await cpu.since(from);
      from = await cpu.snapshot();
      const pair = await runClosedLoop(concurrency, requests * 2, (i) => rawPair(pool, i));
      const pairCpu = await cpu.since(from);
      results.push({ label, motcua, ceiling, pair });
      const ratio = motcua.perSecond / ceiling.perSecond;
      const pairRatio = motcua.perSecond / pair.perSecond;
      const pad = ''.padEnd(26);
      console.log(`${label.padEnd(26)} motcua ${fmtRun(motcua)}`);
      console.log(`${pad} raw pg ${fmtRun(ceiling)}`);
      console.log(`${pad} 2 ins  ${fmtRun(pair)}`);
      console.log(
        `${pad} ratio  ${fmtRatio(ratio)}   target ≥ ${TARGET} × ceiling: ${ratio >= TARGET ? 'met' : 'MISSED'}`,
      );
      console.log(
        `${pad} ratio to 2 inserts ${fmtRatio(pairRatio)}` +
          (deskCount > 1 && concurrency === 16
            ? `   issue #20 target ≥ ${PAIR_TARGET}: ${pairRatio >= PAIR_TARGET ? 'met' : 'MISSED'}`
            : ''),
      );
      if (deskCount > 1 && concurrency === 16) {
        // Issue #20's case: more rounds of intake then two-insert transactions, back to back.
        const rounds = [{ motcua, pair, motcuaCpu }];
        for (let r = 1; r < ROUNDS; r++) {
          await settle();
          const f = await cpu.snapshot();
          const m = await intakeRun(concurrency, deskCount, requests);
          const mCpu = await cpu.since(f);
          const p = await runClosedLoop(concurrency, requests * 2, (i) => rawPair(pool, i));
          rounds.push({ motcua: m, pair: p, motcuaCpu: mCpu });
        }
        const ratios = rounds.map((r) => r.motcua.perSecond / r.pair.perSecond);
        const order = ratios.map((_r, i) => i).sort((a, b) => ratios[a]! - ratios[b]!);
        const mid = order[Math.floor(order.length / 2)]!;
        const median = rounds[mid]!;
        const medianRatio = ratios[mid]!;
        rounds.forEach((r, i) =>
          console.log(
            `${pad} round ${i + 1}: ${r.motcua.perSecond.toFixed(0)} intakes/s, ${r.pair.perSecond.toFixed(0)}/s two-insert, ratio ${ratios[i]!.toFixed(3)}` +
              (cpu.available
                ? `; CPU per intake ${((r.motcuaCpu.server + r.motcuaCpu.database) / requests).toFixed(2)} ms` +
                  ` (server ${(r.motcuaCpu.server / requests).toFixed(2)} + PostgreSQL ${(r.motcuaCpu.database / requests).toFixed(2)})`
                : ''),
          ),
        );
        const met = medianRatio >= PAIR_TARGET ? 'met' : 'MISSED';
        const perIntake = (median.motcuaCpu.server + median.motcuaCpu.database) / requests;
        issue.push(
          `issue #20 (${label}), median of ${rounds.length} rounds (round ${mid + 1}): ${median.motcua.perSecond.toFixed(0)} intakes/s against ${median.pair.perSecond.toFixed(0)}/s ` +
            `two-insert transactions = ${medianRatio.toFixed(3)} (target ≥ ${PAIR_TARGET}: ${met}; rounds ${ratios.map((r) => r.toFixed(3)).join(', ')})` +
            (cpu.available
              ? `; CPU per intake ${perIntake.toFixed(2)} ms (server ${perRequest(median.motcuaCpu.server)} + PostgreSQL ${perRequest(median.motcuaCpu.database)}),` +
                ` per two-insert transaction ${(pairCpu.database / (requests * 2)).toFixed(2)} ms PostgreSQL` +
                `; ${counted.statements} statements per intake`
              : ''),
        );
      }
      if (cpu.available) {
        console.log(
          `${pad} CPU per intake: motcua server ${perRequest(motcuaCpu.server)} + PostgreSQL ${perRequest(motcuaCpu.database)}` +
            ` (load generator ${perRequest(motcuaCpu.self)}); raw pg: PostgreSQL ${perRequest(ceilingCpu.database)}` +
            ` + pg client ${perRequest(ceilingCpu.self)}`,
        );
      }
    }
    await pool.end();
  }
  const chain = await verifyAuditChain(rt.deps.db);
  const dossiers = await rt.deps.db
    .selectFrom('dossiers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const audit = chain.ok
    ? `intact over ${chain.checked} entries in ${chain.chains} chains`
    : `BROKEN: ${chain.problems.map((p) => `${p.chain}: ${p.reason}`).join('; ')}`;
  console.log(
    `checks: ${dossiers.n} dossiers, audit chain ${audit}; load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  for (const line of issue) console.log(line);
  const missed = results.filter((r) => r.motcua.perSecond / r.ceiling.perSecond < TARGET);
  if (missed.length > 0) console.log(`target missed in: ${missed.map((r) => r.label).join('; ')}`);
} finally {
  await cleanup();
}
