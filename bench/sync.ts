// Portal sync throughput on loopback: outbox messages delivered per second to the simulator by the
// outbox worker (claim, build E1 from the database, POST, record), against a raw ceiling in the same
// run: the same E1 batches POSTed by the same client with the same concurrency, without the outbox.
// Run: node bench/sync.ts [dossiers=500] [messagesPerDossier=4]
// PGlite by default; DATABASE_URL=postgres://… runs it on PostgreSQL (a fresh database per run).
import { sql } from 'kysely';
import { createTestRuntime } from '../server/test/db.ts';
import { loginAs } from '../server/test/http.ts';
import { APPLICANT_HUONG, VALID_BIRTH_DECLARATION } from '../server/test/fixtures.ts';
import { DEV_PORTAL_SECRET, parseConfig } from '../server/config.ts';
import { silentLog } from '../server/platform/jobs/job-log.ts';
import { createOutboxWorker } from '../server/platform/jobs/outbox-worker.ts';
import { startSimulator } from '../simulator/simulator.ts';
import { DOSSIER_STATUSES, type DossierStatus } from '../common/dossiers/index.ts';
import { createPortalClient, toE1Record, type E1Record } from '../server/modules/sync/portal-adapter.ts';
import { loadE1Contexts } from '../server/modules/sync/sync.repository.ts';
import { PORTAL_STATUS_TOPIC } from '../server/modules/sync/portal-status.handler.ts';
import { syncHandlers } from '../server/modules/sync/sync.jobs.ts';

const dossierCount = Number(process.argv[2] ?? 500);
const perDossier = Number(process.argv[3] ?? 4);
const CONCURRENCY = 4;
const STATUSES: DossierStatus[] = [
  'processing',
  'awaiting-supplement',
  'processing',
  'result-ready',
  'returned',
];

const sim = await startSimulator({ port: 0 });
const defaults = parseConfig({ NODE_ENV: 'test' });
const rt = await createTestRuntime({
  config: {
    portal: { baseUrl: sim.url, auth: 'hmac', secret: DEV_PORTAL_SECRET, timeoutMs: 10_000 },
    sync: { ...defaults.sync, batchSize: 10 },
  },
});
const client = createPortalClient({ ...rt.deps.config.portal, baseUrl: sim.url });
const db = rt.deps.db;

// One real dossier received at the desk, cloned (bench only) into dossierCount dossiers.
const agency = await db
  .selectFrom('agencies')
  .select('code')
  .where('unit_code', '=', '00070')
  .where('kind', '=', 'people-committee')
  .executeTakeFirstOrThrow();
const res = await rt.app.inject({
  method: 'POST',
  url: '/api/v1/dossiers',
  headers: { cookie: await loginAs(rt.app, 'desk.hang-trong') },
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
await sql`
  INSERT INTO dossiers (code, procedure_version_id, procedure_code, case_key, channel, receiving_agency_id,
    competent_agency_id, current_agency_id, step_agencies, workflow, applicant, applicant_search, form_data,
    components, state, status, version, assignee_user_id, submitted_at, received_at, due_at, extended_due_at,
    calendar_version, result_at, returned_at, closed_at, created_by, updated_at)
  SELECT ${prefix} || lpad(n::text, 4, '0'), procedure_version_id, procedure_code, case_key, channel,
    receiving_agency_id, competent_agency_id, current_agency_id, step_agencies, workflow, applicant,
    applicant_search, form_data, components, state, status, version, assignee_user_id, submitted_at,
    received_at, due_at, extended_due_at, calendar_version, result_at, returned_at, closed_at, created_by,
    updated_at
  FROM dossiers, generate_series(2, ${dossierCount + 1}) AS n
  WHERE code = ${template}`.execute(db);
const codes = Array.from({ length: dossierCount }, (_v, i) => `${prefix}${String(i + 2).padStart(4, '0')}`);

async function enqueueAll(): Promise<number> {
  await sql`DELETE FROM outbox`.execute(db);
  await sql`DELETE FROM portal_sync_state`.execute(db);
  const now = new Date();
  const rows = [];
  for (let v = 0; v < perDossier; v++) {
    for (const code of codes) {
      const status = STATUSES[v % STATUSES.length]!;
      rows.push({
        topic: PORTAL_STATUS_TOPIC,
        ordering_key: code,
        payload: JSON.stringify({
          dossierCode: code,
          status,
          statusCode: DOSSIER_STATUSES[status].code,
          version: v + 2,
          at: now.toISOString(),
        }),
        available_at: now,
        created_at: now,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('outbox')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}

async function outboxRun(claimLimit: number, latencyMs = 0): Promise<number> {
  const total = await enqueueAll();
  sim.control.reset();
  sim.control.setFaults({ latencyMs });
  const worker = createOutboxWorker({
    db,
    clock: rt.deps.clock,
    handlers: syncHandlers(rt.deps, client),
    log: silentLog,
    maxAttempts: 5,
    backoffBaseMs: 10,
    backoffMaxMs: 100,
    claimLimit,
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
  if (sim.control.stats().accepted !== total) throw new Error('the simulator did not get every message');
  return total / seconds;
}

async function rawRun(latencyMs = 0): Promise<number> {
  // The same records as the outbox run builds, prepared beforehand: only the HTTP posts are timed.
  const contexts = await loadE1Contexts(
    db,
    codes.flatMap((code) => Array.from({ length: perDossier }, (_v, i) => ({ code, version: i + 2 }))),
  );
  const records: E1Record[] = [];
  for (let v = 0; v < perDossier; v++) {
    for (const code of codes) {
      const status = STATUSES[v % STATUSES.length]!;
      records.push(
        toE1Record(
          {
            dossierCode: code,
            status,
            statusCode: DOSSIER_STATUSES[status].code,
            version: v + 2,
            at: new Date().toISOString(),
          },
          contexts.get(code)!.get(v + 2)!,
        ),
      );
    }
  }
  sim.control.reset();
  sim.control.setFaults({ latencyMs });
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
  if (sim.control.stats().accepted !== records.length)
    throw new Error('the simulator did not get every record');
  return records.length / seconds;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const total = dossierCount * perDossier;
console.log(
  `portal sync on loopback, ${rt.deps.driver}: ${dossierCount} dossiers × ${perDossier} status messages = ${total}; ` +
    `batches of 10, ${CONCURRENCY} requests in flight`,
);
const results: [string, number][] = [];
results.push(['raw ceiling: the same E1 batches POSTed directly (records built beforehand)', await rawRun()]);
results.push(['outbox worker, claim 50 per round', await outboxRun(50)]);
results.push(['outbox worker, claim 200 per round', await outboxRun(200)]);
results.push(['raw ceiling, portal answering in 20 ms', await rawRun(20)]);
results.push(['outbox worker, claim 200, portal answering in 20 ms', await outboxRun(200, 20)]);
console.log('| case | messages/s |\n| --- | ---: |');
for (const [name, rate] of results) console.log(`| ${name} | ${fmt(rate)} |`);

await rt.close();
await sim.close();
