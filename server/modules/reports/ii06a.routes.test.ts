// Biểu II.06a through the HTTP API: random sequences of intakes and actions by the staff of Phường Hoàn
// Kiếm over simulated months (the clock moved by hours and days), then every cell of random periods read
// by its leader equals a recount of the dossiers by the documented rules; the statutory .xlsx and PDF;
// who may read what, and invalid periods named field by field.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { birthAtCounter } from '../../test/fixtures.ts';
import { peoplesCommittee, userId } from '../../test/seeded.ts';
import {
  countDossiers,
  columnsAddUp,
  namedPeriod,
  type CountedDossier,
} from '../../../common/reports/ii06a.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import type { Ii06aDrillResponse, Ii06aResponse } from '../../../common/contracts/report-ii06a.ts';

// Monday 5 January 2026, 08:00 in Hà Nội.
const clock = manualClock('2026-01-05T01:00:00Z');
let rt: TestRuntime;
let ward = '';
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};
const ids = new Map<string, string>();

before(async () => {
  rt = await createTestRuntime({ clock, config: { sessionTtlHours: 24 * 400 } });
  ward = await peoplesCommittee(rt.deps.db, '00070');
  for (const u of ['specialist.hang-trong', 'leader.hang-trong']) ids.set(u, await userId(rt.deps.db, u));
});
after(() => rt.close());

/** A request in `user`'s session, signing in again when the clock has outrun it. */
async function send(
  user: string | null,
  opts: { method: 'GET' | 'POST'; url: string; headers?: object; payload?: object },
) {
  const once = async () =>
    rt.app.inject({ ...opts, headers: { ...opts.headers, ...(user ? { cookie: await as(user) } : {}) } });
  const res = await once();
  if (res.statusCode !== 401 || user === null) return res;
  cookies.delete(user);
  return once();
}
const get = (user: string | null, url: string) => send(user, { method: 'GET', url });

async function report(user: string, query: string): Promise<Ii06aResponse> {
  const res = await get(user, `/api/v1/reports/ii06a?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<Ii06aResponse>();
}

const STAFF = ['desk.hang-trong', 'specialist.hang-trong', 'leader.hang-trong'];
const BODIES: Record<string, (inputs: { properties?: Record<string, unknown> }, next: string) => object> = {
  forward: (inputs, next) =>
    inputs.properties && 'nextAssigneeId' in inputs.properties ? { nextAssigneeId: ids.get(next)! } : {},
  claim: () => ({}),
  approve: () => ({
    resultNumber: '12/QĐ-UBND',
    resultDate: vnDate(clock.now()),
    signer: 'Trần Quốc Việt',
    resultDocuments: [{ name: 'Giấy khai sinh (bản chính)' }],
  }),
  'return-result': () => ({ channel: 'counter', recipientName: 'Nguyễn Thị Hường' }),
  withdraw: () => ({ reason: 'Người nộp xin rút hồ sơ' }),
};

/** One step of the staff's work on `code`: the `pick`-th of the actions someone may take now. */
async function work(code: string, pick: number): Promise<void> {
  const options: { user: string; kind: string; inputs: { properties?: Record<string, unknown> } }[] = [];
  for (const user of STAFF) {
    const res = await get(user, `/api/v1/dossiers/${code}/actions`);
    if (res.statusCode !== 200) continue;
    for (const a of res.json<{
      items: { kind: string; inputs: { properties?: Record<string, unknown> } }[];
    }>().items) {
      if (a.kind in BODIES) options.push({ user, ...a });
    }
  }
  if (options.length === 0) return;
  const o = options[pick % options.length]!;
  const next = o.user === 'desk.hang-trong' ? 'specialist.hang-trong' : 'leader.hang-trong';
  const view = await get(o.user, `/api/v1/dossiers/${code}`);
  const res = await send(o.user, {
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${o.kind}`,
    headers: { 'if-match': String(view.json<{ version: number }>().version) },
    payload: BODIES[o.kind]!(o.inputs, next),
  });
  assert.equal(res.statusCode, 200, `${o.user} ${o.kind} ${code}: ${res.body}`);
}

const step = fc.oneof(
  fc.record({ t: fc.constant('intake' as const), online: fc.boolean() }),
  fc.record({ t: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 96 }) }),
  fc.record({ t: fc.constant('work' as const), which: fc.nat(), pick: fc.nat() }),
);

async function recount(from: string, to: string) {
  const rows = await rt.deps.db
    .selectFrom('dossiers')
    .select(['status', 'channel', 'received_at', 'due_at', 'result_at', 'closed_at'])
    .where('received_by_agency_id', '=', (eb) =>
      eb.selectFrom('agencies').select('agency_id').where('code', '=', ward),
    )
    .execute();
  const dossiers: CountedDossier[] = rows.map((r) => ({
    status: r.status,
    channel: r.channel,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    resultAt: r.result_at,
    closedAt: r.closed_at,
  }));
  return countDossiers(
    dossiers,
    { from, to, today: vnDate(clock.now()) },
    { late: 'time', withdrawn: 'on-time' },
  );
}

test('random intakes and actions over simulated months: every cell the leader reads equals a recount', async () => {
  const codes: string[] = [];
  await fc.assert(
    fc.asyncProperty(
      fc.array(step, { minLength: 8, maxLength: 18 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 90 })), {
        minLength: 2,
        maxLength: 3,
      }),
      async (steps, periods) => {
        for (const s of steps) {
          if (s.t === 'wait') clock.advance(s.hours * 3_600_000);
          else if (s.t === 'intake') {
            const res = await send('desk.hang-trong', {
              method: 'POST',
              url: '/api/v1/dossiers',
              payload: birthAtCounter(ward),
            });
            assert.equal(res.statusCode, 201, res.body);
            codes.push(res.json<{ code: string }>().code);
          } else if (codes.length > 0) await work(codes[s.which % codes.length]!, s.pick);
        }
        for (const [start, length] of periods) {
          const day = (n: number) =>
            vnDate(new Date(Date.parse('2026-01-01T00:00:00+07:00') + n * 86_400_000));
          const [from, to] = [day(start), day(start + length)];
          const got = await report('leader.hang-trong', `from=${from}&to=${to}`);
          const row = got.rows.find((r) => r.key === ward);
          const want = await recount(from, to);
          const { drill: _d, ...total } = got.total;
          assert.deepEqual(total, want, `${from}..${to} at ${clock.now().toISOString()}`);
          if (row) assert.ok(columnsAddUp(row));
        }
      },
    ),
    { numRuns: 3 },
  );
  assert.ok(codes.length > 0);
});

test('a quarter as the statutory .xlsx and PDF: title, period, 13 columns, the totals', async () => {
  clock.set('2026-07-01T01:00:00Z');
  const q = namedPeriod('quarter', 2026, 1);
  const json = await report('leader.hang-trong', `from=${q.from}&to=${q.to}`);
  assert.equal(json.periodLabel, 'Quý I năm 2026');
  assert.ok(json.total.received.total > 0, 'the months above left dossiers in the quarter');
  const xlsx = await get('leader.hang-trong', `/api/v1/reports/ii06a?from=${q.from}&to=${q.to}&format=xlsx`);
  assert.equal(xlsx.statusCode, 200, xlsx.body);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  assert.match(String(xlsx.headers['content-disposition']), /bieu-ii06a-2026-01-01-2026-03-31\.xlsx/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const cells: string[] = [];
  sheet.eachRow((r) => r.eachCell((c) => cells.push(c.text)));
  assert.ok(cells.some((c) => c.includes('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH')));
  assert.ok(cells.some((c) => c.includes('Quý I năm 2026')));
  for (let n = 1; n <= 13; n++) assert.ok(cells.includes(`(${n})`), `column (${n})`);
  let totals: number[] = [];
  sheet.eachRow((r) => {
    if (r.getCell(2).text.includes('Tổng cộng') || r.getCell(1).text.includes('Tổng cộng')) {
      totals = Array.from({ length: 11 }, (_, i) => Number(r.getCell(i + 3).value));
    }
  });
  const t = json.total;
  assert.deepEqual(totals, [
    t.received.total,
    t.received.online,
    t.received.directOrPostal,
    t.received.carriedOver,
    t.resolved.total,
    t.resolved.early,
    t.resolved.onTime,
    t.resolved.late,
    t.inProgress.total,
    t.inProgress.withinLimit,
    t.inProgress.overdue,
  ]);
  const pdf = await get('leader.hang-trong', `/api/v1/reports/ii06a?from=${q.from}&to=${q.to}&format=pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
});

test('the drill-down lists exactly the dossiers of a figure, for the total and for a row', async () => {
  const got = await report('leader.hang-trong', 'from=2026-01-01&to=2026-06-30&groupBy=procedure');
  for (const cell of [
    'received.total',
    'resolved.total',
    'inProgress.total',
    'received.carriedOver',
  ] as const) {
    const res = await get('leader.hang-trong', `${got.total.drill}&cell=${cell}&pageSize=500`);
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json<Ii06aDrillResponse>();
    const [part, key] = cell.split('.') as ['received', 'total'];
    assert.equal(list.total, (got.total[part] as Record<string, number>)[key], cell);
    assert.equal(list.items.length, Math.min(list.total, 500));
  }
  const row = got.rows[0]!;
  const res = await get('leader.hang-trong', `${row.drill}&cell=received.total`);
  assert.equal(res.json<Ii06aDrillResponse>().total, row.received.total);
  assert.equal(res.json<Ii06aDrillResponse>().column, 3);
});

test('who may read: 401, desk and specialist 403, another ward and another province 403, unknown agency 404', async () => {
  const q = 'from=2026-01-01&to=2026-03-31';
  assert.equal((await get(null, `/api/v1/reports/ii06a?${q}`)).statusCode, 401);
  for (const u of ['desk.hang-trong', 'specialist.hang-trong']) {
    assert.equal((await get(u, `/api/v1/reports/ii06a?${q}`)).statusCode, 403, u);
    assert.equal(
      (await get(u, `/api/v1/reports/ii06a/dossiers?${q}&cell=received.total`)).statusCode,
      403,
      u,
    );
  }
  const cuaNam = await peoplesCommittee(rt.deps.db, '00082');
  assert.equal(
    (await get('leader.hang-trong', `/api/v1/reports/ii06a?${q}&agencyCode=${cuaNam}`)).statusCode,
    403,
  );
  // The leader of a Đà Nẵng commune reads neither Hà Nội's ward nor its dossiers.
  assert.equal(
    (await get('leader.tay-giang', `/api/v1/reports/ii06a?${q}&agencyCode=${ward}`)).statusCode,
    403,
  );
  const other = await report('leader.tay-giang', q);
  assert.equal(other.rows.length, 0, 'nothing of Hà Nội in a Đà Nẵng commune’s report');
  assert.equal(
    (
      await get(
        'leader.tay-giang',
        `/api/v1/reports/ii06a/dossiers?${q}&agencyCode=${ward}&cell=received.total`,
      )
    ).statusCode,
    403,
  );
  assert.equal(
    (await get('leader.hang-trong', `/api/v1/reports/ii06a?${q}&agencyCode=H99.999`)).statusCode,
    404,
  );
  // The city's administrator reads the ward's figures.
  const city = await report('demo-admin', q);
  assert.ok(city.rows.some((r) => r.key === ward));
});

test('invalid periods and choices are named field by field', async () => {
  for (const [query, paths] of [
    ['from=2026-02-30&to=2026-03-01', ['query/from']],
    ['from=2026-02-01&to=2026-02-29', ['query/to']],
    ['from=2026-04-01&to=2026-03-31', ['query/to']],
    ['from=2010-01-01&to=2026-03-31', ['query/to']],
    ['from=2026-1-1&to=2026-03-31', ['query/from']],
    ['to=2026-03-31', ['query/from']],
    ['from=2026-01-01&to=2026-03-31&groupBy=ward', ['query/groupBy']],
    ['from=2026-01-01&to=2026-03-31&format=docx', ['query/format']],
    ['from=2026-01-01&to=2026-03-31&late=hour', ['query/late']],
  ] as const) {
    const res = await get('leader.hang-trong', `/api/v1/reports/ii06a?${query}`);
    assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
    const err = errorOf(res);
    assert.equal(err.code, 'VALIDATION_FAILED');
    for (const p of paths)
      assert.ok(
        err.details?.some((d) => d.path === p),
        `${query}: ${JSON.stringify(err.details)}`,
      );
  }
  const drill = await get(
    'leader.hang-trong',
    '/api/v1/reports/ii06a/dossiers?from=2026-01-01&to=2026-03-31&cell=x',
  );
  assert.equal(drill.statusCode, 400);
  assert.ok(errorOf(drill).details?.some((d) => d.path === 'query/cell'));
});
