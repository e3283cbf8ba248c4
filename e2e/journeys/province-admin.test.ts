// A province administrator signs in with the keyboard alone, walks the tree of Hà Nội down to a
// ward, finds the same ward by a search without diacritics and sees its agencies.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { HomePage } from '../pages/home-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import { UNITS_PATH, UnitTreePage } from '../pages/unit-tree-page.ts';
import {
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
  type TestPage,
} from '../support/browser.ts';

let browser: Browser;
let tp: TestPage;

before(async () => {
  browser = await launchBrowser();
  tp = await openPage(browser);
});

after(async () => {
  await browser?.close();
});

test('asking for the tree while signed out leads to sign-in, then back to the tree (keyboard only)', async () => {
  const { page } = tp;
  await page.goto(UNITS_PATH);
  const signIn = new SignInPage(page);
  await signIn.waitForPath('/dang-nhap');
  assert.equal(new URL(page.url()).searchParams.get('next'), UNITS_PATH);
  assert.equal(await signIn.heading.innerText(), 'Đăng nhập dành cho cán bộ');
  await signIn.signInWithKeyboard('demo-admin', 'demo');
  await signIn.waitForPath(UNITS_PATH);
  assert.equal(await signIn.userName.innerText(), 'Nguyễn Văn Hùng');
  assert.match(await signIn.userRole.innerText(), /Quản trị cấp tỉnh/);
});

test('the tree starts at Thành phố Hà Nội and opens down to Phường Hoàn Kiếm', async () => {
  const tree = new UnitTreePage(tp.page);
  await tree.tree.waitFor();
  assert.deepEqual(await tree.treeItemNames(), ['Thành phố Hà Nội']);
  await tree.expandWithKeyboard('Thành phố Hà Nội');
  // Since 1/7/2025 the city's 126 wards and communes are directly under it.
  const communes = await tree.childNames('Thành phố Hà Nội');
  assert.equal(communes.length, 126);
  assert.ok(communes.includes('Phường Hoàn Kiếm'));
  await tree.treeItem('Phường Hoàn Kiếm').waitFor();
  // A ward is the lowest level: nothing to open.
  assert.equal(await tree.treeItem('Phường Hoàn Kiếm').getAttribute('aria-expanded'), null);
  await screenshot(tp.page, 'tree-expanded');
});

test('a search without diacritics finds Phường Hoàn Kiếm and shows its agencies', async () => {
  const tree = new UnitTreePage(tp.page);
  await tree.search('hoan kiem');
  const result = tree.searchResult('Phường Hoàn Kiếm');
  await result.waitFor();
  assert.match(await result.innerText(), /Thành phố Hà Nội/);
  await result.click();
  await eventually(async () => {
    assert.equal(await tree.agenciesHeading.innerText(), 'Cơ quan thuộc Phường Hoàn Kiếm');
    assert.ok((await tree.agencyNames()).includes('Ủy ban nhân dân Phường Hoàn Kiếm'));
  });
  assert.equal(await tree.treeItem('Phường Hoàn Kiếm').getAttribute('aria-selected'), 'true');
  await screenshot(tp.page, 'tree-search-selected');
});

test('selecting a unit in the tree with Enter lists its agencies', async () => {
  const tree = new UnitTreePage(tp.page);
  await tree.treeItem('Thành phố Hà Nội').focus();
  await tp.page.keyboard.press('Enter');
  await eventually(async () => {
    assert.equal(await tree.agenciesHeading.innerText(), 'Cơ quan thuộc Thành phố Hà Nội');
    assert.ok((await tree.agencyNames()).includes('Ủy ban nhân dân Thành phố Hà Nội'));
  });
  // Left closes the open city, and focus stays on it.
  await tp.page.keyboard.press('ArrowLeft');
  assert.equal(await tree.treeItem('Thành phố Hà Nội').getAttribute('aria-expanded'), 'false');
  assert.equal(await tree.treeItem('Phường Hoàn Kiếm').count(), 0);
});

test('choosing a search result opens the tree down to it', async () => {
  const tree = new UnitTreePage(tp.page);
  // Thành phố Hà Nội was closed by the previous step.
  assert.equal(await tree.treeItem('Phường Cửa Nam').count(), 0);
  await tree.search('Cửa Nam');
  await tree.searchResult('Phường Cửa Nam').click();
  await eventually(async () => {
    assert.equal(await tree.treeItem('Phường Cửa Nam').getAttribute('aria-selected'), 'true');
    assert.equal(await tree.treeItem('Thành phố Hà Nội').getAttribute('aria-expanded'), 'true');
    assert.ok((await tree.agencyNames()).includes('Ủy ban nhân dân Phường Cửa Nam'));
  });
  // The tree's single tab stop is now the chosen ward.
  assert.equal(await tree.treeItem('Phường Cửa Nam').getAttribute('tabindex'), '0');
});

test('the home page greets the administrator with the role and agency', async () => {
  const home = new HomePage(tp.page);
  await home.navLink('Trang chủ').click();
  await home.waitForPath('/');
  assert.equal(await home.heading.innerText(), 'Xin chào, Nguyễn Văn Hùng');
  assert.deepEqual(await home.roles.allInnerTexts(), [
    'Quản trị cấp tỉnh tại Ủy ban nhân dân Thành phố Hà Nội',
  ]);
  // After an in-app navigation the new page's heading has the focus.
  assert.equal(await tp.page.evaluate(() => document.activeElement?.tagName), 'H1');
  await home.unitsLink().click();
  await home.waitForPath(UNITS_PATH);
  assertNoProblems(tp.problems);
});
