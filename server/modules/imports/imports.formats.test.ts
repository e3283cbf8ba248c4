// #17.3 The OpenCPS export and the spreadsheet template: each read into the DVCQG record and judged by
// the same rules — broken records refused with their reason and line (named by the format's own
// columns), nothing of them written, the rest imported. And #17.4: a run stopped after a batch resumes
// from the next one and ends as if never stopped.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { loginAs } from '../../test/http.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';
import { createImport, runImport } from './imports.service.ts';
import { streamLines } from './import-sources.ts';
import { Readable } from 'node:stream';
import { loadGrants } from '../auth/index.ts';
import { importFile, jsonl, returnedRecord, waitForImport } from './test-kit.ts';

let rt: TestRuntime;
let ward: string;
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};
before(async () => {
  rt = await createTestRuntime({ clock: manualClock('2026-11-20T02:00:00Z') });
  ward = await peoplesCommittee(rt.deps.db, '00070');
});
after(() => rt.close());

/** One OpenCPS dossier as exported (docs/domain/dossier-import.md), being processed. */
function opencps(dossierNo: string, over: Record<string, unknown> = {}, actions?: unknown[]) {
  return {
    dossier: {
      dossierNo,
      referenceUid: `uid-${dossierNo}`,
      serviceCode: '1.001193',
      govAgencyCode: ward,
      applicantName: 'Phạm Quốc Việt',
      applicantIdType: 'citizen',
      applicantIdNo: '001085004321',
      contactTelNo: '0987654321',
      online: false,
      submitDate: '2026-11-19T01:30:00Z',
      receiveDate: '2026-11-19T01:30:00Z',
      dueDate: '2026-11-25T02:00:00Z',
      dossierStatus: 'processing',
      ...over,
    },
    files: [
      {
        dossierPartNo: 'TP1',
        dossierPartType: 1,
        displayName: 'Giấy chứng sinh',
        fileUrl: 'https://opencps.example.vn/documents/123',
      },
    ],
    actions: actions ?? [
      {
        sequenceNo: 1,
        actionUser: 'Lê Thu Hà',
        actionName: 'Tiếp nhận',
        createDate: '2026-11-19T01:30:00Z',
        stepName: 'Một cửa',
        stepDossierStatus: 'receiving',
      },
      {
        sequenceNo: 2,
        actionUser: 'Lê Thu Hà',
        actionName: 'Chuyển xử lý',
        createDate: '2026-11-19T03:00:00Z',
        stepName: 'Tư pháp',
        stepDossierStatus: 'processing',
      },
    ],
    payments: [{ paymentNote: 'Lệ phí đăng ký khai sinh', paymentAmount: 0, paymentMethod: 'Tiền mặt' }],
  };
}

test('#17 OpenCPS export: the good dossiers imported, each broken one refused naming its OpenCPS column', async () => {
  const before = await countRows(rt.deps.db, 'dossiers');
  const step = (n: number, name: string, at: string, status: string) => ({
    sequenceNo: n,
    actionUser: 'Lê Thu Hà',
    actionName: name,
    createDate: at,
    stepDossierStatus: status,
  });
  const closed = opencps(
    'OC-0002',
    { dossierStatus: 'done', finishDate: '2026-11-19T08:00:00Z', releaseDate: '2026-11-19T09:00:00Z' },
    [
      step(1, 'Tiếp nhận', '2026-11-19T01:30:00Z', 'receiving'),
      step(2, 'Chuyển xử lý', '2026-11-19T03:00:00Z', 'processing'),
      step(3, 'Ký duyệt', '2026-11-19T08:00:00Z', 'releasing'),
      step(4, 'Trả kết quả', '2026-11-19T09:00:00Z', 'done'),
    ],
  );
  // Returned without ever being processed: the history cannot be continued.
  const impossible = opencps(
    'OC-0009',
    { dossierStatus: 'done', finishDate: '2026-11-19T08:00:00Z', releaseDate: '2026-11-19T09:00:00Z' },
    [
      step(1, 'Tiếp nhận', '2026-11-19T01:30:00Z', 'receiving'),
      step(2, 'Trả kết quả', '2026-11-19T09:00:00Z', 'done'),
    ],
  );
  const view = await importFile(
    rt.app,
    await as('demo-admin'),
    jsonl([
      opencps('OC-0001'),
      closed,
      opencps('OC-0003', { serviceCode: '2.000000' }),
      opencps('OC-0004', { govAgencyCode: '000.00.98.H98' }),
      opencps('OC-0005', { dossierStatus: 'frozen' }),
      {
        ...opencps('OC-0006'),
        files: [{ dossierPartNo: 'TP1', displayName: 'Giấy chứng sinh', fileUrl: '' }],
      },
      opencps('OC-0001'),
      { files: [] },
      impossible,
    ]),
    'format=opencps&dryRun=false',
  );
  assert.deepEqual([view.accepted, view.refused], [2, 7], JSON.stringify(view.report));
  const reason = (line: number) => view.report.find((r) => r.line === line)!.reason!;
  assert.match(reason(3), /dossier\/serviceCode: Không có thủ tục mã 2\.000000/);
  assert.match(reason(4), /dossier\/govAgencyCode: Không có cơ quan mã 000\.00\.98\.H98/);
  assert.match(reason(5), /dossier\/dossierStatus: TrangThaiHoSo phải là một mã từ 1 đến 10/);
  assert.match(reason(6), /files\/0\/DuongDanTaiTepTin: Thiếu tệp “Giấy chứng sinh”/);
  assert.match(reason(7), /trùng với dòng 1/);
  assert.match(reason(8), /Thiếu đối tượng dossier/);
  assert.match(reason(9), /actions\/1\/TrangThai: Trạng thái 10 không thể theo sau trạng thái 1/);
  assert.deepEqual(
    view.report.map((r) => r.code),
    ['OC-0001', 'OC-0002', 'OC-0003', 'OC-0004', 'OC-0005', 'OC-0006', 'OC-0001', null, 'OC-0009'],
  );
  assert.equal(await countRows(rt.deps.db, 'dossiers'), before + 2);
  const rows = await rt.deps.db
    .selectFrom('dossiers')
    .select(['code', 'alternative_code', 'status', 'applicant_search'])
    .where('code', 'in', ['OC-0001', 'OC-0002'])
    .orderBy('code')
    .execute();
  assert.deepEqual(
    rows.map((r) => [r.code, r.alternative_code, r.status]),
    [
      ['OC-0001', 'uid-OC-0001', 'processing'],
      ['OC-0002', 'uid-OC-0002', 'returned'],
    ],
  );
});

const HEADER = [
  'MaHoSo',
  'MaTTHC',
  'KenhThucHien',
  'ChuHoSo',
  'SoGiayToChuHoSo',
  'NgayNopHoSo',
  'NgayTiepNhan',
  'NgayHenTra',
  'TrangThaiHoSo',
  'DonViXuLy',
];

test('#17 spreadsheet template: rows with their lists imported; broken rows refused with their row number', async () => {
  const template = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/imports/templates/dossiers.xlsx',
    headers: { cookie: await as('demo-admin') },
  });
  assert.equal(template.statusCode, 200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual(
    book.worksheets.map((w) => w.name),
    ['HoSo', 'QuaTrinhXuLy', 'DanhSachLePhi', 'TaiLieuNop', 'DanhSachGiayToKetQua'],
  );

  const filled = new ExcelJS.Workbook();
  const main = filled.addWorksheet('HoSo');
  main.addRow(HEADER);
  // A date cell is read as the wall-clock time it shows.
  main.addRow([
    'XL-0001',
    '1.001193',
    1,
    'Đỗ Thị Lan',
    '001190067890',
    new Date(Date.UTC(2026, 10, 19, 8, 30)),
    '20261119083000',
    '20261125090000',
    4,
    ward,
  ]);
  main.addRow([
    'XL-0002',
    '1.001193',
    1,
    'Đỗ Văn Nam',
    '001190067891',
    '20261119083000',
    '20261119083000',
    '20261125090000',
    2,
    '000.00.97.H97',
  ]);
  main.addRow([
    'XL-0003',
    '1.001193',
    1,
    'Đỗ Văn Hải',
    '001190067892',
    '20261119083000',
    '20261119083000',
    '20261125090000',
    4,
    ward,
  ]);
  const history = filled.addWorksheet('QuaTrinhXuLy');
  history.addRow(['MaHoSo', 'NguoiXuLy', 'ThoiDiemXuLy', 'NoiDungXuLy', 'TrangThai']);
  history.addRow(['XL-0001', 'Lê Thu Hà', '20261119083000', 'Tiếp nhận', 2]);
  history.addRow(['XL-0001', 'Lê Thu Hà', '20261119100000', 'Chuyển xử lý', 4]);
  history.addRow(['XL-0009', 'Lê Thu Hà', '20261119100000', 'Chuyển xử lý', 4]);
  const files = filled.addWorksheet('TaiLieuNop');
  files.addRow(['MaHoSo', 'MaThanhPhanHoSo', 'TenTepDinhKem', 'DuongDanTaiTepTin']);
  files.addRow(['XL-0003', 'TP1', 'Giấy chứng sinh', '']);
  const body = Buffer.from(await filled.xlsx.writeBuffer());
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/imports/dossiers?format=xlsx&dryRun=false&fileName=ho-so.xlsx',
    headers: {
      cookie: await as('demo-admin'),
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    payload: body,
  });
  assert.equal(res.statusCode, 202, res.body);
  const view = await waitForImport(rt.app, await as('demo-admin'), res.json<{ id: string }>().id);
  assert.deepEqual(
    [view.format, view.fileName, view.total, view.accepted, view.refused],
    ['xlsx', 'ho-so.xlsx', 4, 1, 3],
  );
  const r = new Map(view.report.map((x) => [x.line, x]));
  assert.equal(r.get(2)!.outcome, 'accepted');
  assert.match(r.get(3)!.reason!, /Không có cơ quan mã 000\.00\.97\.H97/);
  assert.match(r.get(4)!.reason!, /TaiLieuNop\/0\/DuongDanTaiTepTin: Thiếu tệp “Giấy chứng sinh”/);
  assert.match(r.get(5)!.reason!, /Trang QuaTrinhXuLy, dòng 4: không có hồ sơ XL-0009/);
  const d = await rt.deps.db
    .selectFrom('dossiers')
    .select(['submitted_at', 'status'])
    .where('code', '=', 'XL-0001')
    .executeTakeFirstOrThrow();
  assert.equal(new Date(d.submitted_at).toISOString(), '2026-11-19T01:30:00.000Z');

  const notXlsx = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/imports/dossiers?format=xlsx',
    headers: { cookie: await as('demo-admin') },
    payload: 'MaHoSo,MaTTHC\n',
  });
  assert.equal(notXlsx.statusCode, 400);
  assert.match(notXlsx.body, /Không đọc được tệp Excel/);
});

test('#17 a run stopped after a batch resumes from the next one; the result is as if never stopped', async () => {
  const db = rt.deps.db;
  const admin = await db
    .selectFrom('users')
    .select('user_id')
    .where('username', '=', 'demo-admin')
    .executeTakeFirstOrThrow();
  const actor = {
    userId: admin.user_id,
    username: 'demo-admin',
    fullName: 'Quản trị',
    grants: await loadGrants(db, admin.user_id),
    via: 'token' as const,
  };
  const records = Array.from({ length: 1200 }, (_, i) =>
    returnedRecord(ward, `RS-${String(i).padStart(5, '0')}`),
  );
  const before = await countRows(db, 'dossiers');
  const id = await createImport(rt.deps, actor, {
    kind: 'dossiers',
    format: 'dvcqg',
    dryRun: false,
    fileName: null,
    lines: streamLines(Readable.from([jsonl(records)])),
    requestId: null,
  });
  // The process shuts down after the first batch.
  assert.equal(await runImport(rt.deps, id, () => false), 'stopped');
  const cookie = await as('demo-admin');
  const mid = await rt.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: { cookie } });
  assert.deepEqual(
    [mid.json<{ state: string }>().state, mid.json<{ processed: number }>().processed],
    ['running', 500],
  );
  assert.equal(await countRows(db, 'dossiers'), before + 500);
  const resumed = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${id}/resume`,
    headers: { cookie },
  });
  assert.equal(resumed.statusCode, 202, resumed.body);
  const done = await waitForImport(rt.app, cookie, id);
  assert.deepEqual(
    [done.state, done.processed, done.accepted, done.unchanged, done.refused],
    ['done', 1200, 1200, 0, 0],
  );
  assert.equal(await countRows(db, 'dossiers'), before + 1200);
  assert.equal(await countRows(db, 'import_chunks'), 0, 'the file is not kept once done');
  const again = await rt.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${id}/resume`,
    headers: { cookie },
  });
  assert.equal(again.statusCode, 409);
});

test('#17 a code repeated in the next batch is refused as a duplicate, though that batch is judged while the one before is still being written', async () => {
  const cookie = await as('demo-admin');
  const records = Array.from({ length: 1000 }, (_, i) =>
    returnedRecord(ward, `DP-${String(i + 1).padStart(5, '0')}`),
  );
  // Line 700 (the second batch) repeats the code of line 300 (the first).
  records[699] = returnedRecord(ward, 'DP-00300', { ChuHoSo: 'Người khác' });
  const before = await countRows(rt.deps.db, 'dossiers');
  const view = await importFile(rt.app, cookie, jsonl(records), 'format=dvcqg&dryRun=false');
  assert.deepEqual([view.state, view.accepted, view.refused], ['done', 999, 1]);
  assert.deepEqual(
    view.report.filter((r) => r.outcome === 'refused').map((r) => [r.line, r.code]),
    [[700, 'DP-00300']],
  );
  assert.match(view.report.find((r) => r.line === 700)!.reason!, /trùng với dòng 300/);
  assert.equal(await countRows(rt.deps.db, 'dossiers'), before + 999);
});
