// The main journey of issue #6, on a 360 px phone for the citizen: Nguyễn Thị Hường finds 1.001193 by
// typing "khai sinh", signs in at the (development) identity provider, applies online with a PDF for
// each required paper, and gets a code. desk.hang-trong accepts it and prints the receipt (a PDF),
// specialist.hang-trong forwards, leader.hang-trong approves, the desk returns the result; her "my
// dossiers" then shows the result received, and the public lookup by code shows the status with no
// personal data (also as the slip's QR address, and at the kiosk). Beside it: supplement and withdraw,
// a cancelled sign-in, and the national-portal mode. axe-core on every page visited; a screenshot of
// each step in e2e/artifacts/citizen-online/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ApplyPage,
  artifact,
  assertNoHorizontalScroll,
  CITIZEN_SIGN_IN_PATH,
  clearArtifacts,
  IdentityProviderPage,
  KIOSK_PATH,
  LookupPage,
  MyDossierPage,
  MyDossiersPage,
  myDossierPath,
  smallPdf,
} from '../pages/citizen-pages.ts';
import { DossierPage, WorklistPage, dossierPath } from '../pages/desk-pages.ts';
import { MyDocumentsPage } from '../pages/documents-page.ts';
import { VALID_BIRTH_DECLARATION } from '../../server/test/fixtures.ts';
import { PortalPage } from '../pages/portal-page.ts';
import { ProcedurePage } from '../pages/procedure-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  BASE_URL,
  eventually,
  launchBrowser,
  openPage,
  type TestPage,
} from '../support/browser.ts';

const JOURNEY = 'citizen-online';
const PHONE = { width: 360, height: 740 };
const HANG_TRONG = 'H26.104';
const CODE = /^H26\.104-\d{6}-\d{4}$/;
/** The signed result the leader attaches when approving; it becomes her digitised record. */
const RESULT = 'Giấy khai sinh (bản chính)';
const RESULT_PDF = smallPdf('Giay khai sinh Nguyen Thi Huong ban chinh');
const TO_KHAI_PDF = smallPdf('To khai dang ky khai sinh');

let browser: Browser;
let citizen: TestPage;
/** The dossier submitted online in the first test, followed by the others. */
let code = '';
let shots = 0;
/** desk.hang-trong's page, from acceptance to returning the result. */
let desk: TestPage | null = null;

/** axe, then the step's screenshot (numbered in the order taken). */
async function check(page: Page, name: string, options: { phone?: boolean } = {}): Promise<void> {
  await assertAccessible(page, name);
  if (options.phone) await assertNoHorizontalScroll(page, name);
  shots += 1;
  await artifact(page, JOURNEY, `${String(shots).padStart(2, '0')}-${name}`);
}

/** A citizen context on a phone, signed in at the identity provider from a citizen page. */
async function signInCitizen(tp: TestPage, name: string): Promise<void> {
  const my = new MyDossiersPage(tp.page);
  await my.goto();
  await my.signInButton.click();
  const idp = new IdentityProviderPage(tp.page);
  await idp.waitFor();
  await idp.signInAs(name);
  await my.citizenName.waitFor();
}

/** A staff member's dossier page, signed in in a context of their own. */
async function staffOn(username: string, dossier: string): Promise<TestPage> {
  const tp = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(tp.page);
  await signIn.goto(dossierPath(dossier));
  await signIn.signInAs(username);
  const page = new DossierPage(tp.page);
  await page.summaryValue('Trạng thái').waitFor();
  return tp;
}

/** An action on the staff dossier page: open it, fill what `fill` fills, confirm, wait for the status. */
async function act(
  tp: TestPage,
  label: string,
  status: string,
  fill: (page: Page) => Promise<void> = async () => {},
): Promise<void> {
  const dossier = new DossierPage(tp.page);
  await dossier.action(label).click();
  const confirm = tp.page.getByRole('button', { name: `Xác nhận: ${label}` });
  await confirm.waitFor();
  await fill(tp.page);
  await confirm.click();
  await eventually(async () =>
    assert.match(await dossier.notice.innerText(), new RegExp(`Đã thực hiện: ${label}`)),
  );
  await eventually(async () => assert.equal(await dossier.summaryValue('Trạng thái').innerText(), status));
}

/** A step nobody was assigned to is taken first ("Nhận xử lý"). */
async function claimIfOffered(tp: TestPage): Promise<void> {
  const dossier = new DossierPage(tp.page);
  await dossier.page.getByRole('region', { name: 'Thao tác' }).getByRole('button').first().waitFor();
  if ((await dossier.action('Nhận xử lý').count()) > 0) await act(tp, 'Nhận xử lý', 'Đang xử lý');
}

/** Uploads and submits through the API with the citizen's cookies (for the side journeys). */
async function submitThroughApi(context: BrowserContext): Promise<{ code: string; version: number }> {
  const file = await context.request.post('/api/v1/files', {
    headers: { origin: BASE_URL },
    multipart: { file: { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: smallPdf('To khai') } },
  });
  assert.equal(file.status(), 201, await file.text());
  const { fileId } = (await file.json()) as { fileId: string };
  const res = await context.request.post('/api/v1/portal/dossiers', {
    headers: { origin: BASE_URL },
    data: {
      procedureCode: '1.001193',
      agencyCode: HANG_TRONG,
      applicant: { kind: 'person', phone: '0987654321' },
      formData: VALID_BIRTH_DECLARATION,
      components: [{ code: 'TP3', fileIds: [fileId] }],
    },
  });
  assert.equal(res.status(), 201, await res.text());
  return (await res.json()) as { code: string; version: number };
}

before(async () => {
  clearArtifacts(JOURNEY);
  browser = await launchBrowser();
  citizen = await openPage(browser, { viewport: PHONE, bypassCSP: true });
});

after(async () => {
  await browser?.close();
});

test('a citizen finds 1.001193 by typing "khai sinh", applies online with attachments and gets a code', async () => {
  const { page } = citizen;
  const portal = new PortalPage(page);
  await portal.goto();
  await portal.type('khai sinh');
  await eventually(async () => assert.equal(await portal.status.innerText(), '9 thủ tục.'));
  await portal.resultCard('Thủ tục đăng ký khai sinh').waitFor();
  await check(page, 'portal-search', { phone: true });

  await portal.result('Thủ tục đăng ký khai sinh').click();
  const procedure = new ProcedurePage(page);
  await procedure.waitForPath('/thu-tuc/1.001193');
  const applyLink = page.getByRole('link', { name: 'Nộp trực tuyến', exact: true });
  await applyLink.waitFor();
  assert.equal(await applyLink.getAttribute('href'), '/cong-dich-vu-cong/nop-ho-so/1.001193');
  await check(page, 'procedure', { phone: true });

  // Not signed in: the apply page says why and offers the electronic identity.
  await applyLink.click();
  const apply = new ApplyPage(page);
  await apply.signInButton.waitFor();
  assert.equal(await apply.heading.innerText(), 'Nộp hồ sơ trực tuyến');
  await check(page, 'apply-sign-in', { phone: true });
  await apply.signInButton.click();

  const idp = new IdentityProviderPage(page);
  await idp.waitFor();
  await check(page, 'identity-provider');
  await idp.signInAs('Nguyễn Thị Hường');

  // Back on the apply page, signed in: step 1, the ward found by typing.
  await page.waitForURL((url) => url.pathname === '/cong-dich-vu-cong/nop-ho-so/1.001193');
  await apply.stepHeading(1).waitFor();
  assert.equal(await apply.citizenName.innerText(), 'Nguyễn Thị Hường');
  // Continuing without a choice names the missing agency.
  await apply.next.click();
  await eventually(async () =>
    assert.match(await apply.errorSummary.innerText(), /Hãy chọn cơ quan giải quyết/),
  );
  await apply.chooseAgency('hoan kiem', 'Ủy ban nhân dân Phường Hoàn Kiếm');
  await check(page, 'apply-1-where', { phone: true });
  await apply.next.click();

  // Step 2: the identity's name and number, a phone, the declaration checked before going on.
  await apply.stepHeading(2).waitFor();
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent),
    'Bước 2/4: Người nộp và tờ khai',
  );
  assert.match(await page.locator('main').innerText(), /••••••••2345/);
  assert.equal(await apply.applicant('phone').inputValue(), '0912345678');
  await apply.next.click();
  await eventually(async () => assert.match(await apply.errorSummary.innerText(), /Họ, chữ đệm, tên/));
  const invalid = apply.formField('nguoiDuocKhaiSinh-hoTen');
  assert.equal(await invalid.getAttribute('aria-invalid'), 'true');
  await check(page, 'apply-2-declaration-errors', { phone: true });
  await apply.fillBirthDeclaration();
  await check(page, 'apply-2-declaration', { phone: true });
  await apply.next.click();

  // Step 3: the e-form is the declaration she just filled (not an upload, #14); a PDF for the
  // required birth certificate (TP3).
  await apply.stepHeading(3).waitFor();
  assert.equal(await apply.fileInput('TP2').count(), 0);
  await apply.next.click();
  await eventually(async () =>
    assert.match(await apply.errorSummary.innerText(), /Cần đính kèm: Giấy chứng sinh/),
  );
  await apply.attach('TP3', 'giay-chung-sinh.pdf', TO_KHAI_PDF);
  assert.equal(await apply.uploads('TP3').count(), 1);
  await check(page, 'apply-3-attachments', { phone: true });
  await apply.next.click();

  // Step 4: everything once more, then submit.
  await apply.stepHeading(4).waitFor();
  const review = await apply.review.innerText();
  for (const text of [
    'Ủy ban nhân dân Phường Hoàn Kiếm',
    'Nguyễn Thị Hường',
    'Nguyễn Minh Khang',
    '01/11/2026',
    'giay-chung-sinh.pdf',
  ])
    assert.ok(review.includes(text), `the review shows ${text}`);
  await check(page, 'apply-4-review', { phone: true });
  await apply.submit.click();

  // The receipt: the dossier's own page, with the code and where to follow it.
  await page.waitForURL((url) => url.pathname.startsWith('/cong-dich-vu-cong/ho-so-cua-toi/'), {
    timeout: 15_000,
  });
  const mine = new MyDossierPage(page);
  await mine.receipt.waitFor();
  code = (await mine.receiptCode.innerText()).trim();
  assert.match(code, CODE);
  assert.equal(new URL(page.url()).pathname, myDossierPath(code));
  assert.match(await mine.receipt.innerText(), /Đã nộp, đang chờ tiếp nhận/);
  assert.ok(await mine.receipt.getByRole('link', { name: 'Hồ sơ của tôi' }).isVisible());
  assert.equal(
    await mine.receipt.getByRole('link', { name: 'Tra cứu công khai hồ sơ này' }).getAttribute('href'),
    `/tra-cuu/${code}`,
  );
  await check(page, 'receipt', { phone: true });
  assertNoProblems(citizen.problems);
});

test('desk.hang-trong finds it among the dossiers to receive, accepts it and prints the receipt (a PDF)', async () => {
  assert.ok(code, 'the first test made a dossier');
  desk = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(desk.page);
  await signIn.goto('/ho-so');
  await signIn.signInAs('desk.hang-trong');
  const worklist = new WorklistPage(desk.page);
  await worklist.tab(/^Chờ tiếp nhận/).click();
  await eventually(async () => assert.equal(await worklist.row(code).count(), 1));
  assert.match(await worklist.row(code).innerText(), /Nguyễn Thị Hường/);
  await check(desk.page, 'desk-to-receive');
  await worklist.row(code).getByRole('link', { name: code }).click();
  const dossier = new DossierPage(desk.page);
  await dossier.summaryValue('Trạng thái').waitFor();
  // Her papers as she gave them: each file opens through the dossier, byte for byte.
  const tp3 = dossier.paperRow('TP3');
  await tp3.waitFor();
  assert.match(await tp3.innerText(), /Bản điện tử/);
  const [declaration] = await Promise.all([
    desk.page.waitForEvent('download'),
    tp3.getByRole('link', { name: /^giay-chung-sinh\.pdf/ }).click(),
  ]);
  assert.match(declaration.suggestedFilename(), /-TP3\.pdf$/);
  assert.deepEqual(fs.readFileSync(await declaration.path()), TO_KHAI_PDF);
  await check(desk.page, 'desk-dossier-submitted');

  // The next step's specialist comes pre-selected (#14); this journey keeps the dossier at the desk and
  // forwards it below.
  await act(desk, 'Tiếp nhận hồ sơ', 'Đã tiếp nhận', async (page) => {
    const handOn = page.locator('#action-accept-nextAssigneeId');
    await eventually(async () => assert.notEqual(await handOn.inputValue(), ''));
    await handOn.selectOption('');
  });
  // The receipt opens in a new tab, as a PDF.
  const receipt = dossier.receiptLink.first();
  assert.equal(await receipt.getAttribute('target'), '_blank');
  const [response] = await Promise.all([
    desk.context.waitForEvent('response', (r) => r.url().endsWith(`/api/v1/dossiers/${code}/slips/receipt`)),
    receipt.click(),
  ]);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  // The tab holds Chromium's PDF viewer; the bytes, fetched again, are a real PDF.
  const magic = await desk.page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    return String.fromCharCode(...bytes.slice(0, 5));
  }, `/api/v1/dossiers/${code}/slips/receipt`);
  assert.equal(magic, '%PDF-');
  await check(desk.page, 'desk-received');
  await act(desk, 'Chuyển bước tiếp theo', 'Đang xử lý');
  assertNoProblems(desk.problems);
});

test('specialist.hang-trong forwards, leader.hang-trong approves, the desk returns the result', async () => {
  assert.ok(desk, 'the desk received the dossier');
  // The specialist takes it (when it is not assigned yet) and forwards it to the leader.
  const specialist = await staffOn('specialist.hang-trong', code);
  await claimIfOffered(specialist);
  await check(specialist.page, 'specialist-dossier');
  await act(specialist, 'Chuyển bước tiếp theo', 'Đang xử lý');

  // The leader approves with the result document.
  const leader = await staffOn('leader.hang-trong', code);
  await claimIfOffered(leader);
  await check(leader.page, 'leader-dossier');
  await act(leader, 'Phê duyệt, ký kết quả', 'Đã xử lý xong, chờ trả kết quả', async (page) => {
    await page.locator('#action-approve-resultNumber').fill('88/QĐ-UBND');
    await page.locator('#action-approve-resultDocuments-0-name').fill(RESULT);
    // The result's file is uploaded from the form (no file id to type), by its label.
    const file = page.getByLabel('Tệp đính kèm', { exact: true });
    assert.equal(await file.getAttribute('type'), 'file');
    const field = page.locator('.upload-field').filter({ has: file });
    // Refused before sending (not a PDF, JPEG or PNG by name), then by the server (not one by content).
    await file.setInputFiles({ name: 'ket-qua.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await field.locator('.field-error', { hasText: 'Chỉ nhận tệp PDF, JPG hoặc PNG.' }).waitFor();
    await file.setInputFiles({ name: 'gia.pdf', mimeType: 'application/pdf', buffer: Buffer.from('xx') });
    await field.locator('.field-error', { hasText: /PDF, JPEG hoặc PNG/ }).waitFor();
    assert.equal(await file.getAttribute('aria-invalid'), 'true');
    // A real PDF: name, size, "uploaded", and a way to remove it; removed, then chosen again.
    await file.setInputFiles({ name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: RESULT_PDF });
    const remove = field.getByRole('button', { name: 'Bỏ tệp giay-khai-sinh.pdf' });
    await remove.waitFor();
    assert.match(
      await field.locator('.upload-done').innerText(),
      /giay-khai-sinh\.pdf\s+\d+ KB\s+Đã tải lên/,
    );
    assert.equal(await field.locator('.field-error').count(), 0);
    await remove.click();
    await remove.waitFor({ state: 'detached' });
    await file.setInputFiles({ name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: RESULT_PDF });
    await remove.waitFor();
    await check(page, 'leader-approve-with-file');
  });

  // The desk returns it at the counter.
  await desk.page.reload();
  const dossier = new DossierPage(desk.page);
  await dossier.summaryValue('Trạng thái').waitFor();
  await act(desk, 'Trả kết quả', 'Đã trả kết quả', async (page) => {
    await page.locator('#action-return-result-channel').selectOption('counter');
  });
  await check(desk.page, 'desk-returned');
  for (const tp of [desk, specialist, leader]) {
    assertNoProblems(tp.problems);
    await tp.context.close();
  }
});

test('her dossiers show the result received, with the timeline and the receipt', async () => {
  const { page } = citizen;
  const my = new MyDossiersPage(page);
  await my.goto();
  const card = my.card(code);
  await card.waitFor();
  assert.match(await card.innerText(), /Đã nhận kết quả/);
  assert.match(await card.innerText(), /Thủ tục đăng ký khai sinh/);
  await check(page, 'my-dossiers', { phone: true });

  await card.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();
  const mine = new MyDossierPage(page);
  await mine.summaryValue('Trạng thái').waitFor();
  assert.equal(await mine.summaryValue('Trạng thái').innerText(), 'Đã nhận kết quả');
  assert.match(
    await mine.summaryValue('Ngày trả kết quả').innerText(),
    /\d{2}:\d{2} .+, \d{2}\/\d{2}\/\d{4}/,
  );
  const timeline = await mine.timeline.innerText();
  for (const step of [
    'Đã nộp hồ sơ',
    'Đã được tiếp nhận',
    'Đang giải quyết',
    'Đã có kết quả, chờ nhận',
    'Đã nhận kết quả',
  ])
    assert.ok(timeline.includes(step), `the timeline shows ${step}`);
  // The result's name is listed once the dossier's papers are read.
  await eventually(async () => assert.ok((await page.locator('main').innerText()).includes(RESULT)));
  // The result's file, from her dossier's papers.
  const results = page.getByRole('region', { name: 'Giấy tờ của hồ sơ' }).locator('.papers-results');
  const [result] = await Promise.all([
    page.waitForEvent('download'),
    results.getByRole('link', { name: /^giay-khai-sinh\.pdf/ }).click(),
  ]);
  assert.match(result.suggestedFilename(), /-ket-qua-1\.pdf$/);
  assert.deepEqual(fs.readFileSync(await result.path()), RESULT_PDF);
  // Her receipt slip, as a PDF.
  const slip = mine.slip(/^Giấy tiếp nhận hồ sơ và hẹn trả kết quả/);
  const href = await slip.getAttribute('href');
  assert.equal(href, `/api/v1/dossiers/${code}/slips/receipt`);
  const type = await page.evaluate(async (url) => (await fetch(url)).headers.get('content-type'), href);
  assert.equal(type, 'application/pdf');
  assert.equal(await mine.action('Rút hồ sơ').count(), 0, 'a returned dossier cannot be withdrawn');
  await check(page, 'my-dossier-returned', { phone: true });

  // She rates it: a level is required, the comment is not; once sent, what she gave, and no form.
  const rating = page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' });
  await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await rating.locator('.field-error', { hasText: 'Hãy chọn một mức hài lòng.' }).waitFor();
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('id')),
    'rating-very-satisfied',
  );
  await check(page, 'my-dossier-rating-error', { phone: true });
  await rating.getByLabel('Hài lòng', { exact: true }).check();
  await rating.getByLabel('Góp ý thêm (không bắt buộc)').fill('Cán bộ hướng dẫn rõ ràng.');
  await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await rating.getByText('Cảm ơn bạn đã đánh giá.').waitFor();
  assert.match(await rating.innerText(), /Bạn đã đánh giá: Hài lòng/);
  assert.match(await rating.innerText(), /Cán bộ hướng dẫn rõ ràng\./);
  assert.equal(await rating.getByRole('button', { name: 'Gửi đánh giá' }).count(), 0);
  await check(page, 'my-dossier-rated', { phone: true });
  assertNoProblems(citizen.problems);
});

test('the result the leader attached is in her "Giấy tờ của tôi", and the download is that very file', async () => {
  const { page } = citizen;
  const documents = new MyDocumentsPage(page);
  await documents.goto();
  const card = documents.card(RESULT);
  await card.waitFor();
  assert.equal(await documents.fact(card, 'Mã hồ sơ').innerText(), code);
  assert.match(await documents.fact(card, 'Tệp').innerText(), /^PDF, \d/);
  await check(page, 'my-documents', { phone: true });
  const [download] = await Promise.all([page.waitForEvent('download'), documents.download(card).click()]);
  assert.match(download.suggestedFilename(), /-ket-qua-1\.pdf$/);
  assert.deepEqual(fs.readFileSync(await download.path()), RESULT_PDF);
  assertNoProblems(citizen.problems);
});

test('the public lookup by code shows the status and no personal data; the QR address and the kiosk too', async () => {
  const visitor = await openPage(browser, { viewport: PHONE, bypassCSP: true });
  const lookup = new LookupPage(visitor.page);
  await lookup.goto();
  await check(visitor.page, 'lookup-empty', { phone: true });
  await lookup.code.fill(code.toLowerCase());
  await lookup.submit.click();
  await visitor.page.waitForURL((url) => url.pathname === `/tra-cuu/${code}`);
  await eventually(async () => assert.equal(await lookup.value('Trạng thái').innerText(), 'Đã nhận kết quả'));
  assert.equal(await lookup.value('Mã hồ sơ').innerText(), code);
  // The code alone (codes follow one another): where the dossier stands, not who applied for what.
  assert.equal(await lookup.value('Người nộp').count(), 0);
  assert.equal(await lookup.value('Thủ tục').count(), 0);
  assert.match(await lookup.answer.innerText(), /Nhập thêm 4 số cuối/);
  await check(visitor.page, 'lookup-code-only', { phone: true });
  // Wrong digits are said to be wrong; the phone's last 4 show the procedure and the masked name.
  await lookup.digits.fill('0000');
  await lookup.submit.click();
  await eventually(async () => assert.match(await lookup.answer.innerText(), /không khớp/));
  await lookup.digits.fill('5678');
  await lookup.submit.click();
  await eventually(async () => assert.match(await lookup.value('Người nộp').innerText(), /^N.*H/));
  assert.equal(visitor.page.url().includes('5678'), false, 'the digits stay out of the address');
  const name = await lookup.value('Người nộp').innerText();
  assert.notEqual(name, 'Nguyễn Thị Hường');
  const shown = await visitor.page.locator('main').innerText();
  for (const secret of ['001190012345', '0912345678', 'huong@example.vn', 'Nguyễn Thị Hường'])
    assert.ok(!shown.includes(secret), `the lookup shows ${secret}`);
  await check(visitor.page, 'lookup-found', { phone: true });

  // The code and the digits typed together at once: the code's page answers with both.
  await lookup.goto();
  await lookup.code.fill(code);
  await lookup.digits.fill('5678');
  await lookup.submit.click();
  await visitor.page.waitForURL((url) => url.pathname === `/tra-cuu/${code}`);
  await eventually(async () => assert.match(await lookup.value('Người nộp').innerText(), /^N.*H/));
  assert.equal(visitor.page.url().includes('5678'), false, 'the digits stay out of the address');

  // What a slip's QR code opens, and an unknown code.
  await lookup.goto(code);
  await eventually(async () => assert.equal(await lookup.value('Trạng thái').innerText(), 'Đã nhận kết quả'));
  await lookup.goto('H26.104-000101-9999');
  await eventually(async () => assert.match(await lookup.answer.innerText(), /Không tìm thấy hồ sơ mã/));
  await check(visitor.page, 'lookup-not-found', { phone: true });

  // The kiosk: a scanner types the QR's whole address and Enter.
  const kiosk = await openPage(browser, { viewport: { width: 1080, height: 1920 }, bypassCSP: true });
  await kiosk.page.goto(KIOSK_PATH);
  const field = kiosk.page.getByRole('textbox', { name: 'Mã hồ sơ' });
  await eventually(async () =>
    assert.equal(await kiosk.page.evaluate(() => document.activeElement?.id), 'lookup-code'),
  );
  await field.pressSequentially(`${BASE_URL}/tra-cuu/${code}`);
  await field.press('Enter');
  const kioskLookup = new LookupPage(kiosk.page);
  await eventually(async () =>
    assert.equal(await kioskLookup.value('Trạng thái').innerText(), 'Đã nhận kết quả'),
  );
  await check(kiosk.page, 'kiosk');
  for (const tp of [visitor, kiosk]) {
    assertNoProblems(tp.problems);
    await tp.context.close();
  }
});

test('asked for a supplement, the citizen sends a file; she withdraws another dossier after confirming', async () => {
  const tp = await openPage(browser, { viewport: PHONE, bypassCSP: true });
  await signInCitizen(tp, 'Trần Văn Minh');
  const first = await submitThroughApi(tp.context);
  const second = await submitThroughApi(tp.context);

  // The desk asks for a clearer paper (through the API, as its page is another journey's).
  const desk = await openPage(browser);
  const signIn = new SignInPage(desk.page);
  await signIn.goto();
  await signIn.signInAs('desk.hang-trong');
  const asked = await desk.context.request.post(`/api/v1/dossiers/${first.code}/actions/request-supplement`, {
    headers: { origin: BASE_URL, 'if-match': String(first.version) },
    data: { missingComponents: [{ name: 'Giấy chứng sinh' }], reason: 'Cần bản chụp giấy chứng sinh.' },
  });
  assert.equal(asked.status(), 200, await asked.text());
  await desk.context.close();

  const mine = new MyDossierPage(tp.page);
  await mine.goto(first.code);
  await mine.summaryValue('Trạng thái').waitFor();
  assert.equal(await mine.summaryValue('Trạng thái').innerText(), 'Cần bổ sung, hoàn thiện hồ sơ');
  await mine.action('Bổ sung hồ sơ').click();
  const form = tp.page.getByRole('region', { name: 'Bổ sung hồ sơ' });
  await form.waitFor();
  assert.match(await form.innerText(), /Cần bản chụp giấy chứng sinh/);
  await form.getByLabel('Tên giấy tờ').fill('Giấy chứng sinh');
  await form.getByLabel('Tệp đính kèm').setInputFiles({
    name: 'giay-chung-sinh.pdf',
    mimeType: 'application/pdf',
    buffer: smallPdf('Giay chung sinh'),
  });
  await form.locator('.upload-item', { hasText: 'Đã tải lên' }).waitFor();
  await check(tp.page, 'supplement-form', { phone: true });
  await form.getByRole('button', { name: 'Gửi bổ sung' }).click();
  await eventually(async () =>
    assert.match(await mine.notice.innerText(), /Đã gửi\. Trạng thái hồ sơ: Đã nộp, đang chờ tiếp nhận/),
  );
  assert.match(
    await mine.timeline.innerText(),
    /Cần bổ sung, hoàn thiện hồ sơ[\s\S]*Cần bản chụp giấy chứng sinh/,
  );

  await mine.goto(second.code);
  await mine.action('Rút hồ sơ').click();
  const withdraw = tp.page.getByRole('region', { name: 'Rút hồ sơ' });
  await withdraw.getByLabel('Lý do rút hồ sơ (không bắt buộc)').fill('Tôi sẽ nộp trực tiếp tại quầy.');
  await withdraw.getByRole('button', { name: 'Rút hồ sơ', exact: true }).click();
  await withdraw.getByText(`Bạn chắc chắn muốn rút hồ sơ ${second.code}?`).waitFor();
  await check(tp.page, 'withdraw-confirm', { phone: true });
  await withdraw.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
  await eventually(async () =>
    assert.equal(await mine.summaryValue('Trạng thái').innerText(), 'Đã rút hồ sơ'),
  );
  assert.equal(await mine.action('Rút hồ sơ').count(), 0);
  assertNoProblems(tp.problems);
  await tp.context.close();
});

test('a sign-in cancelled at the identity provider is explained, with a way to sign in again', async () => {
  const tp = await openPage(browser, { viewport: PHONE, bypassCSP: true });
  const my = new MyDossiersPage(tp.page);
  await my.goto();
  await my.signInButton.click();
  const idp = new IdentityProviderPage(tp.page);
  await idp.waitFor();
  await idp.cancel();
  await tp.page.waitForURL((url) => url.pathname === CITIZEN_SIGN_IN_PATH);
  assert.equal(new URL(tp.page.url()).searchParams.get('loi'), 'UNAUTHENTICATED');
  assert.equal(await my.heading.innerText(), 'Chưa đăng nhập được');
  assert.match(await my.alert.innerText(), /Nhà cung cấp định danh chưa xác nhận được tài khoản của bạn/);
  await my.signInButton.waitFor();
  await check(tp.page, 'sign-in-failed', { phone: true });
  assertNoProblems(tp.problems);
  await tp.context.close();
});

test('in national-portal mode "Nộp trực tuyến" hands over to the national portal', async () => {
  const tp = await openPage(browser, { viewport: PHONE, bypassCSP: true });
  await tp.page.route('**/api/v1/portal/settings', (route) =>
    route.fulfill({
      json: {
        mode: 'national',
        nationalProcedureUrl: 'https://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?keyword={code}',
        citizenSignIn: true,
      },
    }),
  );
  const procedure = new ProcedurePage(tp.page);
  await procedure.goto('1.001193');
  const link = tp.page.getByRole('link', { name: /^Nộp trực tuyến trên Cổng Dịch vụ công quốc gia/ });
  await link.waitFor();
  assert.equal(
    await link.getAttribute('href'),
    'https://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?keyword=1.001193',
  );
  assert.match(
    await tp.page.locator('main').innerText(),
    /Từ 01\/7\/2025 hồ sơ trực tuyến nộp trên Cổng Dịch vụ công quốc gia; có thể nộp trực tiếp tại Bộ phận Một cửa\./,
  );
  await check(tp.page, 'procedure-national-mode', { phone: true });
  // The apply page, opened directly, says the same and does not ask to sign in.
  await tp.page.goto('/cong-dich-vu-cong/nop-ho-so/1.001193');
  await tp.page.getByRole('link', { name: 'Nộp trực tuyến trên Cổng Dịch vụ công quốc gia' }).waitFor();
  assert.equal(await new ApplyPage(tp.page).signInButton.count(), 0);
  assertNoProblems(tp.problems);
  await tp.context.close();
});
