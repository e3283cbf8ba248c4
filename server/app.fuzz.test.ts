// A seeded fuzz of every route the app registers (routesOf: API, health, metrics, docs, OpenAPI), as an
// anonymous caller, a signed-in citizen and a staff member, with hostile input: NUL and lone surrogates,
// huge strings, wrong types, deep nesting, unknown fields, malformed JSON, bad percent-encoding and
// over-long path parameters (issue #20: findings 4, 5, 11, 12). Asserted:
// - no answer is a 5xx;
// - every error is the envelope { error: { code, message, requestId } };
// - a request that carries text the database cannot store, or a path the router refuses, is refused,
//   and such refused requests write nothing: no row in any table changes count and no file reaches the
//   file store;
// - refused writes in the second round (wrong types, unknown fields, …, no unstorable text) write nothing
//   either, route by route.
// Replay a failure with FUZZ_SEED=<seed> (printed at the start); FUZZ_ROUNDS scales the run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { createTestRuntime, type TestRuntime } from './test/db.ts';
import { loginAs, ORIGIN } from './test/http.ts';
import { signInCitizen, startTestIdp } from './test/citizen.ts';
import { testConfig } from './test/template.ts';
import { mulberry32 } from './test/random.ts';
import { routesOf, type RegisteredRoute } from './app.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_2026);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 4);

type Json = Record<string, unknown>;
type Actor = { name: string; headers: Record<string, string> };

let rt: TestRuntime;
let stopIdp: () => Promise<void>;
let actors: Actor[];

before(async () => {
  const started = await startTestIdp();
  stopIdp = () => started.idp.close();
  rt = await createTestRuntime({ config: started.config(testConfig(null).oidc) });
  console.log(`route fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${ROUNDS} rounds`);
});
/** The three callers, signed in afresh (a round ends by signing out). */
async function signIn(): Promise<void> {
  actors = [
    { name: 'anonymous', headers: {} },
    { name: 'citizen', headers: { cookie: await signInCitizen(rt.app, 'dev-001190012345'), origin: ORIGIN } },
    { name: 'staff', headers: { cookie: await loginAs(rt.app, 'demo-admin'), origin: ORIGIN } },
  ];
}

after(async () => {
  await rt.close();
  await stopIdp();
});

// ---- What the database and the file store hold -----------------------------------------------------

/**
 * The row counts of every table, once the imports an accepted request started have finished: an
 * import runs on after its 202 (POST /api/v1/imports/*), writing its report, so a later route's
 * refused requests would otherwise be blamed for its rows.
 */
async function rowCounts(): Promise<Record<string, number>> {
  for (let i = 0; i < 400; i++) {
    const running = await rt.deps.db
      .selectFrom('imports')
      .select('import_id')
      .where('state', '=', 'running')
      .executeTakeFirst();
    if (running === undefined) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(rt.deps.db);
  const counts = await sql<{ t: string; n: string }>`${sql.raw(
    tables.rows
      .map((t) => `SELECT '${t.table_name}' AS t, count(*) AS n FROM "${t.table_name}"`)
      .join(' UNION ALL '),
  )}`.execute(rt.deps.db);
  return Object.fromEntries(counts.rows.map((r) => [r.t, Number(r.n)]));
}

function storedFiles(): string[] {
  if (!fs.existsSync(rt.filesDir)) return [];
  return fs
    .readdirSync(rt.filesDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(rt.filesDir, f)).isFile());
}

/**
 * Tables that record a refused request by design: failed sign-ins (the lockout counts them) and the
 * payment platform's callbacks, kept as evidence even when refused (bounded by the payments module; the
 * callback takes its body as text, so an escaped \u0000 inside it is the callback's to refuse).
 */
const RECORDS_REFUSALS = new Set([
  'login_attempts',
  'login_failures',
  'sign_in_attempts',
  'payment_callbacks',
]);

function changedTables(
  before: Record<string, number>,
  after: Record<string, number>,
  allowed: ReadonlySet<string> = RECORDS_REFUSALS,
): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t] && !allowed.has(t));
}

// ---- Hostile input -------------------------------------------------------------------------------

const rand = mulberry32(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const chance = (p: number) => rand() < p;

/** Strings PostgreSQL cannot store: the edge must refuse each wherever it is. */
const UNSTORABLE = ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', 'Nguyễn\u0000', '\ude00\ud83d'];
/** Other hostile strings: each storable, but wrong somewhere. */
const ODD = [
  '',
  ' ',
  'x'.repeat(100_000),
  '😀'.repeat(3000),
  "'; DROP TABLE dossiers; --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\u202eevil',
  '1e309',
  '-1',
  '9'.repeat(400),
  '__proto__',
  'constructor',
];

function deep(levels: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < levels; i++) v = chance(0.5) ? { a: v } : [v];
  return v;
}

function oddValue(): unknown {
  return pick<() => unknown>([
    () => pick(ODD),
    () => null,
    () => true,
    () => 12345,
    () => -0.5,
    () => [],
    () => ({}),
    () => deep(40 + Math.floor(rand() * 100)),
    () => Array.from({ length: 2000 }, (_, i) => i),
    () => ({ zzUnknown: pick(ODD), nested: { zzUnknown: 1 } }),
  ])();
}

/** A path segment the router or the edge must refuse. */
const REFUSED_SEGMENTS = ['%00', 'a%00b', '%ED%A0%80', '%E0%A4%A', '%', 'A'.repeat(201), '%C0%AF'];

/** A valid value for a path parameter, so that the rest of the request is reached. */
function sampleParam(url: string, name: string): string {
  if (name === 'year') return '2026';
  if (name === 'code' && url.startsWith('/api/v1/procedures')) return '1.001193';
  if (name === 'code' && url.startsWith('/api/v1/agencies')) return '000.00.00.H26';
  if (name === 'agencyCode') return '000.00.00.H26';
  if (name === 'code' && url.startsWith('/api/v1/units')) return '01';
  if (name === 'code') return '000.12.22.H26-261120-0001';
  if (name === 'kind') return 'receipt';
  if (name === 'action') return 'accept';
  if (name === 'username') return 'desk.hang-trong';
  if (name === 'idNumber') return '001190012345';
  if (name === 'fileId' || name === 'id') return '00000000-0000-4000-8000-000000000000';
  if (name === '*') return 'index.html';
  return '1';
}

const paramsOf = (url: string) => [...url.matchAll(/:([A-Za-z0-9_]+)|\*/g)].map((m) => m[1] ?? '*');

function fillPath(url: string, hostile: boolean): string {
  const names = paramsOf(url);
  const bad = hostile && names.length > 0 ? pick(names) : null;
  return url.replace(/:([A-Za-z0-9_]+)|\*/g, (_m, name: string | undefined) => {
    const n = name ?? '*';
    if (n === bad) return pick(REFUSED_SEGMENTS);
    return chance(0.15)
      ? encodeURIComponent(pick(ODD).slice(0, 150))
      : encodeURIComponent(sampleParam(url, n));
  });
}

/** Percent-encodes text for a query string, lone surrogates included (as their UTF-8-like bytes). */
function encodeLoose(text: string): string {
  return [...text]
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      if (cp >= 0xd800 && cp <= 0xdfff) return '%ED%A0%80';
      return encodeURIComponent(ch);
    })
    .join('');
}

type Schemaish = { properties?: Record<string, unknown> } | undefined;
const propertiesOf = (s: unknown) => Object.keys((s as Schemaish)?.properties ?? {});

function query(route: RegisteredRoute, unstorable: boolean): string {
  const names = propertiesOf(route.schema?.querystring);
  const parts: string[] = [];
  // A URL cannot carry a lone surrogate (its bytes decode to U+FFFD): the query's unstorable text is NUL.
  if (unstorable) parts.push(`${pick([...names, 'zz'])}=${pick(['%00', 'a%00b', 'x%00%C3%A9'])}`);
  if (chance(0.5))
    parts.push(`${pick([...names, 'zzUnknown'])}=${encodeLoose(String(oddValue()).slice(0, 300))}`);
  if (chance(0.2)) parts.push('a[b][c]=1&a=2&a=3');
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** A body: JSON built from the route's body schema with hostile values, or malformed text. */
function body(route: RegisteredRoute, unstorable: boolean): { payload: string; type: string } {
  const names = propertiesOf(route.schema?.body);
  if (!unstorable && chance(0.15))
    return {
      payload: pick(['{"a":', '[1,2', 'null', '"x"', '{"__proto__":{"polluted":1}}']),
      type: 'application/json',
    };
  const obj: Json = {};
  for (const n of names) if (chance(0.6)) obj[n] = oddValue();
  if (chance(0.5)) obj[pick(['zzUnknown', 'zz\u00e9', 'formData'])] = oddValue();
  if (unstorable) {
    const target = names.length > 0 && chance(0.7) ? pick(names) : 'zzText';
    obj[target] = chance(0.5) ? pick(UNSTORABLE) : { nested: [pick(UNSTORABLE)] };
  }
  // JSON.stringify writes a lone surrogate as its \u escape, as a hostile client would.
  return { payload: JSON.stringify(obj), type: 'application/json' };
}

function hostileHeaders(): Record<string, string> {
  const h: Record<string, string> = {};
  if (chance(0.3)) h['if-match'] = pick(['abc', '-1', '99999999999999999999', 'x'.repeat(500)]);
  if (chance(0.3)) h['idempotency-key'] = pick(['x'.repeat(5000), '../..', 'ỉ-unicode', ' ']);
  if (chance(0.1)) h['x-request-id'] = '<script>';
  // Session cookies are decoded before any route runs: what they decode to must not reach a query raw.
  if (chance(0.1)) h.cookie = pick(['motcua_session=%00', 'motcua_citizen=a%ED%A0%80', 'motcua_session=%']);
  if (chance(0.05)) h.authorization = pick(['Bearer %00', 'Bearer ' + 'x'.repeat(5000), 'Basic Og==']);
  return h;
}

type Sent = { route: string; label: string; res: LightMyRequestResponse; mustRefuse: boolean };

async function send(route: RegisteredRoute, actor: Actor, unstorable: boolean): Promise<Sent> {
  const write = !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
  // Where the refusal must come from: a path the router or the edge refuses, or unstorable text.
  const where = unstorable ? pick(['path', 'query', ...(write ? ['body', 'body'] : [])]) : 'none';
  const hasParams = paramsOf(route.url).length > 0;
  const url =
    fillPath(route.url, where === 'path' && hasParams) +
    query(route, where === 'query' || (where === 'path' && !hasParams));
  const b = write ? body(route, where === 'body') : null;
  const res = await rt.app.inject({
    method: route.method as 'GET',
    url,
    headers: { ...actor.headers, ...hostileHeaders(), ...(b ? { 'content-type': b.type } : {}) },
    ...(b ? { payload: b.payload } : {}),
  });
  const label = `${actor.name} ${route.method} ${url.slice(0, 160)}${b ? ` ${b.payload.slice(0, 160)}` : ''}`;
  return { route: route.url, label, res, mustRefuse: unstorable };
}

/**
 * Routes that answer in another party's format by contract: the payment platform's callback answers
 * with its own fields (MaLoi, MoTaLoi …), whatever went wrong (still never a 5xx).
 */
const OWN_FORMAT = new Set(['/api/v1/payments/callback']);

function assertAnswer(s: Sent): void {
  const { res, label } = s;
  assert.ok(res.statusCode < 500, `${label}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  if (s.mustRefuse)
    assert.ok(
      res.statusCode >= 400,
      `${label}: a request carrying unstorable text was answered ${res.statusCode}`,
    );
  if (res.statusCode >= 400 && !OWN_FORMAT.has(s.route)) {
    let envelope: { error?: { code?: unknown; message?: unknown; requestId?: unknown } };
    try {
      envelope = res.json();
    } catch {
      assert.fail(`${label}: ${res.statusCode} is not JSON: ${res.body.slice(0, 200)}`);
    }
    assert.equal(typeof envelope.error?.code, 'string', `${label}: ${res.body.slice(0, 200)}`);
    assert.equal(typeof envelope.error?.message, 'string', label);
    assert.equal(typeof envelope.error?.requestId, 'string', `${label}: no requestId`);
  }
}

/** The routes to fuzz: every method of every route (HEAD as its GET); signing out last, as it ends the session. */
function fuzzedRoutes(): RegisteredRoute[] {
  const all = routesOf(rt.app).filter((r) => r.method !== 'HEAD');
  assert.ok(all.length >= 60, `${all.length} routes`);
  const endsSession = (r: RegisteredRoute) => /sign-out|logout/.test(r.url);
  return [...all.filter((r) => !endsSession(r)), ...all.filter(endsSession)];
}

test('#20.5 #20.12 every route, every caller: unstorable text and refused paths are 4xx in the envelope, and write nothing', async () => {
  const routes = fuzzedRoutes();
  const beforeFiles = storedFiles();
  for (let round = 0; round < ROUNDS; round++) {
    await signIn();
    const beforeRows = await rowCounts();
    for (const route of routes) for (const actor of actors) assertAnswer(await send(route, actor, true));
    assert.deepEqual(
      changedTables(beforeRows, await rowCounts()),
      [],
      `round ${round}: refused requests wrote`,
    );
  }
  assert.deepEqual(storedFiles(), beforeFiles);
});

test('every route, every caller: wrong types, unknown fields, huge and deep values, malformed JSON — no 5xx, errors in the envelope, refused writes write nothing', async () => {
  const routes = fuzzedRoutes();
  const accepted: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await signIn();
    for (const route of routes) {
      const before = route.method === 'GET' ? null : await rowCounts();
      const beforeFiles = before ? storedFiles() : [];
      const answers: Sent[] = [];
      for (const actor of actors) {
        const s = await send(route, actor, false);
        assertAnswer(s);
        answers.push(s);
      }
      if (!before) continue;
      const ok = answers.filter((a) => a.res.statusCode < 400);
      if (ok.length > 0) {
        // A request the route accepts may write (signing out deletes the session): checked no further.
        accepted.push(...ok.map((a) => `${a.res.statusCode} ${a.label.slice(0, 100)}`));
        continue;
      }
      assert.deepEqual(
        changedTables(before, await rowCounts()),
        [],
        `refused writes changed the database: ${answers.map((a) => `${a.label} → ${a.res.statusCode}`).join('; ')}`,
      );
      assert.deepEqual(storedFiles(), beforeFiles, route.url);
    }
  }
  if (accepted.length > 0) console.log(`accepted writes (not checked for writes):\n${accepted.join('\n')}`);
});
