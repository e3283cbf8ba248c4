// Issue #7, on a 360 px phone: Lê Thị Lan (signed in at the development identity provider) has applied
// online for permanent residence (đăng ký thường trú, 1.004222: 10.000 đồng online) at Phường Hàng
// Trống. Her dossier's page shows the fee; "Thanh toán trực tuyến" starts a payment — its first
// answer lost on the way, the retry carries the same Idempotency-Key and gets the same payment — and
// opens the payment platform's page (the in-repo simulator) in a new tab; she confirms there, comes
// back, and sees it paid with a receipt that opens as a PDF. Beside it: a payment cancelled on the
// platform, found out with "Cập nhật", then paid; and the platform out of service (503, said in
// Vietnamese with the desk as the way out); the paid fees in English. axe-core on every page shown
// (the platform's too), no horizontal scroll on hers, a screenshot of each step in
// e2e/artifacts/citizen-payment/. At the counter, the desk shows the platform's page as a QR code for
// her phone, and sees the payment arrive.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import {
  artifact,
  assertNoHorizontalScroll,
  clearArtifacts,
  IdentityProviderPage,
  MyDossierPage,
  MyDossiersPage,
  PaymentPlatformPage,
  smallPdf,
} from '../pages/citizen-pages.ts';
import {
  assertAccessible,
  assertNoProblems,
  BASE_URL,
  eventually,
  launchBrowser,
  openPage,
  type TestPage,
} from '../support/browser.ts';
import { DossierPage, dossierPath } from '../pages/desk-pages.ts';
import { SignInPage } from '../pages/sign-in-page.ts';

const JOURNEY = 'citizen-payment';
const PHONE = { width: 360, height: 740 };
/** The ward's police registers residence (the competent agency of 1.004222) … */
const POLICE = 'Công an Phường Hoàn Kiếm';
/** … and the ward's one-stop desk receives the dossier, and collects its fees. */
const HANG_TRONG = 'H26.104';
/** Đăng ký thường trú: 10.000 đồng online (20.000 at the desk), 7 working days, at the ward. */
const PROCEDURE = '1.004222';
const FEE = /10\.000\s₫/;
/** The papers it lists without a condition, so required online (common/dossiers/components.ts). */
const REQUIRED = ['TP2', 'TP3', 'TP4', 'TP5', 'TP6', 'TP7', 'TP8', 'TP9', 'TP10'];

let browser: Browser;
let citizen: TestPage;
let shots = 0;
/** The payment platform (the simulator in the server's process), learnt from the first payment page. */
let platform = '';

/** axe, no horizontal scroll on a phone, then the step's screenshot (numbered in the order taken). */
async function check(page: Page, name: string, options: { phone?: boolean } = {}) {
  await assertAccessible(page, name);
  if (options.phone) await assertNoHorizontalScroll(page, name);
  shots += 1;
  await artifact(page, JOURNEY, `${String(shots).padStart(2, '0')}-${name}`);
}

/** Applies online through the API with the citizen's cookies, a PDF for each required paper. */
async function apply(context: BrowserContext): Promise<string> {
  const components = [];
  for (const code of REQUIRED) {
    const file = await context.request.post('/api/v1/files', {
      headers: { origin: BASE_URL },
      multipart: {
        file: { name: `${code}.pdf`, mimeType: 'application/pdf', buffer: smallPdf(`Giay to ${code}`) },
      },
    });
    assert.equal(file.status(), 201, await file.text());
    components.push({ code, fileIds: [((await file.json()) as { fileId: string }).fileId] });
  }
  const detail = await context.request.get(`/api/v1/procedures/${PROCEDURE}`);
  const { offeredBy } = (await detail.json()) as { offeredBy: { code: string; name: string }[] };
  const police = offeredBy.find((a) => a.name === POLICE);
  assert.ok(police, `${POLICE} offers ${PROCEDURE}`);
  const res = await context.request.post('/api/v1/portal/dossiers', {
    headers: { origin: BASE_URL },
    data: {
      procedureCode: PROCEDURE,
      agencyCode: police.code,
      receivingAgencyCode: HANG_TRONG,
      applicant: { kind: 'person', phone: '0901122334' },
      // The plain request form of a procedure without a form of its own (genericDeclarationForm).
      formData: {
        nguoiYeuCau: {
          hoTen: 'Lê Thị Lan',
          soDinhDanh: '079190001122',
          noiCuTru: 'Số 12 phố Hàng Trống, phường Hoàn Kiếm',
        },
        noiDungYeuCau: 'Đề nghị đăng ký thường trú tại số 12 phố Hàng Trống',
        hinhThucNhanKetQua: 'Nhận trực tiếp',
        camDoan: true,
      },
      components,
    },
  });
  assert.equal(res.status(), 201, await res.text());
  return ((await res.json()) as { code: string }).code;
}

/** Clicks `button` and returns the tab it opens (the payment platform's page). */
async function opensTab(tp: TestPage, click: () => Promise<void>): Promise<PaymentPlatformPage> {
  const [tab] = await Promise.all([tp.context.waitForEvent('page'), click()]);
  await tab.waitForLoadState();
  const platformPage = new PaymentPlatformPage(tab);
  await platformPage.heading.waitFor();
  return platformPage;
}

/** Until motcua has the platform's callback: a payment of the dossier is paid. */
async function paidOnServer(context: BrowserContext, code: string): Promise<void> {
  await eventually(async () => {
    const fees = await context.request.get(`/api/v1/dossiers/${code}/fees`);
    const { payments } = (await fees.json()) as { payments: { status: string }[] };
    assert.ok(
      payments.some((p) => p.status === 'paid'),
      'a paid payment',
    );
  });
}

/**
 * The citizen comes back to her tab: the browser says so with `visibilitychange` (a phone's tab
 * switcher) or `focus` (a desktop window). Headless Chromium keeps every page visible and focused, so
 * it never does: the event is sent here, as the browser would.
 */
async function comeBack(page: Page, how: 'visibilitychange' | 'focus'): Promise<void> {
  await page.bringToFront();
  await page.evaluate((event) => {
    if (event === 'focus') window.dispatchEvent(new Event('focus'));
    else document.dispatchEvent(new Event('visibilitychange'));
  }, how);
}

/** The simulator's control API (never subject to its faults). */
async function simulator(path: string, body: unknown): Promise<void> {
  assert.ok(platform, 'a payment page showed where the platform is');
  const res = await fetch(`${platform}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200, await res.text());
}

before(async () => {
  clearArtifacts(JOURNEY);
  browser = await launchBrowser();
  citizen = await openPage(browser, { viewport: PHONE, bypassCSP: true });
  const my = new MyDossiersPage(citizen.page);
  await my.goto();
  await my.signInButton.click();
  const idp = new IdentityProviderPage(citizen.page);
  await idp.waitFor();
  await idp.signInAs('Lê Thị Lan');
  await my.citizenName.waitFor();
});

after(async () => {
  await browser?.close();
});

test('Lê Thị Lan pays her dossier’s fee online: the platform’s page in a new tab, then paid with a receipt (PDF)', async () => {
  const { page, context } = citizen;
  const code = await apply(context);
  const mine = new MyDossierPage(page);
  await mine.goto(code);

  // What is owed, and the button.
  await mine.fees.waitFor();
  const fees = await mine.fees.innerText();
  assert.match(fees, /Phí, lệ phí/);
  assert.match(fees, FEE);
  assert.match(await mine.feesSum('Còn phải nộp').innerText(), FEE);
  assert.match(await mine.feesSum('Đã nộp').innerText(), /^0\s₫$/);
  assert.match(fees, /Chưa nộp/);
  await mine.payButton.waitFor();
  assert.equal(await mine.paymentRows.count(), 0);
  await check(page, 'fees-due', { phone: true });

  // The first answer is lost on the way back (the server did start the payment): the page says so.
  const posts: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(`/api/v1/dossiers/${code}/payments`)) posts.push(r);
  });
  await page.route(
    `**/api/v1/dossiers/${code}/payments`,
    async (route) => {
      const answer = await route.fetch();
      assert.equal(answer.status(), 201, await answer.text());
      await route.abort('connectionreset');
    },
    { times: 1 },
  );
  const tabsBefore = context.pages().length;
  await mine.payButton.click();
  await eventually(async () =>
    assert.match(await mine.feesAlert.innerText(), /Không kết nối được với máy chủ/),
  );
  assert.equal(context.pages().length, tabsBefore, 'no page opened without an answer');

  // Trying again (a double click, even) is the same attempt: the same key, the same payment, one tab.
  const platformPage = await opensTab(citizen, () => mine.payButton.dblclick());
  await eventually(async () => assert.equal(posts.length, 2));
  const keys = posts.map((r) => r.headers()['idempotency-key']);
  assert.ok(keys[0] && keys[0].length >= 8, 'an Idempotency-Key is sent');
  assert.equal(keys[1], keys[0], 'the retry carries the same key');
  assert.equal(context.pages().length, tabsBefore + 1, 'one payment page');
  platform = new URL(platformPage.page.url()).origin;
  assert.notEqual(platform, new URL(BASE_URL).origin, 'the platform is elsewhere');

  // Here: awaiting confirmation, with "Cập nhật" and the platform's page again.
  await eventually(async () =>
    assert.match(await mine.fees.innerText(), /Đang chờ xác nhận thanh toán 10\.000\s₫/),
  );
  await mine.refreshButton.waitFor();
  assert.equal(await mine.openPaymentPage.getAttribute('target'), '_blank');
  assert.equal(await mine.openPaymentPage.getAttribute('href'), platformPage.page.url());
  assert.equal(await mine.paymentRows.count(), 1, 'one payment, however many clicks');
  await check(page, 'fees-awaiting', { phone: true });

  // On the platform: her dossier, the amount; she confirms.
  assert.equal(await platformPage.heading.innerText(), 'Thanh toán phí, lệ phí');
  assert.equal(await platformPage.value('Mã hồ sơ').innerText(), code);
  assert.equal(await platformPage.value('Số tiền').innerText(), '10.000 đồng');
  assert.equal(await platformPage.value('Người nộp').innerText(), 'Lê Thị Lan');
  await check(platformPage.page, 'platform-page');
  await platformPage.confirm.click();
  await platformPage.page.getByRole('heading', { name: 'Thanh toán thành công' }).waitFor();
  await check(platformPage.page, 'platform-paid');
  await platformPage.page.close();

  // Back on her page, once the platform has told motcua: paid, with the receipt, without a click.
  await paidOnServer(context, code);
  await comeBack(page, 'visibilitychange');
  await eventually(async () =>
    assert.match(
      await mine.feesStatus.innerText(),
      /^Đã thanh toán 10\.000\s₫\. Biên lai điện tử số BL-\d{4}\/\d{7}/,
    ),
  );
  assert.equal(await mine.refreshButton.count(), 0);
  assert.equal(await mine.payButton.count(), 0, 'nothing left to pay');
  assert.match(await mine.feesSum('Còn phải nộp').innerText(), /^0\s₫$/);
  assert.match(await mine.fees.innerText(), /Đã thanh toán đủ\./);
  assert.equal(await mine.paymentRows.count(), 1);
  const row = await mine.paymentRows.first().innerText();
  assert.match(row, /Trực tuyến/);
  assert.match(row, /Đã thanh toán/);
  await check(page, 'fees-paid', { phone: true });

  // The receipt opens in a new tab, as a PDF.
  const receipt = mine.receiptLink();
  assert.equal(await receipt.getAttribute('target'), '_blank');
  const href = (await receipt.getAttribute('href'))!;
  assert.match(href, /^\/api\/v1\/payments\/\d+\/receipt$/);
  const [response] = await Promise.all([
    context.waitForEvent('response', (r) => r.url().endsWith(href)),
    receipt.click(),
  ]);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  const magic = await page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    return String.fromCharCode(...bytes.slice(0, 5));
  }, href);
  assert.equal(magic, '%PDF-');
  for (const tab of context.pages()) if (tab !== page) await tab.close();

  // Read afresh, the page says the same; in English too.
  await mine.goto(code);
  await mine.receiptLink().waitFor();
  assert.equal(await mine.payButton.count(), 0);
  await mine.languageButton('English').click();
  const english = page.getByRole('region', { name: 'Fees and charges' });
  await english.getByRole('link', { name: /^Receipt BL-\d{4}\/\d{7} \(PDF\)/ }).waitFor();
  assert.match(await english.innerText(), /Paid in full\./);
  await check(page, 'fees-paid-english', { phone: true });
  await mine.languageButton('Tiếng Việt').click();
  await mine.fees.waitFor();
  assertNoProblems(citizen.problems);
});

test('cancelled on the platform, the payment is found out with "Cập nhật"; she can pay again, and is told when the platform is down', async () => {
  const { page, context } = citizen;
  const code = await apply(context);
  const mine = new MyDossierPage(page);
  await mine.goto(code);
  await mine.payButton.waitFor();
  const platformPage = await opensTab(citizen, () => mine.payButton.click());
  await mine.refreshButton.waitFor();
  await platformPage.cancel.click();
  await platformPage.page.getByRole('heading', { name: 'Giao dịch đã hủy' }).waitFor();
  await platformPage.page.close();

  await mine.refreshButton.click();
  await eventually(async () =>
    assert.equal(
      await mine.feesStatus.innerText(),
      'Giao dịch chưa thành công (đã hủy). Bạn có thể thanh toán lại.',
    ),
  );
  assert.match(await mine.paymentRows.first().innerText(), /Đã hủy/);
  await mine.payButton.waitFor();
  assert.match(await mine.feesSum('Còn phải nộp').innerText(), FEE);
  await check(page, 'fees-cancelled', { phone: true });

  // The platform out of service: said in Vietnamese, with the desk as the way out; no tab opens.
  await simulator('/_sim/payments/faults', { outage: { durationMs: 60_000 } });
  try {
    const tabs = context.pages().length;
    await mine.payButton.click();
    await eventually(async () =>
      assert.equal(
        await mine.feesAlert.innerText(),
        'Cổng thanh toán trực tuyến đang tạm ngừng hoạt động nên chưa thanh toán được. Vui lòng thử lại sau, hoặc nộp phí trực tiếp tại Ủy ban nhân dân Phường Hoàn Kiếm.',
      ),
    );
    assert.equal(context.pages().length, tabs);
    await mine.payButton.waitFor();
    // The attempt the platform did not take is listed as such.
    await eventually(async () =>
      assert.match(await mine.paymentRows.first().innerText(), /Không thành công/),
    );
    await check(page, 'fees-platform-down', { phone: true });
  } finally {
    await simulator('/_sim/payments/faults', { outage: null });
  }

  // Up again: a new attempt, paid.
  const again = await opensTab(citizen, () => mine.payButton.click());
  await again.confirm.click();
  await again.page.getByRole('heading', { name: 'Thanh toán thành công' }).waitFor();
  await again.page.close();
  await paidOnServer(context, code);
  await comeBack(page, 'focus');
  await eventually(async () => assert.match(await mine.feesStatus.innerText(), /^Đã thanh toán 10\.000\s₫/));
  const rows = await mine.paymentRows.allInnerTexts();
  assert.equal(rows.length, 3, rows.join('\n'));
  assert.deepEqual(await mine.paymentStatuses(), ['Đã thanh toán', 'Không thành công', 'Đã hủy']);
  assert.equal(await mine.receiptLink().count(), 1);
  assertNoProblems(citizen.problems);
});

test('at the counter, the desk shows her a QR code of the payment page; paid from her phone, the desk sees it paid', async () => {
  const code = await apply(citizen.context);
  const desk = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(desk.page);
  await signIn.goto(dossierPath(code));
  await signIn.signInAs('desk.hang-trong');
  const dossier = new DossierPage(desk.page);
  await dossier.summaryValue('Trạng thái').waitFor();
  const qr = desk.page.getByRole('region', { name: 'Thanh toán trực tuyến bằng mã QR' });
  await qr.getByRole('button', { name: 'Tạo mã QR thanh toán' }).click();
  const image = qr.getByRole('img', { name: /^Mã QR trang thanh toán 10\.000\s₫$/ });
  await image.waitFor();
  const link = qr.getByRole('link', { name: /^Mở trang thanh toán/ });
  const payUrl = (await link.getAttribute('href'))!;
  assert.equal(new URL(payUrl).origin, platform, 'the national platform’s page');
  // The code is that address: drawn again here from the link, it is the same picture.
  const { toString } = await import('qrcode');
  const svg = await toString(payUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  assert.equal(
    await image.getAttribute('src'),
    `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
  );
  await assertAccessible(desk.page, 'desk-payment-qr');

  // Her phone opens the address the code holds; she confirms there.
  const phone = await openPage(browser, { viewport: PHONE, bypassCSP: true });
  await phone.page.goto(payUrl);
  const platformPage = new PaymentPlatformPage(phone.page);
  assert.equal(await platformPage.value('Mã hồ sơ').innerText(), code);
  assert.equal(await platformPage.value('Số tiền').innerText(), '10.000 đồng');
  await platformPage.confirm.click();
  await platformPage.page.getByRole('heading', { name: 'Thanh toán thành công' }).waitFor();
  await paidOnServer(citizen.context, code);

  // The desk checks: paid, with its receipt; the QR panel is gone, nothing is owed.
  await qr.getByRole('button', { name: 'Cập nhật tình trạng' }).click();
  const fees = desk.page.getByRole('region', { name: 'Phí, lệ phí' });
  await eventually(async () => assert.match(await fees.innerText(), /Đã thanh toán/));
  assert.equal(await qr.count(), 0);
  await fees
    .getByRole('link', { name: /Biên lai/ })
    .first()
    .waitFor();
  assertNoProblems(desk.problems);
  await desk.context.close();
  await phone.context.close();
});
