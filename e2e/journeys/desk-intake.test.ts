// A desk officer of Phường Hoàn Kiếm receives a birth registration at the counter, keyboard first:
// the navigation to the intake page, the procedure picked by typing "khai sinh" and Enter; the
// applicant, the declaration and the components; the dossier page with its status, due time and
// receipt (a real PDF); the worklist shows it; then it is forwarded to the specialist. axe on the
// three pages; the worklist at 360 px without horizontal scroll.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DossierPage, IntakePage, WorklistPage, INTAKE_PATH } from '../pages/desk-pages.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** Tab until the element with `id` has focus (keyboard only). */
async function tabTo(page: Page, predicate: () => Promise<boolean>, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await predicate()) return;
    await page.keyboard.press('Tab');
  }
  assert.ok(await predicate(), 'the element was not reached with Tab');
}

test('desk.hang-trong receives a birth registration with the keyboard, prints the receipt and forwards it', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signInAs('desk.hang-trong');

  // To the intake page with the keyboard: Tab to the navigation link, Enter.
  const intake = new IntakePage(page);
  await tabTo(page, async () =>
    page.evaluate(
      () =>
        document.activeElement?.textContent === 'Tiếp nhận hồ sơ' && document.activeElement.tagName === 'A',
    ),
  );
  await page.keyboard.press('Enter');
  await intake.waitForPath(INTAKE_PATH);
  assert.equal(await intake.heading.innerText(), 'Tiếp nhận hồ sơ');
  await assertAccessible(page, 'the intake page (empty)');

  // The procedure: type, the suggestions come, Enter picks the highlighted one.
  await tabTo(page, async () => (await focusedId(page)) === 'intake-procedure');
  await page.keyboard.type('khai sinh');
  await eventually(async () => assert.ok((await intake.options.count()) > 0));
  for (let i = 0; i < 8; i++) {
    const active = await intake.procedure.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`[id="${active}"]`).innerText()).startsWith('1.001193')) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await eventually(async () => assert.match(await intake.procedure.inputValue(), /^1\.001193 – /));
  await intake.agency.waitFor();
  // The desk's own ward offers the procedure: it is the default.
  await eventually(async () =>
    assert.match(await intake.agencyChosen.innerText(), /Ủy ban nhân dân Phường Hoàn Kiếm/),
  );
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), 'intake-agency');

  await intake.applicant('fullName').fill('Nguyễn Thị Hường');
  await intake.applicant('idNumber').fill('001190012345');
  await intake.applicant('phone').fill('0912345678');
  await intake.applicant('email').fill('huong@example.vn');
  await intake.fillBirthDeclaration();
  // Nationality comes prefilled from the form's default.
  assert.equal(await intake.formField('nguoiDuocKhaiSinh-quocTich').inputValue(), 'Việt Nam');
  await intake.component(1).selectOption('original');
  await intake.component(3).selectOption('original');
  await assertAccessible(page, 'the intake page (filled)');
  await screenshot(page, 'desk-intake-filled');
  // The next step's specialist comes pre-selected (#14); this journey keeps the dossier at the desk and
  // forwards it from the dossier page (counter-intake.test.ts hands it on at once).
  await eventually(async () => assert.notEqual(await intake.handOn.inputValue(), ''));
  await intake.handOn.selectOption('');

  await intake.save.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => /^\/ho-so\/H26\.104-\d{6}-\d{4}$/.test(url.pathname), {
    timeout: 15_000,
  });
  const code = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);

  const dossier = new DossierPage(page);
  assert.equal(await dossier.heading.innerText(), `Hồ sơ ${code}`);
  await dossier.summaryValue('Trạng thái').waitFor();
  assert.equal(await dossier.summaryValue('Trạng thái').innerText(), 'Đã tiếp nhận');
  const due = await dossier.summaryValue('Hẹn trả kết quả').innerText();
  assert.match(due, /\d{2}:\d{2} .+, \d{2}\/\d{2}\/\d{4}/);
  assert.match(due, /Còn .+ làm việc/);
  assert.match(await dossier.currentStep.innerText(), /Tiếp nhận hồ sơ/);
  assert.match(await dossier.history.innerText(), /Tiếp nhận hồ sơ/);

  // The receipt: a link opening in a new tab; fetched from the page it is a PDF.
  const receipt = dossier.receiptLink.first();
  assert.equal(await receipt.getAttribute('target'), '_blank');
  const href = await receipt.getAttribute('href');
  assert.equal(href, `/api/v1/dossiers/${code}/slips/receipt`);
  const pdf = await page.evaluate(async (url) => {
    const r = await fetch(url, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await r.arrayBuffer());
    return {
      status: r.status,
      type: r.headers.get('content-type'),
      magic: String.fromCharCode(...bytes.slice(0, 5)),
    };
  }, href);
  assert.deepEqual(pdf, { status: 200, type: 'application/pdf', magic: '%PDF-' });
  await assertAccessible(page, 'the dossier page');
  await screenshot(page, 'desk-dossier-received');

  // The worklist shows it, found by the applicant's name typed without diacritics.
  const worklist = new WorklistPage(page);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Hồ sơ', exact: true })
    .click();
  // A desk opens on the dossiers to receive; this one was received at the counter: at the agency.
  await worklist.tab(/^Của cơ quan/).click();
  await worklist.table.waitFor();
  await eventually(async () => assert.equal(await worklist.row(code).count(), 1));
  assert.match(
    await worklist.row(code).innerText(),
    /đăng ký khai sinh[\s\S]*Nguyễn Thị Hường[\s\S]*Trực tiếp[\s\S]*Đã tiếp nhận/i,
  );
  assert.match(await worklist.tab(/^Của cơ quan/).innerText(), /\d+/);
  await worklist.search.fill('nguyen thi huong');
  await eventually(async () => assert.match(await worklist.status.innerText(), /hồ sơ; đang hiển thị/));
  assert.equal(await worklist.row(code).count(), 1);
  await assertAccessible(page, 'the worklist');
  await screenshot(page, 'desk-worklist');

  // Forward from the dossier page: the desk hands it to processing.
  await worklist.row(code).getByRole('link', { name: code }).click();
  await dossier.summaryValue('Trạng thái').waitFor();
  await dossier.action('Chuyển bước tiếp theo').click();
  const confirm = page.getByRole('button', { name: 'Xác nhận: Chuyển bước tiếp theo' });
  await confirm.waitFor();
  await assertAccessible(page, 'the dossier page with an action open');
  await confirm.click();
  await eventually(async () =>
    assert.match(await dossier.notice.innerText(), /Đã thực hiện: Chuyển bước tiếp theo/),
  );
  await eventually(async () =>
    assert.equal(await dossier.summaryValue('Trạng thái').innerText(), 'Đang xử lý'),
  );
  assert.match(await dossier.currentStep.innerText(), /Thẩm định, xử lý hồ sơ/);
  await screenshot(page, 'desk-dossier-forwarded');
  assertNoProblems(problems);
  await context.close();
});

test('a wrong ID number is shown beside its field; a missing declaration gives the supplement-request slip', async () => {
  const { page, context, problems } = await openPage(browser);
  const signIn = new SignInPage(page);
  await signIn.goto(INTAKE_PATH);
  await signIn.signInAs('desk.hang-trong');
  const intake = new IntakePage(page);
  await intake.procedure.fill('1.001193');
  await intake.options.first().waitFor();
  await intake.procedure.press('Enter');
  await intake.agency.waitFor();
  await intake.applicant('fullName').fill('Trần Văn Bình');
  await intake.applicant('idNumber').fill('12345');
  await intake.applicant('phone').fill('0912345678');
  await intake.fillBirthDeclaration();
  await intake.component(1).selectOption('missing');
  await intake.component(3).selectOption('original');
  await intake.save.click();
  const idNumber = intake.applicant('idNumber');
  await eventually(async () => assert.equal(await idNumber.getAttribute('aria-invalid'), 'true'));
  const errorId = await idNumber.getAttribute('aria-describedby');
  assert.ok(await page.locator(`#${errorId}`).innerText());
  assert.match(await intake.errorSummary.innerText(), /Số định danh cá nhân/);
  await screenshot(page, 'desk-intake-error');

  await idNumber.fill('001190054321');
  await intake.save.click();
  const panel = page.getByRole('region', { name: /chưa đầy đủ$/ });
  await panel.waitFor();
  assert.match(await panel.innerText(), /Thiếu: Tờ khai đăng ký khai sinh theo mẫu/);
  const slip = panel.getByRole('link', { name: /^Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ/ });
  const href = await slip.getAttribute('href');
  assert.match(href ?? '', /^\/api\/v1\/dossiers\/H26\.104-\d{6}-\d{4}\/slips\/supplement-request$/);
  const type = await page.evaluate(async (url) => (await fetch(url)).headers.get('content-type'), href!);
  assert.equal(type, 'application/pdf');
  await screenshot(page, 'desk-intake-incomplete');
  assertNoProblems(problems);
  await context.close();
});

test('at 360 px the worklist has no horizontal scroll', async () => {
  const { page, context, problems } = await openPage(browser, { viewport: { width: 360, height: 740 } });
  const signIn = new SignInPage(page);
  await signIn.goto('/ho-so');
  await signIn.signInAs('desk.hang-trong');
  const worklist = new WorklistPage(page);
  await worklist.status.waitFor();
  await eventually(async () => assert.notEqual(await worklist.status.innerText(), 'Đang tải…'));
  await eventually(async () => {
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= 360, `the page is ${scroll} px wide`);
  });
  await screenshot(page, 'desk-worklist-360');
  assertNoProblems(problems);
  await context.close();
});
