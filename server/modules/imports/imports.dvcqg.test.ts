// #17.3–4 The DVCQG JSON-lines import: a dry run reports every record (accepted, or refused with the
// reason, each with its line) and writes nothing; the real run writes the accepted records whole and
// nothing of the refused; the same file twice changes nothing; agencies closed by a reorganisation map
// to their successor; the report pages, the summary downloads; only administrators, within their reach.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestRuntime, manualClock, type TestRuntime } from '../../test/db.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { countRows, peoplesCommittee } from '../../test/seeded.ts';
import {
  importFile,
  jsonl,
  postImport,
  processingRecord,
  returnedRecord,
  waitForImport,
} from './test-kit.ts';

const clock = manualClock('2026-11-20T02:00:00Z');
let rt: TestRuntime;
let ward: string;
let cuaNam: string;
const cookies = new Map<string, string>();
const as = async (u: string) => {
  if (!cookies.has(u)) cookies.set(u, await loginAs(rt.app, u));
  return cookies.get(u)!;
};

before(async () => {
  rt = await createTestRuntime({ clock });
  ward = await peoplesCommittee(rt.deps.db, '00070');
  cuaNam = await peoplesCommittee(rt.deps.db, '00082');
});
after(() => rt.close());

/** The file of the tests: two good records, then one of each kind of broken record. */
function mixedFile() {
  const good = processingRecord(ward, `${ward}-261119-0150`);
  return {
    good,
    body:
      jsonl([
        good,
        returnedRecord(ward, `${ward}-261012-0007`),
        processingRecord(ward, 'CU-0003', { MaTTHC: '1.999999' }),
        processingRecord(ward, 'CU-0004', { DonViXuLy: '000.00.99.H99' }),
        returnedRecord(ward, 'CU-0005', {
          QuaTrinhXuLy: [2, 10].map((s, i) => ({
            NguoiXuLy: 'Trần Văn Bình',
            ThoiDiemXuLy: `2026101${2 + i}080000`,
            NoiDungXuLy: 'x',
            TrangThai: s,
          })),
        }),
        processingRecord(ward, 'CU-0006', {
          TaiLieuNop: [
            { TenTepDinhKem: 'CCCD.pdf', MaThanhPhanHoSo: 'TP2', DuongDanTaiTepTin: 'giay-to/cccd.pdf' },
          ],
        }),
        processingRecord(ward, `${ward}-261119-0150`, { ChuHoSo: 'Lê Văn Tám' }),
      ]).replace('\n', '\n\n') + '{ not json\n',
  };
}

const byLine = (report: { line: number; outcome: string; reason?: string; code: string | null }[]) =>
  new Map(report.map((r) => [r.line, r]));

test('#17 dry run: each record accepted or refused with its reason and line; nothing written', async () => {
  const dossiers = await countRows(rt.deps.db, 'dossiers');
  const outbox = await countRows(rt.deps.db, 'outbox');
  const view = await importFile(rt.app, await as('demo-admin'), mixedFile().body);
  assert.equal(view.state, 'done');
  assert.equal(view.dryRun, true, 'a dry run unless asked otherwise');
  assert.deepEqual([view.total, view.processed, view.accepted, view.refused], [8, 8, 2, 6]);
  assert.ok(view.rowsPerSecond > 0);
  const r = byLine(view.report);
  // Line 2 is empty: the file's lines keep their numbers.
  assert.deepEqual([...r.keys()], [1, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual([r.get(1)!.outcome, r.get(3)!.outcome], ['accepted', 'accepted']);
  assert.match(r.get(4)!.reason!, /MaTTHC: Không có thủ tục mã 1\.999999/);
  assert.match(r.get(5)!.reason!, /DonViXuLy: Không có cơ quan mã 000\.00\.99\.H99/);
  assert.match(
    r.get(6)!.reason!,
    /QuaTrinhXuLy\/1\/TrangThai: Trạng thái 10 không thể theo sau trạng thái 2/,
  );
  assert.match(r.get(7)!.reason!, /TaiLieuNop\/0\/DuongDanTaiTepTin: Thiếu tệp “giay-to\/cccd\.pdf”/);
  assert.match(r.get(8)!.reason!, new RegExp(`Mã hồ sơ ${ward}-261119-0150 trùng với dòng 1`));
  assert.equal(r.get(9)!.outcome, 'refused');
  assert.match(r.get(9)!.reason!, /JSON/);
  assert.equal(await countRows(rt.deps.db, 'dossiers'), dossiers, 'a dry run writes no dossier');
  assert.equal(await countRows(rt.deps.db, 'outbox'), outbox);
});

test('#17 real run: the accepted records are written whole, nothing of the refused; the same file again changes nothing', async () => {
  const db = rt.deps.db;
  const cookie = await as('demo-admin');
  const { body, good } = mixedFile();
  const outbox = await countRows(db, 'outbox');
  const view = await importFile(rt.app, cookie, body, 'format=dvcqg&dryRun=false');
  assert.deepEqual([view.dryRun, view.accepted, view.refused, view.unchanged], [false, 2, 6, 0]);
  const rows = await db
    .selectFrom('dossiers')
    .select(['code', 'alternative_code', 'status', 'due_at', 'closed_at', 'state', 'applicant'])
    .where('code', 'in', [good.MaHoSo, `${ward}-261012-0007`, 'CU-0003', 'CU-0004', 'CU-0005', 'CU-0006'])
    .orderBy('code')
    .execute();
  assert.deepEqual(
    rows.map((d) => [d.code, d.status]),
    [
      [`${ward}-261012-0007`, 'returned'],
      [good.MaHoSo, 'processing'],
    ],
  );
  const inFlight = rows.find((d) => d.code === good.MaHoSo)!;
  assert.equal(inFlight.alternative_code, `LEGACY-${good.MaHoSo}`);
  assert.equal(
    new Date(inFlight.due_at!).toISOString(),
    '2026-11-25T02:00:00.000Z',
    'the legacy due time is kept',
  );
  assert.equal(inFlight.state.step.index, 1, 'processing: at the first step after the desk');
  assert.equal(inFlight.state.version, 0);
  assert.equal(inFlight.applicant.fullName, 'Nguyễn Thị Hường', 'the first line, not its duplicate');
  const kept = await db
    .selectFrom('dossier_imports as i')
    .innerJoin('dossiers as d', 'd.dossier_id', 'i.dossier_id')
    .select(['d.code', 'i.read_only', 'i.history', 'i.line'])
    .where('i.import_id', '=', view.id)
    .orderBy('i.line')
    .execute();
  assert.deepEqual(
    kept.map((k) => [k.line, k.read_only, k.history.length]),
    [
      [1, false, 3],
      [3, true, 4],
    ],
  );
  // Synchronised by the legacy system: acknowledged, nothing queued for the portal.
  assert.equal(await countRows(db, 'outbox'), outbox);
  const synced = await db
    .selectFrom('portal_sync_state')
    .select(['dossier_code', 'acked_status_code'])
    .where('dossier_code', '=', good.MaHoSo)
    .executeTakeFirstOrThrow();
  assert.equal(synced.acked_status_code, 4);
  // The day's counter has moved past the imported code: the ward never issues it again.
  const counter = await sql<{ last_value: number }>`SELECT c.last_value FROM dossier_code_counters c
    JOIN agencies a ON a.agency_id = c.agency_id WHERE a.code = ${ward} AND c.day = '2026-11-19'`.execute(db);
  assert.ok(counter.rows[0]!.last_value >= 150);

  const dossiers = await countRows(db, 'dossiers');
  const again = await importFile(rt.app, cookie, body, 'format=dvcqg&dryRun=false');
  assert.deepEqual([again.accepted, again.unchanged, again.refused], [2, 2, 6]);
  assert.match(byLine(again.report).get(1)!.reason!, /không có gì thay đổi/);
  assert.equal(await countRows(db, 'dossiers'), dossiers, 'the same file twice changes nothing');
  assert.equal(await countRows(db, 'outbox'), outbox);

  // A changed record of a dossier imported already is not written over.
  const changed = await importFile(
    rt.app,
    cookie,
    jsonl([processingRecord(ward, good.MaHoSo, { ChuHoSo: 'Lê Văn Tám' })]),
    'dryRun=false',
  );
  assert.match(changed.report[0]!.reason!, /đã được nhập .* với nội dung khác/);
});

test('#17 a closed agency maps to its 2025 successor; the old one stays the agency of the day', async () => {
  const db = rt.deps.db;
  const applied = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/reorganisations',
    headers: { cookie: await as('demo-admin') },
    payload: {
      name: 'Nhập Phường Cửa Nam vào Phường Hoàn Kiếm',
      basis: 'Nghị quyết thử nghiệm số 03/2026',
      effectiveOn: '2026-11-20',
      endedUnits: [{ code: '00082', successors: [{ code: '00070', extent: 'full' }] }],
      handovers: [{ from: cuaNam, to: ward }],
    },
  });
  assert.equal(applied.statusCode, 201, applied.body);
  const view = await importFile(
    rt.app,
    await as('demo-admin'),
    jsonl([processingRecord(cuaNam, `${cuaNam}-261118-0003`)]),
    'dryRun=false',
  );
  assert.equal(view.accepted, 1, JSON.stringify(view.report));
  const d = await sql<{ receiving: string; received_by: string; competent: string }>`
    SELECT r.code AS receiving, b.code AS received_by, c.code AS competent FROM dossiers d
    JOIN agencies r ON r.agency_id = d.receiving_agency_id
    JOIN agencies b ON b.agency_id = d.received_by_agency_id
    JOIN agencies c ON c.agency_id = d.competent_agency_id
    WHERE d.code = ${`${cuaNam}-261118-0003`}`.execute(db);
  assert.deepEqual(d.rows[0], { receiving: ward, received_by: cuaNam, competent: ward });
});

test('#17 the report pages; the summary downloads; the list shows the import', async () => {
  const cookie = await as('demo-admin');
  const res = await postImport(rt.app, cookie, mixedFile().body);
  const id = res.json<{ id: string }>().id;
  await waitForImport(rt.app, cookie, id);
  const page = await waitForImport(rt.app, cookie, id, 'page=2&pageSize=3');
  assert.deepEqual([page.page, page.pageSize, page.reportTotal], [2, 3, 8]);
  assert.deepEqual(
    page.report.map((r) => r.line),
    [5, 6, 7],
  );
  const refused = await waitForImport(rt.app, cookie, id, 'outcome=refused');
  assert.equal(refused.reportTotal, 6);
  const csv = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/imports/${id}/summary.csv`,
    headers: { cookie },
  });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.match(csv.body, /Tổng số bản ghi,8/);
  assert.match(csv.body, /\n5,CU-0004,Từ chối,"?DonViXuLy: Không có cơ quan mã 000\.00\.99\.H99/);
  // A code a spreadsheet would run as a formula is written as text.
  const formula = await importFile(rt.app, cookie, jsonl([processingRecord(ward, '=HYPERLINK("x")')]));
  const formulaCsv = await rt.app.inject({ method: 'GET', url: formula.summaryUrl, headers: { cookie } });
  assert.match(formulaCsv.body, /\n1,"'=HYPERLINK\(""x""\)",/);
  const list = await rt.app.inject({ method: 'GET', url: '/api/v1/imports', headers: { cookie } });
  assert.ok(list.json<{ items: { id: string }[] }>().items.some((i) => i.id === id));
});

test('#17 only administrators import, within their reach; bad requests are 4xx naming the field', async () => {
  const body = jsonl([processingRecord(ward, 'CU-0100')]);
  const anonymous = await rt.app.inject({ method: 'POST', url: '/api/v1/imports/dossiers', payload: body });
  assert.equal(anonymous.statusCode, 401);
  const desk = await postImport(rt.app, await as('desk.hang-trong'), body);
  assert.equal(desk.statusCode, 403);
  assert.equal(errorOf(desk).reason, 'IMPORT_ADMINS_ONLY');
  const badFormat = await postImport(rt.app, await as('demo-admin'), body, 'format=igate');
  assert.equal(badFormat.statusCode, 400);
  assert.ok(
    errorOf(badFormat).details?.some((d) => d.path.includes('format')),
    badFormat.body,
  );
  const empty = await postImport(rt.app, await as('demo-admin'), '\n\n');
  assert.equal(empty.statusCode, 400);
  assert.equal(errorOf(empty).details?.[0]?.path, 'body');
  // Text no database keeps (here a lone surrogate, as a JSON escape): the file is refused, its line named.
  const imports = await countRows(rt.deps.db, 'imports');
  const unstorable = await postImport(
    rt.app,
    await as('demo-admin'),
    body + JSON.stringify(processingRecord(ward, 'CU-0101', { ChuHoSo: 'x\udfff' })) + '\n',
  );
  assert.equal(unstorable.statusCode, 400, unstorable.body);
  assert.deepEqual(
    errorOf(unstorable).details?.map((d) => d.path),
    ['body/2'],
  );
  assert.equal(await countRows(rt.deps.db, 'imports'), imports, 'nothing written');
  // Another province's administrator: the Hà Nội ward is outside their reach, and so is the import.
  const foreign = await importFile(rt.app, await as('admin.quang-nam'), body, 'dryRun=false');
  assert.equal(foreign.refused, 1);
  assert.match(foreign.report[0]!.reason!, /ngoài phạm vi quản trị/);
  const notTheirs = await rt.app.inject({
    method: 'GET',
    url: `/api/v1/imports/${foreign.id}`,
    headers: { cookie: await as('demo-admin') },
  });
  assert.equal(notTheirs.statusCode, 404);
  const missing = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/imports/abc',
    headers: { cookie: await as('demo-admin') },
  });
  assert.equal(missing.statusCode, 400);
});

test('#17 a legacy code outside motcua’s own form is kept and the dossier opens by it; one a web address cannot carry is refused', async () => {
  const cookie = await as('demo-admin');
  const view = await importFile(
    rt.app,
    cookie,
    jsonl([processingRecord(ward, 'HS_2025.000123'), processingRecord(ward, 'HS 2025/000124')]),
    'dryRun=false',
  );
  assert.deepEqual(
    view.report.map((r) => [r.line, r.code, r.outcome]),
    [
      [1, 'HS_2025.000123', 'accepted'],
      [2, 'HS 2025/000124', 'refused'],
    ],
  );
  assert.match(view.report[1]!.reason!, /^MaHoSo: Mã hồ sơ “HS 2025\/000124” có ký tự không dùng được/);
  const opened = await rt.app.inject({
    method: 'GET',
    url: '/api/v1/dossiers/HS_2025.000123',
    headers: { cookie: await as('desk.hang-trong') },
  });
  assert.equal(opened.statusCode, 200, opened.body);
  assert.equal(opened.json<{ code: string }>().code, 'HS_2025.000123');
});
