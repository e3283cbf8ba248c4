// The holiday calendar: the national schedule is public, read-only and provisional for a future year;
// Hà Nội's administrator adds a day off of Hà Nội's own and the due-time explainer counts it for a
// Hà Nội agency at once, not for the national schedule alone; a desk officer reads Hà Nội's days but
// cannot change them.
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

test('the 2027 calendar is provisional, says why, and lists Tết Nguyên đán; nobody edits it here', async () => {
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
  assert.equal(await page.getByRole('button', { name: /^Sửa/ }).count(), 0);
  assert.equal(await calendar.provinceSection.count(), 0, 'no province is shown to a visitor');
  await page.getByRole('link', { name: 'Năm 2028' }).click();
  await calendar.waitForPath('/lich-lam-viec/2028');
  await eventually(async () =>
    assert.equal(await calendar.heading.innerText(), 'Lịch nghỉ lễ, Tết và làm bù năm 2028'),
  );
  await screenshot(page, 'calendar-2028');
  assertNoProblems(problems);
  await context.close();
});

test("a desk officer sees the 2026 calendar and Hà Nội's own days without an editor", async () => {
  const { page, context, problems } = await openPage(browser);
  const signIn = new SignInPage(page);
  await signIn.goto('/lich-lam-viec/2026');
  await signIn.signInAs('desk.hang-trong');
  const calendar = new CalendarPage(page);
  await calendar.waitForPath('/lich-lam-viec/2026');
  await calendar.daysOffTable.waitFor();
  assert.equal(await calendar.provisionalBanner.count(), 0);
  await calendar.provinceSection.waitFor();
  // The section's heading is there before its days have loaded ("Đang tải…").
  await eventually(async () => assert.match(await calendar.provinceSection.innerText(), /Hà Nội/));
  assert.equal(await calendar.editButton().count(), 0);
  assertNoProblems(problems);
  await context.close();
});

test('the editor shows an API error beside the row it names', async () => {
  const signIn = new SignInPage(admin.page);
  await signIn.goto('/lich-lam-viec/2030');
  await signIn.signInAs('demo-admin');
  const calendar = new CalendarPage(admin.page);
  await calendar.editButton().click();
  await calendar.editor.waitFor();
  await admin.page.getByRole('button', { name: 'Thêm ngày làm bù' }).click();
  const row = calendar.row(/^Ngày làm bù 1/);
  await row.getByLabel('Ngày', { exact: true }).fill('09/10/2030');
  await row.getByLabel('Lý do', { exact: true }).fill('Thử: một ngày thường');
  await calendar.save.click();
  const date = row.getByLabel('Ngày', { exact: true });
  await eventually(async () => assert.equal(await date.getAttribute('aria-invalid'), 'true'));
  assert.match(await row.locator('.field-error').innerText(), /phải là Thứ Bảy hoặc Chủ nhật/);
  assert.match(await calendar.errorSummary.innerText(), /Chưa lưu được lịch/);
  await screenshot(admin.page, 'calendar-editor-error');
  await calendar.removeButton(/^Bỏ ngày làm bù Thứ Tư, 09\/10\/2030$/).click();
  assert.equal(await calendar.row(/^Ngày làm bù 1/).count(), 0);
});

test("demo-admin adds Wednesday 9/10/2030 as Hà Nội's own day off, saves and sees what changed", async () => {
  const calendar = new CalendarPage(admin.page);
  await admin.page.getByRole('button', { name: 'Thêm ngày nghỉ' }).click();
  const row = calendar.row(/^Ngày nghỉ 1/);
  await row.getByLabel('Ngày', { exact: true }).fill('09/10/2030');
  await row.getByLabel('Lý do', { exact: true }).fill('Nghỉ phục vụ lễ kỷ niệm của Thủ đô');
  await calendar.save.click();
  const summary = calendar.savedSummary;
  await summary.waitFor();
  assert.match(await summary.innerText(), /Đã lưu ngày riêng của .*Hà Nội năm 2030 \(phiên bản 1\)/);
  assert.match(
    await summary.innerText(),
    /Ngày nghỉ thêm\s+Thứ Tư, 09\/10\/2030 — Nghỉ phục vụ lễ kỷ niệm của Thủ đô/,
  );
  assert.ok((await calendar.provinceDaysOff()).some(([date]) => date === 'Thứ Tư, 09/10/2030'));
  // The national schedule itself is unchanged.
  assert.ok(!(await calendar.daysOff()).some(([date]) => date === 'Thứ Tư, 09/10/2030'));
  await screenshot(admin.page, 'calendar-saved');
});

test('the explainer counts the day off for a Hà Nội agency, not for the national schedule alone', async () => {
  const due = new DueTimePage(admin.page);
  await due.navLink('Tính hạn').click();
  await due.waitForPath('/tinh-han');
  await due.compute('2030-10-07T10:00', '2');
  await eventually(async () => assert.equal(await due.dueAt.innerText(), '10:00 Thứ Tư, 09/10/2030'));
  await due.agency.selectOption({ index: 1 });
  await due.submit.click();
  await eventually(async () => assert.equal(await due.dueAt.innerText(), '10:00 Thứ Năm, 10/10/2030'));
  const trail = await due.trail();
  assert.ok(
    trail.some((line) => line.includes('Nghỉ phục vụ lễ kỷ niệm của Thủ đô')),
    trail.join(' | '),
  );
  await screenshot(admin.page, 'due-time-2030-10-07');
  assertNoProblems(admin.problems);
});

test('a save over a newer version is refused with a reload message', async () => {
  const calendar = new CalendarPage(admin.page);
  await calendar.goto(2031);
  await calendar.editButton().click();
  await calendar.editor.waitFor();
  // Someone else saves Hà Nội's 2031 meanwhile (no days, so other journeys see no difference).
  const put = await admin.page.request.put('/api/v1/provinces/01/calendars/2031', {
    headers: { origin: BASE_URL },
    data: { version: 0, daysOff: [], workingDays: [] },
  });
  assert.equal(put.status(), 200);
  await calendar.save.click();
  const alert = calendar.editor.getByRole('alert').filter({ hasText: 'vừa được người khác sửa' });
  await alert.waitFor();
  await alert.getByRole('button', { name: 'Tải lại lịch' }).click();
  await calendar.editButton().waitFor();
  assertNoProblems(admin.problems);
});
