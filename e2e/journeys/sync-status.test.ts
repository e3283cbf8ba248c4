// #16.5 The operators' screen of the sync with the National Public Service Portal: the province
// administrator opens it from "Quản trị" and reads what the demo sent (the summary and the agencies,
// from the server); a record that gave up (planted: the demo portal does not refuse long enough for one)
// shows its dossier and the portal's reason, and "Gửi lại" sends the re-drive request and says so,
// focused. The auditor reads the status from the home page, without the records that gave up.
// axe-core on each view.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';

const TITLE = 'Đồng bộ với Cổng Dịch vụ công quốc gia';
const PATH = '/quan-tri/dong-bo-dvcqg';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

const DEAD = {
  id: '424242',
  topic: 'portal.dossier-status',
  key: 'H26.104-261120-0042',
  status: 'dead',
  attempts: 12,
  createdAt: '2026-11-20T02:00:00.000Z',
  availableAt: '2026-11-20T09:00:00.000Z',
  deliveredAt: null,
  lastError: 'portal answered error_code 9: MaTTHC không tồn tại',
  dossierStatus: 'processing',
  dossierVersion: 3,
  agencyCode: 'H26.104',
};

test('the province administrator reads the sync and sends a record that gave up again', async () => {
  const { page, problems } = await openPage(browser, { bypassCSP: true });
  let redriven: string | null = null;
  await page.route('**/api/v1/sync/messages?*', (route) =>
    route.fulfill({ json: { total: redriven ? 0 : 1, items: redriven ? [] : [DEAD] } }),
  );
  await page.route(`**/api/v1/sync/messages/${DEAD.id}/redrive`, (route) => {
    redriven = route.request().method();
    return route.fulfill({ json: { ...DEAD, status: 'pending', attempts: 0 } });
  });
  const signIn = new SignInPage(page);
  await signIn.goto('/quan-tri');
  await signIn.signIn('demo-admin', 'demo');
  await signIn.waitForPath('/quan-tri');
  await page.getByRole('link', { name: TITLE }).click();
  await signIn.waitForPath(PATH);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  // The server's own figures: the demo's dossiers were sent when the server started.
  const delivered = page.locator('dt', { hasText: 'Đã gửi thành công' }).locator('xpath=../dd');
  await eventually(async () => {
    await page.reload();
    await delivered.waitFor();
    assert.ok(Number((await delivered.innerText()).replace(/\D/g, '')) > 0, await delivered.innerText());
  }, 30_000);
  await page.getByRole('table', { name: 'Theo cơ quan tiếp nhận (chậm nhất trước)' }).waitFor();
  // The record that gave up: its dossier, the status it carried, the portal's reason.
  const row = page.getByRole('row', { name: new RegExp(DEAD.key.replace(/\./g, '\\.')) });
  await row.waitFor();
  assert.match(await row.innerText(), /Đang xử lý/);
  assert.match(await row.innerText(), /MaTTHC không tồn tại/);
  await assertAccessible(page, 'the sync page with a record that gave up');
  await screenshot(page, 'sync-status');
  await row.getByRole('button', { name: `Gửi lại ${DEAD.key}` }).click();
  const notice = page.getByRole('status').filter({ hasText: 'hàng chờ gửi lại' });
  await notice.waitFor();
  assert.equal(redriven, 'POST');
  assert.equal(await notice.innerText(), `Đã đưa bản ghi của hồ sơ ${DEAD.key} vào hàng chờ gửi lại.`);
  assert.ok(await notice.evaluate((el) => el === document.activeElement), 'the outcome is focused');
  await eventually(async () =>
    assert.equal(await page.getByText('Không có bản ghi nào đã dừng.').count(), 1),
  );
  assertNoProblems(problems);
  await page.context().close();
});

test('the auditor reads the status from the home page, without the records that gave up', async () => {
  const { page, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto('/');
  await signIn.signInAs('auditor.ha-noi');
  await page.getByRole('link', { name: TITLE }).click();
  await signIn.waitForPath(PATH);
  await page.locator('dt', { hasText: 'Đã gửi thành công' }).waitFor();
  await page.getByText('Thanh tra chỉ xem tình trạng').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Bản ghi đã dừng' }).count(), 0);
  await assertAccessible(page, 'the sync page as the auditor');
  assertNoProblems(problems);
  await page.context().close();
});
