// #16.2 The agency registry: the province administrator opens "Cơ quan và mã định danh" from Quản trị,
// imports a code list the test writes (a CSV with one bad row: a code in lower case), sees the trial
// run name that row and its problem while "Áp dụng" stays unavailable, fixes the file, runs it again,
// applies it, and finds the agency with its new code. axe-core on the page with the plan.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { PlacePickerPart } from '../pages/place-picker.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';

const TITLE = 'Cơ quan và mã định danh';
const PATH = '/quan-tri/co-quan';
const NEW_CODE = 'H26.08.901';

let browser: Browser;
let dir: string;

before(async () => {
  browser = await launchBrowser();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-codes-'));
});

after(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes the province's list as a person would save it from Excel: UTF-8 with a BOM, semicolons. */
function writeList(name: string, rows: string[]): string {
  const file = path.join(dir, name);
  const header = 'Mã định danh;Tên cơ quan;Mã cơ quan cấp trên;Cấp;Mã cũ';
  fs.writeFileSync(file, `\uFEFF${[header, ...rows].join('\r\n')}\r\n`, 'utf8');
  return file;
}

test('the province administrator imports a code list: the bad row named, fixed, applied, the new code on the agency', async () => {
  const { page, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto('/quan-tri');
  await signIn.signIn('demo-admin', 'demo');
  await signIn.waitForPath('/quan-tri');
  await page.getByRole('link', { name: TITLE }).click();
  await signIn.waitForPath(PATH);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

  // The police of two communes, as the registry codes them today.
  const police = async (q: string) => {
    const res = await page.request.get(`/api/v1/agencies?kind=police&q=${encodeURIComponent(q)}`);
    assert.equal(res.status(), 200);
    const { items } = (await res.json()) as { items: { code: string; name: string }[] };
    assert.equal(items.length, 1, JSON.stringify(items));
    return items[0]!.code;
  };
  const thanhOai = await police('cong an xa thanh oai');
  const myDuc = await police('cong an xa my duc');

  const section = page.getByRole('region', { name: 'Nhập mã định danh' });
  const apply = section.getByRole('button', { name: 'Áp dụng' });
  const bad = writeList('ma-dinh-danh.csv', [
    `${NEW_CODE};Công an Xã Thanh Oai;H26.08;3;${thanhOai}`,
    `${myDuc.toLowerCase()};Công an xã Mỹ Đức;H26.08;3;`,
  ]);
  await section.getByLabel('Tệp danh sách').setInputFiles(bad);
  await section.getByRole('button', { name: 'Chạy thử' }).click();
  await section.getByText('Còn 1 lỗi').waitFor();
  const badRow = section.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '3' }) });
  assert.match(await badRow.innerText(), /Lỗi/);
  assert.match(await badRow.innerText(), /chữ thường/);
  const goodRow = section.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2' }) });
  assert.match(await goodRow.innerText(), /Đổi mã/);
  assert.match(await goodRow.innerText(), new RegExp(`Hiện nay: ${thanhOai.replace(/\./g, '\\.')}`));
  assert.equal(await apply.getAttribute('aria-disabled'), 'true');
  await assertAccessible(page, 'the trial run of a code list with a bad row');
  await screenshot(page, 'agency-registry-dry-run');

  const fixed = writeList('ma-dinh-danh-da-sua.csv', [
    `${NEW_CODE};Công an Xã Thanh Oai;H26.08;3;${thanhOai}`,
    `${myDuc};Công an xã Mỹ Đức;H26.08;3;`,
  ]);
  await section.getByLabel('Tệp danh sách').setInputFiles(fixed);
  await section.getByRole('button', { name: 'Chạy thử' }).click();
  await section.getByText('Không có dòng nào lỗi: có thể áp dụng.').waitFor();
  assert.equal(await apply.getAttribute('aria-disabled'), null);
  await apply.click();
  const notice = page.getByRole('status').filter({ hasText: 'Đã áp dụng danh sách mã định danh' }).first();
  await notice.waitFor();
  assert.match(await notice.innerText(), /2 cơ quan thay đổi/);
  await section.getByRole('heading', { name: 'Danh sách đã áp dụng' }).waitFor();

  // The agency, found with the picker, carries its new code.
  const picker = new PlacePickerPart(page, 'registry-agency');
  await picker.choose('cong an xa thanh oai', 'Công an Xã Thanh Oai');
  const panel = page.getByRole('region', { name: 'Công an Xã Thanh Oai' });
  const code = panel.locator('dt', { hasText: 'Mã định danh' }).locator('xpath=../dd');
  await eventually(async () => assert.equal((await code.innerText()).trim(), NEW_CODE));
  assert.match(await panel.innerText(), /QĐ 20\/2020\/QĐ-TTg/);
  await screenshot(page, 'agency-registry-recoded');
  assertNoProblems(problems);
  await page.context().close();
});

test('a unit administrator renames an agency and adds a receiving point; a closure with staff left is refused, naming them', async () => {
  const { page, problems } = await openPage(browser);
  const signIn = new SignInPage(page);
  await signIn.goto(PATH);
  await signIn.signInAs('admin.hoan-kiem');
  await signIn.waitForPath(PATH);
  const picker = new PlacePickerPart(page, 'registry-agency');
  await picker.choose('cong an xa my duc', 'Công an xã Mỹ Đức');
  const panel = page.getByRole('region', { name: 'Công an xã Mỹ Đức' });
  // A unit administrator may rename it and manage its desks, not close it nor change its code.
  assert.equal(await panel.getByRole('button', { name: 'Đóng cơ quan' }).count(), 0);
  await panel.getByRole('button', { name: 'Đổi tên, mã hoặc cơ quan cấp trên' }).click();
  await panel.getByText('Bạn được đổi tên cơ quan').waitFor();
  assert.equal(await panel.getByLabel('Mã định danh').count(), 0);
  const name = panel.getByLabel('Tên cơ quan');
  await name.fill('Công an xã Mỹ Đức, Thành phố Hà Nội');
  await panel.getByRole('button', { name: 'Lưu' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Đã lưu cơ quan' });
  await saved.waitFor();
  assert.ok(await saved.evaluate((el) => el === document.activeElement), 'the outcome is focused');
  const renamed = page.getByRole('region', { name: 'Công an xã Mỹ Đức, Thành phố Hà Nội' });
  await renamed.getByLabel('Tên bộ phận').fill('Quầy tiếp nhận hồ sơ cư trú');
  await renamed.getByRole('button', { name: 'Thêm bộ phận' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: 'Đã thêm bộ phận Quầy tiếp nhận hồ sơ cư trú.' })
    .waitFor();
  await renamed.getByRole('listitem').filter({ hasText: 'Quầy tiếp nhận hồ sơ cư trú' }).waitFor();
  assertNoProblems(problems);
  await page.context().close();

  const admin = await openPage(browser);
  const adminSignIn = new SignInPage(admin.page);
  await adminSignIn.goto(PATH);
  await adminSignIn.signInAs('demo-admin');
  await new PlacePickerPart(admin.page, 'registry-agency').choose(
    'phuong cua nam',
    'Ủy ban nhân dân Phường Cửa Nam',
  );
  const ward = admin.page.getByRole('region', { name: 'Ủy ban nhân dân Phường Cửa Nam' });
  await ward.getByRole('button', { name: 'Đóng cơ quan' }).click();
  await ward.getByRole('button', { name: 'Đóng cơ quan' }).click();
  const summary = admin.page.getByRole('alert').filter({ hasText: 'Chưa đóng được cơ quan' });
  await summary.waitFor();
  const text = await summary.innerText();
  assert.match(text, /POST \/api\/v1\/reorganisations/);
  assert.match(text, /desk\.hang-bac/);
  await screenshot(admin.page, 'agency-registry-closure-refused');
  assertNoProblems(admin.problems);
  await admin.page.context().close();
});
