// Sign-in failures are explained where they happen; signing out ends the session.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { SignInPage, SIGN_IN_PATH } from '../pages/sign-in-page.ts';
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

test('a wrong password shows the Vietnamese error in the alert above the form', async () => {
  const signIn = new SignInPage(tp.page);
  await signIn.goto();
  await signIn.signIn('leader.hang-trong', 'sai-mat-khau');
  await eventually(async () => {
    assert.match(await signIn.alert.innerText(), /Tên đăng nhập hoặc mật khẩu không đúng\./);
  });
  assert.equal(await signIn.pathname(), SIGN_IN_PATH);
  // The password is selected for retyping.
  assert.equal(await tp.page.evaluate(() => document.activeElement?.id), 'sign-in-password');
  await screenshot(tp.page, 'sign-in-wrong-password');
});

test('empty fields: each error from the API is shown beside its field and listed in the summary', async () => {
  const signIn = new SignInPage(tp.page);
  await signIn.goto();
  await signIn.submit.click();
  await eventually(async () => {
    assert.equal(await signIn.username.getAttribute('aria-invalid'), 'true');
    assert.equal(await signIn.password.getAttribute('aria-invalid'), 'true');
  });
  assert.equal(await signIn.fieldError(signIn.username), 'Cần ít nhất 1 ký tự.');
  assert.equal(await signIn.fieldError(signIn.password), 'Cần ít nhất 1 ký tự.');
  assert.equal(await signIn.alert.locator('li').count(), 2);
  assert.equal(await tp.page.evaluate(() => document.activeElement?.id), 'sign-in-username');
  await screenshot(tp.page, 'sign-in-field-errors');
});

/** The province department's leader: no other journey signs in as them. */
const LOCKED_OUT = 'leader.stp-ha-noi';

test('after too many failures from one place the message gives the minutes to wait', async () => {
  const signIn = new SignInPage(tp.page);
  // Five failures through the API (as a script would), the sixth attempt through the form. An account no
  // other journey signs in with: it stays paused for a minute from this address.
  for (let i = 0; i < 5; i++) {
    const response = await tp.page.request.post('/api/v1/auth/login', {
      data: { username: LOCKED_OUT, password: `sai-${i}` },
    });
    assert.ok([401, 429].includes(response.status()), `unexpected ${response.status()}`);
  }
  await signIn.goto();
  await signIn.signIn(LOCKED_OUT, 'demo');
  // The first wait is LOGIN_BACKOFF_SECONDS (60 by default), doubling each time (ADR 0010).
  const text = await eventually(async () => {
    const alert = await signIn.alert.innerText();
    assert.match(alert, /tạm khóa/);
    return alert;
  });
  const minutes = Number(/thử lại sau (\d+) phút/.exec(text)?.[1]);
  assert.ok(minutes >= 1 && minutes <= 15, `no lockout minutes in: ${text}`);
});

test('signing out returns to the sign-in page, and / then asks to sign in again', async () => {
  const signIn = new SignInPage(tp.page);
  await signIn.goto();
  await signIn.signInAs('specialist.hang-trong');
  assert.equal(await signIn.pathname(), '/');
  await signIn.signOutButton().click();
  await signIn.waitForPath(SIGN_IN_PATH);
  await eventually(async () => {
    assert.match(await tp.page.getByRole('status').first().innerText(), /Bạn đã đăng xuất/);
  });
  assert.equal(await signIn.userName.count(), 0);
  await tp.page.goto('/');
  await signIn.waitForPath(SIGN_IN_PATH);
  await signIn.username.waitFor();
  const me = await tp.page.request.get('/api/v1/auth/me');
  assert.equal(me.status(), 401);
  assertNoProblems(tp.problems);
});
