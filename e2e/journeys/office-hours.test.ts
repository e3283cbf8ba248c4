// A unit administrator keeps the office hours of the city's committee (admin.hoan-kiem, at UBND Thành
// phố Hà Nội since the district level ended on 1/7/2025); the server's validation
// shows beside the session it names. A desk officer reads the hours of the ward but cannot edit them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { OfficeHoursPage, officeHoursPath } from '../pages/office-hours-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import { assertNoProblems, eventually, launchBrowser, openPage, screenshot } from '../support/browser.ts';

/** Ủy ban nhân dân Thành phố Hà Nội, where the former Quận Hoàn Kiếm's accounts work. */
const HOAN_KIEM = 'H26';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('admin.hoan-kiem adds Saturday receiving hours, after fixing a session the server refuses', async () => {
  const { page, context, problems } = await openPage(browser);
  const signIn = new SignInPage(page);
  await signIn.goto(officeHoursPath(HOAN_KIEM));
  await signIn.signInAs('admin.hoan-kiem');
  const hours = new OfficeHoursPage(page);
  await hours.hoursTable.waitFor();
  assert.equal(await hours.heading.innerText(), 'Giờ làm việc của Ủy ban nhân dân Thành phố Hà Nội');
  assert.match(await hours.hoursTable.innerText(), /Thứ Hai\s+07:30–11:30, 13:00–17:00/);
  await hours.editButton.click();
  await hours.editor.waitFor();

  const saturday = 'Tiếp nhận hồ sơ ngày Thứ Bảy';
  await hours
    .day(saturday)
    .getByRole('button', { name: /^Thêm phiên/ })
    .click();
  const session = hours.session(saturday, 1);
  await session.getByLabel('Bắt đầu').fill('11:30');
  await session.getByLabel('Kết thúc').fill('07:30');
  await hours.save.click();
  const end = session.getByLabel('Kết thúc');
  await eventually(async () => assert.equal(await end.getAttribute('aria-invalid'), 'true'));
  assert.match(await session.locator('.field-error').innerText(), /Giờ kết thúc phải sau giờ bắt đầu/);
  await screenshot(page, 'office-hours-error');

  await session.getByLabel('Bắt đầu').fill('07:30');
  await end.fill('11:30');
  await hours.save.click();
  await page.getByText('Đã lưu giờ làm việc (phiên bản 1).').waitFor();
  assert.match(await page.locator('main').innerText(), /Tiếp nhận hồ sơ ngày Thứ Bảy: 07:30–11:30/);
  await screenshot(page, 'office-hours-saved');
  assertNoProblems(problems);
  await context.close();
});

test('a desk officer sees the hours of the ward without an editor', async () => {
  const { page, context, problems } = await openPage(browser);
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signInAs('desk.hang-trong');
  const hours = new OfficeHoursPage(page);
  await hours.navLink('Giờ làm việc').click();
  await hours.hoursTable.waitFor();
  assert.match(await hours.heading.innerText(), /Phường Hoàn Kiếm/);
  assert.equal(await hours.editButton.count(), 0);
  assertNoProblems(problems);
  await context.close();
});
