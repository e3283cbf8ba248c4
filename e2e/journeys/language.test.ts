// Vietnamese by default; English on request, remembered across reloads and sign-in.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { HomePage } from '../pages/home-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
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

test('the switch turns the labels English and the choice survives a reload', async () => {
  const signIn = new SignInPage(tp.page);
  await signIn.goto();
  assert.equal(await signIn.htmlLang(), 'vi');
  await signIn.field('Tên đăng nhập').waitFor();
  await signIn.languageButton('English').click();
  await signIn.field('Username').waitFor();
  await signIn.field('Password').waitFor();
  assert.equal(await signIn.heading.innerText(), 'Staff sign-in');
  assert.equal(await signIn.htmlLang(), 'en');
  assert.match(
    await tp.page.title(),
    /^Sign in – Electronic one-stop information system – Thành phố Hà Nội$/,
  );
  assert.equal(await signIn.header.locator('.brand-province').innerText(), 'THÀNH PHỐ HÀ NỘI');
  assert.equal(await signIn.header.locator('.brand-province').getAttribute('lang'), 'vi');

  await tp.page.reload();
  await signIn.heading.waitFor();
  assert.equal(await signIn.heading.innerText(), 'Staff sign-in');
  assert.equal(await signIn.htmlLang(), 'en');
  await screenshot(tp.page, 'sign-in-en');
});

test('English errors and pages after sign-in; switching back restores Vietnamese', async () => {
  const signIn = new SignInPage(tp.page);
  await signIn.signIn('desk.hoan-kiem', 'wrong');
  await eventually(async () => {
    assert.match(await signIn.alert.innerText(), /The username or password is incorrect\./);
  });
  await signIn.signInAs('desk.hoan-kiem');
  const home = new HomePage(tp.page);
  assert.equal(await home.heading.innerText(), 'Welcome, Ngô Thị Thu Trang');
  assert.deepEqual(await home.roles.allInnerTexts(), [
    'One-stop desk officer at Ủy ban nhân dân Thành phố Hà Nội',
  ]);
  await home.navLink('Administrative units').waitFor();
  await screenshot(tp.page, 'home-en');

  await home.languageButton('Tiếng Việt').click();
  await home.navLink('Đơn vị hành chính').waitFor();
  assert.equal(await home.heading.innerText(), 'Xin chào, Ngô Thị Thu Trang');
  assert.equal(await home.htmlLang(), 'vi');
  await tp.page.reload();
  await home.heading.waitFor();
  assert.equal(await home.heading.innerText(), 'Xin chào, Ngô Thị Thu Trang');
  assertNoProblems(tp.problems);
});
