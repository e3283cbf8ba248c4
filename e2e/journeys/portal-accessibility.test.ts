// axe-core (WCAG 2.0/2.1 A and AA) on the public portal, a procedure, the calendar (and its editor)
// and the due-time explainer; the portal and a procedure on a 360 px wide screen without
// horizontal scrolling. Screenshots land in .tmp/screenshots/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CalendarPage } from '../pages/calendar-page.ts';
import { DueTimePage } from '../pages/due-time-page.ts';
import { PortalPage } from '../pages/portal-page.ts';
import { ProcedurePage } from '../pages/procedure-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  layoutShift,
  openPage,
  screenshot,
} from '../support/browser.ts';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function assertNoSideScroll(page: Page, width: number): Promise<void> {
  await eventually(async () => {
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= width, `the page is ${scroll} px wide`);
  });
}

test('portal, procedure, calendar and explainer have no serious or critical axe violation', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const portal = new PortalPage(page);
  await portal.goto();
  await portal.type('khai sinh');
  await portal.result('Thủ tục đăng ký khai sinh').waitFor();
  await assertAccessible(page, 'the portal home with results');

  const procedure = new ProcedurePage(page);
  await procedure.goto('1.001193');
  await procedure.expectedLine.waitFor();
  await assertAccessible(page, 'the procedure page');

  const calendar = new CalendarPage(page);
  await calendar.goto(2027);
  await calendar.provisionalBanner.waitFor();
  await assertAccessible(page, 'the calendar page');
  await screenshot(page, 'calendar-2027');

  const due = new DueTimePage(page);
  await due.goto();
  await due.submit.click();
  await page.locator('.error-summary').waitFor();
  await assertAccessible(page, 'the explainer with an error');
  await due.compute('2027-02-03T14:00', '3');
  await due.dueAt.waitFor();
  assert.match(await page.locator('.due-result').innerText(), /lịch tạm tính/);
  await assertAccessible(page, 'the explainer with a result');
  await screenshot(page, 'due-time-2027');
  assertNoProblems(problems);
  await context.close();
});

test('the calendar editor has no serious or critical axe violation', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto('/lich-lam-viec/2027');
  await signIn.signInAs('demo-admin');
  const calendar = new CalendarPage(page);
  await calendar.editButton().click();
  await calendar.editor.waitFor();
  await assertAccessible(page, 'the calendar editor');
  await screenshot(page, 'calendar-editor-2027');
  await page.goto('/quan-tri/gio-lam-viec/H26');
  await page.getByRole('button', { name: 'Sửa giờ làm việc' }).click();
  await page.getByRole('region', { name: 'Sửa giờ làm việc' }).waitFor();
  await assertAccessible(page, 'the office hours editor');
  await screenshot(page, 'office-hours-editor');
  assertNoProblems(problems);
  await context.close();
});

test('the portal and a procedure load without layout shift', async () => {
  const { page, context } = await openPage(browser);
  const portal = new PortalPage(page);
  await portal.goto();
  await eventually(async () => assert.match(await portal.status.innerText(), /^\d+ thủ tục/));
  const portalShift = await layoutShift(page);
  assert.ok(portalShift < 0.05, `portal cumulative layout shift ${portalShift}`);
  const procedure = new ProcedurePage(page);
  await procedure.goto('1.001193');
  await procedure.expectedLine.waitFor();
  const procedureShift = await layoutShift(page);
  assert.ok(procedureShift < 0.05, `procedure page cumulative layout shift ${procedureShift}`);
  await context.close();
});

test('at 360×740 the portal and a procedure have no horizontal scroll', async () => {
  const { page, context, problems } = await openPage(browser, { viewport: { width: 360, height: 740 } });
  const portal = new PortalPage(page);
  await portal.goto();
  // The signed-out navigation fits on one line: nothing moves when it appears. It renders with the
  // session check, after the page's first paint: measured once it is there.
  await page.locator('.nav-list a').last().waitFor();
  const nav = await page
    .locator('.nav-list a')
    .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().top));
  assert.equal(new Set(nav).size, 1, `navigation wraps: ${JSON.stringify(nav)}`);
  await portal.type('khai sinh');
  await eventually(async () => assert.equal(await portal.status.innerText(), '9 thủ tục.'));
  await assertNoSideScroll(page, 360);
  await screenshot(page, 'portal-360');

  const procedure = new ProcedurePage(page);
  await procedure.goto('1.001193');
  await procedure.expectedLine.waitFor();
  await assertNoSideScroll(page, 360);
  await screenshot(page, 'procedure-360');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'procedure-360-top', { fullPage: false });

  const calendar = new CalendarPage(page);
  await calendar.goto(2027);
  await assertNoSideScroll(page, 360);
  await screenshot(page, 'calendar-360');

  const due = new DueTimePage(page);
  await due.goto();
  await due.compute('2026-11-20T16:00', '3');
  await due.dueAt.waitFor();
  await assertNoSideScroll(page, 360);
  await screenshot(page, 'due-time-360');
  assertNoProblems(problems);
  await context.close();
});
