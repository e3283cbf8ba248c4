// #17 "Moving in", the catalogue: the province administrator opens the catalogue administration and
// chooses a small catalogue in the national catalogue's shape — two of the Ministry of Culture's
// procedures no demo province runs (so no other journey reads them): 1.000040 complete, 1.000066 with
// its in-person time limit published without a unit. She runs it as a trial (one would be created, one
// imported as a draft with its flag named, nothing written), imports it with the button that says so,
// follows the draft's link into the catalogue editor, chooses the missing unit, publishes, and finds
// both on the public procedure pages. Before that, a file that is not JSON is named so at the field,
// and records that are not records are refused by the server, each named. axe on the report; no
// horizontal scroll at 360 px.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CATALOG_ADMIN_PATH } from '../pages/admin-pages.ts';
import { CatalogueImportPart } from '../pages/catalogue-import.ts';
import { DraftEditorPage } from '../pages/draft-editor-page.ts';
import { ProcedurePage } from '../pages/procedure-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';
import { loadNationalCatalogue, REFERENCE_DATA_DIR } from '../../server/modules/catalog/index.ts';
import { buildXlsx } from '../../server/platform/xlsx.ts';
import { untranslatedText } from '../support/english-text.ts';

const COMPLETE = '1.000040';
const GAP = '1.000066';
/** In the province's published list (.xlsx) of the second journey. */
const LISTED = '1.000010';
const GAP_NAME =
  'Thủ tục tiếp nhận thông báo tổ chức thi sáng tác tác phẩm mỹ thuật (thẩm quyền của Bộ Văn hóa, Thể thao và Du lịch)';

let browser: Browser;
let dir: string;

before(async () => {
  browser = await launchBrowser();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-catalogue-'));
});

after(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The two records as the national catalogue has them, the second one's in-person limit a bare "7". */
function writeCatalogue(): string {
  const all = loadNationalCatalogue(REFERENCE_DATA_DIR).procedures;
  const record = (code: string) => structuredClone(all.find((r) => r.code.trim() === code)!);
  const gap = record(GAP);
  const inPerson = gap.processingTime.find((t) => t.channel === 'Trực tiếp')!;
  assert.equal(inPerson.unit, 'Ngày làm việc');
  Object.assign(inPerson, { unit: null, displayed: '7', unitSource: null });
  const file = path.join(dir, 'danh-muc-bo-van-hoa.json');
  fs.writeFileSync(file, JSON.stringify({ procedures: [record(COMPLETE), gap] }), 'utf8');
  return file;
}

/** At 360 px the page does not scroll sideways (its screenshot: `name`); then back to the desktop. */
async function noHorizontalScroll(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  await eventually(async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page is ${width} px wide`);
  });
  await screenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the province administrator tries a catalogue, imports it, completes the draft it flagged and publishes it', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto('/quan-tri');
  await signIn.signInAs('demo-admin');
  await signIn.waitForPath('/quan-tri');
  await page.getByRole('link', { name: 'Thủ tục hành chính và quy trình nội bộ' }).click();
  await signIn.waitForPath(CATALOG_ADMIN_PATH);
  const imports = new CatalogueImportPart(page);
  await imports.section.waitFor();

  // Before any file, the import says it needs a trial first; a file that is not JSON is named so.
  assert.equal(await imports.apply.innerText(), 'Nhập thật (hãy chạy thử trước)');
  assert.equal(await imports.apply.getAttribute('aria-disabled'), 'true');
  const notJson = path.join(dir, 'danh-muc.json');
  fs.writeFileSync(notJson, 'Mã TTHC;Tên thủ tục\n1.000040;Triển lãm\n', 'utf8');
  await imports.file.setInputFiles(notJson);
  await imports.trial.click();
  await eventually(async () => assert.match((await imports.fileError()) ?? '', /^Tệp này không phải JSON/));
  assert.equal(await imports.file.getAttribute('aria-invalid'), 'true');
  // JSON of the right shape whose records are not records: the server's refusal names each of them.
  const notRecords = path.join(dir, 'khong-phai-ban-ghi.json');
  fs.writeFileSync(notRecords, JSON.stringify({ procedures: [7, 'Triển lãm'] }), 'utf8');
  await imports.file.setInputFiles(notRecords);
  await imports.trial.click();
  const refusal = imports.section.locator('.inline-error[role="alert"]');
  await eventually(async () => assert.match(await refusal.innerText(), /^Dữ liệu gửi lên không hợp lệ\./));
  assert.match(await refusal.innerText(), /procedures\.0: Sai kiểu dữ liệu: cần object\./);
  assert.match(await refusal.innerText(), /procedures\.1: Sai kiểu dữ liệu: cần object\./);
  await screenshot(page, 'catalogue-import-refused');

  // The trial: one created, one drafted with its flag named, nothing written.
  await imports.file.setInputFiles(writeCatalogue());
  assert.equal(await imports.fileError(), null, 'a new file forgets the old one’s problem');
  await imports.trial.click();
  await eventually(async () =>
    assert.equal(await imports.reportHeading.innerText(), 'Kết quả chạy thử: danh-muc-bo-van-hoa.json'),
  );
  assert.ok(
    await imports.reportHeading.evaluate((el) => el === document.activeElement),
    'the report’s heading takes the focus',
  );
  assert.deepEqual(await imports.counts(), {
    'Tạo mới': '1',
    'Cập nhật': '0',
    'Không đổi': '0',
    'Nhập làm bản nháp': '1',
    'Bị từ chối': '0',
  });
  const complete = imports.row(COMPLETE);
  assert.match(await complete.innerText(), /Thủ tục cấp giấy phép triển lãm mỹ thuật/);
  assert.match(await complete.innerText(), /Tạo mới/);
  const gap = imports.row(GAP);
  assert.match(await gap.innerText(), /Nhập làm bản nháp/);
  assert.match(await gap.innerText(), /Cần bổ sung:\s*thời hạn giải quyết chưa có đơn vị \(kênh trực tiếp\)/);
  assert.equal(await gap.getByRole('link').count(), 0, 'no draft to link to before the import');
  assert.equal(
    (await page.request.get(`/api/v1/procedures/${COMPLETE}`)).status(),
    404,
    'the trial wrote nothing',
  );
  await assertAccessible(page, 'the trial run of a catalogue file');
  await screenshot(page, 'catalogue-import-dry-run');
  await noHorizontalScroll(page, 'catalogue-import-dry-run-360');

  // The import, by the button that says what it writes.
  assert.equal(await imports.apply.innerText(), 'Nhập thật: tạo mới 1, cập nhật 0, 1 bản nháp');
  await imports.apply.click();
  await eventually(async () =>
    assert.equal(await imports.reportHeading.innerText(), 'Kết quả nhập: danh-muc-bo-van-hoa.json'),
  );
  assert.match(await imports.section.innerText(), /Đã nhập danh mục\./);
  assert.equal(await imports.apply.innerText(), 'Đã nhập tệp này');
  assert.equal(
    await imports.apply.getAttribute('aria-disabled'),
    'true',
    'the same file is not imported twice',
  );
  assert.equal((await page.request.get(`/api/v1/procedures/${COMPLETE}`)).status(), 200);
  await assertAccessible(page, 'the catalogue file imported');
  await screenshot(page, 'catalogue-import-done');

  // The draft's link opens it in the editor, which names the same gap.
  await gap.getByRole('link', { name: /^Hoàn thiện bản nháp phiên bản 1/ }).click();
  const editor = new DraftEditorPage(page);
  await editor.waitForPath(`${CATALOG_ADMIN_PATH}/${GAP}/noi-dung/1`);
  await editor.summary.waitFor();
  assert.match(await editor.summary.innerText(), /Còn 1 vấn đề phải sửa trước khi công bố/);
  assert.match(await editor.limit('trực tiếp').innerText(), /Nguồn ghi: “7”/);
  assert.equal(await editor.unit('trực tiếp').getAttribute('aria-invalid'), 'true');
  await editor.unit('trực tiếp').selectOption({ label: 'Ngày làm việc' });
  await editor.ready.waitFor();
  assert.equal(await editor.ready.innerText(), 'Bản nháp đủ thông tin để công bố.');
  await editor.publish.click();
  await eventually(async () => assert.match(await editor.notice.innerText(), /^Đã công bố phiên bản 1/));
  await screenshot(page, 'catalogue-import-draft-published');

  // Published: both procedures on the public pages, the completed one with its unit.
  const procedure = new ProcedurePage(page);
  await procedure.goto(GAP);
  assert.equal(await procedure.heading.innerText(), GAP_NAME);
  assert.deepEqual(await procedure.tableRows('Thời hạn giải quyết'), [
    ['Trực tiếp', '7 ngày làm việc'],
    ['Dịch vụ bưu chính', '7 ngày làm việc'],
  ]);
  await procedure.goto(COMPLETE);
  assert.match(await procedure.heading.innerText(), /^Thủ tục cấp giấy phép triển lãm mỹ thuật/);
  assertNoProblems(problems);
  await context.close();
});

test('the province’s published list (.xlsx): each code takes the national record with the decision’s day, an unknown code is refused with its row', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto(CATALOG_ADMIN_PATH);
  await signIn.signInAs('demo-admin');
  await signIn.waitForPath(CATALOG_ADMIN_PATH);
  const imports = new CatalogueImportPart(page);
  const file = path.join(dir, 'QĐ 2345 công bố danh mục.xlsx');
  const at = new Date('2026-11-30T00:00:00Z');
  const columns = ['Mã TTHC', 'Tên thủ tục', 'Số quyết định công bố', 'Ngày hiệu lực'];
  const bytes = await buildXlsx({
    sheetName: 'Danh mục',
    title: 'Danh mục thủ tục hành chính công bố',
    created: at,
    packagedAt: at,
    columns: columns.map((header) => ({ header, width: 24 })),
    rows: [
      [LISTED, 'Đánh giá, chứng nhận năng lực cơ sở thử nghiệm', '2345/QĐ-UBND', '15/01/2026'],
      ['1.999999', 'Một thủ tục không có trong danh mục quốc gia', '2345/QĐ-UBND', '15/01/2026'],
    ],
  });
  fs.writeFileSync(file, bytes);
  await imports.file.setInputFiles(file);
  await imports.trial.click();
  await eventually(async () =>
    assert.equal(await imports.reportHeading.innerText(), `Kết quả chạy thử: ${path.basename(file)}`),
  );
  const listed = imports.row(LISTED);
  assert.match(await listed.innerText(), /^2\s/, 'its row in the sheet');
  assert.match(await listed.innerText(), /Đánh giá, chứng nhận năng lực cơ sở thử nghiệm/);
  assert.match(await listed.innerText(), /Tạo mới/);
  const unknown = imports.row('1.999999');
  assert.match(await unknown.innerText(), /Bị từ chối/);
  assert.match(await unknown.innerText(), /Dòng 3: không có thủ tục mã 1\.999999 trong danh mục quốc gia/);
  await assertAccessible(page, 'the trial run of a published list');
  await screenshot(page, 'catalogue-import-published-list');

  // In English the report is English but for the data (names, the server's reasons: lang="vi").
  const deployment = (await (await page.request.get('/api/v1/deployment')).json()) as {
    province: { name: string | null };
  };
  await imports.languageButton('English').click();
  const english = page.getByRole('region', { name: 'Import the procedure catalogue' });
  await eventually(async () =>
    assert.equal(
      await english.getByRole('heading', { level: 3 }).innerText(),
      `Trial run: ${path.basename(file)}`,
    ),
  );
  assert.equal(
    await english.getByRole('button', { name: /^Import for real/ }).innerText(),
    'Import for real: create 1, update 0, 0 drafts',
  );
  assert.match(await english.getByRole('row').filter({ hasText: '1.999999' }).innerText(), /Rejected/);
  assert.deepEqual(
    await untranslatedText(page, deployment.province.name ? [deployment.province.name] : []),
    [],
  );
  await screenshot(page, 'catalogue-import-published-list-en');
  await imports.languageButton('Tiếng Việt').click();
  await imports.section.waitFor();

  await imports.apply.click();
  await eventually(async () =>
    assert.equal(await imports.reportHeading.innerText(), `Kết quả nhập: ${path.basename(file)}`),
  );
  const published = await page.request.get(`/api/v1/procedures/${LISTED}`);
  assert.equal(published.status(), 200);
  const detail = (await published.json()) as { effectiveFrom: string; procedure: { decisionNumber: string } };
  assert.deepEqual([detail.effectiveFrom, detail.procedure.decisionNumber], ['2026-01-15', '2345/QĐ-UBND']);
  assertNoProblems(problems);
  await context.close();
});
