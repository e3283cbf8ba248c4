// #16.3 A reorganisation of a province's size: all of Hà Nội's 2025 merges — the People's
// Committees of its 526 former communes and wards handed over to those of the 126 formed on
// 1/7/2025 — with DOSSIERS open dossiers at the former ones, applied through the API as the
// administrator applies it (POST /api/v1/reorganisations: checked, counted, one transaction), beside
// a raw ceiling measured in the same run on the same rows: the UPDATE of the dossiers' three agency
// columns to their successors, sent straight through pg in one statement with nothing else (no
// check, no hand-over of staff, procedures or desks, no history, no audit), in a transaction rolled
// back so that the product's run finds the same rows.
//
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/reorganise.ts [--dossiers=200000]
// (a database cloned from the tests' template, dropped afterwards). PGlite without DATABASE_URL.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestRuntime } from '../server/test/db.ts';
import { loginAs } from '../server/test/http.ts';
import { APPLICANT_HUONG, VALID_BIRTH_DECLARATION } from '../server/test/fixtures.ts';
import { buildPreReformAgencies } from '../server/db/seeds/reference/agencies.ts';
import { loadPreReformUnits } from '../server/db/seeds/reference/units.ts';
import { foldVietnamese } from '../common/text/fold.ts';

const { values: args } = parseArgs({ options: { dossiers: { type: 'string', default: '200000' } } });
const DOSSIERS = Number(args.dossiers);
const TARGET_SECONDS = 60;
const TARGET_RATIO = 0.3;
const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const seconds = (ms: number) => (ms / 1000).toFixed(1);

const rt = await createTestRuntime({ config: { demoMode: false, logLevel: 'error' } });
const db = rt.deps.db;
const started = Date.now();

// The former communes of Hà Nội and the stand-in codes their People's Committees had (QCVN 102:2016).
const oldAgencies = buildPreReformAgencies(loadPreReformUnits()).filter(
  (a) => a.kind === 'people-committee' && a.unitKey.startsWith('/01/') && a.unitKey.split('/').length === 5,
);
const haNoi = await db
  .selectFrom('agencies')
  .select(['agency_id', 'path'])
  .where('code', '=', 'H26')
  .executeTakeFirstOrThrow();
await sql`
  INSERT INTO agencies (code, name, unit_id, kind, parent_agency_id, path, search_text)
  SELECT x.code, x.name, u.unit_id, 'people-committee', ${haNoi.agency_id}::bigint, '/', x.search
  FROM json_to_recordset(${JSON.stringify(
    oldAgencies.map((a) => ({
      code: a.code,
      name: a.name,
      path: a.unitKey.split('@')[0],
      search: `${foldVietnamese(a.name)} ${a.code}`,
    })),
  )}::json) AS x(code text, name text, path text, search text)
  JOIN units u ON u.path = x.path AND u.valid_from IS NULL`.execute(db);
await sql`UPDATE agencies SET path = ${haNoi.path} || agency_id || '/' WHERE path = '/'`.execute(db);

// Each former commune hands over to the successor that kept its code, else the first one formed from
// all of it, else the first formed from part of it; the successor's People's Committee receives.
const { rows: map } = await sql<{ from_id: string; from_code: string; to_id: string; to_code: string }>`
  SELECT DISTINCT ON (o.agency_id) o.agency_id AS from_id, o.code AS from_code, n.agency_id AS to_id, n.code AS to_code
  FROM agencies o
  JOIN units ou ON ou.unit_id = o.unit_id AND ou.valid_to IS NOT NULL AND ou.path LIKE '/01/%'
  JOIN unit_successions s ON s.predecessor_id = ou.unit_id
  JOIN units nu ON nu.unit_id = s.successor_id
  JOIN agencies n ON n.unit_id = nu.unit_id AND n.kind = 'people-committee'
  WHERE o.kind = 'people-committee'
  ORDER BY o.agency_id, (nu.code = ou.code) DESC, (s.extent = 'full') DESC, nu.code`.execute(db);
const successors = new Set(map.map((m) => m.to_id)).size;

// What a former commune had: the procedures its successor offers, and two officers.
await sql`
  INSERT INTO procedure_offerings (procedure_id, agency_id, created_at)
  SELECT o.procedure_id, m.from_id, now()
  FROM json_to_recordset(${JSON.stringify(map)}::json) AS m(from_id bigint, to_id bigint)
  JOIN procedure_offerings o ON o.agency_id = m.to_id`.execute(db);
const hash = (await db.selectFrom('users').select('password_hash').limit(1).executeTakeFirstOrThrow())
  .password_hash;
await sql`
  INSERT INTO users (username, full_name, password_hash)
  SELECT 'bench.' || r || '.' || m.from_id, 'Cán bộ ' || r || ' ' || m.from_code, ${hash}
  FROM json_to_recordset(${JSON.stringify(map)}::json) AS m(from_id bigint, from_code text),
       unnest(ARRAY['desk-officer', 'specialist']) AS r`.execute(db);
await sql`
  INSERT INTO user_roles (user_id, role, agency_id)
  SELECT u.user_id, split_part(u.username, '.', 2), split_part(u.username, '.', 3)::bigint
  FROM users u WHERE u.username LIKE 'bench.%'`.execute(db);
await sql`
  INSERT INTO desks (agency_id, name)
  SELECT m.from_id, 'Bộ phận Tiếp nhận và Trả kết quả – ' || a.name
  FROM json_to_recordset(${JSON.stringify(map)}::json) AS m(from_id bigint) JOIN agencies a ON a.agency_id = m.from_id`.execute(
  db,
);

// One real dossier received at a desk, cloned into DOSSIERS open dossiers spread over the former
// communes, each with its own code and its steps at its commune.
const admin = await loginAs(rt.app, 'demo-admin');
const desk = await loginAs(rt.app, 'desk.hang-trong');
const hoanKiem = await db
  .selectFrom('agencies as a')
  .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
  .select('a.code')
  .where('u.code', '=', '00070')
  .where('u.valid_to', 'is', null)
  .where('a.kind', '=', 'people-committee')
  .executeTakeFirstOrThrow();
const received = await rt.app.inject({
  method: 'POST',
  url: '/api/v1/dossiers',
  headers: { cookie: desk, 'sec-fetch-site': 'same-origin' },
  payload: {
    procedureCode: '1.001193',
    agencyCode: hoanKiem.code,
    applicant: APPLICANT_HUONG,
    formData: VALID_BIRTH_DECLARATION,
    components: [
      { code: 'TP1', provided: 'original' },
      { code: 'TP3', provided: 'original' },
    ],
    channel: 'direct',
  },
});
if (received.statusCode !== 201) throw new Error(received.body);
const template = received.json<{ code: string }>().code;
const columns = (
  await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'dossiers'
      AND is_identity = 'NO' AND is_generated = 'NEVER'
    ORDER BY ordinal_position`.execute(db)
).rows
  .map((r) => r.column_name)
  .filter(
    (c) =>
      ![
        'code',
        'receiving_agency_id',
        'received_by_agency_id',
        'competent_agency_id',
        'current_agency_id',
        'step_agencies',
      ].includes(c),
  );
const cols = sql.join(columns.map((c) => sql.ref(`t.${c}`)));
const plain = sql.join(columns.map((c) => sql.ref(c)));
await sql`
  INSERT INTO dossiers (code, receiving_agency_id, received_by_agency_id, competent_agency_id, current_agency_id, step_agencies, ${plain})
  SELECT m.from_code || '-250620-' || lpad((n / ${map.length} + 1)::text, 4, '0'), m.from_id, m.from_id, m.from_id, m.from_id,
    (SELECT jsonb_agg(e || jsonb_build_object('agencyId', m.from_id::text, 'agencyCode', m.from_code))
       FROM jsonb_array_elements(t.step_agencies) e),
    ${cols}
  FROM generate_series(0, ${DOSSIERS - 1}) AS n
  JOIN (SELECT row_number() OVER (ORDER BY from_id) - 1 AS i, * FROM json_to_recordset(${JSON.stringify(map)}::json)
        AS x(from_id bigint, from_code text)) m ON m.i = n % ${map.length}
  CROSS JOIN (SELECT * FROM dossiers WHERE code = ${template}) t`.execute(db);
await sql`
  INSERT INTO dossier_agencies (dossier_id, agency_id)
  SELECT dossier_id, receiving_agency_id FROM dossiers WHERE code <> ${template} AND code LIKE '%-250620-%'`.execute(
  db,
);
await sql`VACUUM ANALYZE dossiers`.execute(db).catch(() => undefined);
await sql`VACUUM ANALYZE dossier_agencies`.execute(db).catch(() => undefined);
console.log(
  `set up in ${seconds(Date.now() - started)} s: ${map.length} former People's Committees of Hà Nội → ${successors} successors, ${DOSSIERS.toLocaleString('en-US')} open dossiers`,
);

// The raw ceiling: the same dossier rows' agency columns, one UPDATE through pg, rolled back.
const databaseUrl = rt.deps.config.databaseUrl;
let rawMs: number | null = null;
if (databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('CHECKPOINT');
  await client.query('BEGIN');
  const t0 = performance.now();
  const raw = await client.query(
    `UPDATE dossiers d SET receiving_agency_id = m.to_id, competent_agency_id = m.to_id, current_agency_id = m.to_id
     FROM json_to_recordset($1::json) AS m(from_id bigint, to_id bigint)
     WHERE d.receiving_agency_id = m.from_id AND d.closed_at IS NULL`,
    [JSON.stringify(map)],
  );
  rawMs = performance.now() - t0;
  await client.query('ROLLBACK');
  await client.query('CHECKPOINT');
  await client.end();
  if (raw.rowCount !== DOSSIERS) throw new Error(`raw UPDATE touched ${raw.rowCount} rows`);
}

const plan = {
  name: 'Sắp xếp đơn vị hành chính cấp xã của Thành phố Hà Nội năm 2025',
  basis: 'Nghị quyết số 1656/NQ-UBTVQH15 ngày 16/6/2025',
  effectiveOn: '2025-07-01',
  handovers: map.map((m) => ({ from: m.from_code, to: m.to_code })),
};
const t1 = performance.now();
const applied = await rt.app.inject({
  method: 'POST',
  url: '/api/v1/reorganisations',
  headers: { cookie: admin, 'sec-fetch-site': 'same-origin' },
  payload: plan,
});
const applyMs = performance.now() - t1;
if (applied.statusCode !== 201) throw new Error(applied.body.slice(0, 2000));
const result = applied.json<{
  totals: { openDossiers: number; staffGrants: number; offerings: number; desks: number };
}>();
const left = await sql<{ n: string }>`
  SELECT count(*)::text AS n FROM dossiers d JOIN agencies a ON a.agency_id IN (d.receiving_agency_id, d.competent_agency_id, d.current_agency_id)
  WHERE d.closed_at IS NULL AND a.valid_to IS NOT NULL`.execute(db);
if (result.totals.openDossiers !== DOSSIERS || left.rows[0]!.n !== '0')
  throw new Error(`handed over ${result.totals.openDossiers}, left at closed agencies ${left.rows[0]!.n}`);

const version = (await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db)).rows[0]!
  .v;
console.log(
  `${rt.deps.driver === 'pg' ? `PostgreSQL ${version}` : 'PGlite'}, ${os.cpus().length} cores, load average ${loadavg()}`,
);
console.log(
  `applied: ${seconds(applyMs)} s for ${DOSSIERS.toLocaleString('en-US')} dossiers, ${result.totals.staffGrants} staff grants, ${result.totals.offerings.toLocaleString('en-US')} offerings, ${result.totals.desks} desks (≤ ${TARGET_SECONDS} s: ${applyMs / 1000 <= TARGET_SECONDS ? 'met' : 'NOT met'})`,
);
if (rawMs !== null) {
  const ratio = rawMs / applyMs;
  console.log(
    `raw ceiling: ${seconds(rawMs)} s for the UPDATE of the same rows through pg; ratio ${ratio.toFixed(2)} (≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`,
  );
}
await rt.close();
