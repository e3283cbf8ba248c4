// The Decision 766 index through the HTTP API over the week of kpi-test-kit.ts: each group of Phường
// Hoàn Kiếm computed by hand from the formulas of legal-notes D2 (the worked example of
// docs/domain/reports.md), the indicators without a source, the formula versions (a new one never
// rescores a past period; the database refuses to change one), the official score beside ours, who
// may read and record, and the report as .xlsx and PDF.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Worksheet } from 'exceljs';
import { sql } from 'kysely';
import { errorOf, ORIGIN } from '../../test/http.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import type { Index766Response, Official766, Score766Schema } from '../../../common/contracts/report-766.ts';
import { D2_FORMULAS, D2_VERSION } from '../../db/migrations/20261210040000_index-766.ts';
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

async function index766(user: string, query = NOVEMBER): Promise<Index766Response> {
  const res = await w.get(user, `/api/v1/reports/index-766?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json<Index766Response>();
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const group = (s: Score766Schema, key: string) => s.groups.find((g) => g.key === key)!;
const indicator = (s: Score766Schema, key: string) =>
  s.groups.flatMap((g) => g.indicators).find((i) => i.key === key)!;

test('Phường Hoàn Kiếm in November, group by group, against the formulas worked by hand', async () => {
  const h = WEEK.hangTrong;
  const cat = await wardCatalogue(w);
  const report = await index766('leader.hang-trong');
  assert.deepEqual(report.formula, {
    version: D2_VERSION.version,
    validFrom: D2_VERSION.validFrom,
    source: report.formula.source,
  });
  assert.equal(report.period, '2026-11');
  assert.deepEqual(
    report.rows.map((r) => r.agency.code),
    [w.hangTrong],
  );
  const s = report.rows[0]!.score;
  const points = (x: Score766Schema) => x.groups.map((g) => [g.points, g.indicators.map((i) => i.points)]);
  assert.deepEqual(points(report.total.score), points(s), 'the ward is the whole scope');

  // Công khai, minh bạch (18): only the sync is in the system: 6 × 3/6 = 3; 12 points not computable.
  const sync = round2((6 * h.synced) / h.received);
  assert.equal(sync, 3);
  assert.deepEqual(
    group(s, 'transparency').indicators.map((i) => [i.key, i.points, i.basis]),
    [
      ['PUBLISH_ON_TIME', null, 'no-source'],
      ['PUBLIC_UPDATE_ON_TIME', null, 'no-source'],
      ['PUBLIC_CONTENT_FULL', null, 'no-source'],
      ['DOSSIER_SYNC', sync, 'data'],
    ],
  );
  assert.deepEqual([group(s, 'transparency').points, group(s, 'transparency').notComputable], [3, 12]);
  for (const key of ['PUBLISH_ON_TIME', 'PUBLIC_UPDATE_ON_TIME', 'PUBLIC_CONTENT_FULL']) {
    assert.match(indicator(s, key).reason!, /^Hệ thống chưa/, key);
  }

  // Tiến độ (20): 20 × (early + on time + withdrawn) / (received + carried over) = 20 × 3/6 = 10.
  const onTime = indicator(s, 'DOSSIER_ON_TIME');
  assert.deepEqual([onTime.numerator, onTime.denominator], [h.early + h.onTime + h.withdrawn, h.received]);
  assert.equal(group(s, 'progress').points, 10);

  // Dịch vụ công trực tuyến (12): min(2, 2A/0.8) + 4B + min(6, 6C/0.5).
  const A = cat.online / cat.offered;
  const online = [round2(Math.min(2, (2 * A) / 0.8)), 4 * (1 / 1), round2(Math.min(6, (6 * (1 / 6)) / 0.5))];
  assert.deepEqual(
    group(s, 'online').indicators.map((i) => [i.numerator, i.denominator, i.points]),
    [
      [cat.online, cat.offered, online[0]],
      [1, 1, online[1]],
      [h.receivedOnline, h.received, online[2]],
    ],
  );
  assert.equal(group(s, 'online').points, round2(online[0]! + online[1]! + online[2]!));

  // Thanh toán trực tuyến (10): 6A + min(2, 2.5B) + 2.5C, A = 1/2, B = C = 1 of the ward's fee procedures.
  const payment = [6 * (1 / 2), round2(Math.min(2, 2.5 * (1 / cat.fee))), round2(2.5 * (1 / cat.fee))];
  assert.deepEqual(
    group(s, 'payment').indicators.map((i) => [i.numerator, i.denominator, i.points]),
    [
      [h.paidOnline, h.feeBearing, payment[0]],
      [1, cat.fee, payment[1]],
      [1, cat.fee, payment[2]],
    ],
  );
  assert.equal(group(s, 'payment').points, round2(payment[0]! + payment[1]! + payment[2]!));

  // Mức độ hài lòng (18): min(6, 6 × 2/3 / 0.9) = 4.44; no PAKN in the period: 6 + 6 by D2's rule.
  const satisfied = round2(Math.min(6, (6 * (2 / 3)) / 0.9));
  assert.equal(satisfied, 4.44);
  assert.deepEqual(
    group(s, 'satisfaction').indicators.map((i) => [i.key, i.points, i.basis]),
    [
      ['DOSSIER_RECEIVING_SATISFACTION', satisfied, 'data'],
      ['PETITION_PROCESSING_ON_TIME', 6, 'rule-if-none'],
      ['PETITION_HANDLING_SATISFACTION', 6, 'rule-if-none'],
    ],
  );
  assert.match(indicator(s, 'PETITION_PROCESSING_ON_TIME').reason!, /Không có phản ánh, kiến nghị/);
  assert.equal(group(s, 'satisfaction').points, 16.44);

  // Số hóa (22): 6 × 1/3 = 2 (results issued electronically and signed: A; C's unsigned PDF is not one),
  // 4 × 1/6 = 0.67 (digitised); 12 not computable.
  assert.deepEqual(
    group(s, 'digitisation').indicators.map((i) => [i.key, i.points]),
    [
      ['ORIGINAL_RESULT_AVAILABLE', 2],
      ['SO_HOA_GIAY_TO_GIAI_QUYET', 0.67],
      ['ELECTRONIC_CERTIFIED_COPY', null],
      ['REUSED_DIGITIZED_DATA', null],
      ['SYNCED_WITH_DVCQG_PERSONAL_STORAGE', null],
      ['CITIZEN_DATA_CONNECTED_DOSSIER', null],
      ['CITIZEN_DATA_CONNECTED_FORMALITY', null],
    ],
  );
  assert.deepEqual([group(s, 'digitisation').points, group(s, 'digitisation').notComputable], [2.67, 12]);

  assert.equal(s.max, 100);
  assert.equal(s.notComputable, 24);
  assert.equal(s.points, round2(s.groups.reduce((sum, g) => sum + g.points, 0)));
  assert.equal(
    s.points,
    round2(3 + 10 + group(s, 'online').points + group(s, 'payment').points + 16.44 + 2.67),
  );

  // Each computed indicator links to what its numerator counts.
  const { A: a, B: b, C: c, D: d } = w.codes;
  const codes = async (link: string) =>
    (await w.get('leader.hang-trong', link))
      .json<{ items: { code: string }[] }>()
      .items.map((i) => i.code)
      .sort();
  assert.deepEqual(await codes(indicator(s, 'DOSSIER_SYNC').drill!), [a, b, c].sort());
  assert.deepEqual(await codes(indicator(s, 'DOSSIER_ON_TIME').drill!), [a, c, d].sort());
  assert.deepEqual(await codes(indicator(s, 'ORIGINAL_RESULT_AVAILABLE').drill!), [a]);
  // C's result has a file without a signature: not counted, and listed as such (#19).
  const unsigned = indicator(s, 'ORIGINAL_RESULT_AVAILABLE').drill!.replace(
    'figure=resultsElectronic',
    'figure=resultsUnsigned',
  );
  assert.notEqual(unsigned, indicator(s, 'ORIGINAL_RESULT_AVAILABLE').drill);
  assert.deepEqual(await codes(unsigned), [c]);
  assert.equal(indicator(s, 'PUBLISH_ON_TIME').drill, null);
});

test('a new formula version takes effect from its day on and never rescores a past period', async () => {
  const november = await index766('demo-admin');
  const list = (await w.get('leader.hang-trong', '/api/v1/reports/index-766/formulas')).json<{
    items: { version: string; validFrom: string; formulas: unknown }[];
  }>();
  assert.deepEqual(
    list.items.map((i) => [i.version, i.validFrom]),
    [[D2_VERSION.version, D2_VERSION.validFrom]],
  );
  assert.deepEqual(list.items[0]!.formulas, D2_FORMULAS);

  // The database refuses to rewrite history: no version from today or before, none changed or removed.
  const db = w.rt.deps.db;
  const insert = (version: string, validFrom: string, formulas: unknown) =>
    sql`INSERT INTO index_766_formula_versions (version, valid_from, formulas, source)
      VALUES (${version}, ${validFrom}::date, ${JSON.stringify(formulas)}::jsonb, 'test')`.execute(db);
  await assert.rejects(insert('BACKDATED', '2026-11-01', D2_FORMULAS), /takes effect after today/);
  await assert.rejects(sql`UPDATE index_766_formula_versions SET source = 'x'`.execute(db), /never changed/);
  await assert.rejects(sql`DELETE FROM index_766_formula_versions`.execute(db), /never changed/);

  // A version from the first day of the month after next (of the database's own today): progress
  // weighs 25, the publication indicator 1.
  const real = vnDate(new Date());
  const [y, m] = real.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m + 1, 1)).toISOString().slice(0, 10);
  const next = structuredClone(D2_FORMULAS);
  next.groups[0]!.max = 13;
  next.groups[0]!.indicators[0]!.max = 1;
  next.groups[1]!.max = 25;
  next.groups[1]!.indicators[0]!.max = 25;
  await insert('TEST-NEXT', start, next);

  const again = await index766('demo-admin');
  assert.deepEqual({ ...again, asOf: '' }, { ...november, asOf: '' }, 'November is scored as before');
  assert.equal(again.formula.version, D2_VERSION.version);

  // A period from that day on: the new version, its maxima.
  const end = new Date(Date.UTC(y, m + 1, 28)).toISOString().slice(0, 10);
  w.clock.set(`${end}T03:00:00Z`);
  try {
    const later = await index766('demo-admin', `from=${start}&to=${end}`);
    assert.equal(later.formula.version, 'TEST-NEXT');
    assert.deepEqual(
      later.total.score.groups.map((g) => [g.key, g.max]),
      [
        ['transparency', 13],
        ['progress', 25],
        ['online', 12],
        ['payment', 10],
        ['satisfaction', 18],
        ['digitisation', 22],
      ],
    );
    assert.equal(later.total.score.max, 100);
    // E, F and G are still open: carried over, none resolved.
    assert.deepEqual(
      [
        indicator(later.total.score, 'DOSSIER_ON_TIME').numerator,
        indicator(later.total.score, 'DOSSIER_ON_TIME').denominator,
      ],
      [0, 3],
    );
    // A period straddling the change is scored by the version of its first day.
    const straddling = await index766('demo-admin', `from=2026-11-01&to=${end}`);
    assert.equal(straddling.formula.version, D2_VERSION.version);
  } finally {
    w.clock.set('2026-11-25T03:00:00Z');
  }

  // Before Decision 766 there is nothing to score with.
  const early = await w.get('demo-admin', '/api/v1/reports/index-766?from=2022-01-01&to=2022-12-31');
  assert.equal(early.statusCode, 422, early.body);
  assert.equal(errorOf(early).details![0]!.path, 'query/from');
});

test('the official score: recorded by a province administrator, audited, shown beside ours', async () => {
  const put = async (user: string | null, body: Record<string, unknown>) =>
    w.rt.app.inject({
      method: 'PUT',
      url: '/api/v1/reports/index-766/official',
      headers: { origin: ORIGIN, ...(user ? { cookie: await w.staff(user) } : {}) },
      payload: body,
    });
  const body = {
    agencyCode: w.hangTrong,
    period: '2026-11',
    score: 38.5,
    sourceNote: 'dichvucong.gov.vn, 01/12/2026',
  };
  assert.equal((await put(null, body)).statusCode, 401);
  for (const user of [
    'desk.hang-trong',
    'specialist.hang-trong',
    'leader.hang-trong',
    'auditor.ha-noi',
    'admin.hoan-kiem',
  ]) {
    const res = await put(user, body);
    assert.equal(res.statusCode, 403, `${user}: ${res.body}`);
  }
  assert.equal((await put('admin.quang-nam', body)).statusCode, 403, 'another province');
  assert.equal((await put('demo-admin', { ...body, agencyCode: 'H26.999' })).statusCode, 404);
  const bad = await put('demo-admin', { agencyCode: w.hangTrong, period: '2026-13', score: 101 });
  assert.equal(bad.statusCode, 400);
  const paths = errorOf(bad).details!.map((d) => d.path);
  for (const p of ['body/period', 'body/score', 'body/sourceNote'])
    assert.ok(
      paths.some((x) => x.startsWith(p)),
      JSON.stringify(paths),
    );

  const first = await put('demo-admin', { ...body, score: 37 });
  assert.equal(first.statusCode, 200, first.body);
  const done = await put('demo-admin', body);
  assert.equal(done.statusCode, 200, done.body);
  const official = done.json<Official766>();
  assert.deepEqual(
    { ...official, recordedAt: '' },
    {
      period: '2026-11',
      score: 38.5,
      sourceNote: 'dichvucong.gov.vn, 01/12/2026',
      recordedAt: '',
      recordedBy: official.recordedBy,
    },
  );
  const entries = await w.rt.deps.db
    .selectFrom('audit_log')
    .select(['entity_id', 'details'])
    .where('action', '=', 'reports.index-766-official-recorded')
    .orderBy('audit_id')
    .execute();
  assert.deepEqual(
    entries.map((e) => [
      e.entity_id,
      (e.details as { score: number }).score,
      (e.details as { before: unknown }).before,
    ]),
    [
      [w.hangTrong, 37, null],
      [w.hangTrong, 38.5, { score: 37, sourceNote: body.sourceNote }],
    ],
  );

  // Beside the local score for exactly that month; the ward's leader sees it on the row and the total.
  const ward = await index766('leader.hang-trong');
  assert.deepEqual(ward.rows[0]!.official, official);
  assert.deepEqual(ward.total.official, official);
  assert.equal(ward.canRecordOfficial, false);
  const province = await index766('demo-admin');
  assert.equal(province.canRecordOfficial, true);
  assert.deepEqual(province.rows.find((r) => r.agency.code === w.hangTrong)!.official, official);
  assert.equal(province.total.official, null, 'none recorded for the city');
  const part = await index766('leader.hang-trong', 'from=2026-11-01&to=2026-11-25');
  assert.equal(part.period, null);
  assert.equal(part.rows[0]!.official, null);
  assert.equal((await index766('leader.hang-trong', 'from=2026-10-01&to=2026-12-31')).period, '2026-Q4');
});

test('who may read the index: 401, 403 for desk and specialist, another ward or province, 404 unknown agency', async () => {
  for (const url of [`/api/v1/reports/index-766?${NOVEMBER}`, '/api/v1/reports/index-766/formulas']) {
    assert.equal((await w.get(null, url)).statusCode, 401, url);
    for (const user of ['desk.hang-trong', 'specialist.hang-trong']) {
      assert.equal((await w.get(user, url)).statusCode, 403, `${user} ${url}`);
    }
  }
  const url = `/api/v1/reports/index-766?${NOVEMBER}`;
  assert.equal((await w.get('leader.hang-trong', `${url}&agencyCode=${w.hangBac}`)).statusCode, 403);
  assert.equal((await w.get('leader.quan-3', `${url}&agencyCode=${w.hangTrong}`)).statusCode, 403);
  assert.equal((await w.get('leader.hang-trong', `${url}&agencyCode=H26.999`)).statusCode, 404);
  const bad = await w.get('leader.hang-trong', '/api/v1/reports/index-766?from=2026-11-01&to=2026-10-01');
  assert.equal(bad.statusCode, 400);
  assert.equal(errorOf(bad).details![0]!.path, 'query/to');
});

test('the index as .xlsx: groups and indicators, why one is not computable, the official score beside ours', async () => {
  const json = await index766('demo-admin');
  const res = await w.get('demo-admin', `/api/v1/reports/index-766?${NOVEMBER}&format=xlsx`);
  const sheets = await sheetsOf(assertDownload(res, 'xlsx', /chi-so-766-20261101-20261130/));
  assert.deepEqual(
    sheets.map((s) => s.name),
    ['chi-so-766-20261101-20261130', 'Theo cơ quan'],
  );
  const [scope, agencies] = sheets as [Worksheet, Worksheet];
  assert.deepEqual(rowValues(scope, 1), [
    'Nhóm',
    'Chỉ tiêu',
    'Tỷ lệ',
    'Điểm',
    'Tối đa',
    'Tử số',
    'Mẫu số',
    'Ghi chú',
  ]);
  const s = json.total.score;
  for (const g of s.groups) {
    const row = findRow(scope, { 1: g.name, 2: 'Điểm của nhóm' });
    assert.deepEqual(rowValues(scope, row, 5), [g.name, 'Điểm của nhóm', null, g.points, g.max], g.key);
    for (const i of g.indicators) {
      const at = findRow(scope, { 1: g.name, 2: i.name });
      assert.deepEqual(
        rowValues(scope, at, 7),
        [g.name, i.name, i.rate, i.points, i.max, i.numerator, i.denominator],
        i.key,
      );
    }
  }
  const sync = indicator(s, 'DOSSIER_SYNC');
  const syncRow = findRow(scope, { 2: sync.name });
  assert.deepEqual(rowValues(scope, syncRow, 7).slice(2), [3 / 7, sync.points, 6, 3, 7]);
  assert.equal(scope.getRow(syncRow).getCell(3).numFmt, '0.0%');
  assert.equal(scope.getRow(syncRow).getCell(4).numFmt, '#,##0.00');
  const unpublished = findRow(scope, { 2: indicator(s, 'PUBLISH_ON_TIME').name });
  assert.equal(scope.getRow(unpublished).getCell(4).value, null);
  assert.match(scope.getRow(unpublished).getCell(8).text, /^Không tính được: Hệ thống chưa/);
  const ours = findRow(scope, { 1: 'Tổng cộng', 2: 'Điểm tính tại địa phương' });
  assert.deepEqual(rowValues(scope, ours, 5).slice(3), [s.points, s.max]);
  const official = findRow(scope, { 2: 'Điểm chính thức của Cổng Dịch vụ công quốc gia' });
  assert.equal(json.total.official, null);
  assert.equal(scope.getRow(official).getCell(4).value, null);
  assert.equal(scope.getRow(official).getCell(8).text, 'Chưa ghi điểm chính thức kỳ 2026-11.');
  // Each agency: its groups' points, its total and the official score recorded for it.
  assert.deepEqual(rowValues(agencies, 1, 2), ['Cơ quan tiếp nhận', 'Đơn vị hành chính']);
  assert.equal(agencies.getRow(1).getCell(3).text, `${s.groups[0]!.name} (${s.groups[0]!.max})`);
  const ward = json.rows.find((r) => r.agency.code === w.hangTrong)!;
  assert.equal(ward.official?.score, 38.5);
  const wardRow = findRow(agencies, { 1: ward.agency.name });
  assert.deepEqual(rowValues(agencies, wardRow).slice(2), [
    ...ward.score.groups.map((g) => g.points),
    ward.score.points,
    ward.score.notComputable,
    38.5,
  ]);
});

test(
  'the index as PDF: the title, the formula version, our score and the official one',
  { skip: poppler },
  async () => {
    const json = await index766('leader.hang-trong');
    const res = await w.get('leader.hang-trong', `/api/v1/reports/index-766?${NOVEMBER}&format=pdf`);
    const pdf = assertDownload(res, 'pdf', /chi-so-766-20261101-20261130/);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = layoutText(pdf);
    assert.equal(json.total.score.points, 41.93, 'the worked example of docs/domain/reports.md');
    for (const s of [
      'CHỈ SỐ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP',
      'Quyết định số 766/QĐ-TTg',
      D2_VERSION.version,
      'Điểm tính tại địa phương: 41,93/100 (24 điểm chưa tính được)',
      'Điểm chính thức của Cổng Dịch vụ công quốc gia kỳ 2026-11: 38,5/100',
      'Không tính được: Hệ thống chưa',
      'Điểm theo cơ quan tiếp nhận',
    ]) {
      assert.ok(text.includes(s), `${s} in\n${text}`);
    }
    // Mức độ hài lòng: 16,44 of 18 (no rate for a group: "—").
    assert.match(text, /Mức độ hài lòng\s+Điểm của nhóm\s+—\s+16,44\s+18/);
  },
);
