// Notifications on loopback: outbox rows of applicant.notification written in bulk (as the dossier
// actions write them), delivered by the notifications' outbox worker (render, one row per channel,
// send, record) to the providers' simulators — SMS (eSMS-shaped HTTP) and e-mail (SMTP sink) — in a
// child process. Three measures in one run:
//   1. drain: EVENTS events pre-written, delivered by the worker: messages per second;
//   2. raw ceiling: the same rendered messages sent straight to the simulators by the same senders
//      with the same concurrency (worker lanes × sends per batch): messages per second.
//      1 and 2 alternate in ROUNDS rounds (each round: EVENTS / ROUNDS events drained, then the round's
//      messages sent raw), so that a shared machine's load falls on both alike;
//   3. steady: events committed every tick at RATE per second for SECONDS while the worker runs; the
//      lag of a message is the simulator's receipt time minus its outbox row's commit time (wall clock).
// Targets (issue #18): drain ≥ 0.5 × raw ceiling; steady lag p99 ≤ 5 s.
//
// Run: node bench/notify.ts [--events=100000] [--rounds=10] [--dossiers=5000] [--rate=500] [--seconds=30]
// PGlite by default; DATABASE_URL=postgres://… runs it on PostgreSQL (a database cloned from the
// tests' template, dropped afterwards).
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createTestRuntime } from '../server/test/db.ts';
import { loginAs } from '../server/test/http.ts';
import { APPLICANT_HUONG, VALID_BIRTH_DECLARATION } from '../server/test/fixtures.ts';
import { parseConfig } from '../server/config.ts';
import { silentLog } from '../server/platform/jobs/job-log.ts';
import { createOutboxWorker } from '../server/platform/jobs/outbox-worker.ts';
import {
  APPLICANT_TOPIC,
  createSenders,
  notificationHandlers,
  notificationWorkerOptions,
} from '../server/modules/notifications/index.ts';
import type { RenderedMessage } from '../common/contracts/notifications.ts';
import { startMessagingProcess } from './support/messaging-process.ts';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '10' },
    dossiers: { type: 'string', default: '5000' },
    rate: { type: 'string' },
    seconds: { type: 'string', default: '30' },
    'tick-ms': { type: 'string', default: '100' },
  },
});
const EVENTS = Number(args.events);
const ROUNDS = Math.max(1, Math.min(EVENTS, Number(args.rounds)));
const POOL = Number(args.dossiers);
const SECONDS = Number(args.seconds);
const TICK_MS = Number(args['tick-ms']);
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 5000;
if (POOL > 9998) throw new Error('--dossiers ≤ 9998');

const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const child = await startMessagingProcess();
const defaults = parseConfig({ NODE_ENV: 'test' });
const rt = await createTestRuntime({
  config: {
    demoMode: false,
    notify: {
      ...defaults.notify,
      smtpUrl: `smtp://127.0.0.1:${child.smtpPort}`,
      smsUrl: child.url,
      zaloUrl: child.url,
      backoffBaseMs: 100,
      backoffMaxMs: 1000,
    },
  },
});
const db = rt.deps.db;
const senders = createSenders(rt.deps);
const options = notificationWorkerOptions(rt.deps);
const SEND_CONCURRENCY = Math.ceil(rt.deps.config.notify.concurrency / 4);
const IN_FLIGHT = options.concurrency * SEND_CONCURRENCY;

// One real dossier received at the desk (e-mail and phone: the default channels, e-mail + SMS), cloned.
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
const columns = (
  await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'dossiers'
      AND is_identity = 'NO' AND is_generated = 'NEVER' ORDER BY ordinal_position`.execute(db)
).rows
  .map((r) => r.column_name)
  .filter((c) => c !== 'code');
const cols = sql.join(columns.map((c) => sql.ref(c)));
await sql`INSERT INTO dossiers (code, ${cols})
  SELECT ${prefix} || lpad(n::text, 4, '0'), ${cols}
  FROM dossiers, generate_series(2, ${POOL + 1}) AS n WHERE code = ${template}`.execute(db);
const codes = Array.from({ length: POOL }, (_, i) => `${prefix}${String(i + 2).padStart(4, '0')}`);
const ACTIONS = [
  ['accept', 'received'],
  ['request-supplement', 'awaiting-supplement'],
  ['apologize', 'processing'],
  ['approve', 'result-ready'],
  ['return-result', 'returned'],
] as const;

/** Writes events as the producers write them: outbox rows, many per statement. */
async function writeEvents(from: number, count: number): Promise<void> {
  for (let i = 0; i < count; i += 5000) {
    const n = Math.min(5000, count - i);
    const rows = Array.from({ length: n }, (_, j) => {
      const k = from + i + j;
      const code = codes[k % POOL]!;
      const [action, status] = ACTIONS[Math.floor(k / POOL) % ACTIONS.length]!;
      return { dossierCode: code, action, status };
    });
    await sql`INSERT INTO outbox (topic, ordering_key, payload, available_at, created_at)
      SELECT ${APPLICANT_TOPIC}, v->>'dossierCode', v, clock_timestamp(), clock_timestamp()
      FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS v`.execute(db);
  }
}

async function clear(): Promise<void> {
  await sql`DELETE FROM notification_attempts`.execute(db);
  await sql`DELETE FROM notification_messages`.execute(db);
  await sql`DELETE FROM outbox`.execute(db);
  await child.reset();
}

const pendingCount = async () =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM outbox
      WHERE topic = ${APPLICANT_TOPIC} AND status = 'pending'`.execute(db)
  ).rows[0]!.n;

const newWorker = () =>
  createOutboxWorker({
    db,
    clock: rt.deps.clock,
    handlers: notificationHandlers(rt.deps, senders, silentLog),
    log: silentLog,
    ...options,
    pollMs: 50,
    claimLimit: 200,
    maxClaimLimit: 2000,
  });

async function waitDrained(): Promise<void> {
  for (;;) {
    if ((await pendingCount()) === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

console.log(
  `notify bench on ${rt.deps.driver}: ${fmt(EVENTS)} events over ${fmt(POOL)} dossiers, e-mail + SMS each; ` +
    `${options.concurrency} lanes × ${SEND_CONCURRENCY} sends; ${os.cpus().length} CPUs, load ${loadavg()}`,
);

// 1 and 2, in rounds: the round's events drained by the worker, then its messages sent raw.
await clear();
let drainSeconds = 0;
let rawSeconds = 0;
let rawCount = 0;
let lastMessageId = 0;

async function drainRound(from: number, count: number): Promise<void> {
  await writeEvents(from, count);
  const worker = newWorker();
  const t = performance.now();
  worker.start();
  await waitDrained();
  drainSeconds += (performance.now() - t) / 1000;
  await worker.stop();
}

/** The round's rendered messages, straight to the simulators by the same senders, IN_FLIGHT at once. */
async function rawRound(): Promise<void> {
  const rendered = await db
    .selectFrom('notification_messages')
    .select(['message_id', 'channel', 'recipient', 'content', 'tracking_id'])
    .where('message_id', '>', String(lastMessageId))
    .orderBy('message_id')
    .execute();
  lastMessageId = Number(rendered.at(-1)?.message_id ?? lastMessageId);
  await child.reset();
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < rendered.length) {
        const r = rendered[next++]!;
        const content = (
          typeof r.content === 'string' ? JSON.parse(r.content) : r.content
        ) as RenderedMessage & {
          brandname: string;
        };
        const out = await senders[r.channel as 'email' | 'sms']!({
          recipient: r.recipient,
          content,
          trackingId: r.tracking_id,
          brandname: content.brandname,
        });
        if (!out.ok) throw new Error(out.error);
      }
    }),
  );
  rawSeconds += (performance.now() - t) / 1000;
  rawCount += rendered.length;
}

for (let r = 0; r < ROUNDS; r++) {
  const from = Math.floor((EVENTS * r) / ROUNDS);
  await drainRound(from, Math.floor((EVENTS * (r + 1)) / ROUNDS) - from);
  await rawRound();
  console.log(
    `  round ${r + 1}/${ROUNDS}: drain ${drainSeconds.toFixed(1)} s, raw ${rawSeconds.toFixed(1)} s so far; load ${loadavg()}`,
  );
}
const states = (
  await sql<{
    state: string;
    n: number;
  }>`SELECT state, count(*)::int AS n FROM notification_messages GROUP BY state`.execute(db)
).rows;
const sentCount = states
  .filter((s) => s.state !== 'queued' && s.state !== 'failed')
  .reduce((a, s) => a + s.n, 0);
if (sentCount !== EVENTS * 2 || rawCount !== EVENTS * 2)
  throw new Error(`drain sent ${sentCount}, raw ${rawCount}, of ${EVENTS * 2}: ${JSON.stringify(states)}`);
const drainRate = sentCount / drainSeconds;
console.log(
  `drain: ${fmt(sentCount)} messages (${fmt(EVENTS)} events) in ${drainSeconds.toFixed(1)} s = ${fmt(drainRate)} messages/s (${fmt(EVENTS / drainSeconds)} events/s); load ${loadavg()}`,
);
const rawRate = rawCount / rawSeconds;
const ratio = drainRate / rawRate;
console.log(
  `raw ceiling: ${fmt(rawCount)} messages in ${rawSeconds.toFixed(1)} s = ${fmt(rawRate)} messages/s; ` +
    `drain/raw = ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? 'MET' : 'NOT MET'}; load ${loadavg()}`,
);

// 3. Steady load at half the drain's event rate (or --rate).
await clear();
const rate = Number(args.rate ?? Math.max(1, Math.floor(drainRate / 2 / 2)));
const steady = newWorker();
steady.start();
const perTick = (rate * TICK_MS) / 1000;
let written = 0;
const start = performance.now();
while (performance.now() - start < SECONDS * 1000) {
  const due = Math.floor(((performance.now() - start) / 1000) * rate);
  if (due > written) {
    await writeEvents(written, due - written);
    written = due;
  }
  await new Promise((r) => setTimeout(r, Math.max(1, TICK_MS - ((performance.now() - start) % TICK_MS))));
}
void perTick;
await waitDrained();
await steady.stop();
const receipts = await child.receipts();
const rows = await sql<{ tracking_id: string; created: Date }>`SELECT m.tracking_id, o.created_at AS created
  FROM notification_messages m JOIN outbox o ON o.outbox_id = m.outbox_id`.execute(db);
const lags = new Float64Array(rows.rows.length);
let missing = 0;
rows.rows.forEach((r, i) => {
  const at = receipts.get(r.tracking_id);
  if (at === undefined) missing++;
  lags[i] = at === undefined ? Infinity : at - new Date(r.created).getTime();
});
lags.sort();
const pct = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))]!;
const p99 = pct(0.99);
console.log(
  `steady: ${fmt(written)} events (${fmt(rate)}/s for ${SECONDS} s, ${fmt(rows.rows.length)} messages, ${missing} not received); ` +
    `lag p50 ${fmt(pct(0.5))} ms, p99 ${fmt(p99)} ms, max ${fmt(lags[lags.length - 1]!)} ms (target p99 ≤ ${TARGET_P99_MS} ms) ${p99 <= TARGET_P99_MS ? 'MET' : 'NOT MET'}; load ${loadavg()}`,
);

await senders.close();
await rt.close();
await child.close();
