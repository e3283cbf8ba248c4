// #14 The worklist a desk officer works from: filtered (list, channel, status, order, a name typed
// without diacritics), exported to Excel, the downloaded .xlsx opened with ExcelJS and its rows
// compared with the screen; the settings restored when the page opens again; two dossiers forwarded
// at once with the answer per dossier on screen; axe; no horizontal scroll at 360 px (the table
// scrolls, or turns into cards, inside the page). Other journeys receive dossiers at the same ward at
// the same time: the rows compared are those of this journey's applicant.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { APPLICANT_HUONG, VALID_BIRTH_DECLARATION } from '../../server/test/fixtures.ts';
import { WorklistPage, WORKLIST_PATH } from '../pages/desk-pages.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  BASE_URL,
  SCREENSHOT_DIR,
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';

const HANG_TRONG = 'H26.104';
// A name no other journey uses, so that the search finds exactly this journey's dossiers.
const KHOI = 'Đỗ Minh Khôi';
let browser: Browser;
const made: string[] = [];

before(async () => {
  browser = await launchBrowser();
  const desk = await openPage(browser, { bypassCSP: true });
  const login = await desk.page.request.post('/api/v1/auth/login', {
    data: { username: 'desk.hang-trong', password: 'demo' },
  });
  assert.equal(login.status(), 200);
  for (const [i, fullName] of [KHOI, KHOI, KHOI, 'Vũ Thị Lan'].entries()) {
    const intake = await desk.page.request.post('/api/v1/dossiers', {
      headers: { origin: BASE_URL },
      data: {
        procedureCode: '1.001193',
        agencyCode: HANG_TRONG,
        applicant: { ...APPLICANT_HUONG, fullName, idNumber: `00109500${4000 + i}` },
        formData: VALID_BIRTH_DECLARATION,
        components: [
          { code: 'TP1', provided: 'original' },
          { code: 'TP3', provided: 'original' },
        ],
        channel: 'direct',
      },
    });
    assert.equal(intake.status(), 201, await intake.text());
    made.push(((await intake.json()) as { code: string }).code);
  }
  await desk.context.close();
});

after(async () => {
  await browser?.close();
});

async function readXlsx(file: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

test('#14 desk.hang-trong filters the worklist, exports it to Excel and the file holds the rows on screen', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto(WORKLIST_PATH);
  await signIn.signInAs('desk.hang-trong');
  const worklist = new WorklistPage(page);
  await worklist.tab(/^Của cơ quan/).click();
  await worklist.filter('Kênh nộp').selectOption('direct');
  await worklist.filter('Trạng thái').selectOption('received');
  await worklist.filter('Sắp xếp theo').selectOption('code');
  await worklist.filter('Thứ tự').selectOption('desc');
  await worklist.search.fill('do minh khoi');
  const mine = made.slice(0, 3).reverse(); // by code, latest first
  await eventually(async () => assert.deepEqual(await worklist.codes(), mine));
  const shown = await worklist.rows();
  for (const r of shown) {
    assert.equal(r['Người nộp'], KHOI);
    assert.equal(r['Kênh nộp'], 'Trực tiếp');
    assert.match(r['Thủ tục'] ?? '', /đăng ký khai sinh/i);
    assert.equal(r['Trạng thái'], 'Đã tiếp nhận');
  }
  assert.match(await worklist.status.innerText(), /^3 hồ sơ; đang hiển thị 1–3\./);
  await assertAccessible(page, 'the filtered worklist');
  await screenshot(page, 'worklist-filtered');

  // Xuất Excel: the file the browser downloads.
  const [download] = await Promise.all([page.waitForEvent('download'), worklist.exportButton.click()]);
  assert.match(download.suggestedFilename(), /^danh-sach-ho-so-\d{8}\.xlsx$/);
  const file = path.join(SCREENSHOT_DIR, `worklist-${Date.now()}.xlsx`);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await download.saveAs(file);
  const [header, ...body] = await readXlsx(file);
  fs.rmSync(file);
  assert.deepEqual(header!.slice(0, 7), [
    'Mã hồ sơ',
    'Thủ tục hành chính',
    'Mã thủ tục',
    'Lĩnh vực',
    'Người nộp',
    'Số định danh',
    'Kênh nộp',
  ]);
  assert.deepEqual(
    body.map((r) => r[0]),
    shown.map((r) => r['Mã hồ sơ']),
  );
  for (const [i, r] of body.entries()) {
    assert.equal(r[1], shown[i]!['Thủ tục']);
    assert.equal(r[4], shown[i]!['Người nộp']);
    assert.equal(r[6], shown[i]!['Kênh nộp']);
  }
  await eventually(async () =>
    assert.match(await page.locator('.worklist-export').innerText(), /Đã tải tệp danh-sach-ho-so-/),
  );

  // Opened again without settings in the address, the worklist restores those chosen.
  await page.waitForTimeout(1000); // the settings are saved a moment after the last change
  await page.goto(WORKLIST_PATH);
  await worklist.heading.waitFor();
  await eventually(async () => assert.equal(await worklist.filter('Kênh nộp').inputValue(), 'direct'));
  assert.equal(await worklist.filter('Trạng thái').inputValue(), 'received');
  assert.equal(await worklist.filter('Sắp xếp theo').inputValue(), 'code');
  assert.equal(await worklist.tab(/^Của cơ quan/).getAttribute('aria-pressed'), 'true');
  assertNoProblems(problems);
  await context.close();
});

test('#14 two dossiers forwarded at once: the page says, per dossier, what was done', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto(`${WORKLIST_PATH}?ds=agency&q=do%20minh%20khoi`);
  await signIn.signInAs('desk.hang-trong');
  const worklist = new WorklistPage(page);
  await eventually(async () => assert.equal(await worklist.row(made[0]!).count(), 1));
  await worklist.select(made[0]!).check();
  await worklist.select(made[1]!).check();
  await eventually(async () => assert.match(await worklist.bulk.innerText(), /Đã chọn 2 hồ sơ/));
  await page.getByLabel('Thao tác', { exact: true }).selectOption('forward');
  await worklist.bulk.getByRole('button', { name: 'Thực hiện' }).click();
  const results = worklist.bulk.locator('.bulk-results');
  await eventually(async () => assert.match(await results.innerText(), /Đã thực hiện 2 hồ sơ; 0 hồ sơ/));
  for (const code of made.slice(0, 2))
    assert.match(await results.locator('li', { hasText: code }).innerText(), /Đã thực hiện/);
  await assertAccessible(page, 'the worklist after a bulk action');
  await screenshot(page, 'worklist-bulk');
  assertNoProblems(problems);
  await context.close();
});

test('#14 at 360 px the worklist with its table has no horizontal scroll', async () => {
  const { page, context, problems } = await openPage(browser, {
    viewport: { width: 360, height: 740 },
    bypassCSP: true,
  });
  const signIn = new SignInPage(page);
  await signIn.goto(`${WORKLIST_PATH}?ds=agency&q=khoi`);
  await signIn.signInAs('desk.hang-trong');
  const worklist = new WorklistPage(page);
  await eventually(async () => assert.ok((await worklist.codes()).length >= 1));
  const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(width[0]! <= width[1]!, `scroll width ${width[0]} > ${width[1]}`);
  await assertAccessible(page, 'the worklist at 360 px');
  await screenshot(page, 'worklist-360');
  assertNoProblems(problems);
  await context.close();
});
