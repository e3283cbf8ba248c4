// A ward desk officer's reach is the ward: the tree holds Phường Hoàn Kiếm (desk.hang-trong's ward) alone.
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

test('desk.hang-trong sees only Phường Hoàn Kiếm, with nothing above it to open', async () => {
  const signIn = new SignInPage(tp.page);
  await signIn.goto();
  await signIn.signInAs('desk.hang-trong');
  assert.match(await signIn.userRole.innerText(), /Cán bộ một cửa/);

  const tree = new UnitTreePage(tp.page);
  await tree.goto();
  await tree.treeItem('Phường Hoàn Kiếm').waitFor();
  assert.deepEqual(await tree.treeItemNames(), ['Phường Hoàn Kiếm']);
  assert.equal(await tree.treeItem('Thành phố Hà Nội').count(), 0);
  assert.equal(await tree.treeItems.count(), 1);
  assert.equal(await tree.treeItem('Phường Hoàn Kiếm').getAttribute('aria-expanded'), null);
});

test('the ward officer sees the ward committee, and a search finds nothing outside the ward', async () => {
  const tree = new UnitTreePage(tp.page);
  await tree.select('Phường Hoàn Kiếm');
  await eventually(async () => {
    assert.deepEqual(await tree.agencyNames(), ['Ủy ban nhân dân Phường Hoàn Kiếm']);
  });
  // The search matches the units above too: "ha noi" finds the ward itself (in Thành phố Hà Nội),
  // not the city nor its other wards.
  await tree.search('ha noi');
  await eventually(async () => {
    const found = await tree.searchEntries();
    assert.equal(found.length, 1, found.join(' | '));
    assert.match(found[0]!, /^Phường Hoàn Kiếm\s+Thành phố Hà Nội$/);
  });
  await tree.search('cua nam');
  await eventually(async () => {
    assert.equal(await tree.searchStatus.innerText(), 'Không tìm thấy đơn vị hành chính nào phù hợp.');
  });
  assertNoProblems(tp.problems);
});
