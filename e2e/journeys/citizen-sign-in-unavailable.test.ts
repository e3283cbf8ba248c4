// A citizen asks to sign in while the identity provider cannot be reached: the server sends the
// browser (303) to the citizen sign-in page with ?loi=SERVICE_UNAVAILABLE (server/modules/citizens,
// citizens.routes.test.ts: the redirect against a provider that is gone). Here the server's answer is
// planted, as the demo's provider runs inside the server: the page says so in Vietnamese, offers the
// lookup by code meanwhile and signing in again to the page the citizen came from; in English too.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CITIZEN_SIGN_IN_PATH, MY_DOSSIERS_PATH, MyDossiersPage } from '../pages/citizen-pages.ts';
import {
  assertAccessible,
  assertNoProblems,
  launchBrowser,
  openPage,
  screenshot,
  type TestPage,
} from '../support/browser.ts';

let browser: Browser;
let tp: TestPage;

before(async () => {
  browser = await launchBrowser();
  tp = await openPage(browser, { viewport: { width: 360, height: 740 }, bypassCSP: true });
});

after(async () => {
  await browser?.close();
});

test('the identity provider is down: the sign-in page says so, with the lookup and a way to try again', async () => {
  const { page } = tp;
  await page.route('**/api/v1/citizen/sign-in*', (route) => {
    const next = new URL(route.request().url()).searchParams.get('next') ?? '';
    return route.fulfill({
      status: 303,
      headers: {
        location: `${CITIZEN_SIGN_IN_PATH}?${new URLSearchParams({ loi: 'SERVICE_UNAVAILABLE', next }).toString()}`,
      },
    });
  });
  const my = new MyDossiersPage(page);
  await my.goto();
  await my.signInButton.click();
  await page.waitForURL((url) => url.pathname === CITIZEN_SIGN_IN_PATH);
  assert.equal(new URL(page.url()).searchParams.get('loi'), 'SERVICE_UNAVAILABLE');
  assert.equal(await my.heading.innerText(), 'Chưa đăng nhập được');
  const alert = await my.alert.innerText();
  assert.match(alert, /Không kết nối được với nhà cung cấp định danh\. Vui lòng thử lại sau ít phút\./);
  assert.match(alert, /Trong lúc chờ, bạn vẫn tra cứu được tình trạng hồ sơ theo mã mà không cần đăng nhập:/);
  assert.equal(await my.alert.getByRole('link', { name: 'Tra cứu hồ sơ' }).getAttribute('href'), '/tra-cuu');
  // Trying again goes back to where the citizen was.
  const again = new URL((await my.signInButton.getAttribute('href')) ?? '', 'http://x');
  assert.equal(again.searchParams.get('next'), MY_DOSSIERS_PATH);
  await assertAccessible(page, 'citizen sign-in, provider unavailable');
  await screenshot(page, 'citizen-sign-in-unavailable');

  await my.languageButton('English').click();
  await page.getByRole('heading', { level: 1, name: 'Sign-in did not succeed' }).waitFor();
  const en = await my.alert.innerText();
  assert.match(en, /The identity provider could not be reached\. Please try again in a few minutes\./);
  assert.match(en, /Meanwhile you can still look a dossier up by its code without signing in:/);
  await my.languageButton('Tiếng Việt').click();
  await my.heading.waitFor();
  assertNoProblems(tp.problems);
});
