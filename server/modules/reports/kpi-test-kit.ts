// The week the KPI, Decision 766 and public dashboard tests count (never seeds): dossiers received and
// worked through the HTTP API at Phường Hoàn Kiếm (desk.hang-trong) and Phường Cửa Nam (desk.hang-bac)
// with a hand-moved clock, a payment made online through the payment platform's simulator and one in
// cash at the desk, the first three dossiers delivered to the national portal's simulator by the sync
// worker, results with and without an electronic file, ratings at the counter, one online submission.
// The hand count of what it leaves is WEEK below; docs/domain/reports.md works the 766 example from it.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { ORIGIN } from '../../test/http.ts';
import { dossierKit } from '../../test/dossier-kit.ts';
import { startTestIdp } from '../../test/citizen.ts';
import { testConfig } from '../../test/template.ts';
import { birthOnline, VALID_BIRTH_DECLARATION } from '../../test/fixtures.ts';
import { peoplesCommittee } from '../../test/seeded.ts';
import { DEV_PORTAL_SECRET, parseConfig } from '../../config.ts';
import { startSimulator, type Simulator } from '../../../simulator/simulator.ts';
import type { DevIdp } from '../../../simulator/identity-provider.ts';
import { createOutboxWorker } from '../../platform/jobs/outbox-worker.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { createPortalClient, PORTAL_STATUS_TOPIC, syncHandlers } from '../sync/index.ts';
import { makePdf, sealDraft, useTestSigning } from '../../test/signing.ts';

const PARTNER = 'MOTCUA-KPI-TEST';
const SECRET = 'kpi-test-payment-secret-0123456789';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const HUONG = 'dev-001190012345';

/**
 * What the week leaves in November 2026, by hand. Phường Hoàn Kiếm received A–F: A (digitised at the
 * counter, paid online, result sealed by the ward and issued electronically on its due day: on time,
 * very satisfied), B (paid in cash, result a day after its due day: late, unsatisfied), C (result the
 * day it came in, a PDF uploaded unsigned, so not a signed electronic result: early, satisfied), D (withdrawn), E (left open), F (submitted online, received, left open); A, B and C
 * reached the national portal before D–F came in. Phường Cửa Nam received G, left open.
 */
export const WEEK = {
  hangTrong: {
    received: 6,
    receivedOnline: 1,
    synced: 3,
    digitised: 1,
    feeBearing: 2,
    paidOnline: 1,
    early: 1,
    onTime: 1,
    late: 1,
    noDue: 0,
    resultsElectronic: 1,
    withdrawn: 1,
    carriedOver: 0,
    verySatisfied: 1,
    satisfied: 1,
    unsatisfied: 1,
  },
  hangBac: { received: 1 },
};

export type Week = {
  rt: TestRuntime;
  clock: ReturnType<typeof manualClock>;
  staff: (username: string) => Promise<string>;
  hangTrong: string;
  hangBac: string;
  codes: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G', string>;
  get: (user: string | null, url: string) => Promise<Awaited<ReturnType<TestRuntime['app']['inject']>>>;
  close: () => Promise<void>;
};

export async function liveWeek(): Promise<Week> {
  const sim: Simulator = await startSimulator({ port: 0 });
  const started = await startTestIdp();
  const idp: DevIdp = started.idp;
  // Friday 20 November 2026, 09:00 in Hà Nội.
  const clock = manualClock('2026-11-20T02:00:00Z');
  const defaults = parseConfig({ NODE_ENV: 'test' });
  const rt = await createTestRuntime({
    clock,
    config: {
      ...started.config(testConfig(null).oidc),
      // Sessions outlive the months the formula-version test walks through.
      sessionTtlHours: 24 * 365,
      logLevel: 'error',
      payment: {
        baseUrl: sim.url,
        partnerCode: PARTNER,
        secret: SECRET,
        reconcileMinutes: 0,
        callbacksPerMinute: 300,
      },
      portal: {
        ...defaults.portal,
        baseUrl: sim.url,
        auth: 'hmac',
        secret: DEV_PORTAL_SECRET,
        timeoutMs: 2000,
      },
    },
  });
  await useTestSigning(rt, clock.now());
  const url = await rt.app.listen({ port: 0, host: '127.0.0.1' });
  sim.control.payments.setPartner({
    code: PARTNER,
    secret: SECRET,
    callbackUrl: `${url}/api/v1/payments/callback`,
  });
  const kit = dossierKit(() => rt);
  const { staff, actOk, forward, upload } = kit;
  const hangTrong = await peoplesCommittee(rt.deps.db, '00070');
  const hangBac = await peoplesCommittee(rt.deps.db, '00082');
  const tick = () => clock.advance(60_000);

  await publishBirthFee(rt, await staff('demo-admin'));

  const desk = await staff('desk.hang-trong');
  const receive = async (components?: unknown[]) => {
    tick();
    const res = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { cookie: desk, origin: ORIGIN },
      payload: {
        procedureCode: '1.001193',
        agencyCode: hangTrong,
        applicant: {
          kind: 'person',
          fullName: 'Nguyễn Thị Hường',
          idNumber: '001190012345',
          phone: '0912345678',
          address: { unitCode: '00070', line: 'Số 12 phố Hàng Trống' },
        },
        formData: VALID_BIRTH_DECLARATION,
        components: components ?? [
          { code: 'TP1', provided: 'original' },
          { code: 'TP3', provided: 'original' },
        ],
        channel: 'direct',
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json<{ code: string }>().code;
  };
  const toLeader = async (code: string) => {
    tick();
    await forward(desk, code, 'specialist.hang-trong');
    await forward(await staff('specialist.hang-trong'), code, 'leader.hang-trong');
  };
  const approve = async (code: string, fileId?: string) => {
    tick();
    await actOk(await staff('leader.hang-trong'), code, 'approve', {
      resultDate: '2026-11-20',
      signer: 'Trần Quốc Việt',
      resultDocuments: [{ name: 'Giấy khai sinh', ...(fileId ? { fileId } : {}) }],
    });
  };
  const returnAndRate = async (code: string, level: string) => {
    tick();
    await actOk(desk, code, 'return-result', { channel: 'counter', recipientName: 'Nguyễn Thị Hường' });
    const rated = await rt.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/rating/counter`,
      headers: { cookie: desk, origin: ORIGIN },
      payload: { level },
    });
    assert.equal(rated.statusCode, 201, rated.body);
  };

  // Friday 20 November, from 09:00. A: both papers scanned at the counter.
  const scans = [await upload(desk, PDF, 'to-khai.pdf'), await upload(desk, PDF, 'giay-chung-sinh.pdf')];
  const A = await receive([
    { code: 'TP1', provided: 'original', fileIds: [scans[0]], pageCount: 1, digitised: true },
    { code: 'TP3', provided: 'original', fileIds: [scans[1]], pageCount: 1, digitised: true },
  ]);
  const B = await receive();
  const C = await receive();
  await deliverToPortal(rt, { sim, clock });

  // A is paid online (the fee of the procedure) through the platform; B in cash at the desk.
  tick();
  const pay = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${A}/payments`,
    headers: { cookie: desk, origin: ORIGIN },
  });
  assert.equal(pay.statusCode, 201, pay.body);
  sim.control.payments.confirm(pay.json<{ reference: string }>().reference);
  await sim.control.payments.settle();
  const paid = await rt.deps.db
    .selectFrom('payments')
    .select('status')
    .where('reference', '=', pay.json<{ reference: string }>().reference)
    .executeTakeFirstOrThrow();
  assert.equal(paid.status, 'paid');
  tick();
  const cash = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${B}/payments/desk`,
    headers: { cookie: desk, origin: ORIGIN },
    payload: { method: 'cash' },
  });
  assert.equal(cash.statusCode, 201, cash.body);

  // C: worked the same day (early).
  await toLeader(C);
  // C's result is a PDF uploaded without a signature: a file, but not a signed electronic result (#19).
  await approve(C, await upload(await staff('leader.hang-trong'), PDF, 'giay-khai-sinh-chua-ky.pdf'));
  await returnAndRate(C, 'satisfied');

  // D withdrawn, E left open, F submitted online and received, G at Phường Cửa Nam.
  const D = await receive();
  tick();
  await actOk(desk, D, 'withdraw', { reason: 'Người nộp xin rút' });
  const E = await receive();
  const F = await submitOnline(rt, { kit, hangTrong, desk });
  tick();
  const G = await kit.receiveBirth(hangBac, 'desk.hang-bac');
  await toLeader(A);
  await toLeader(B);

  // Monday 23 November 08:30, A's due day (due at 09:00 and later): on time, with its electronic result.
  clock.set('2026-11-23T01:30:00Z');
  const leader = await staff('leader.hang-trong');
  // A's result is sealed with the agency's organisation seal before the approval: signed, it counts.
  const draft = await upload(leader, await makePdf('Giấy khai sinh'), 'giay-khai-sinh.pdf');
  await approve(A, await sealDraft(rt, leader, { code: A, fileId: draft }));
  await returnAndRate(A, 'very-satisfied');

  // Tuesday 24 November 10:00: B, due on Monday, late.
  clock.set('2026-11-24T03:00:00Z');
  await approve(B);
  await returnAndRate(B, 'unsatisfied');

  // Wednesday 25 November 10:00: the reports are read.
  clock.set('2026-11-25T03:00:00Z');
  const get = async (user: string | null, path: string) =>
    rt.app.inject({ method: 'GET', url: path, headers: user ? { cookie: await staff(user) } : {} });
  return {
    rt,
    clock,
    staff,
    hangTrong,
    hangBac,
    codes: { A, B, C, D, E, F, G },
    get,
    close: async () => {
      await sim.control.payments.settle();
      await rt.close();
      await sim.close();
      await idp.close();
    },
  };
}

/**
 * The catalogue's hand count for Phường Hoàn Kiếm, from its offerings as stored: each procedure's
 * latest published version, online when toàn trình or một phần, with a fee when an item costs đồng.
 */
export async function wardCatalogue(w: Week) {
  const rows = await w.rt.deps.db
    .selectFrom('procedure_offerings as o')
    .innerJoin('agencies as a', 'a.agency_id', 'o.agency_id')
    .innerJoin('procedure_versions as v', 'v.procedure_id', 'o.procedure_id')
    .select(['v.procedure_id', 'v.version', 'v.online_level', 'v.data'])
    .where('a.code', '=', w.hangTrong)
    .where('v.status', '=', 'published')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows)
    if ((latest.get(r.procedure_id)?.version ?? -1) < r.version) latest.set(r.procedure_id, r);
  const all = [...latest.values()];
  const costs = (fees: { amountVnd: number | null }[]) => fees.some((f) => (f.amountVnd ?? 0) > 0);
  return {
    offered: all.length,
    online: all.filter((r) => r.online_level === 'full' || r.online_level === 'partial').length,
    unknown: all.filter((r) => r.online_level === null).length,
    fee: all.filter((r) => costs(r.data.fees) || r.data.cases.some((c) => costs(c.fees))).length,
  };
}

/**
 * Birth registration gets a published fee (8.000 đồng at the desk, 5.000 online) and its online level
 * (toàn trình), through the catalogue's API.
 */
async function publishBirthFee(rt: TestRuntime, admin: string): Promise<void> {
  const exported = (await rt.app.inject({ method: 'GET', url: '/api/v1/procedures/export' })).json<{
    procedures: Record<string, unknown>[];
  }>();
  const record = structuredClone(exported.procedures.find((p) => p.code === '1.001193')!);
  record['fees'] = [
    { channel: 'Trực tiếp', amountVnd: 8000, unit: null, displayed: '8.000 đồng' },
    { channel: 'Trực tuyến', amountVnd: 5000, unit: null, displayed: '5.000 đồng' },
  ];
  // Toàn trình, as the national catalogue publishes it (the shipped record's source is silent).
  record['onlineService'] = { ...(record['onlineService'] as object), level: 'toàn trình' };
  const call = (method: 'POST' | 'PUT', url: string, payload?: unknown) =>
    rt.app.inject({
      method,
      url,
      headers: { cookie: admin, origin: ORIGIN },
      ...(payload ? { payload } : {}),
    });
  const draft = await call('POST', '/api/v1/procedures/1.001193/versions');
  assert.equal(draft.statusCode, 201, draft.body);
  const v = draft.json<{ version: number }>().version;
  assert.equal((await call('PUT', `/api/v1/procedures/1.001193/versions/${v}`, { record })).statusCode, 200);
  assert.equal((await call('POST', `/api/v1/procedures/1.001193/versions/${v}/publish`)).statusCode, 200);
}

/** Runs the sync worker until the national portal's simulator has acknowledged every status message. */
async function deliverToPortal(
  rt: TestRuntime,
  env: { sim: Simulator; clock: ReturnType<typeof manualClock> },
) {
  const client = createPortalClient({ ...rt.deps.config.portal, baseUrl: env.sim.url });
  const worker = createOutboxWorker({
    db: rt.deps.db,
    clock: env.clock,
    handlers: syncHandlers(rt.deps, client),
    log: silentLog,
    maxAttempts: 5,
    backoffBaseMs: 1000,
    backoffMaxMs: 1000,
    pollMs: 1000,
    lockMs: 60_000,
  });
  for (let round = 0; round < 20; round++) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM outbox
      WHERE topic = ${PORTAL_STATUS_TOPIC} AND status = 'pending'`.execute(rt.deps.db);
    if (rows[0]!.n === 0) return;
    await worker.runOnce();
    env.clock.advance(2000);
  }
  assert.fail('status messages still pending');
}

/** Hường submits a birth registration online with the papers the channel asks for; the desk accepts it. */
async function submitOnline(
  rt: TestRuntime,
  env: { kit: ReturnType<typeof dossierKit>; hangTrong: string; desk: string },
): Promise<string> {
  const huong = await env.kit.citizen(HUONG);
  const submit = (components: unknown) =>
    rt.app.inject({
      method: 'POST',
      url: '/api/v1/portal/dossiers',
      headers: { cookie: huong, origin: ORIGIN },
      payload: birthOnline(env.hangTrong, components),
    });
  const none = await submit([]);
  assert.equal(none.statusCode, 400, none.body);
  const required = none
    .json<{ error: { details: { path: string }[] } }>()
    .error.details.map((d) => /^body\/components\/(TP\d+)$/.exec(d.path)?.[1])
    .filter((c): c is string => c !== undefined);
  const components = [];
  for (const code of required)
    components.push({ code, fileIds: [await env.kit.upload(huong, PDF, `${code}.pdf`)] });
  const res = await submit(components);
  assert.equal(res.statusCode, 201, res.body);
  const code = res.json<{ code: string }>().code;
  await env.kit.actOk(env.desk, code, 'accept');
  return code;
}
