// "Dùng lại giấy tờ đã có" (docs/domain/documents.md): a record of the applicant's document store cited
// as a dossier component instead of a new upload or paper. Lê Thị Lan has an electronic result issued at
// Phường Hoàn Kiếm; applying online on a 360 px phone, she first meets a store that cannot be read (the
// form still works, and says why), then chooses her record for TP3 with the keyboard, uploads TP6 (the
// declaration TP2 is the form on screen, #14) and submits: the dossier carries TP3 as reused, citing the record and its file. At the desk,
// desk.hang-trong looks up an applicant's store on the button (a wrong number and an empty store say
// so), marks TP3 "Khai thác dữ liệu đã có", chooses the record and receives the dossier, which cites it;
// a specialist's lookup is refused with a clear message. axe on every state; screenshots in
// e2e/artifacts/document-reuse/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  ApplyPage,
  applyPath,
  artifact,
  assertNoHorizontalScroll,
  clearArtifacts,
  IdentityProviderPage,
  MyDossierPage,
  MyDossiersPage,
  smallPdf,
} from '../pages/citizen-pages.ts';
import { DossierPage, INTAKE_PATH, IntakePage } from '../pages/desk-pages.ts';
import { DeskLookup, ReuseGroup } from '../pages/reuse-pages.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
} from '../support/browser.ts';
import { issueElectronicResult, storedComponents } from '../support/results.ts';

const JOURNEY = 'document-reuse';
const PHONE = { width: 360, height: 740 };
const HANG_TRONG_NAME = 'Ủy ban nhân dân Phường Hoàn Kiếm';
const LAN = {
  kind: 'person',
  fullName: 'Lê Thị Lan',
  idNumber: '079190001122',
  phone: '0901122334',
} as const;
const LAN_RECORD = 'Giấy khai sinh (bản điện tử) — Lê Minh An';
/** An applicant the desk receives at the counter (not a citizen account): only the desk's lookup reads their store. */
const DUC = {
  kind: 'person',
  fullName: 'Phạm Văn Đức',
  idNumber: '001087006655',
  phone: '0911223344',
} as const;
const DUC_RECORD = 'Giấy khai sinh (bản điện tử) — Phạm Gia Bảo';
const DUC_RECORD_PDF = smallPdf('Giay khai sinh Pham Gia Bao');

let browser: Browser;
let shots = 0;

async function check(page: Page, name: string, options: { phone?: boolean } = {}): Promise<void> {
  await assertAccessible(page, name);
  if (options.phone) await assertNoHorizontalScroll(page, name);
  shots += 1;
  await artifact(page, JOURNEY, `${String(shots).padStart(2, '0')}-${name}`);
}

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

before(async () => {
  clearArtifacts(JOURNEY);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('Lê Thị Lan applies online reusing her electronic birth certificate for TP3', async () => {
  const recordDossier = await issueElectronicResult(browser, LAN, LAN_RECORD);
  const citizen = await openPage(browser, { viewport: PHONE, bypassCSP: true });
  const { page, context } = citizen;
  const my = new MyDossiersPage(page);
  await my.goto();
  await my.signInButton.click();
  const idp = new IdentityProviderPage(page);
  await idp.waitFor();
  await idp.signInAs('Lê Thị Lan');
  await my.citizenName.waitFor();

  const own = await context.request.get('/api/v1/portal/documents?pageSize=100');
  assert.equal(own.status(), 200, await own.text());
  const record = ((await own.json()) as { items: { documentId: string; name: string }[] }).items.find(
    (d) => d.name === LAN_RECORD,
  );
  assert.ok(record, 'the approval put the result in her store');

  // The store cannot be read at first: the attachments step says why and still takes uploads.
  const failing = (url: URL) => url.pathname === '/api/v1/portal/documents';
  await page.route(failing, (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: 'Kho dữ liệu tạm thời không truy cập được.',
          requestId: 'e2e',
        },
      }),
    }),
  );
  const apply = new ApplyPage(page);
  await page.goto(applyPath('1.001193'));
  await apply.stepHeading(1).waitFor();
  await apply.chooseAgency('hoan kiem', HANG_TRONG_NAME);
  await apply.next.click();
  await apply.stepHeading(2).waitFor();
  await apply.fillBirthDeclaration();
  await apply.next.click();
  await apply.stepHeading(3).waitFor();
  const storeAlert = page.locator('main .apply-form [role=alert].inline-error');
  await eventually(async () =>
    assert.match(
      await storeAlert.innerText(),
      /Không tải được danh sách giấy tờ trong kho của bạn \(Kho dữ liệu tạm thời không truy cập được\.\)\. Bạn vẫn nộp được hồ sơ bằng cách tải tệp lên\./,
    ),
  );
  assert.equal(await ReuseGroup.disclosure(page, 'TP3').count(), 0);
  await apply.attach('TP6', 'van-ban-uy-quyen.pdf', smallPdf('Van ban uy quyen'));
  await check(page, 'apply-store-unavailable', { phone: true });

  // Again, and the store answers: one group per component, her record in each.
  await page.unroute(failing);
  await storeAlert.getByRole('button', { name: 'Thử lại' }).click();
  await page
    .locator('main .apply-form .note[role=status]')
    .filter({ hasText: /^Kho dữ liệu của bạn có \d+ giấy tờ\./ })
    .waitFor();
  assert.equal(await storeAlert.count(), 0);
  // Each component offers the store behind a disclosure, closed; Enter opens TP3's.
  const disclosure = ReuseGroup.disclosure(page, 'TP3');
  await disclosure.waitFor();
  const tp3 = new ReuseGroup(page, 'TP3');
  assert.equal(await tp3.group.isVisible(), false);
  await disclosure.focus();
  await page.keyboard.press('Enter');
  const checkbox = tp3.record(LAN_RECORD);
  await checkbox.waitFor();
  assert.equal(await tp3.fact(LAN_RECORD, 'Mã hồ sơ').innerText(), recordDossier);
  assert.equal(await tp3.fact(LAN_RECORD, 'Cơ quan cấp').innerText(), HANG_TRONG_NAME);
  assert.match(await tp3.fact(LAN_RECORD, 'Ngày cấp').innerText(), /\d{2}:\d{2} .+, \d{2}\/\d{2}\/\d{4}/);
  assert.equal(
    await tp3.fileLink(LAN_RECORD).getAttribute('href'),
    `/api/v1/portal/documents/${record.documentId}/file`,
  );
  // The upload of TP6 is still there.
  assert.equal(await apply.uploads('TP6').count(), 1);

  // Chosen with the keyboard: focus moves to the checkbox, Space ticks it.
  await checkbox.focus();
  assert.equal(await focusedId(page), await checkbox.getAttribute('id'));
  await page.keyboard.press('Space');
  assert.equal(await checkbox.isChecked(), true);
  await tp3.group.getByText('Đã chọn 1 giấy tờ.').waitFor();
  assert.match(await disclosure.innerText(), /Đã chọn 1 giấy tờ\.$/);
  await check(page, 'apply-record-chosen', { phone: true });
  await apply.next.click();

  // The review names the record reused for TP3.
  await apply.stepHeading(4).waitFor();
  const review = await apply.review.innerText();
  assert.ok(review.includes('van-ban-uy-quyen.pdf'), review);
  assert.ok(review.includes(`${LAN_RECORD} (dùng lại từ kho, hồ sơ ${recordDossier})`), review);
  await check(page, 'apply-review', { phone: true });
  await apply.submit.click();

  await page.waitForURL((url) => url.pathname.startsWith('/cong-dich-vu-cong/ho-so-cua-toi/'), {
    timeout: 15_000,
  });
  const mine = new MyDossierPage(page);
  await mine.receipt.waitFor();
  const code = (await mine.receiptCode.innerText()).trim();
  const components = await storedComponents(context, code);
  const reused = components.find((c) => c.code === 'TP3');
  assert.ok(reused, JSON.stringify(components));
  assert.equal(reused.provided, 'reused');
  assert.deepEqual(reused.documentIds, [record.documentId]);
  // The record's file, not a copy: one file, and not TP6's upload.
  assert.equal(reused.fileIds?.length, 1);
  const tp6 = components.find((c) => c.code === 'TP6');
  assert.ok(tp6 && tp6.provided === 'electronic' && tp6.fileIds?.length === 1, JSON.stringify(components));
  assert.notDeepEqual(reused.fileIds, tp6.fileIds);
  assertNoProblems(citizen.problems);
  await context.close();
});

test('desk.hang-trong looks up the applicant’s store on the button and receives TP3 as the reused record', async () => {
  const recordDossier = await issueElectronicResult(browser, DUC, DUC_RECORD, { pdf: DUC_RECORD_PDF });
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto(INTAKE_PATH);
  await signIn.signInAs('desk.hang-trong');
  const intake = new IntakePage(page);
  await intake.procedure.fill('1.001193');
  await intake.options.first().waitFor();
  await intake.procedure.press('Enter');
  await intake.agency.waitFor();
  const lookup = new DeskLookup(page);

  // Marked reused before any lookup: the component says how to choose a record.
  await intake.component(3).selectOption('reused');
  await page.getByText(/^Chưa tra cứu giấy tờ của người nộp/).waitFor();

  // A number that cannot be looked up says so, without asking the server.
  await intake.applicant('fullName').fill(DUC.fullName);
  await intake.applicant('idNumber').fill('12345');
  await lookup.button.click();
  await eventually(async () =>
    assert.equal(
      await lookup.alert.innerText(),
      'Nhập số định danh cá nhân (12 chữ số) hoặc mã số thuế của người nộp rồi tra cứu.',
    ),
  );

  // A number with nothing in the store.
  await intake.applicant('idNumber').fill('001190099999');
  assert.equal(await lookup.alert.count(), 0, 'a new number clears the last answer');
  await lookup.button.click();
  await eventually(async () =>
    assert.equal(
      await lookup.status.innerText(),
      'Người nộp 001190099999 chưa có giấy tờ nào trong kho dữ liệu của tỉnh.',
    ),
  );
  await page.getByText('Người nộp không có giấy tờ nào trong kho để chọn.').waitFor();

  // A store larger than what one lookup offers says so (the server's answer, its total raised here).
  await page.route(
    '**/api/v1/applicants/*/documents?*',
    async (route) => {
      const answer = await route.fetch();
      const list = (await answer.json()) as { items: unknown[]; total: number };
      await route.fulfill({ response: answer, json: { ...list, total: list.items.length + 150 } });
    },
    { times: 1 },
  );
  await intake.applicant('idNumber').fill(DUC.idNumber);
  await lookup.button.click();
  await eventually(async () =>
    assert.match(
      await lookup.status.innerText(),
      /^Người nộp 001087006655 có 151 giấy tờ trong kho dữ liệu\. .+ Dưới đây là 1 giấy tờ mới nhất\.$/,
    ),
  );
  await intake.applicant('idNumber').fill('001190099999');

  // The applicant's number: the lookup finds the record, offered under TP3; chosen with the keyboard.
  await intake.applicant('idNumber').fill(DUC.idNumber);
  await lookup.button.focus();
  await page.keyboard.press('Enter');
  await eventually(async () =>
    assert.match(
      await lookup.status.innerText(),
      /^Người nộp 001087006655 có 1 giấy tờ trong kho dữ liệu\. Chọn "Khai thác dữ liệu đã có"/,
    ),
  );
  await intake.applicant('phone').fill(DUC.phone);
  await intake.fillBirthDeclaration();
  await intake.component(1).selectOption('original');
  const tp3 = new ReuseGroup(page, 'TP3');
  const checkbox = tp3.record(DUC_RECORD);
  await checkbox.waitFor();
  assert.equal(await tp3.fact(DUC_RECORD, 'Mã hồ sơ').innerText(), recordDossier);
  await checkbox.focus();
  await page.keyboard.press('Space');
  assert.equal(await checkbox.isChecked(), true);
  // The officer opens the record's file before relying on it: the very file the result was signed with.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    tp3.group.getByRole('link', { name: `Tải tệp về ${DUC_RECORD}` }).click(),
  ]);
  assert.match(download.suggestedFilename(), /-ket-qua-1\.pdf$/);
  assert.deepEqual(fs.readFileSync(await download.path()), DUC_RECORD_PDF);
  await check(page, 'desk-record-chosen');

  await intake.save.click();
  await page.waitForURL((url) => /^\/ho-so\/H26\.104-\d{6}-\d{4}$/.test(url.pathname), {
    timeout: 15_000,
  });
  const code = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
  await new DossierPage(page).summaryValue('Trạng thái').waitFor();
  const components = await storedComponents(context, code);
  const own = (
    (await (await context.request.get(`/api/v1/applicants/${DUC.idNumber}/documents`)).json()) as {
      items: { documentId: string; name: string }[];
    }
  ).items.find((d) => d.name === DUC_RECORD);
  assert.ok(own);
  assert.deepEqual(
    components.map((c) => ({ code: c.code, provided: c.provided, documentIds: c.documentIds })),
    [
      { code: 'TP1', provided: 'original', documentIds: undefined },
      { code: 'TP3', provided: 'reused', documentIds: [own.documentId] },
    ],
  );
  assert.equal(components[1]!.fileIds?.length, 1);
  assertNoProblems(problems);
  await context.close();
});

test('a specialist’s lookup is refused with a clear message', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto(INTAKE_PATH);
  await signIn.signInAs('specialist.hang-trong');
  const intake = new IntakePage(page);
  await intake.procedure.fill('1.001193');
  await intake.options.first().waitFor();
  await intake.procedure.press('Enter');
  await intake.agency.waitFor();
  await intake.applicant('idNumber').fill(DUC.idNumber);
  const lookup = new DeskLookup(page);
  await lookup.button.click();
  await eventually(async () =>
    assert.equal(
      await lookup.alert.innerText(),
      'Bạn không có quyền tra cứu kho dữ liệu của người nộp: chỉ cán bộ tiếp nhận hồ sơ tại bộ phận một cửa được tra cứu.',
    ),
  );
  await check(page, 'desk-lookup-forbidden');
  assertNoProblems(problems);
  await context.close();
});
