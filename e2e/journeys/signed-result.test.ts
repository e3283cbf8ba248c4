// #19: a result signed in the browser with the officer's USB token, through the VGCA plugin (its
// stand-in, simulator/vgca-plugin.ts, started by e2e/run.ts, holding a token in leader.hang-trong's name):
// the plugin not running first, then a wrong PIN, each said in words; then the leader signs and
// approves; the signed result shows the leader's block, and its QR code (read from the rendered page)
// opens /xac-thuc?ma=… of that result; anyone verifies it there and by uploading it, and a copy with one
// byte changed is reported as changed, never as valid.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { smallPdf } from '../pages/citizen-pages.ts';
import { DossierPage, dossierPath } from '../pages/desk-pages.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  blockText,
  popplerMissing,
  qrModules,
  readQr,
} from '../../server/platform/signing/test-read-block.ts';
import {
  assertAccessible,
  BASE_URL,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
  type TestPage,
} from '../support/browser.ts';
import { dossierAtLeader, HANG_TRONG } from '../support/results.ts';

const CONTROL = process.env.E2E_VGCA_CONTROL ?? '';
const APPLICANT = {
  kind: 'person' as const,
  fullName: 'Lê Hoài Nam',
  idNumber: '001192004455',
  phone: '0912000455',
};
const RESULT = 'Trích lục khai sinh (bản điện tử) — Lê Minh Khang';

async function plugin(path: string, body: object): Promise<void> {
  const res = await fetch(`${CONTROL}${path}`, { method: 'POST', body: JSON.stringify(body) });
  assert.equal(res.status, 200, await res.text());
}

let browser: Browser;
let leader: TestPage;
let code: string;
let signedPdf: Buffer;
let token: string;

before(async () => {
  assert.ok(CONTROL, 'E2E_VGCA_CONTROL: run with node e2e/run.ts');
  browser = await launchBrowser();
  code = await dossierAtLeader(browser, APPLICANT);
  await plugin('/_sim/reset', {});
  await plugin('/_sim/token', {
    holder: 'Vũ Thị Hồng Nhung',
    organisation: 'Ủy ban nhân dân phường Hoàn Kiếm',
  });
  leader = await openPage(browser);
  const signIn = new SignInPage(leader.page);
  await signIn.goto(dossierPath(code));
  await signIn.signInAs('leader.hang-trong');
});
after(async () => {
  await browser?.close();
});

test('the leader signs the result with the USB token through the plugin, after its failures are explained', async () => {
  const { page } = leader;
  const dossier = new DossierPage(page);
  await dossier.summaryValue('Trạng thái').waitFor();
  await page.getByRole('region', { name: 'Thao tác' }).getByRole('button').first().waitFor();
  if ((await dossier.action('Nhận xử lý').count()) > 0) {
    await dossier.action('Nhận xử lý').click();
    await page.getByRole('button', { name: 'Xác nhận: Nhận xử lý' }).click();
    await eventually(async () => assert.match(await dossier.notice.innerText(), /Đã thực hiện: Nhận xử lý/));
  }
  await dossier.action('Phê duyệt, ký kết quả').click();
  const panel = page.getByRole('region', { name: 'Ký số kết quả' });
  await panel.waitFor();
  await page.locator('#action-approve-resultDocuments-0-name').fill(RESULT);
  await page
    .locator('.schema-rows > li')
    .nth(0)
    .locator('input[type="file"]')
    .setInputFiles({
      name: 'trich-luc-khai-sinh.pdf',
      mimeType: 'application/pdf',
      buffer: smallPdf('Trich luc khai sinh Le Minh Khang'),
    });
  await page.locator('.upload-done').waitFor();
  await panel.getByLabel('Ký số bằng USB token (VGCA)').check();
  const sign = panel.getByRole('button', { name: `Ký số: ${RESULT}` });

  // No token in the computer: said so.
  await screenshot(page, 'signing-panel');
  await sign
    .waitFor({ timeout: 5000 })
    .catch(async () => assert.fail(`no sign button in: ${await panel.innerText()}`));
  await plugin('/_sim/fault', { mode: 'no-token' });
  await sign.click();
  await panel
    .getByRole('alert')
    .getByText(/Không tìm thấy USB token/)
    .waitFor();
  // A wrong PIN: said so; the document is not signed.
  await plugin('/_sim/fault', { mode: 'wrong-pin' });
  await sign.click();
  await panel
    .getByRole('alert')
    .getByText(/Mã PIN của USB token không đúng/)
    .waitFor();
  // The leader's page keeps its content security policy (no axe here): the plugin is reached under it.
  await screenshot(page, 'signing-wrong-pin');

  await plugin('/_sim/fault', { mode: 'none' });
  await sign.click();
  await panel.locator('.signed-badge', { hasText: 'Đã ký số' }).waitFor();
  assert.match(await panel.innerText(), /Ký bởi Vũ Thị Hồng Nhung/);
  await screenshot(page, 'signing-signed');
  await page.getByRole('button', { name: 'Xác nhận: Phê duyệt, ký kết quả' }).click();
  await eventually(async () =>
    assert.match(await dossier.notice.innerText(), /Đã thực hiện: Phê duyệt, ký kết quả/),
  );

  // The register numbered it, and holds the signed file's verification token.
  const register = (await (
    await page.request.get(`/api/v1/agencies/${HANG_TRONG}/result-register`)
  ).json()) as {
    items: {
      dossierCode: string;
      resultNumber: string;
      documents: { signed: boolean; resultToken: string | null; fileId: string | null }[];
    }[];
  };
  const entry = register.items.find((e) => e.dossierCode === code);
  assert.ok(entry, JSON.stringify(register));
  assert.equal(entry.documents[0]!.signed, true);
  token = entry.documents[0]!.resultToken!;
  assert.equal(await page.locator('.dossier-result dd').first().innerText(), entry.resultNumber);
  const file = await page.request.get(`/api/v1/public/verify/results/${token}/file`);
  assert.equal(file.status(), 200);
  signedPdf = Buffer.from(await file.body());
  assertNoProblems(leader.problems);
});

test('anyone verifies the signed result by its QR code and by uploading it; a changed copy is not valid', async () => {
  assert.ok(token, 'the first test signed the result');
  const visitor = await openPage(browser, { bypassCSP: true });
  const { page } = visitor;
  // The QR code drawn on the result, read from the rendered page, is this result's verification page.
  const qrUrl = `${BASE_URL}/xac-thuc?ma=${token}`;
  if (!popplerMissing) {
    assert.match(blockText(signedPdf), /Ký bởi: Vũ Thị Hồng Nhung/);
    const expected = qrModules(qrUrl);
    const block = { kind: 'person', organisation: '', time: null, qrUrl } as const;
    assert.deepEqual(readQr(signedPdf, block, expected.size), expected.dark);
  }
  await page.goto(qrUrl);
  const qr = page.getByRole('region', { name: 'Văn bản theo mã QR' });
  await qr.getByText('Văn bản có chữ ký số hợp lệ.').waitFor();
  const qrText = await qr.innerText();
  assert.match(qrText, /Vũ Thị Hồng Nhung/);
  assert.match(qrText, /Tài liệu còn nguyên vẹn/);
  assert.match(qrText, /Chứng thư số hợp lệ, do tổ chức tin cậy cấp/);
  assert.ok(qrText.includes(code), qrText);
  await qr.getByRole('link', { name: 'Tải văn bản đã ký' }).waitFor();
  await assertAccessible(page, 'verify-qr');
  await screenshot(page, 'verify-qr');

  const input = page.locator('#verify-file');
  await input.setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: signedPdf });
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  const result = page.getByRole('region', { name: 'Kết quả kiểm tra' });
  await result.getByText('Văn bản có chữ ký số hợp lệ.').waitFor();

  // One byte of the signed content changed.
  const tampered = Buffer.from(signedPdf);
  const text = tampered.indexOf('Trich luc');
  const at = text > 0 ? text : tampered.indexOf('Helvetica');
  assert.ok(at > 0);
  tampered[at + 1] = 'X'.charCodeAt(0);
  await input.setInputFiles({ name: 'ban-sua.pdf', mimeType: 'application/pdf', buffer: tampered });
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await result.getByText(/KHÔNG có chữ ký số hợp lệ/).waitFor();
  assert.match(await result.innerText(), /Tài liệu đã bị thay đổi sau khi ký/);
  assert.doesNotMatch(await result.innerText(), /Văn bản có chữ ký số hợp lệ/);
  await screenshot(page, 'verify-tampered');

  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'verify-tampered-360');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
  assertNoProblems(visitor.problems);
  await visitor.context.close();
});
