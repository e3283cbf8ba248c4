// The KPIs through the HTTP API over the week of kpi-test-kit.ts: every figure against the hand count
// (WEEK), the dossiers and procedures behind each, the twelve months of the trend, the province's
// targets (defaults, set by its administrator, audited, stale versions refused), who may read what, and
// the report as .xlsx and PDF.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf, ORIGIN } from '../../test/http.ts';
import type { Worksheet } from 'exceljs';
import { DEFAULT_KPI_TARGETS, KPI_KEYS, KPI_LABELS, type KpiKey } from '../../../common/reports/kpis.ts';
import type { KpiFigure, KpisResponse, KpiTargetsResponse } from '../../../common/contracts/report-kpis.ts';
import { liveWeek, wardCatalogue, WEEK, type Week } from './kpi-test-kit.ts';
import { assertDownload, findRow, layoutText, rowValues, sheetsOf } from './export-test-kit.ts';
import { missingTools } from '../slips/test-poppler.ts';

const poppler = missingTools('pdftotext');

let w: Week;
before(async () => {
  w = await liveWeek();
});
after(() => w.close());

const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

async function kpis(user: string, query = NOVEMBER): Promise<KpisResponse> {
  const res = await w.get(user, `/api/v1/reports/kpis?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<KpisResponse>();
}

/** Codes of every dossier a drill link lists (one page is enough for the week). */
async function listed(user: string, link: string): Promise<string[]> {
  const res = await w.get(user, link);
  assert.equal(res.statusCode, 200, `${link}: ${res.body}`);
  const body = res.json<{ total: number; items: { code: string }[] }>();
  assert.equal(body.items.length, body.total, link);
  return body.items.map((i) => i.code).sort();
}

function assertFigure(f: KpiFigure, want: [number, number] | null, target: number, label: string) {
  assert.equal(f.target, target, `${label} target`);
  if (want === null) {
    assert.equal(f.value, null, label);
    assert.equal(f.met, null, label);
    assert.ok(f.reason, `${label} says why`);
    return;
  }
  const [numerator, denominator] = want;
  assert.deepEqual([f.numerator, f.denominator], [numerator, denominator], label);
  if (denominator === 0) {
    assert.equal(f.value, null, label);
    assert.equal(f.met, null, label);
    assert.ok(f.reason, `${label} says why`);
  } else {
    assert.equal(f.value, numerator / denominator, label);
    assert.equal(f.met, numerator / denominator >= target, label);
  }
}

test('every KPI of the week at Phường Hoàn Kiếm against the hand count, with the default targets', async () => {
  const h = WEEK.hangTrong;
  const catalogue = await wardCatalogue(w);
  assert.equal(catalogue.online, 1, 'birth registration, published toàn trình by the kit');
  const report = await kpis('leader.hang-trong');
  assert.deepEqual(report.province, { code: '01', name: 'Thành phố Hà Nội' });
  assert.deepEqual(report.targets, { source: 'default', values: DEFAULT_KPI_TARGETS });
  assert.deepEqual(
    report.scope.map((a) => a.code),
    [w.hangTrong],
  );
  assert.deepEqual(
    report.rows.map((r) => r.agency.code),
    [w.hangTrong],
  );
  const want: Record<KpiKey, [number, number]> = {
    sync: [h.synced, h.received],
    onlineProcedures: [catalogue.online, catalogue.offered],
    onlineDossiers: [h.receivedOnline, h.received],
    paidOnline: [h.paidOnline, h.feeBearing],
    electronicResults: [h.resultsElectronic, h.early + h.onTime + h.late + h.noDue],
    digitised: [h.digitised, h.received],
    onTime: [h.early + h.onTime, h.early + h.onTime + h.late],
    satisfaction: [h.verySatisfied + h.satisfied, h.verySatisfied + h.satisfied + h.unsatisfied],
  };
  for (const figures of [report.rows[0]!.figures, report.total.figures]) {
    for (const k of KPI_KEYS) assertFigure(figures[k], want[k], DEFAULT_KPI_TARGETS[k], k);
  }
  // 3/6, 1/24, 1/6, 1/2, 1/3, 1/6, 2/3, 2/3: only the online payments reach their target (50 %).
  assert.deepEqual(
    KPI_KEYS.filter((k) => report.total.figures[k].met),
    ['paidOnline'],
  );
  assert.match(
    report.total.figures.onlineProcedures.reason!,
    new RegExp(`^${catalogue.unknown} thủ tục chưa rõ`),
  );
  // The caveat's number on its own, for the English page to word it.
  assert.equal(report.total.figures.onlineProcedures.levelUnknown, catalogue.unknown);
  assert.equal(report.total.figures.sync.levelUnknown, null);
});

test('the dossiers and procedures behind each figure are the ones it counts', async () => {
  const { A, B, C, D, E, F } = w.codes;
  const row = (await kpis('leader.hang-trong')).rows[0]!.figures;
  const expected: Record<KpiKey, [string[], string[]]> = {
    sync: [
      [A, B, C],
      [D, E, F],
    ],
    onlineProcedures: [[], []],
    onlineDossiers: [[F], [A, B, C, D, E]],
    paidOnline: [[A], [B]],
    electronicResults: [[A], [B, C]],
    digitised: [[A], [B, C, D, E, F]],
    onTime: [[A, C], [B]],
    satisfaction: [[A, C], [B]],
  };
  for (const k of KPI_KEYS) {
    if (k === 'onlineProcedures') continue;
    const f = row[k];
    assert.deepEqual(await listed('leader.hang-trong', f.drill!), expected[k][0].sort(), `${k} drill`);
    assert.deepEqual(await listed('leader.hang-trong', f.drillRest!), expected[k][1].sort(), `${k} rest`);
  }
  assert.match(row.onlineDossiers.drill!, /^\/api\/v1\/reports\/ii06a\/dossiers\?.*cell=received\.online/);
  assert.match(row.onTime.drillRest!, /^\/api\/v1\/reports\/ii06a\/dossiers\?.*cell=resolved\.late/);
  const online = await w.get('leader.hang-trong', row.onlineProcedures.drill!);
  assert.equal(online.statusCode, 200, online.body);
  assert.deepEqual(
    online.json<{ items: { code: string; receivedOnline: number; onlineLevel: string }[] }>().items,
    [
      {
        ...online.json<{ items: object[] }>().items[0],
        code: '1.001193',
        onlineLevel: 'full',
        receivedOnline: 1,
      },
    ],
  );
  const rest = (await w.get('leader.hang-trong', row.onlineProcedures.drillRest!)).json<{ total: number }>();
  assert.equal(rest.total, row.onlineProcedures.denominator! - 1);
});

test('the province sees both wards; Phường Cửa Nam has nothing to divide by where nothing happened', async () => {
  const report = await kpis('demo-admin');
  assert.deepEqual(report.rows.map((r) => r.agency.code).sort(), [w.hangBac, w.hangTrong].sort());
  const bac = report.rows.find((r) => r.agency.code === w.hangBac)!.figures;
  assertFigure(bac.sync, [0, 1], 1, 'sync');
  assertFigure(bac.onlineDossiers, [0, 1], 0.5, 'online');
  assertFigure(bac.digitised, [0, 1], 1, 'digitised');
  for (const k of ['paidOnline', 'electronicResults', 'onTime', 'satisfaction'] as const) {
    assertFigure(bac[k], [0, 0], DEFAULT_KPI_TARGETS[k], k);
  }
  assert.equal(bac.paidOnline.reason, 'Không có hồ sơ có phí, lệ phí tiếp nhận trong kỳ.');
  const t = report.total.figures;
  assert.deepEqual([t.sync.numerator, t.sync.denominator], [3, 7]);
  assert.deepEqual([t.onlineDossiers.numerator, t.onlineDossiers.denominator], [1, 7]);
  assert.deepEqual([t.onTime.numerator, t.onTime.denominator], [2, 3]);
  // The auditor and the city's leader count the same.
  assert.deepEqual((await kpis('auditor.ha-noi')).total, report.total);
  assert.deepEqual((await kpis('leader.hoan-kiem')).total, report.total);
});

test('the trend: the twelve months to November, the catalogue share without history', async () => {
  const report = await kpis('leader.hang-trong', 'from=2026-11-10&to=2026-11-30');
  assert.deepEqual(report.trend.map((m) => [m.month, m.from, m.to]).slice(0, 2), [
    ['2025-12', '2025-12-01', '2025-12-31'],
    ['2026-01', '2026-01-01', '2026-01-31'],
  ]);
  assert.equal(report.trend.length, 12);
  assert.deepEqual(report.trend.at(-1)!.month, '2026-11');
  const november = report.trend.at(-1)!.figures;
  const whole = (await kpis('leader.hang-trong')).total.figures;
  for (const k of KPI_KEYS) {
    if (k === 'onlineProcedures') {
      assert.equal(november[k].value, null);
      assert.match(november[k].reason!, /không lưu lịch sử/);
      continue;
    }
    assert.deepEqual(
      [november[k].numerator, november[k].denominator],
      [whole[k].numerator, whole[k].denominator],
      k,
    );
  }
  for (const m of report.trend.slice(0, -1)) assert.equal(m.figures.sync.denominator, 0, m.month);
  assert.match(report.trend[10]!.figures.sync.drill!, /from=2026-10-01&to=2026-10-31/);
  // The period from the 10th: the week still counts (all of it came after).
  assert.deepEqual(report.total.figures.sync.numerator, 3);
  // A period before the week: nothing.
  const october = await kpis('leader.hang-trong', 'from=2026-10-01&to=2026-10-31');
  assert.deepEqual(october.rows, []);
  assert.equal(october.total.figures.sync.value, null);
});

test('targets: the defaults, set by the province administrator (audited), stale versions refused', async () => {
  const read = async (user: string) => {
    const res = await w.get(user, '/api/v1/provinces/01/kpi-targets');
    assert.equal(res.statusCode, 200, res.body);
    return res.json<KpiTargetsResponse>();
  };
  const before = await read('leader.hang-trong');
  assert.equal(before.version, 0);
  assert.equal(before.source, 'default');
  assert.deepEqual(before.targets, DEFAULT_KPI_TARGETS);
  assert.equal(before.canEdit, false);
  assert.equal((await read('demo-admin')).canEdit, true);

  const put = async (user: string, body: unknown, province = '01') =>
    w.rt.app.inject({
      method: 'PUT',
      url: `/api/v1/provinces/${province}/kpi-targets`,
      headers: { cookie: await w.staff(user), origin: ORIGIN },
      payload: body as Record<string, unknown>,
    });
  const targets = { ...DEFAULT_KPI_TARGETS, onTime: 0.6, satisfaction: 0.66 };
  for (const user of ['leader.hang-trong', 'auditor.ha-noi', 'admin.hoan-kiem', 'admin.quang-nam']) {
    const refused = await put(user, { version: 0, targets });
    assert.equal(refused.statusCode, 403, `${user}: ${refused.body}`);
  }
  const bad = await put('demo-admin', { version: 0, targets: { ...targets, sync: 1.5, onTime: undefined } });
  assert.equal(bad.statusCode, 400);
  const paths = errorOf(bad).details!.map((d) => d.path);
  assert.ok(
    paths.includes('body/targets/sync') && paths.includes('body/targets/onTime'),
    JSON.stringify(paths),
  );
  assert.equal((await put('demo-admin', { version: 0, targets }, '99')).statusCode, 404);

  const done = await put('demo-admin', { version: 0, targets, note: 'Kế hoạch năm 2026' });
  assert.equal(done.statusCode, 200, done.body);
  const set = done.json<KpiTargetsResponse>();
  assert.deepEqual([set.version, set.source, set.note], [1, 'province', 'Kế hoạch năm 2026']);
  assert.deepEqual(set.targets, targets);
  const stale = await put('demo-admin', { version: 0, targets });
  assert.equal(stale.statusCode, 409);
  assert.equal(errorOf(stale).details![0]!.path, 'body/version');
  const audit = await w.rt.deps.db
    .selectFrom('audit_log')
    .select(['entity_id', 'details'])
    .where('action', '=', 'reports.kpi-targets-replaced')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.entity_id),
    ['01'],
  );
  assert.deepEqual((audit[0]!.details as { targets: unknown }).targets, targets);

  // The reports compare with them: 2/3 of results on time, 2/3 satisfied now meet their targets.
  const report = await kpis('leader.hang-trong');
  assert.deepEqual(report.targets, { source: 'province', values: targets });
  assert.equal(report.total.figures.onTime.met, true);
  assert.equal(report.total.figures.satisfaction.met, true);
  assert.equal(report.trend.at(-1)!.figures.onTime.target, 0.6);
  // Another province keeps the defaults.
  assert.equal(
    (await w.get('admin.quang-nam', '/api/v1/provinces/48/kpi-targets')).json<KpiTargetsResponse>().source,
    'default',
  );
  assert.equal((await w.get('admin.quang-nam', '/api/v1/provinces/01/kpi-targets')).statusCode, 403);
  assert.equal((await w.get('desk.hang-trong', '/api/v1/provinces/01/kpi-targets')).statusCode, 403);
  assert.equal((await w.get(null, '/api/v1/provinces/01/kpi-targets')).statusCode, 401);
  assert.equal((await w.get('demo-admin', '/api/v1/provinces/99/kpi-targets')).statusCode, 404);
});

test('who may read: 401, 403 for desk and specialist, another ward or province, 404 unknown agency', async () => {
  const urls = [
    `/api/v1/reports/kpis?${NOVEMBER}`,
    `/api/v1/reports/kpis/dossiers?${NOVEMBER}&figure=synced`,
    `/api/v1/reports/kpis/procedures?${NOVEMBER}&figure=online`,
  ];
  for (const url of urls) {
    const anon = await w.get(null, url);
    assert.equal(anon.statusCode, 401, url);
    for (const user of ['desk.hang-trong', 'specialist.hang-trong']) {
      assert.equal((await w.get(user, url)).statusCode, 403, `${user} ${url}`);
    }
    assert.equal((await w.get('leader.hang-trong', `${url}&agencyCode=${w.hangBac}`)).statusCode, 403, url);
    assert.equal((await w.get('leader.quan-3', `${url}&agencyCode=${w.hangTrong}`)).statusCode, 403, url);
    const unknown = await w.get('leader.hang-trong', `${url}&agencyCode=H26.999`);
    assert.equal(unknown.statusCode, 404, url);
    assert.equal(errorOf(unknown).code, 'NOT_FOUND');
  }
  // Another province's leader reaches nothing of it.
  assert.deepEqual((await kpis('leader.quan-3')).rows, []);
});

test('bad input names every failing field', async () => {
  for (const [query, paths] of [
    ['from=2026-11-31&to=2026-02-30', ['query/from', 'query/to']],
    ['from=2026-12-01&to=2026-11-01', ['query/to']],
    ['from=2026-11&to=2026-11-30&map=now', ['query/from', 'query/map']],
  ] as const) {
    const res = await w.get('leader.hang-trong', `/api/v1/reports/kpis?${query}`);
    assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
    const got = errorOf(res).details!.map((d) => d.path);
    for (const p of paths) assert.ok(got.includes(p), `${query}: ${JSON.stringify(got)}`);
  }
  const figure = await w.get(
    'leader.hang-trong',
    `/api/v1/reports/kpis/dossiers?${NOVEMBER}&figure=everything`,
  );
  assert.equal(figure.statusCode, 400);
  assert.ok(errorOf(figure).details!.some((d) => d.path === 'query/figure'));
});

test('the KPIs as .xlsx: the scope, each agency and the twelve months, Vietnamese headings, numbers as numbers', async () => {
  const json = await kpis('demo-admin');
  const res = await w.get('demo-admin', `/api/v1/reports/kpis?${NOVEMBER}&format=xlsx`);
  const sheets = await sheetsOf(assertDownload(res, 'xlsx', /chi-tieu-20261101-20261130/));
  assert.deepEqual(
    sheets.map((s) => s.name),
    ['chi-tieu-20261101-20261130', 'Theo cơ quan', 'Xu hướng 12 tháng'],
  );
  const [scope, agencies, trend] = sheets as [Worksheet, Worksheet, Worksheet];
  assert.deepEqual(rowValues(scope, 1), [
    'Chỉ tiêu',
    'Tử số',
    'Mẫu số',
    'Tỷ lệ',
    'Mục tiêu',
    'Đánh giá',
    'Ghi chú',
  ]);
  const t = json.total.figures;
  assert.equal(scope.rowCount, 1 + KPI_KEYS.length);
  KPI_KEYS.forEach((k, i) => {
    const f = t[k];
    const met = f.met === null ? '—' : f.met ? 'Đạt' : 'Chưa đạt';
    assert.deepEqual(
      rowValues(scope, i + 2, 6),
      [KPI_LABELS[k], f.numerator, f.denominator, f.value, f.target, met],
      k,
    );
  });
  assert.deepEqual(rowValues(scope, 2, 3), [KPI_LABELS.sync, 3, 7], 'the sync, 3 of 7, as numbers');
  assert.equal(scope.getRow(2).getCell(4).numFmt, '0.0%');
  // Phường Cửa Nam: nothing to divide by for on-time; empty, "—" and the reason.
  assert.deepEqual(rowValues(agencies, 1, 3), ['Cơ quan tiếp nhận', 'Đơn vị hành chính', 'Chỉ tiêu']);
  assert.equal(agencies.rowCount, 1 + json.rows.length * KPI_KEYS.length);
  const bac = json.rows.find((r) => r.agency.code === w.hangBac)!;
  const onTime = findRow(agencies, { 1: bac.agency.name, 3: KPI_LABELS.onTime });
  assert.deepEqual(rowValues(agencies, onTime, 8).slice(3), [0, 0, null, bac.figures.onTime.target, '—']);
  const sync = findRow(agencies, { 1: bac.agency.name, 3: KPI_LABELS.sync });
  assert.deepEqual(rowValues(agencies, sync, 8).slice(3), [0, 1, 0, bac.figures.sync.target, 'Chưa đạt']);
  // The trend: a month a row, a KPI a column, the shares as numbers.
  assert.equal(trend.getRow(1).getCell(1).text, 'Tháng');
  assert.equal(trend.rowCount, 13);
  const november = json.trend.at(-1)!.figures;
  assert.deepEqual(rowValues(trend, 13, 1 + KPI_KEYS.length), [
    '11/2026',
    ...KPI_KEYS.map((k) => november[k].value),
  ]);
});

test(
  'the KPIs as PDF: the title, the figures of the scope, each agency and the trend',
  { skip: poppler },
  async () => {
    const json = await kpis('leader.hang-trong');
    const res = await w.get('leader.hang-trong', `/api/v1/reports/kpis?${NOVEMBER}&format=pdf`);
    const pdf = assertDownload(res, 'pdf', /chi-tieu-20261101-20261130/);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = layoutText(pdf);
    const online = json.total.figures.onlineDossiers;
    assert.deepEqual([online.numerator, online.denominator, online.met], [1, 6, false]);
    // The province's targets once the test above has set them.
    const target = `${(online.target * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
    for (const s of [
      'CHỈ TIÊU ĐIỀU HÀNH SO VỚI MỤC TIÊU',
      'Từ ngày 01/11/2026 đến ngày 30/11/2026',
      json.targets.source === 'province' ? 'Mục tiêu do Thành phố Hà Nội đặt' : 'Mục tiêu mặc định',
      'Toàn phạm vi',
      'Theo cơ quan tiếp nhận',
      'Xu hướng 12 tháng',
      '11/2026',
    ]) {
      assert.ok(text.includes(s), `${s} in\n${text}`);
    }
    // The online dossiers' row: its name, 1 of 6 received online, 16,7 % against the target, not met.
    const row = new RegExp(`Hồ sơ tiếp nhận trực tuyến\\s+1\\s+6\\s+16,7 %\\s+${target}\\s+Chưa đạt`);
    assert.match(text, row);
  },
);
