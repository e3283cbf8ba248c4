// axe-core (WCAG 2.0/2.1 A and AA) on every main page, no layout shift on load, and a 360 px
// wide screen without horizontal scrolling. Screenshots of each page land in .tmp/screenshots/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { HomePage } from '../pages/home-page.ts';
import { NotFoundPage } from '../pages/not-found-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import { UnitTreePage } from '../pages/unit-tree-page.ts';
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

test('sign-in, home, tree and 404 pages have no serious or critical axe violation', async () => {
  const { page, problems } = await openPage(browser, { bypassCSP: true });
  const notFound = new NotFoundPage(page);
  await notFound.goto();
  assert.equal(await notFound.heading.innerText(), 'Không tìm thấy trang');
  await assertAccessible(page, 'the 404 page (signed out)');
  await screenshot(page, 'not-found');

  const signIn = new SignInPage(page);
  await signIn.goto();
  await assertAccessible(page, 'the sign-in page');
  await screenshot(page, 'sign-in');
  await signIn.submit.click();
  await signIn.alert.locator('li').first().waitFor();
  await assertAccessible(page, 'the sign-in page with errors');

  await signIn.signInAs('demo-admin');
  const home = new HomePage(page);
  await home.heading.waitFor();
  await assertAccessible(page, 'the home page');
  await screenshot(page, 'home');

  const tree = new UnitTreePage(page);
  await home.unitsLink().click();
  await tree.tree.waitFor();
  await tree.expandWithKeyboard('Thành phố Hà Nội');
  await tree.select('Phường Hoàn Kiếm');
  await tree.agenciesTable.waitFor();
  await tree.search('hoan');
  await tree.searchResult('Phường Hoàn Kiếm').waitFor();
  await assertAccessible(page, 'the tree page');
  await screenshot(page, 'tree');

  await notFound.goto('/quan-tri/khong-co');
  await assertAccessible(page, 'the 404 page (signed in)');
  assertNoProblems(problems);
  await page.context().close();
});

test('pages load without layout shift', async () => {
  const { page, context } = await openPage(browser);
  await page.goto('/dang-nhap');
  await new SignInPage(page).heading.waitFor();
  assert.ok((await layoutShift(page)) < 0.05, 'sign-in page shifted');
  await new SignInPage(page).signInAs('demo-admin');
  await page.goto('/quan-tri/don-vi');
  await new UnitTreePage(page).treeItem('Thành phố Hà Nội').waitFor();
  const cls = await layoutShift(page);
  assert.ok(cls < 0.05, `tree page cumulative layout shift ${cls}`);
  await context.close();
});

test('at 360×740 the tree page has no horizontal scroll', async () => {
  const { page, context, problems } = await openPage(browser, { viewport: { width: 360, height: 740 } });
  const signIn = new SignInPage(page);
  await signIn.goto('/quan-tri/don-vi');
  await screenshot(page, 'sign-in-360', { fullPage: false });
  await signIn.signInAs('demo-admin');
  const tree = new UnitTreePage(page);
  await tree.tree.waitFor();
  await tree.expandWithPointer('Thành phố Hà Nội');
  await tree.select('Phường Hoàn Kiếm');
  await tree.agenciesTable.waitFor();
  await tree.search('hoan kiem');
  await tree.searchResult('Phường Hoàn Kiếm').waitFor();
  await eventually(async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page is ${width} px wide`);
  });
  await screenshot(page, 'tree-360');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'tree-360-top', { fullPage: false });
  assertNoProblems(problems);
  await context.close();
});
