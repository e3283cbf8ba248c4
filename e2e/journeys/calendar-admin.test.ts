// The holiday calendar: public and provisional for a future year; a province administrator removes
// Ngày Văn hóa Việt Nam (24/11) from 2026 and the due-time explainer counts it as a working day at
// once; a desk officer reads the calendar but cannot change it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CalendarPage } from '../pages/calendar-page.ts';
import { DueTimePage } from '../pages/due-time-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  BASE_URL,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
  type TestPage,
} from '../support/browser.ts';

let browser: Browser;
let admin: TestPage;

before(async () => {
  browser = await launchBrowser();
  admin = await openPage(browser);
});

after(async () => {
  await browser?.close();
});

test('the 2027 calendar is provisional, says why, and lists Tết Nguyên đán', async () => {
  const { page, context, problems } = await openPage(browser);
  const calendar = new CalendarPage(page);
  await calendar.goto(2027);
  assert.equal(await calendar.heading.innerText(), 'Lịch nghỉ lễ, Tết và làm bù năm 2027');
  assert.match(await calendar.provisionalBanner.innerText(), /Lịch tạm tính/);
  assert.match(await calendar.provisionalBanner.innerText(), /thông báo chính thức của Chính phủ/);
  const days = await calendar.daysOff();
  assert.ok(
    days.some(
      ([date, name, kind]) =>
        date === 'Thứ Năm, 04/02/2027' && name === 'Tết Nguyên đán' && kind === 'Nghỉ lễ, Tết',
    ),
    JSON.stringify(days),
  );
  assert.equal(await page.getByRole('button', { name: /^Sửa lịch/ }).count(), 0);
  await page.getByRole('link', { name: 'Năm 2028' }).click();
  await calendar.waitForPath('/lich-lam-viec/2028');
  await eventually(async () =>
    assert.equal(await calendar.heading.innerText(), 'Lịch nghỉ lễ, Tết và làm bù năm 2028'),
  );
  await screenshot(page, 'calendar-2028');
  assertNoProblems(problems);
  await context.close();
});

test('a desk officer sees the 2026 calendar without the editor', async () => {
  const { page, context, problems } = await openPage(browser);
  const signIn = new SignInPage(page);
  await signIn.goto('/lich-lam-viec/2026');
  await signIn.signInAs('desk.hang-trong');
  const calendar = new CalendarPage(page);
  await calendar.waitForPath('/lich-lam-viec/2026');
  await calendar.daysOffTable.waitFor();
  assert.equal(await calendar.provisionalBanner.count(), 0);
  assert.equal(await calendar.editButton(2026).count(), 0);
  assert.equal(await page.getByRole('button', { name: /^Sửa lịch/ }).count(), 0);
  assertNoProblems(problems);
  await context.close();
});

test('the editor shows an API error beside the row it names', async () => {
  const signIn = new SignInPage(admin.page);
  await signIn.goto('/lich-lam-viec/2026');
  await signIn.signInAs('demo-admin');
  const calendar = new CalendarPage(admin.page);
  await calendar.editButton(2026).click();
  await calendar.editor.waitFor();
  await admin.page.getByRole('button', { name: 'Thêm ngày làm bù' }).click();
  const row = calendar.row(/^Ngày làm bù 2/);
  await row.getByLabel('Ngày', { exact: true }).fill('25/11/2026');
  await row.getByLabel('Lý do', { exact: true }).fill('Thử: một ngày thường');
  await calendar.save.click();
  const date = row.getByLabel('Ngày', { exact: true });
  await eventually(async () => assert.equal(await date.getAttribute('aria-invalid'), 'true'));
  assert.match(await row.locator('.field-error').innerText(), /phải là Thứ Bảy hoặc Chủ nhật/);
  assert.match(await calendar.errorSummary.innerText(), /Chưa lưu được lịch/);
  await screenshot(admin.page, 'calendar-editor-error');
  await calendar.removeButton(/^Bỏ ngày làm bù Thứ Tư, 25\/11\/2026$/).click();
  assert.equal(await calendar.row(/^Ngày làm bù 2/).count(), 0);
});

test('demo-admin removes 24/11 from 2026, saves and sees what changed', async () => {
  const calendar = new CalendarPage(admin.page);
  await calendar.removeButton(/^Bỏ ngày nghỉ Thứ Ba, 24\/11\/2026$/).click();
  assert.equal(await calendar.row(/24\/11\/2026/).count(), 0);
  await calendar.save.click();
  const summary = calendar.savedSummary;
  await summary.waitFor();
  assert.match(await summary.innerText(), /Đã lưu lịch năm 2026 \(phiên bản 2\)/);
  assert.match(
    await summary.innerText(),
    /Ngày nghỉ bỏ\s+Thứ Ba, 24\/11\/2026 — Ngày Văn hóa Việt Nam \(24\/11\)/,
  );
  assert.ok(!(await calendar.daysOff()).some(([date]) => date === 'Thứ Ba, 24/11/2026'));
  await screenshot(admin.page, 'calendar-saved');
});

test('the explainer then counts 2 working days from Monday 23/11 10:00 to Wednesday 25/11', async () => {
  const due = new DueTimePage(admin.page);
  await due.navLink('Tính hạn').click();
  await due.waitForPath('/tinh-han');
  await due.compute('2026-11-23T10:00', '2');
  await eventually(async () => assert.equal(await due.dueAt.innerText(), '10:00 Thứ Tư, 25/11/2026'));
  const trail = await due.trail();
  assert.ok(trail[0]?.startsWith('Tính từ 10:00 Thứ Hai, 23/11/2026 đến'), trail.join(' | '));
  assert.ok(!trail.some((line) => line.includes('Ngày Văn hóa Việt Nam')), trail.join(' | '));
  assert.equal(await admin.page.locator('.due-result .note-warning').count(), 0);
  await screenshot(admin.page, 'due-time-2026-11-23');

  // Friday afternoon: the weekend is named and skipped.
  await due.compute('2026-11-20T16:00', '1');
  await eventually(async () => assert.equal(await due.dueAt.innerText(), '16:00 Thứ Hai, 23/11/2026'));
  assert.ok((await due.trail()).includes('Thứ Bảy, Chủ nhật — không tính'));
  assertNoProblems(admin.problems);
});

test('a save over a newer version is refused with a reload message', async () => {
  const calendar = new CalendarPage(admin.page);
  await calendar.goto(2030);
  await calendar.editButton(2030).click();
  await calendar.editor.waitFor();
  // Someone else saves 2030 meanwhile (same days, so other journeys see no difference).
  const current = (await (await admin.page.request.get('/api/v1/calendars/2030')).json()) as {
    version: number;
    provisional: boolean;
    holidays: unknown[];
    workingDays: unknown[];
  };
  const put = await admin.page.request.put('/api/v1/calendars/2030', {
    headers: { origin: BASE_URL },
    data: {
      version: current.version,
      provisional: current.provisional,
      holidays: current.holidays,
      workingDays: current.workingDays,
    },
  });
  assert.equal(put.status(), 200);
  await calendar.save.click();
  const alert = calendar.editor.getByRole('alert').filter({ hasText: 'vừa được người khác sửa' });
  await alert.waitFor();
  await alert.getByRole('button', { name: 'Tải lại lịch' }).click();
  await calendar.editButton(2030).waitFor();
  assertNoProblems(admin.problems);
});
