// A ward desk officer's reach is the ward: the tree holds Phường Hàng Trống alone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { SignInPage } from '../pages/sign-in-page.ts';
import { UnitTreePage } from '../pages/unit-tree-page.ts';
import { assertNoProblems, eventually, launchBrowser, openPage, type TestPage } from '../support/browser.ts';

let browser: Browser;
let tp: TestPage;

before(async () => {
  browser = await launchBrowser();
  tp = await openPage(browser);
});

after(async () => {
  await browser?.close();
});

test('desk.hang-trong sees only Phường Hàng Trống, with nothing above it to open', async () => {
  const signIn = new SignInPage(tp.page);
  await signIn.goto();
  await signIn.signInAs('desk.hang-trong');
  assert.match(await signIn.userRole.innerText(), /Cán bộ một cửa/);

  const tree = new UnitTreePage(tp.page);
  await tree.goto();
  await tree.treeItem('Phường Hàng Trống').waitFor();
  assert.deepEqual(await tree.treeItemNames(), ['Phường Hàng Trống']);
  assert.equal(await tree.treeItem('Thành phố Hà Nội').count(), 0);
  assert.equal(await tree.treeItems.count(), 1);
  assert.equal(await tree.treeItem('Phường Hàng Trống').getAttribute('aria-expanded'), null);
});

test('the ward officer sees the ward committee, and a search finds nothing outside the ward', async () => {
  const tree = new UnitTreePage(tp.page);
  await tree.select('Phường Hàng Trống');
  await eventually(async () => {
    assert.deepEqual(await tree.agencyNames(), ['Ủy ban nhân dân Phường Hàng Trống']);
  });
  // The search matches the units above too: "hoan kiem" finds the ward itself (in Quận Hoàn Kiếm),
  // not the district nor its other wards.
  await tree.search('hoan kiem');
  await eventually(async () => {
    const found = await tree.searchEntries();
    assert.equal(found.length, 1, found.join(' | '));
    assert.match(found[0]!, /^Phường Hàng Trống\s+Quận Hoàn Kiếm, Thành phố Hà Nội$/);
  });
  await tree.search('hang bac');
  await eventually(async () => {
    assert.equal(await tree.searchStatus.innerText(), 'Không tìm thấy đơn vị hành chính nào phù hợp.');
  });
  assertNoProblems(tp.problems);
});
