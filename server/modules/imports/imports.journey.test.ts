// #17 Done-means journey: a dossier the legacy system was processing (synchronised with the national
// portal there), imported at "processing" due in three working days, is claimed, approved and returned
// in motcua; Biểu II.06a counts it; the portal only hears updates of its existing record, never a new
// one, and nothing at all for the import itself.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { peoplesCommittee, userId } from '../../test/seeded.ts';
import { parseConfig, DEV_PORTAL_SECRET } from '../../config.ts';
import { startSimulator, type Simulator } from '../../../simulator/simulator.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { createOutboxWorker } from '../../platform/jobs/outbox-worker.ts';
import { createPortalClient, syncHandlers } from '../sync/index.ts';
import type { Ii06aResponse } from '../../../common/contracts/report-ii06a.ts';
import { importFile, jsonl, processingRecord } from './test-kit.ts';

// Friday 20 November 2026, 09:00 in Hà Nội: Monday 23, Tuesday 24 and Wednesday 25 are three working days.
const clock = manualClock('2026-11-20T02:00:00Z');
let rt: TestRuntime;
let sim: Simulator;
let ward: string;
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};

before(async () => {
  sim = await startSimulator({ port: 0 });
  const defaults = parseConfig({ NODE_ENV: 'test' });
  rt = await createTestRuntime({
    clock,
    config: {
      portal: { baseUrl: sim.url, auth: 'hmac', secret: DEV_PORTAL_SECRET, timeoutMs: 2000 },
      sync: { ...defaults.sync, maxAttempts: 5 },
    },
  });
  ward = await peoplesCommittee(rt.deps.db, '00070');
});
after(async () => {
  await rt.close();
  await sim.close();
});

type View = {
  status: string;
  version: number;
  dueAt: string | null;
  currentStep: { index: number };
  legacy: {
    source: string;
    readOnly: boolean;
    history: {
      at: string;
      by: string;
      title: string;
      department: string;
      content: string;
      statusCode: number;
    }[];
  } | null;
};
const view = async (user: string, code: string) => {
  const res = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}`,
    headers: { cookie: await as(user) },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<View>();
};
const act = async (user: string, code: string, action: string, body: Record<string, unknown> = {}) => {
  const v = await view(user, code);
  const res = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers: { cookie: await as(user), 'if-match': String(v.version) },
    payload: body,
  });
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  return res.json<View>();
};
type Offered = { items: { kind: string; inputs: { properties?: Record<string, unknown> } }[] };
const offered = async (user: string, code: string) => {
  const res = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/dossiers/${code}/actions`,
    headers: { cookie: await as(user) },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<Offered>().items;
};

test('#17 an in-flight dossier imported at processing is claimed, approved and returned; II.06a counts it; the portal gets updates only', async () => {
  const db = rt.deps.db;
  const code = `${ward}-261119-0201`;
  // The legacy system had synchronised it: the portal holds its record at status 4.
  sim.control.plant(code, 4);
  const imported = await importFile(
    rt.app,
    await as('demo-admin'),
    jsonl([processingRecord(ward, code)]),
    'dryRun=false',
  );
  assert.equal(imported.accepted, 1, JSON.stringify(imported.report));

  // Nothing is sent for the import itself.
  const queued = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM outbox WHERE ordering_key = ${code}`.execute(db);
  assert.equal(queued.rows[0]!.n, 0);

  const start = await view('specialist.hang-trong', code);
  assert.equal(start.status, 'processing');
  assert.equal(
    start.dueAt,
    '2026-11-25T02:00:00.000Z',
    'due in three working days, as the legacy system said',
  );
  // Its legacy processing is there for the officer who continues it, as the legacy system recorded it.
  assert.deepEqual([start.legacy?.source, start.legacy?.readOnly], ['dvcqg', false]);
  assert.deepEqual(
    start.legacy?.history.map((e) => [e.at, e.by, e.title, e.department, e.content, e.statusCode]),
    [
      [
        '2026-11-19T01:30:00.000Z',
        'Trần Văn Bình',
        'Cán bộ một cửa',
        'Bộ phận một cửa',
        'Nộp hồ sơ tại bộ phận một cửa',
        1,
      ],
      [
        '2026-11-19T01:30:00.000Z',
        'Trần Văn Bình',
        'Cán bộ một cửa',
        'Bộ phận một cửa',
        'Tiếp nhận hồ sơ',
        2,
      ],
      ['2026-11-19T03:00:00.000Z', 'Trần Văn Bình', 'Cán bộ một cửa', 'Bộ phận một cửa', 'Chuyển xử lý', 4],
    ],
  );

  // Monday: the ward's specialist takes it from the worklist and passes it to the leader, who approves.
  clock.set('2026-11-23T02:00:00Z');
  cookies.clear();
  assert.ok((await offered('specialist.hang-trong', code)).some((a) => a.kind === 'claim'));
  await act('specialist.hang-trong', code, 'claim');
  const fwd = (await offered('specialist.hang-trong', code)).find((a) => a.kind === 'forward');
  assert.ok(fwd);
  const leader = await userId(db, 'leader.hang-trong');
  await act('specialist.hang-trong', code, 'forward', {
    note: 'Đủ điều kiện',
    ...(fwd.inputs.properties && 'nextAssigneeId' in fwd.inputs.properties ? { nextAssigneeId: leader } : {}),
  });
  clock.advance(60 * 60_000);
  const approved = await act('leader.hang-trong', code, 'approve', {
    resultNumber: '215/QĐ-UBND',
    resultDate: '2026-11-23',
    signer: 'Vũ Thị Hồng Nhung',
    resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }],
  });
  assert.equal(approved.status, 'result-ready');
  clock.advance(60 * 60_000);
  const returned = await act('desk.hang-trong', code, 'return-result', {
    channel: 'counter',
    recipientName: 'Nguyễn Thị Hường',
  });
  assert.equal(returned.status, 'returned');

  // Biểu II.06a of November: received, and resolved before its due time, at the ward; the drill-down
  // lists it under both.
  const ii06a = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/reports/ii06a?from=2026-11-01&to=2026-11-30',
    headers: { cookie: await as('demo-admin') },
  });
  assert.equal(ii06a.statusCode, 200, ii06a.body);
  const row = ii06a.json<Ii06aResponse>().rows.find((r) => r.key === ward);
  assert.ok(row, 'the ward has a row');
  assert.ok(row.resolved.early >= 1, JSON.stringify(row));
  for (const cell of ['resolved.early', 'received.inPeriod']) {
    const listed: { statusCode: number; body: string; json: <T>() => T } = await rt.app.inject({
      method: 'GET',
      url: `${row.drill}&cell=${cell}&pageSize=500`,
      headers: { cookie: await as('demo-admin') },
    });
    assert.equal(listed.statusCode, 200, listed.body);
    assert.ok(
      listed.json<{ items: { code: string }[] }>().items.some((i) => i.code === code),
      `${cell} lists the imported dossier`,
    );
  }

  // The portal: every push for it is an update of the record it holds, none a creation.
  const base = createPortalClient({ ...rt.deps.config.portal, baseUrl: sim.url });
  const pushes: { isUpdating: boolean; codes: string[] }[] = [];
  const client = {
    ...base,
    pushStatuses: async (...args: Parameters<typeof base.pushStatuses>) => {
      pushes.push({ isUpdating: args[2].isUpdating, codes: args[0].map((r) => r.MaHoSo) });
      return base.pushStatuses(...args);
    },
  };
  const worker = createOutboxWorker({
    db,
    clock,
    handlers: syncHandlers(rt.deps, client),
    log: silentLog,
    maxAttempts: 5,
    backoffBaseMs: 1000,
    backoffMaxMs: 1000,
  });
  for (let i = 0; i < 10; i++) {
    const stats = await worker.runOnce();
    if (stats.claimed === 0) break;
  }
  const ours = pushes.filter((p) => p.codes.includes(code));
  assert.ok(ours.length >= 1, 'motcua’s changes reach the portal');
  assert.ok(
    ours.every((p) => p.isUpdating),
    JSON.stringify(ours),
  );
  const held = sim.control.dossier(code)!;
  assert.equal(held.TrangThaiHoSo, 10);
  assert.equal(held.history[0]!.planted, true, 'the same record the legacy system created');
  // What it heard: the legacy system's status 4, then one update per action of motcua (claimed and
  // forwarded at 4, result ready 9, returned 10), each an update of that record.
  assert.deepEqual(
    held.history.map((h) => h.TrangThaiHoSo),
    [4, 4, 4, 9, 10],
  );
  assert.equal(ours.length, 4);
  assert.equal(sim.control.dossiers().filter((d) => d.MaHoSo === code).length, 1);
  const state = await db
    .selectFrom('portal_sync_state')
    .select(['acked_status_code', 'acked_outbox_id', 'latest_outbox_id'])
    .where('dossier_code', '=', code)
    .executeTakeFirstOrThrow();
  assert.equal(state.acked_status_code, 10);
  assert.equal(state.acked_outbox_id, state.latest_outbox_id);
});
