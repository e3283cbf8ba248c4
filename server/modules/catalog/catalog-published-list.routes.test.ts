// POST /api/v1/procedures/import/published-list: the list a province publishes with its announcing
// decision (XLSX or CSV: Mã TTHC, and optionally name, field, level, decision number, effective day).
// Each row takes the national catalogue's record for its code with the decision's number and day; the
// trial reports every row and writes nothing; unknown, repeated and shared codes and days that are not
// dates are refused with their row; the file itself unreadable is a 400 naming why; only province
// administrators import.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { buildXlsx, type XlsxCell } from '../../platform/xlsx.ts';
import { XLSX_MEDIA_TYPE } from '../../../common/contracts/org-registry.ts';
import {
  effectiveDay,
  publishedListRecords,
  type PublishedListReport,
  type PublishedRow,
} from './catalog-published-list.ts';
import type { NationalRecord } from './catalog-national.ts';

let rt: TestRuntime;
let admin: string;
const clock = manualClock('2026-12-01T02:00:00Z');

before(async () => {
  rt = await createTestRuntime({ clock });
  admin = await loginAs(rt.app, 'demo-admin');
});
after(() => rt.close());

type Report = PublishedListReport;

const columns = [
  'STT',
  'Mã TTHC',
  'Tên thủ tục',
  'Lĩnh vực',
  'Cấp thực hiện',
  'Số quyết định công bố',
  'Ngày hiệu lực',
].map((header) => ({ header, width: 20 }));

/** The province's list: row n of the data is line n + 1 of the sheet (the header is line 1). */
const list = (rows: XlsxCell[][]) =>
  buildXlsx({
    sheetName: 'Danh mục',
    title: 'Danh mục thủ tục hành chính công bố',
    created: new Date('2026-11-30T00:00:00Z'),
    packagedAt: new Date('2026-11-30T00:00:00Z'),
    columns,
    rows,
  });

const decision = '2345/QĐ-UBND';
const rows: XlsxCell[][] = [
  [
    1,
    '1.000040',
    'Cấp giấy phép triển lãm mỹ thuật',
    'Mỹ thuật',
    'Cấp tỉnh',
    decision,
    new Date('2026-01-15'),
  ],
  [2, '1.001695', '', '', '', decision, '15/01/2026'], // the council's fee without its basis: a draft
  [3, '1.000066', '', '', '', decision, '01/03/2027'], // in force next year: a draft until then
  [4, '1.999999', 'Thủ tục không có', '', '', decision, ''], // line 5: no such code
  [5, '1.000040', '', '', '', decision, ''], // line 6: the code again
  [6, '1.000010', '', '', '', decision, '31/02/2026'], // line 7: not a day
  [7, '1.014325', '', '', '', decision, ''], // line 8: two national procedures
  [8, '', 'Một dòng thiếu mã', '', '', '', ''], // line 9: no code
];

const send = async (
  body: Uint8Array | string,
  options: { query?: string; type?: string; cookie?: string } = {},
) =>
  rt.app.inject({
    method: 'POST',
    url: `/api/v1/procedures/import/published-list${options.query ?? ''}`,
    headers: {
      ...(options.cookie === '' ? {} : { cookie: options.cookie ?? admin }),
      'content-type': options.type ?? XLSX_MEDIA_TYPE,
    },
    payload: Buffer.from(body),
  });

test('the effective day is read from a date cell or as day/month/year, and refused when it is no day', () => {
  assert.deepEqual(effectiveDay('2026-01-15'), { day: '2026-01-15' });
  assert.deepEqual(effectiveDay('5/1/2026'), { day: '2026-01-05' });
  assert.deepEqual(effectiveDay(' 15.01.2026 '), { day: '2026-01-15' });
  assert.deepEqual(effectiveDay(''), { day: null });
  assert.equal(effectiveDay('31/02/2026'), 'invalid');
  assert.equal(effectiveDay('15/13/2026'), 'invalid');
  assert.equal(effectiveDay('tháng 1'), 'invalid');
});

test('a row takes the national record with the decision’s number and day, keeping the ministry’s number in its notes', () => {
  const national = [
    { code: '1.000040 ', name: 'A', decisionNumber: '1/QĐ-BVHTTDL', notes: ['x'] },
    { code: '1.014325', name: 'B' },
    { code: '1.014325', name: 'C' },
  ] as unknown as NationalRecord[];
  const row = (line: number, code: string, effective = ''): PublishedRow => ({
    line,
    code,
    name: '',
    decisionNumber: '9/QĐ-UBND',
    effective,
  });
  const out = publishedListRecords(
    [row(2, '1.000040', '15/01/2026'), row(3, '1.014325'), row(4, '1.000040'), row(5, '')],
    national,
  );
  assert.deepEqual(out.rowOf, [0]);
  const [record] = out.procedures;
  assert.deepEqual(
    [record!.decisionNumber, record!.decisionDate, record!.notes],
    ['9/QĐ-UBND', '2026-01-15', ['x', 'Quyết định công bố của bộ, ngành: 1/QĐ-BVHTTDL']],
  );
  assert.equal(national[0]!.decisionNumber, '1/QĐ-BVHTTDL', 'the national record itself is not changed');
  assert.deepEqual(
    out.refused.map((r) => [r.index, r.reasons.map((x) => x.message)]),
    [
      [
        1,
        [
          'Dòng 3: mã 1.014325 được danh mục quốc gia dùng cho 2 thủ tục khác nhau: cần xác định đúng thủ tục trước khi nhập',
        ],
      ],
      [2, ['Dòng 4: mã 1.000040 đã có ở dòng 2']],
      [3, ['Dòng 5: thiếu Mã TTHC']],
    ],
  );
});

test('the trial reports every row with its line and writes nothing; the import publishes with the decision’s day', async () => {
  const file = await list(rows);
  const dry = await send(file);
  assert.equal(dry.statusCode, 200, dry.body);
  const report = dry.json<Report>();
  assert.equal(report.dryRun, true);
  assert.deepEqual(
    report.items.map((i) => [i.index, i.code, i.result]),
    [
      [0, '1.000040', 'created'],
      [1, '1.001695', 'drafted'],
      [2, '1.000066', 'drafted'],
      [3, '1.999999', 'rejected'],
      [4, '1.000040', 'rejected'],
      [5, '1.000010', 'rejected'],
      [6, '1.014325', 'rejected'],
      [7, '', 'rejected'],
    ],
  );
  assert.deepEqual([report.created, report.drafted, report.updated, report.unchanged], [1, 2, 0, 0]);
  assert.deepEqual(
    report.items[1]!.flags!.map((f) => f.code),
    ['fee-basis-missing'],
  );
  assert.deepEqual(
    report.items[2]!.flags!.map((f) => f.code),
    ['not-yet-in-force'],
  );
  assert.deepEqual(
    report.rejected.map((r) => [r.index, r.reasons.map((x) => `${x.path}: ${x.message}`)]),
    [
      [3, ['code: Dòng 5: không có thủ tục mã 1.999999 trong danh mục quốc gia']],
      [4, ['code: Dòng 6: mã 1.000040 đã có ở dòng 2']],
      [
        5,
        [
          'decisionDate: Dòng 7: ngày hiệu lực “31/02/2026” không phải một ngày (ngày/tháng/năm, ví dụ 15/01/2026)',
        ],
      ],
      [
        6,
        [
          'code: Dòng 8: mã 1.014325 được danh mục quốc gia dùng cho 2 thủ tục khác nhau: cần xác định đúng thủ tục trước khi nhập',
        ],
      ],
      [7, ['code: Dòng 9: thiếu Mã TTHC']],
    ],
  );
  assert.deepEqual(
    report.rows.map((r) => [r.index, r.line]),
    rows.map((_, i) => [i, i + 2]),
  );
  assert.match(report.rows[0]!.name!, /^Thủ tục cấp giấy phép triển lãm mỹ thuật/, 'the national name');
  assert.equal(report.rows[3]!.name, 'Thủ tục không có', 'the list’s own name when the code is unknown');
  assert.equal(
    (await rt.app.inject({ url: '/api/v1/procedures/1.000040' })).statusCode,
    404,
    'nothing written',
  );

  const applied = await send(file, { query: '?dryRun=false' });
  assert.equal(applied.statusCode, 200, applied.body);
  assert.deepEqual(
    applied.json<Report>().items.map((i) => i.result),
    ['created', 'drafted', 'drafted', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected'],
  );
  const published = await rt.app.inject({ url: '/api/v1/procedures/1.000040' });
  const detail = published.json<{ effectiveFrom: string; procedure: { decisionNumber: string } }>();
  assert.deepEqual([detail.effectiveFrom, detail.procedure.decisionNumber], ['2026-01-15', decision]);
  const later = await rt.app.inject({
    url: '/api/v1/procedures/1.000066/versions',
    headers: { cookie: admin },
  });
  assert.deepEqual(
    later
      .json<{ items: { status: string; effectiveFrom: string }[] }>()
      .items.map((v) => [v.status, v.effectiveFrom]),
    [['draft', '2027-03-01']],
  );
  // The same list again changes nothing.
  const again = (await send(file, { query: '?dryRun=false' })).json<Report>();
  assert.deepEqual([again.created, again.drafted, again.unchanged], [0, 0, 3]);
});

test('a CSV list is read the same way, a title above its header', async () => {
  const csv =
    '\uFEFFDANH MỤC TTHC CÔNG BỐ;;\r\nMã TTHC;Tên thủ tục;Ngày hiệu lực\r\n1.000010;Đánh giá;20/01/2026\r\n';
  const res = await send(csv, { type: 'text/csv' });
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json<Report>();
  assert.deepEqual(
    report.items.map((i) => [i.code, i.result]),
    [['1.000010', 'created']],
  );
  assert.deepEqual(
    report.rows.map((r) => r.line),
    [3],
  );
});

test('bad input is refused with a 4xx naming what fails, never a 500', async () => {
  const noHeader = await send('Mã số;Tên\r\n1.000040;Triển lãm\r\n', { type: 'text/csv' });
  assert.equal(noHeader.statusCode, 400, noHeader.body);
  assert.equal(errorOf(noHeader).reason, 'CATALOG_PUBLISHED_LIST_UNREADABLE');
  assert.deepEqual(
    errorOf(noHeader).details!.map((d) => d.path),
    ['header'],
  );
  assert.match(errorOf(noHeader).details![0]!.message, /Không thấy dòng tiêu đề có cột "Mã TTHC"/);

  const xls = await send(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
  assert.equal(xls.statusCode, 400);
  assert.match(errorOf(xls).details![0]!.message, /\.xls/);
  const broken = await send(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
  assert.equal(broken.statusCode, 400);
  assert.deepEqual(
    errorOf(broken).details!.map((d) => d.path),
    ['file'],
  );

  const json = await send(JSON.stringify({ procedures: [] }), { type: 'application/json' });
  assert.equal(json.statusCode, 415, json.body);
  assert.equal(errorOf(json).reason, 'CATALOG_PUBLISHED_LIST_MEDIA_TYPE');

  const query = await send(await list(rows.slice(0, 1)), { query: '?dryRun=perhaps&thu=1' });
  assert.equal(query.statusCode, 400, query.body);
  assert.deepEqual(
    errorOf(query)
      .details!.map((d) => d.path)
      .sort(),
    ['query/dryRun', 'query/thu'],
  );

  const huge = await send(new Uint8Array(5 * 1024 * 1024 + 1));
  assert.equal(huge.statusCode, 413, huge.body);
});

test('only a province administrator imports the list', async () => {
  const file = await list(rows.slice(0, 1));
  assert.equal((await send(file, { cookie: '' })).statusCode, 401);
  const leader = await send(file, { cookie: await loginAs(rt.app, 'leader.hang-trong') });
  assert.equal(leader.statusCode, 403, leader.body);
  assert.equal(errorOf(leader).reason, 'CATALOG_EDIT_FORBIDDEN');
});
