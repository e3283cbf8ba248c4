// The officers' worklists at scale (issue 14) on PostgreSQL: a database of realistic dossiers
// (bench/support/generate-dossiers.ts: 1,000,000 by default) across the demo provinces' people's
// committees, the server as production runs it (bench/support/server.ts) over loopback HTTP, 50
// concurrent sessions in a closed loop, four requests an officer's day is made of:
//   - the desk's default worklist (the worklist page's first request, as the desk officer of a ward),
//   - the leader's default worklist (the same, as the city's leader: every commune below in reach —
//     on the two-level map in force since 1/7/2025 the province is the only level above the communes),
//   - a search by applicant name (the city's leader, a name of a dossier in reach),
//   - the dossier page (GET /api/v1/dossiers/:code, as the desk officer of the dossier's ward).
// Raw ceiling in the same run at the same concurrency: the statements the server sends for each of
// these requests, captured in process with their parameters (bench/support/statements.ts, on an app
// built on the bench's own handle: the same code the child server runs), replayed through pg directly,
// one request's statements one after another on one pooled connection. Nothing here names the SQL:
// whatever the worklist queries become, the ceiling is theirs.
// Two loads per case:
//   - 50 officers at work: 50 signed-in sessions, each asking again 0.5–1.5 s (uniform, seeded) after
//     its last answer came (reading it) — the latency an officer gets while 49 others work beside them:
//     its p95 is held to ≤ 100 ms (issue 14).
//   - saturated: the same 50 sessions asking again the moment an answer comes (no reading), against
//     the raw ceiling driven the same way: the throughput ratio is held to ≥ 0.5 (issue 14). Its p95 is
//     printed too; it is 50 ÷ the throughput, whatever the code (on 2 cores, ≤ 100 ms would need ≥ 500
//     requests a second of each kind, more than the raw ceiling reaches for some).
// Target (issue 14): each p95 at work ≤ 100 ms, and each throughput ≥ 0.5 × its ceiling.
// Run: node bench/worklist.ts [dossiers=1000000] [requests per case=2000]
// BENCH_DATABASE=bench_keep_<name>: the generated database is kept under that name and reused by the next
// run with the same name (generating 1,000,000 dossiers takes minutes); drop it when done.
import os from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { createBenchDatabase, describeRun, keptBenchDatabase } from './support/postgres.ts';
import { startServer } from './support/server.ts';
import { openBenchRuntime } from './support/desks.ts';
import {
  fmtMs,
  fmtRatio,
  fmtRun,
  httpClient,
  runClosedLoop,
  seededRandom,
  type RunResult,
} from './support/load.ts';
import { captureStatements, injectLogin, type CapturedStatement } from './support/statements.ts';
import { generateDossiers } from './support/generate-dossiers.ts';

const dossierCount = Number(process.argv[2] ?? 1_000_000);
const requests = Number(process.argv[3] ?? 2000);
const SESSIONS = 50;
const TARGET_P95_MS = 100;
const TARGET_RATIO = 0.5;
/** How long an officer reads an answer before asking again: 0.5–1.5 s. */
const THINK_MS: [number, number] = [500, 1500];
/** Distinct requests of each case whose statements are captured for the ceiling. */
const CAPTURED = 50;
/** What the worklist page asks first (web/features/dossiers/worklist-page.tsx and dossiers-api.ts). */
const DEFAULT_WORKLIST = '/api/v1/dossiers?list=agency&page=1&pageSize=20';
/**
 * Leaders with units below them: on the two-level map only a province's committee has any. The demo's
 * is leader.hoan-kiem (the former Quận Hoàn Kiếm's account, at UBND Thành phố Hà Nội since 1/7/2025),
 * with every ward and commune of Hà Nội in reach.
 */
const CITY_LEADERS = ['leader.hoan-kiem'];
const seed = Number(process.env.BENCH_SEED ?? Date.now() % 2 ** 31);

type Sample = { username: string; path: string };
type Case = { name: string; samples: Sample[] };

const started = new Date();
const kept = process.env.BENCH_DATABASE;
const db = kept ? await keptBenchDatabase(kept) : { ...(await createBenchDatabase()), fresh: true };
// A kept database gets the migrations added since it was generated.
const rt = await openBenchRuntime(db.url, !db.fresh);
let server: Awaited<ReturnType<typeof startServer>> | null = null;
let client: ReturnType<typeof httpClient> | null = null;
let cleaned: Promise<void> | null = null;
const cleanup = () =>
  (cleaned ??= (async () => {
    client?.close();
    await rt.close();
    await server?.stop();
    await db.drop();
  })());
process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

try {
  console.log(`worklist bench ${started.toISOString()}: ${await describeRun(db.url)}; seed ${seed}`);
  const gen = db.fresh
    ? await generateDossiers(rt.deps, { count: dossierCount, now: new Date(), seed })
    : null;
  await sql`VACUUM ANALYZE`.execute(rt.deps.db);
  const total = await sql<{ n: string }>`SELECT count(*) AS n FROM dossiers`.execute(rt.deps.db);
  console.log(
    `${Number(total.rows[0]!.n).toLocaleString('en-US')} dossiers (` +
      (gen
        ? `${gen.dossiers.toLocaleString('en-US')} generated in ${gen.seconds.toFixed(0)} s`
        : `kept in ${db.name} from an earlier run`) +
      `), ${await tableSize()} on disk with indexes`,
  );

  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  // The desks: one desk officer at each of 50 wards (the demo's where it has one).
  const desks = (
    await sql<{ username: string; agency_id: string }>`
      SELECT DISTINCT ON (r.agency_id) u.username, r.agency_id FROM user_roles r JOIN users u ON u.user_id = r.user_id
       WHERE r.role = 'desk-officer' AND EXISTS (SELECT 1 FROM dossiers d WHERE d.receiving_agency_id = r.agency_id)
       ORDER BY r.agency_id, u.username LIMIT ${SESSIONS}`.execute(rt.deps.db)
  ).rows;
  const codesOf = new Map<string, string[]>();
  for (const d of desks) {
    const codes = await sql<{
      code: string;
    }>`SELECT code FROM dossiers WHERE receiving_agency_id = ${d.agency_id}
      ORDER BY hashtext(code || ${String(seed)}) LIMIT 20`.execute(rt.deps.db);
    codesOf.set(
      d.username,
      codes.rows.map((r) => r.code),
    );
  }
  // Names to search for: applicants of dossiers in each city leader's reach.
  const namesOf = new Map<string, string[]>();
  for (const leader of CITY_LEADERS) {
    const names = await sql<{ name: string }>`
      SELECT d.applicant->>'fullName' AS name FROM dossiers d
       WHERE d.receiving_agency_id IN (SELECT a.agency_id FROM agencies a JOIN units u ON u.unit_id = a.unit_id
          WHERE u.path LIKE (SELECT un.path || '%' FROM user_roles r JOIN users us ON us.user_id = r.user_id
            JOIN agencies ag ON ag.agency_id = r.agency_id JOIN units un ON un.unit_id = ag.unit_id
           WHERE us.username = ${leader} LIMIT 1))
       ORDER BY hashtext(d.code || ${String(seed)}) LIMIT 20`.execute(rt.deps.db);
    namesOf.set(
      leader,
      names.rows.map((r) => r.name),
    );
  }
  const cases: Case[] = [
    {
      name: 'desk default worklist',
      samples: desks.map((d) => ({ username: d.username, path: DEFAULT_WORKLIST })),
    },
    {
      name: 'leader default worklist',
      samples: CITY_LEADERS.map((username) => ({ username, path: DEFAULT_WORKLIST })),
    },
    {
      name: 'search by applicant name',
      samples: Array.from({ length: CAPTURED }, (_, i) => {
        const username = CITY_LEADERS[i % CITY_LEADERS.length]!;
        const q = pick(namesOf.get(username)!);
        return {
          username,
          path: `/api/v1/dossiers?list=agency&q=${encodeURIComponent(q)}&page=1&pageSize=20`,
        };
      }),
    },
    {
      name: 'dossier page',
      samples: Array.from({ length: CAPTURED }, (_, i) => {
        const username = desks[i % desks.length]!.username;
        return { username, path: `/api/v1/dossiers/${encodeURIComponent(pick(codesOf.get(username)!))}` };
      }),
    },
  ];

  // The statements of each sample, captured in process.
  const app = await buildApp(rt.deps);
  const inProcess = new Map<string, string>();
  const captured = new Map<string, CapturedStatement[][]>();
  try {
    for (const c of cases) {
      const lists: CapturedStatement[][] = [];
      for (const s of c.samples.slice(0, CAPTURED)) {
        if (!inProcess.has(s.username)) inProcess.set(s.username, await injectLogin(app, s.username));
        const ask = () =>
          app.inject({ method: 'GET', url: s.path, headers: { cookie: inProcess.get(s.username)! } });
        await ask(); // warm: a first request may send statements later ones do not
        lists.push(
          await captureStatements(async () => {
            const res = await ask();
            if (res.statusCode !== 200)
              throw new Error(`${c.name} ${s.path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          }),
        );
      }
      captured.set(c.name, lists);
    }
  } finally {
    await app.close();
  }

  server = await startServer(db.url);
  client = httpClient(server.origin, SESSIONS);
  const http = client;
  // 50 sessions per kind of officer, signed in over HTTP.
  const sessions = new Map<string, string[]>();
  const signIn = async (username: string) => {
    const res = await http.request(
      'POST',
      '/api/v1/auth/login',
      {},
      JSON.stringify({ username, password: 'demo' }),
    );
    const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('motcua_session='));
    if (res.status !== 200 || !cookie) throw new Error(`login ${username}: ${res.status} ${res.body}`);
    sessions.set(username, [...(sessions.get(username) ?? []), cookie.split(';')[0]!]);
  };
  for (const d of desks) await signIn(d.username);
  for (let i = 0; i < SESSIONS; i++) await signIn(CITY_LEADERS[i % CITY_LEADERS.length]!);

  const thinking = seededRandom(seed + 1);
  const think = () => THINK_MS[0] + thinking() * (THINK_MS[1] - THINK_MS[0]);
  const httpRun = (c: Case, n: number, reading = false) =>
    runClosedLoop(
      SESSIONS,
      n,
      async (i) => {
        const s = c.samples[i % c.samples.length]!;
        const cookies = sessions.get(s.username)!;
        const res = await http.request('GET', s.path, {
          cookie: cookies[Math.floor(i / c.samples.length) % cookies.length]!,
        });
        if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 200)}`);
      },
      reading ? think : undefined,
    );
  const pool = new pg.Pool({ connectionString: db.url, max: SESSIONS });
  const rawRun = (c: Case, n: number) => {
    const lists = captured.get(c.name)!;
    return runClosedLoop(SESSIONS, n, async (i) => {
      const conn = await pool.connect();
      try {
        for (const st of lists[i % lists.length]!)
          await conn.query(
            st.name
              ? { name: st.name, text: st.text, values: st.values }
              : { text: st.text, values: st.values },
          );
      } finally {
        conn.release();
      }
    });
  };

  const results: {
    c: Case;
    atWork: RunResult;
    motcua: RunResult;
    raw: RunResult;
    statements: number;
  }[] = [];
  for (const c of cases) {
    await httpRun(c, Math.min(500, requests));
    await rawRun(c, Math.min(500, requests));
    // At work: about 50 requests a second; 20 per session.
    const atWork = await httpRun(c, SESSIONS * 20, true);
    const motcua = await httpRun(c, requests);
    const raw = await rawRun(c, requests);
    const lists = captured.get(c.name)!;
    results.push({
      c,
      atWork,
      motcua,
      raw,
      statements: lists.reduce((n, l) => n + l.length, 0) / lists.length,
    });
  }
  await pool.end();

  const load = os.loadavg()[0]!.toFixed(2);
  console.log(
    `\n${SESSIONS} sessions, ${requests} requests per case; ${Number(total.rows[0]!.n).toLocaleString('en-US')} dossiers`,
  );
  let pass = true;
  for (const r of results) {
    const ratio = r.motcua.perSecond / r.raw.perSecond;
    const ok =
      r.motcua.errors === 0 &&
      r.atWork.errors === 0 &&
      r.atWork.p95 <= TARGET_P95_MS &&
      ratio >= TARGET_RATIO;
    pass &&= ok;
    const label = r.c.name.padEnd(26);
    console.log(
      `${label} at work (50 sessions reading ${THINK_MS[0] / 1000}–${THINK_MS[1] / 1000} s between requests): ` +
        `${r.atWork.perSecond.toFixed(0)}/s  p50 ${fmtMs(r.atWork.p50)}  p95 ${fmtMs(r.atWork.p95)}  p99 ${fmtMs(r.atWork.p99)}`,
    );
    console.log(`${''.padEnd(26)} saturated:`);
    console.log(`${''.padEnd(26)} motcua ${fmtRun(r.motcua)}  p95 ${fmtMs(r.motcua.p95)}`);
    console.log(
      `${''.padEnd(26)} raw pg ${fmtRun(r.raw)}  p95 ${fmtMs(r.raw.p95)}  (${r.statements.toFixed(1)} statements a request)`,
    );
    console.log(
      `${''.padEnd(26)} ratio  ${fmtRatio(ratio)}   target p95 at work ≤ ${TARGET_P95_MS} ms and saturated ≥ ${TARGET_RATIO} × ceiling: ${ok ? 'PASS' : 'FAIL'}`,
    );
  }
  console.log(`load average ${load} (${os.cpus().length} cores)`);
  console.log(pass ? 'PASS' : 'FAIL');
} finally {
  await cleanup();
}

async function tableSize(): Promise<string> {
  const r = await sql<{
    s: string;
  }>`SELECT pg_size_pretty(pg_total_relation_size('dossiers') + pg_total_relation_size('dossier_actions')
    + pg_total_relation_size('dossier_agencies')) AS s`.execute(rt.deps.db);
  return `dossiers, actions and agencies ${r.rows[0]!.s}`;
}
