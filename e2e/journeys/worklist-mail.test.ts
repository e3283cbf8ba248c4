// #18: an officer (Xã Mỹ Đức's desk officer) opens "Nhận thông báo công việc" from the header, is
// refused without an address, chooses a daily summary at 07:00 with their address; the choice is
// still there after a reload. axe on the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';

const PATH = '/tai-khoan/thong-bao-cong-viec';
const ADDRESS = 'mot.cua.myduc@hanoi.gov.vn';
let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('#18 an officer chooses a daily summary at 07:00 and finds it again after a reload', async () => {
  const { page, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto('/');
  await signIn.signInAs('desk.my-duc');
  await page.getByRole('link', { name: 'Nhận thông báo công việc' }).click();
  await page.waitForURL((url) => url.pathname === PATH);
  await page.getByRole('heading', { level: 1, name: 'Nhận thông báo công việc' }).waitFor();
  const off = page.getByRole('radio', { name: 'Không nhận' });
  await off.waitFor();
  assert.ok(await off.isChecked(), 'no choice yet: off');
  await assertAccessible(page, 'the worklist notification page');

  const daily = page.getByRole('radio', { name: 'Một thư tóm tắt mỗi ngày làm việc' });
  await daily.check();
  const time = page.getByLabel('Giờ nhận thư tóm tắt');
  assert.equal(await time.inputValue(), '07:30', 'the default time');
  await time.fill('07:00');
  const address = page.getByLabel('Thư điện tử nhận thông báo');
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: 'Cần địa chỉ thư điện tử để nhận thông báo công việc.' })
    .first()
    .waitFor();
  assert.equal(await address.getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'the page with its error');

  await address.fill(ADDRESS);
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await page.getByRole('status').filter({ hasText: 'Đã lưu lựa chọn nhận thông báo công việc.' }).waitFor();
  await screenshot(page, 'worklist-mail-saved');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Nhận thông báo công việc' }).waitFor();
  const dailyAgain = page.getByRole('radio', { name: 'Một thư tóm tắt mỗi ngày làm việc' });
  await dailyAgain.waitFor();
  assert.ok(await dailyAgain.isChecked(), 'daily after the reload');
  assert.equal(await page.getByLabel('Giờ nhận thư tóm tắt').inputValue(), '07:00');
  assert.equal(await page.getByLabel('Thư điện tử nhận thông báo').inputValue(), ADDRESS);
  await assertAccessible(page, 'the saved choice');
  assertNoProblems(problems);
});
