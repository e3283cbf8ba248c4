// #14: demo-admin (Hà Nội's provincial administrator) finds Mỹ Đức's specialist by filtering the staff
// list by agency, resets the password and reads the temporary one, shown once. The specialist signs in
// with it and lands on the change-password page: every other page sends them back there, the server
// refuses the rest, until they choose their own; then the worklist opens. axe on the new screens; the
// staff page and the change-password page at 360 px without horizontal scroll.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { STAFF_PATH, StaffPage } from '../pages/admin-pages.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  BASE_URL,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';

const CHANGE_PATH = '/doi-mat-khau';
let browser: Browser;
let temporary = '';

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function noHorizontalScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow} px at 360 px`);
}

test('#14 the administrator filters by agency and resets a specialist’s password', async () => {
  const { page, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto(STAFF_PATH);
  await signIn.signInAs('demo-admin');
  const staff = new StaffPage(page);
  await staff.waitForPath(STAFF_PATH);

  // The agency filter: "my duc" finds the commune's People's Committee (Xã Mỹ Đức, where the former
  // Huyện Mỹ Đức's accounts work); with the agencies below.
  await staff.agency.choose('uy ban nhan dan xa my duc', 'Ủy ban nhân dân Xã Mỹ Đức');
  assert.match(await staff.agency.chosen.innerText(), /Ủy ban nhân dân Xã Mỹ Đức/);
  await eventually(async () => {
    const names = await staff.table.getByRole('rowheader').allInnerTexts();
    assert.deepEqual(names.sort(), ['Nguyễn Đức Thịnh', 'Phạm Văn Quyết', 'Đinh Thị Thảo'].sort());
  });
  await page.getByRole('combobox', { name: 'Vai trò' }).selectOption('specialist');
  await eventually(async () =>
    assert.deepEqual(await staff.table.getByRole('rowheader').allInnerTexts(), ['Nguyễn Đức Thịnh']),
  );
  await assertAccessible(page, 'the staff page filtered by agency');

  await staff
    .row('Nguyễn Đức Thịnh')
    .getByRole('button', { name: /^Đặt lại mật khẩu/ })
    .click();
  const form = page.getByRole('region', { name: 'Đặt lại mật khẩu của Nguyễn Đức Thịnh' });
  await form.getByRole('radio', { name: /Hệ thống tạo mật khẩu tạm thời/ }).check();
  await assertAccessible(page, 'the reset form');
  await form.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  const shown = page.locator('.temporary-password');
  await shown.waitFor();
  temporary = (await shown.innerText()).trim();
  assert.match(temporary, /^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
  await screenshot(page, 'staff-temporary-password');
  await assertAccessible(page, 'the temporary password');
  await page.getByRole('button', { name: 'Xong' }).click();
  await shown.waitFor({ state: 'detached' });
  // Shown once: nothing on the page holds it any more.
  assert.ok(!(await page.content()).includes(temporary));

  await page.setViewportSize({ width: 360, height: 800 });
  await noHorizontalScroll(page, 'the staff page');
  assertNoProblems(problems);
});

test('#14 the specialist signs in with the temporary password and must change it first', async () => {
  assert.ok(temporary, 'the first test gave a temporary password');
  const { page, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto('/ho-so');
  await signIn.signIn('specialist.my-duc', temporary);
  await page.waitForURL((url) => url.pathname === CHANGE_PATH);
  await page.getByText('Mật khẩu của bạn đã được quản trị đặt lại.', { exact: false }).waitFor();
  // No navigation to elsewhere; a page typed in the address bar comes back here.
  assert.equal(await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link').count(), 0);
  await page.goto('/ho-so/tiep-nhan');
  await eventually(async () => assert.equal(new URL(page.url()).pathname, CHANGE_PATH));
  // The server refuses the rest too.
  const refused = await page.request.get(`${BASE_URL}/api/v1/dossiers`);
  assert.equal(refused.status(), 403);
  await assertAccessible(page, 'the change-password page');

  await page.locator('#password-current').fill(temporary);
  await page.locator('#password-new').fill('mat-khau-cua-toi-2026');
  await page.locator('#password-again').fill('mat-khau-cua-toi-2027');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await eventually(async () =>
    assert.match(
      await page.locator('main .error-summary').innerText(),
      /Hai lần nhập mật khẩu mới không khớp/,
    ),
  );
  await page.locator('#password-again').fill('mat-khau-cua-toi-2026');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  // On to where they were heading (the intake page, the last one asked for), which now opens.
  await eventually(async () => assert.equal(new URL(page.url()).pathname, '/ho-so/tiep-nhan'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal((await page.request.get(`${BASE_URL}/api/v1/dossiers`)).status(), 200);

  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(CHANGE_PATH);
  await page.locator('#password-current').waitFor();
  await noHorizontalScroll(page, 'the change-password page');
  assertNoProblems(problems);
});
