// The approve form's result rows keep their uploads when a row above is removed: leader.hang-trong adds
// a second result document, chooses its file, and while the upload is still going (held at the network)
// removes the first row; the progress stays with the moved row, the file lands in it, and the approval
// carries that file under the row's name. Then the leader opens the result from the dossier's papers,
// and the desk hands the result over and records the applicant's rating at the counter.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { smallPdf } from '../pages/citizen-pages.ts';
import { DossierPage, dossierPath } from '../pages/desk-pages.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  type TestPage,
} from '../support/browser.ts';
import { dossierAtLeader } from '../support/results.ts';

const APPLICANT = {
  kind: 'person' as const,
  fullName: 'Phạm Thu Trang',
  idNumber: '001192007788',
  phone: '0911222333',
};
const SECOND = 'Giấy khai sinh (bản điện tử) — Phạm Minh An';
const SECOND_PDF = smallPdf('Giay khai sinh Pham Minh An');

let browser: Browser;
let leader: TestPage;
let code: string;

before(async () => {
  browser = await launchBrowser();
  code = await dossierAtLeader(browser, APPLICANT);
  leader = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(leader.page);
  await signIn.goto(dossierPath(code));
  await signIn.signInAs('leader.hang-trong');
});
after(async () => {
  await browser.close();
});

test('removing a row while the next one uploads: the upload stays with its row and the approval carries it', async () => {
  const { page } = leader;
  const dossier = new DossierPage(page);
  await dossier.summaryValue('Trạng thái').waitFor();
  const actions = page.getByRole('region', { name: 'Thao tác' });
  await actions.getByRole('button').first().waitFor();
  if ((await dossier.action('Nhận xử lý').count()) > 0) {
    await dossier.action('Nhận xử lý').click();
    await page.getByRole('button', { name: 'Xác nhận: Nhận xử lý' }).click();
    await eventually(async () => assert.match(await dossier.notice.innerText(), /Đã thực hiện: Nhận xử lý/));
  }
  await dossier.action('Phê duyệt, ký kết quả').click();
  const confirm = page.getByRole('button', { name: 'Xác nhận: Phê duyệt, ký kết quả' });
  await confirm.waitFor();

  // A number typed by hand, far from the register's own sequence (01, 02 … as other journeys approve).
  await page.locator('#action-approve-resultNumber').fill('915/QĐ-UBND');
  // Two rows: a paper result first, the electronic one second.
  await page.locator('#action-approve-resultDocuments-0-name').fill('Bản sao Giấy khai sinh (giấy)');
  await page.getByRole('button', { name: /^Thêm: / }).click();
  await page.locator('#action-approve-resultDocuments-1-name').fill(SECOND);

  // The upload is held at the network until the first row is gone.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const uploading = new Promise<void>((resolve) => (arrived = resolve));
  await page.route('**/api/v1/files', async (route) => {
    arrived();
    await held;
    await route.continue();
  });
  const rows = page.locator('.schema-rows > li');
  await rows.nth(1).locator('input[type="file"]').setInputFiles({
    name: 'khai-sinh-an.pdf',
    mimeType: 'application/pdf',
    buffer: SECOND_PDF,
  });
  await uploading;
  await rows.nth(1).locator('.upload-uploading').waitFor();
  await assertAccessible(page, 'approve-row-uploading');

  // The first row removed: one row is left, the second as it was, its upload still under way.
  await rows.nth(0).getByRole('button', { name: /^Bỏ / }).click();
  await eventually(async () => assert.equal(await rows.count(), 1));
  assert.equal(await page.locator('#action-approve-resultDocuments-0-name').inputValue(), SECOND);
  assert.match(await rows.nth(0).locator('.upload-uploading').innerText(), /khai-sinh-an\.pdf/);

  release();
  await rows.nth(0).locator('.upload-done', { hasText: 'khai-sinh-an.pdf' }).waitFor();
  await page.unroute('**/api/v1/files');
  await confirm.click();
  await eventually(async () =>
    assert.match(await dossier.notice.innerText(), /Đã thực hiện: Phê duyệt, ký kết quả/),
  );

  // The approval carries the one row, with its file: the dossier's papers open that very file.
  const view = (await (await page.request.get(`/api/v1/dossiers/${code}`)).json()) as {
    resultDocuments: { name: string; fileId?: string }[];
  };
  assert.equal(view.resultDocuments.length, 1);
  assert.equal(view.resultDocuments[0]!.name, SECOND);
  assert.ok(view.resultDocuments[0]!.fileId);
  const results = dossier.papers.locator('.papers-results');
  await results.getByRole('link', { name: /^khai-sinh-an\.pdf/ }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    results.getByRole('link', { name: /^khai-sinh-an\.pdf/ }).click(),
  ]);
  assert.match(download.suggestedFilename(), /-ket-qua-1\.pdf$/);
  assert.deepEqual(fs.readFileSync(await download.path()), SECOND_PDF);
  await assertAccessible(page, 'approve-row-approved');
  assertNoProblems(leader.problems);
});

test('the desk hands the result over and records the rating the applicant chose at the counter', async () => {
  const desk = await openPage(browser, { bypassCSP: true });
  const { page } = desk;
  const signIn = new SignInPage(page);
  await signIn.goto(dossierPath(code));
  await signIn.signInAs('desk.hang-trong');
  const dossier = new DossierPage(page);
  await dossier.summaryValue('Trạng thái').waitFor();
  await dossier.action('Trả kết quả').click();
  await page.locator('#action-return-result-channel').selectOption('counter');
  await page.getByRole('button', { name: 'Xác nhận: Trả kết quả' }).click();
  await eventually(async () =>
    assert.equal(await dossier.summaryValue('Trạng thái').innerText(), 'Đã trả kết quả'),
  );

  const rating = page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' });
  await rating.getByText(/Mời người nộp tự chọn trên màn hình này/).waitFor();
  await rating.getByLabel('Rất hài lòng').check();
  await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await rating.getByText('Đã ghi nhận đánh giá của người nộp.').waitFor();
  assert.match(await rating.innerText(), /Người nộp đã đánh giá: Rất hài lòng \(.+\) \(tại quầy\)\./);
  assert.equal(await rating.getByRole('button', { name: 'Gửi đánh giá' }).count(), 0);
  await assertAccessible(page, 'desk-counter-rating');
  assertNoProblems(desk.problems);
  await desk.context.close();
});
