// Public dossier lookups per second through GET /api/v1/public/dossiers/:code on PostgreSQL, over
// loopback HTTP to the server as production runs it (bench/support/server.ts), 50 keep-alive
// connections, codes drawn (seeded) from a few thousand dossiers received first through the intake API.
// The route's per-IP limiter (30 a minute) stays on: the server trusts its reverse proxy, and every
// request comes as a different citizen (X-Forwarded-For), as a public portal's traffic does.
// Raw ceiling in the same run, same codes, same concurrency: the lookup's SELECT for one code, through
// pg directly (one pooled connection per worker), as unnamed and as named statements. The server sends
// the same SELECT for all the codes asked in one event-loop turn (server/db/coalesce.ts), so its figure
// can pass the ceiling's: the ceiling is what a straightforward client of the same database gets.
// Run: node bench/lookup.ts [lookups=10000] [dossiers=2000]
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { createBenchDatabase, describeRun } from './support/postgres.ts';
import { startServer } from './support/server.ts';
import { openBenchRuntime, prepareDesks, intakeBody } from './support/desks.ts';
import {
  fmtMs,
  fmtRatio,
  fmtRun,
  httpClient,
  leanHttpClient,
  runClosedLoop,
  seededRandom,
} from './support/load.ts';
import { cpuMeter } from './support/cpu.ts';

const lookups = Number(process.argv[2] ?? 10_000);
const dossierCount = Number(process.argv[3] ?? 2000);
const CONNECTIONS = 50;
const DESKS = 8;
const TARGET = 0.5;
const TARGET_P99_MS = 25;
const seed = Number(process.env.BENCH_SEED ?? Date.now() % 2 ** 31);

// publicLookup's read (server/modules/dossiers/views/public-lookup.ts) for one code.
const SELECT_PUBLIC =
  `select "d"."code", "d"."procedure_code", "v"."name" as "procedure_name", ` +
  `"ra"."name" as "receiving_name", "ca"."name" as "competent_name", d.state->>'status' as "status", ` +
  `d.applicant->>'fullName' as "applicant_name", d.applicant->>'idNumber' as "applicant_id_number", ` +
  `d.applicant->>'phone' as "applicant_phone", "d"."received_at", "d"."due_at", "d"."extended_due_at", ` +
  `"d"."returned_at" from "dossiers" as "d" ` +
  `inner join "procedure_versions" as "v" on "v"."procedure_version_id" = "d"."procedure_version_id" ` +
  `inner join "agencies" as "ra" on "ra"."agency_id" = "d"."receiving_agency_id" ` +
  `inner join "agencies" as "ca" on "ca"."agency_id" = "d"."competent_agency_id" where "d"."code" = $1`;

async function rawLookup(pool: pg.Pool, code: string) {
  if ((await pool.query(SELECT_PUBLIC, [code])).rowCount !== 1) throw new Error(`no dossier ${code}`);
}

/** The same as a named statement: parsed and planned once per connection, as the server now sends it. */
async function rawLookupNamed(pool: pg.Pool, code: string) {
  const q = { name: 'public-lookup', text: SELECT_PUBLIC, values: [code] };
  if ((await pool.query(q)).rowCount !== 1) throw new Error(`no dossier ${code}`);
}

const started = new Date();
const db = await createBenchDatabase();
const server = await startServer(db.url);
const rt = await openBenchRuntime(db.url);
const client = httpClient(server.origin, CONNECTIONS);
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
  console.log(`lookup bench ${started.toISOString()}: ${await describeRun(db.url)}; seed ${seed}`);
  // The dossiers: received at 8 desks through the API; one in ten lacks a paper and awaits a supplement.
  const desks = await prepareDesks(rt, client, DESKS);
  const made = await runClosedLoop(16, dossierCount, async (i) => {
    const desk = desks[i % desks.length]!;
    const res = await client.request(
      'POST',
      '/api/v1/dossiers',
      { cookie: desk.cookie, origin: server.origin, 'idempotency-key': `bench-${tag}-${i}` },
      intakeBody(desk, i, i % 10 === 9),
    );
    if (res.status !== 201 && res.status !== 422)
      throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 200)}`);
  });
  if (made.errors > 0) throw new Error(`intake failed: ${made.firstError}`);
  const codes = (await rt.deps.db.selectFrom('dossiers').select('code').execute()).map((r) => r.code);
  console.log(`${codes.length} dossiers received in ${made.seconds.toFixed(1)} s`);
  // As pgbench does before a run: autovacuum and autoanalyze of the tables intake has just filled would
  // otherwise take the cores for tens of milliseconds at a time in the middle of the lookups.
  await sql`VACUUM ANALYZE`.execute(rt.deps.db);

  const random = seededRandom(seed);
  const pick = (n: number) => Array.from({ length: n }, () => codes[Math.floor(random() * codes.length)]!);
  let citizen = 0;
  // A different client address per request: 10.x.y.z, never reused within a run.
  const nextIp = () => {
    const n = ++citizen;
    return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  };
  const lean = leanHttpClient(server.origin, CONNECTIONS);
  const ask =
    process.env.BENCH_HTTP_CLIENT === 'node'
      ? (path: string, headers: Record<string, string>) => client.request('GET', path, headers)
      : lean.get;
  const httpRun = (codesToAsk: string[]) =>
    runClosedLoop(CONNECTIONS, codesToAsk.length, async (i) => {
      const res = await ask(`/api/v1/public/dossiers/${codesToAsk[i]}`, { 'x-forwarded-for': nextIp() });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 200)}`);
    });
  const pool = new pg.Pool({ connectionString: db.url, max: CONNECTIONS });
  const rawRun = (codesToAsk: string[], lookup = rawLookup) =>
    runClosedLoop(CONNECTIONS, codesToAsk.length, (i) => lookup(pool, codesToAsk[i]!));

  // Warm-up of both sides (JIT, pools, the dossiers' pages in shared buffers).
  const warm = await httpRun(pick(2000));
  if (warm.errors > 0) throw new Error(`warm-up failed: ${warm.firstError}`);
  await rawRun(pick(2000));
  await rawRun(pick(2000), rawLookupNamed);

  const asked = pick(lookups);
  let from = await cpu.snapshot();
  const motcua = await httpRun(asked);
  const motcuaCpu = await cpu.since(from);
  from = await cpu.snapshot();
  const ceiling = await rawRun(asked);
  const ceilingCpu = await cpu.since(from);
  from = await cpu.snapshot();
  const named = await rawRun(asked, rawLookupNamed);
  const namedCpu = await cpu.since(from);
  await pool.end();

  const ratio = motcua.perSecond / ceiling.perSecond;
  const label = `lookup, ${CONNECTIONS} connections`;
  const pad = ''.padEnd(label.length);
  console.log(`${label} motcua ${fmtRun(motcua)}`);
  console.log(`${pad} raw pg ${fmtRun(ceiling)}`);
  console.log(`${pad} named  ${fmtRun(named)}   (raw pg, the SELECT as a named statement)`);
  const ratioOk = ratio >= TARGET;
  const p99Ok = motcua.p99 <= TARGET_P99_MS;
  console.log(
    `${pad} ratio  ${fmtRatio(ratio)}   target ≥ ${TARGET} × ceiling: ${ratioOk ? 'met' : 'MISSED'};` +
      ` p99 ${fmtMs(motcua.p99)}, target ≤ ${TARGET_P99_MS} ms: ${p99Ok ? 'met' : 'MISSED'}`,
  );
  if (cpu.available) {
    const per = (ms: number) => `${((ms / lookups) * 1000).toFixed(0)} µs`;
    console.log(
      `${pad} CPU per lookup: motcua server ${per(motcuaCpu.server)} + PostgreSQL ${per(motcuaCpu.database)}` +
        ` (load generator ${per(motcuaCpu.self)}); raw pg: PostgreSQL ${per(ceilingCpu.database)}` +
        ` + pg client ${per(ceilingCpu.self)}; named: PostgreSQL ${per(namedCpu.database)}` +
        ` + pg client ${per(namedCpu.self)}`,
    );
  }
  console.log(`load average ${os.loadavg()[0]!.toFixed(2)}`);
  if (!ratioOk || !p99Ok) console.log('target missed');
} finally {
  await cleanup();
}
