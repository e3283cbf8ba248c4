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

test('the tree starts at Thành phố Hà Nội and opens down to Phường Hàng Trống', async () => {
  const tree = new UnitTreePage(tp.page);
  await tree.tree.waitFor();
  assert.deepEqual(await tree.treeItemNames(), ['Thành phố Hà Nội']);
  await tree.expandWithKeyboard('Thành phố Hà Nội');
  const districts = await tree.childNames('Thành phố Hà Nội');
  assert.equal(districts.length, 30);
  assert.ok(districts.includes('Quận Hoàn Kiếm'));
  await tree.treeItem('Quận Hoàn Kiếm').waitFor();
  await tree.expandWithPointer('Quận Hoàn Kiếm');
  await tree.treeItem('Phường Hàng Trống').waitFor();
  // A ward is the lowest level: nothing to open.
  assert.equal(await tree.treeItem('Phường Hàng Trống').getAttribute('aria-expanded'), null);
  await screenshot(tp.page, 'tree-expanded');
});

test('a search without diacritics finds Phường Hàng Trống and shows its agencies', async () => {
  const tree = new UnitTreePage(tp.page);
  await tree.search('hang trong');
  const result = tree.searchResult('Phường Hàng Trống');
  await result.waitFor();
  assert.match(await result.innerText(), /Quận Hoàn Kiếm, Thành phố Hà Nội/);
  await result.click();
  await eventually(async () => {
    assert.equal(await tree.agenciesHeading.innerText(), 'Cơ quan thuộc Phường Hàng Trống');
    assert.ok((await tree.agencyNames()).includes('Ủy ban nhân dân Phường Hàng Trống'));
  });
  assert.equal(await tree.treeItem('Phường Hàng Trống').getAttribute('aria-selected'), 'true');
  await screenshot(tp.page, 'tree-search-selected');
});

test('selecting a unit in the tree with Enter lists its agencies', async () => {
  const tree = new UnitTreePage(tp.page);
  await tree.treeItem('Quận Hoàn Kiếm').focus();
  await tp.page.keyboard.press('Enter');
  await eventually(async () => {
    assert.equal(await tree.agenciesHeading.innerText(), 'Cơ quan thuộc Quận Hoàn Kiếm');
    assert.ok((await tree.agencyNames()).includes('Ủy ban nhân dân Quận Hoàn Kiếm'));
  });
  // Left closes the open district, and focus stays on it.
  await tp.page.keyboard.press('ArrowLeft');
  assert.equal(await tree.treeItem('Quận Hoàn Kiếm').getAttribute('aria-expanded'), 'false');
  assert.equal(await tree.treeItem('Phường Hàng Trống').count(), 0);
});

test('choosing a search result opens the tree down to it', async () => {
  const tree = new UnitTreePage(tp.page);
  // Quận Hoàn Kiếm was closed by the previous step.
  assert.equal(await tree.treeItem('Phường Hàng Bạc').count(), 0);
  await tree.search('Hàng Bạc');
  await tree.searchResult('Phường Hàng Bạc').click();
  await eventually(async () => {
    assert.equal(await tree.treeItem('Phường Hàng Bạc').getAttribute('aria-selected'), 'true');
    assert.equal(await tree.treeItem('Quận Hoàn Kiếm').getAttribute('aria-expanded'), 'true');
    assert.ok((await tree.agencyNames()).includes('Ủy ban nhân dân Phường Hàng Bạc'));
  });
  // The tree's single tab stop is now the chosen ward.
  assert.equal(await tree.treeItem('Phường Hàng Bạc').getAttribute('tabindex'), '0');
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
