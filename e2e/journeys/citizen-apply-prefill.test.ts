// Issue 14, the citizen's side: on a 360 px phone, the portal's search box finds birth registration
// first for what people type ("làm giấy khai sinh cho con", "khai sinh cho con", "khaisinh", and a
// typo); Nguyễn Thị Hường signs in through the identity provider and the apply form shows her name,
// personal ID number and date of birth filled in and read-only, "Kính gửi" follows the agency she
// chooses (and changes with it), and the declaration is not asked for again as an upload; marriage
// registration, published without a usable time limit, says why it cannot be applied for online, and
// its page shows no data-source note. axe and no horizontal scroll on each screen; screenshots in
// e2e/artifacts/citizen-apply-prefill/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  ApplyPage,
  applyPath,
  artifact,
  assertNoHorizontalScroll,
  clearArtifacts,
  IdentityProviderPage,
} from '../pages/citizen-pages.ts';
import { PortalPage } from '../pages/portal-page.ts';
import { ProcedurePage } from '../pages/procedure-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
} from '../support/browser.ts';

const JOURNEY = 'citizen-apply-prefill';
const PHONE = { width: 360, height: 740 };
const BIRTH = 'Thủ tục đăng ký khai sinh';
const HANG_TRONG = 'Ủy ban nhân dân Phường Hoàn Kiếm';
const HANG_BAC = 'Ủy ban nhân dân Phường Cửa Nam';

let browser: Browser;

async function check(page: Page, name: string): Promise<void> {
  await assertAccessible(page, name);
  await assertNoHorizontalScroll(page, name);
  await artifact(page, JOURNEY, name);
}

before(async () => {
  clearArtifacts(JOURNEY);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('#14 the portal’s search box puts birth registration first for what people type', async () => {
  const tp = await openPage(browser, { viewport: PHONE, bypassCSP: true });
  const portal = new PortalPage(tp.page);
  for (const [i, q] of [
    'làm giấy khai sinh cho con',
    'khai sinh cho con',
    'khaisinh',
    'khai sinnh',
  ].entries()) {
    await portal.goto();
    await portal.type(q);
    await eventually(async () =>
      assert.equal((await portal.results.first().getByRole('link').first().innerText()).trim(), BIRTH, q),
    );
    await check(tp.page, `search-${i + 1}`);
  }
  assertNoProblems(tp.problems);
  await tp.context.close();
});

test('#14 Hường applies: her identity is filled in read-only, Kính gửi follows the agency, the declaration is no upload', async () => {
  const tp = await openPage(browser, { viewport: PHONE, bypassCSP: true });
  const { page } = tp;
  const apply = new ApplyPage(page);
  await page.goto(applyPath('1.001193'));
  await apply.signInButton.click();
  const idp = new IdentityProviderPage(page);
  await idp.waitFor();
  await idp.signInAs('Nguyễn Thị Hường');
  await page.waitForURL((url) => url.pathname === applyPath('1.001193'));
  await apply.stepHeading(1).waitFor();
  await apply.chooseAgency('hoan kiem', HANG_TRONG);
  await apply.next.click();

  await apply.stepHeading(2).waitFor();
  const vouched: [string, string][] = [
    ['nguoiYeuCau-hoTen', 'Nguyễn Thị Hường'],
    ['nguoiYeuCau-giayToTuyThan-so', '001190012345'],
    // Dates are shown as dd/mm/yyyy (the date input keeps them as ISO underneath).
    ['nguoiYeuCau-ngaySinh', '14/05/1990'],
  ];
  for (const [field, value] of vouched) {
    const input = apply.formField(field);
    assert.equal(await input.inputValue(), value, field);
    assert.notEqual(await input.getAttribute('readonly'), null, `${field} is read-only`);
  }
  assert.equal(
    await apply.formField('nguoiYeuCau-giayToTuyThan-loaiGiayTo').inputValue(),
    'Số định danh cá nhân',
  );
  assert.equal(await apply.formField('kinhGui').inputValue(), HANG_TRONG);
  await page
    .getByText(/^Thông tin người yêu cầu \(họ tên, số định danh cá nhân, ngày sinh\) lấy từ tài khoản/)
    .waitFor();
  await check(page, 'apply-2-prefilled');

  // Another agency: "Kính gửi" follows it.
  await page.getByRole('button', { name: 'Quay lại', exact: true }).click();
  await apply.stepHeading(1).waitFor();
  await apply.chooseAgency('cua nam', HANG_BAC);
  await apply.next.click();
  await apply.stepHeading(2).waitFor();
  assert.equal(await apply.formField('kinhGui').inputValue(), HANG_BAC);
  assert.equal(await apply.formField('nguoiYeuCau-hoTen').inputValue(), 'Nguyễn Thị Hường');

  await apply.fillBirthDeclaration();
  await apply.next.click();
  await apply.stepHeading(3).waitFor();
  // The e-form (TP2) and the paper declaration (TP1) are the form she filled: listed, never an upload.
  assert.equal(await apply.fileInput('TP1').count(), 0);
  assert.equal(await apply.fileInput('TP2').count(), 0);
  assert.match(await page.locator('#apply-declared').innerText(), /không cần tải lên[\s\S]*TP2/);
  // The birth certificate is what she must attach.
  assert.equal(await apply.fileInput('TP3').getAttribute('aria-required'), 'true');
  await check(page, 'apply-3-no-declaration-upload');
  assertNoProblems(tp.problems);
  await tp.context.close();
});

test('#14 a procedure without a usable time limit says why it is not offered online, with no data notes', async () => {
  const tp = await openPage(browser, { viewport: PHONE, bypassCSP: true });
  const { page } = tp;
  const procedure = new ProcedurePage(page);
  await procedure.goto('1.000894');
  await page.locator('#apply-online-unavailable').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Nộp trực tuyến', exact: true }).count(), 0);
  assert.match(
    await page.locator('#apply-online-unavailable').innerText(),
    /chưa có thời hạn giải quyết rõ ràng/,
  );
  const main = await page.locator('main').innerText();
  assert.doesNotMatch(main, /không rõ đơn vị|Cổng chỉ hiển thị|nguồn B/);
  assert.match(main, /Chưa công bố rõ/);
  await check(page, 'procedure-not-online');

  // Birth registration: offered online, no data-source note, its limit shown as a limit.
  await procedure.goto('1.001193');
  await page.getByRole('link', { name: 'Nộp trực tuyến', exact: true }).waitFor();
  const birth = await page.locator('main').innerText();
  assert.doesNotMatch(birth, /WORKING_DAY|nguồn B|API DVCQG/);
  assert.match(birth, /1 ngày làm việc/);
  await check(page, 'procedure-birth');
  assertNoProblems(tp.problems);
  await tp.context.close();
});
