// Counter intake as it is done (#14): desk.hang-trong takes in a birth registration with two paper
// components scanned at the counter (a two-page declaration as a PDF and a PNG, the birth certificate as a
// PDF, each with its page count and the digitised mark), hands it to the ward's specialist in the same
// save (pre-selected), prints the receipt (address and book number filled), and downloads the tracking
// book from the desk's menu (read back as XLSX); the specialist finds the dossier in "mine". axe on the
// new screens; the intake and the tracking book at 360 px without horizontal scroll.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import {
  DossierPage,
  INTAKE_PATH,
  IntakePage,
  TRACKING_BOOK_PATH,
  TrackingBookPage,
  WorklistPage,
} from '../pages/desk-pages.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
// A 1×1 PNG, as a phone's camera or a scanner would give an image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let browser: Browser;
let code = '';

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** The page's width beyond the viewport's, in px (0: no horizontal scroll). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('#14 a desk officer takes in two scanned components, hands the dossier to the specialist and prints the receipt', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto(INTAKE_PATH);
  await signIn.signInAs('desk.hang-trong');
  const intake = new IntakePage(page);
  await intake.procedure.fill('1.001193');
  await intake.options.first().waitFor();
  await intake.procedure.press('Enter');
  await intake.agency.waitFor();
  // The desk's own ward offers the procedure: it is the default.
  await eventually(async () =>
    assert.match(await intake.agencyChosen.innerText(), /Ủy ban nhân dân Phường Hoàn Kiếm/),
  );
  await intake.applicant('fullName').fill('Nguyễn Thị Hường');
  await intake.applicant('idNumber').fill('001190012345');
  await intake.applicant('phone').fill('0912345678');
  await intake.applicant('email').fill('huong@example.vn');
  await intake.fillBirthDeclaration();

  // The declaration, two pages scanned separately; the birth certificate, one page.
  await intake.component(1).selectOption('original');
  await intake.component(3).selectOption('original');
  assert.equal(await intake.scanInput(1).getAttribute('accept'), 'application/pdf,image/*');
  assert.equal(await intake.scanInput(1).getAttribute('multiple'), '');
  await intake.scanInput(1).setInputFiles([
    { name: 'to-khai-trang-1.pdf', mimeType: 'application/pdf', buffer: PDF },
    { name: 'to-khai-trang-2.png', mimeType: 'image/png', buffer: PNG },
  ]);
  await intake
    .scanInput(3)
    .setInputFiles([{ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: PDF }]);
  await eventually(async () => assert.equal(await intake.scans(1).count(), 2));
  await eventually(async () => assert.equal(await intake.scans(3).count(), 1));
  await intake.pages(1).fill('2');
  await intake.pages(3).fill('1');
  // A scan taken in marks the component digitised.
  await screenshot(page, 'counter-intake-scanned');
  await eventually(async () => assert.equal(await intake.digitised(1).isChecked(), true));
  await eventually(async () => assert.equal(await intake.digitised(3).isChecked(), true));
  assert.equal(await intake.pages(1).inputValue(), '2');

  // The next step's performer comes pre-selected: the ward's only specialist.
  await eventually(async () => assert.notEqual(await intake.handOn.inputValue(), ''));
  assert.match(await intake.handOn.locator('option:checked').innerText(), /\(specialist\.hang-trong\)$/);
  await assertAccessible(page, 'the intake page with scans and the hand-on');
  await screenshot(page, 'counter-intake-filled');

  await intake.save.click();
  await page.waitForURL((url) => /^\/ho-so\/H26\.104-\d{6}-\d{4}$/.test(url.pathname), {
    timeout: 20_000,
  });
  code = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
  const dossier = new DossierPage(page);
  await dossier.summaryValue('Trạng thái').waitFor();
  // Received and handed on: processing at the specialist's step, both acts in the history.
  assert.equal(await dossier.summaryValue('Trạng thái').innerText(), 'Đang xử lý');
  assert.match(await dossier.currentStep.innerText(), /Thẩm định, xử lý hồ sơ/);
  // The history, newest first: the hand-on right after the receipt, both by the desk officer (by
  // name and role, not by username).
  const acts = await dossier.history.locator('tbody tr').allInnerTexts();
  assert.deepEqual(
    acts.map((r) => /Chuyển bước tiếp theo|Tiếp nhận hồ sơ/.exec(r)?.[0]),
    ['Chuyển bước tiếp theo', 'Tiếp nhận hồ sơ'],
  );
  assert.ok(acts.every((r) => r.includes('Lê Thị Mai Anh (Cán bộ một cửa)')));
  // The papers: each component's scans, page count and digitised mark.
  const tp1 = await dossier.paperRow('TP1').innerText();
  assert.match(tp1, /2 trang/);
  assert.match(tp1, /Đã số hóa/);
  assert.match(tp1, /to-khai-trang-1\.pdf[\s\S]*to-khai-trang-2\.png/);
  assert.match(await dossier.paperRow('TP3').innerText(), /1 trang[\s\S]*giay-chung-sinh\.pdf/);
  await screenshot(page, 'counter-intake-dossier');

  // The receipt: every field filled; the address from the declaration, the book number.
  const href = await dossier.receiptLink.first().getAttribute('href');
  const bytes = await page.evaluate(async (url) => {
    const r = await fetch(url, { credentials: 'same-origin' });
    return [...new Uint8Array(await r.arrayBuffer())];
  }, href!);
  const text = execFileSync('pdftotext', ['-raw', '-', '-'], { input: Buffer.from(bytes) })
    .toString('utf8')
    .replace(/\s+/g, ' ');
  assert.match(text, /Địa chỉ: Số 12 phố Hàng Trống, phường Hoàn Kiếm, thành phố Hà Nội/);
  assert.match(text, /Số điện thoại: 0912345678; Email: huong@example\.vn/);
  assert.match(text, /Vào Sổ theo dõi hồ sơ, Quyển số: 01\/\d{4}, Số thứ tự: \d+/);
  assert.match(text, /7\. Phí, lệ phí: Miễn phí /);
  assert.doesNotMatch(text, /……/, 'no blank left to fill by hand');
  assertNoProblems(problems);
  await context.close();
});

test('#14 the tracking book from the desk menu, for a period, as XLSX with the dossier in it', async () => {
  assert.ok(code, 'the intake above ran');
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto('/ho-so');
  await signIn.signInAs('desk.hang-trong');
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Sổ theo dõi hồ sơ' })
    .click();
  const book = new TrackingBookPage(page);
  await book.from.waitFor();
  assert.equal(new URL(page.url()).pathname, TRACKING_BOOK_PATH);
  // The period: a bad date is named beside its field; the dossier's day is typed as dd/mm/yyyy.
  await book.from.fill('31/02/2026');
  await book.pdf.click();
  await eventually(async () => assert.equal(await book.from.getAttribute('aria-invalid'), 'true'));
  await assertAccessible(page, 'the tracking book page with an error');
  const day = code.split('-')[1]!; // yymmdd
  const typed = `${day.slice(4, 6)}/${day.slice(2, 4)}/20${day.slice(0, 2)}`;
  await book.from.fill(typed);
  await book.to.fill(typed);
  const [download] = await Promise.all([page.waitForEvent('download'), book.xlsx.click()]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const line = rows.find((r) => r[1] === code);
  assert.ok(line, `the book lists ${code}`);
  assert.equal(typeof line[0], 'number', 'its number in the book');
  assert.equal(line[2], 'Thủ tục đăng ký khai sinh');
  assert.equal(line[3], 'Nguyễn Thị Hường');
  assert.match(String(line[4]), /Số 12 phố Hàng Trống[\s\S]*0912345678/);
  // The PDF of the same period.
  const [pdf] = await Promise.all([page.waitForEvent('download'), book.pdf.click()]);
  assert.match(pdf.suggestedFilename(), /\.pdf$/);
  assert.match(
    execFileSync('pdftotext', ['-layout', await pdf.path(), '-']).toString('utf8'),
    new RegExp(code.replace(/\./g, '\\.')),
  );
  await assertAccessible(page, 'the tracking book page');
  await screenshot(page, 'tracking-book');
  assertNoProblems(problems);
  await context.close();
});

test('#14 the specialist finds the dossier in "mine"', async () => {
  assert.ok(code, 'the intake above ran');
  const { page, context, problems } = await openPage(browser);
  const signIn = new SignInPage(page);
  await signIn.goto('/ho-so?ds=mine');
  await signIn.signInAs('specialist.hang-trong');
  const worklist = new WorklistPage(page);
  await worklist.table.waitFor();
  await eventually(async () => assert.equal(await worklist.row(code).count(), 1));
  assertNoProblems(problems);
  await context.close();
});

test('#14 at 360 px the intake with scans and the tracking book have no horizontal scroll', async () => {
  const { page, context, problems } = await openPage(browser, { viewport: { width: 360, height: 740 } });
  const signIn = new SignInPage(page);
  await signIn.goto(INTAKE_PATH);
  await signIn.signInAs('desk.hang-trong');
  const intake = new IntakePage(page);
  await intake.procedure.fill('1.001193');
  await intake.options.first().waitFor();
  await intake.procedure.press('Enter');
  await intake.agency.waitFor();
  await intake.component(1).selectOption('original');
  await intake.scanInput(1).setInputFiles([
    {
      name: 'to-khai-mot-ten-tep-rat-dai-tu-may-quet-cua-bo-phan-mot-cua.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    },
  ]);
  await eventually(async () => assert.equal(await intake.scans(1).count(), 1));
  await intake.handOn.waitFor();
  await eventually(async () => assert.equal(await overflow(page), 0));
  await screenshot(page, 'counter-intake-360');
  const book = new TrackingBookPage(page);
  await page.goto(TRACKING_BOOK_PATH);
  await book.from.waitFor();
  await eventually(async () => assert.equal(await overflow(page), 0));
  await screenshot(page, 'tracking-book-360');
  assertNoProblems(problems);
  await context.close();
});
