// #17.4 Staff accounts from the province's list: the province administrator opens "Cán bộ và vai trò",
// chooses "Nhập từ danh sách", runs a list the test writes (one new account with two roles, one row with
// an agency code that does not exist), reads the trial run (the refused account with its line and
// reason), imports the valid account, and finds it in the staff list. axe-core on the trial run.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';

const PATH = '/quan-tri/can-bo';
let browser: Browser;
let dir: string;

before(async () => {
  browser = await launchBrowser();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-staff-'));
});

after(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the province administrator imports a staff list: the bad account named with its line, the good one created', async () => {
  const { page, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto(PATH);
  await signIn.signInAs('demo-admin');
  await signIn.waitForPath(PATH);
  await page.getByRole('heading', { level: 1, name: 'Cán bộ và vai trò' }).waitFor();

  // The ward where desk.hang-trong works, as the server codes it today.
  const res = await page.request.get(`/api/v1/staff?q=${encodeURIComponent('le thi mai')}`);
  assert.equal(res.status(), 200);
  const ward = ((await res.json()) as { items: { grants: { agencyCode: string }[] }[] }).items[0]!.grants[0]!
    .agencyCode;
  const file = path.join(dir, 'danh-sach-can-bo.csv');
  const rows = [
    'Tên đăng nhập;Họ và tên;Vai trò;Mã cơ quan',
    `nguyen.thi.nhap;Nguyễn Thị Nhập;Cán bộ một cửa;${ward}`,
    `nguyen.thi.nhap;Nguyễn Thị Nhập;Chuyên viên xử lý;${ward}`,
    'tran.van.sai;Trần Văn Sai;Lãnh đạo;H99.99',
  ];
  fs.writeFileSync(file, `\uFEFF${rows.join('\r\n')}\r\n`, 'utf8');

  await page.getByRole('button', { name: 'Nhập từ danh sách' }).click();
  const section = page.getByRole('region', { name: 'Nhập danh sách cán bộ' });
  await section.getByLabel('Tệp danh sách cán bộ').setInputFiles(file);
  await section.getByRole('button', { name: 'Chạy thử' }).click();
  await section.getByRole('heading', { name: 'Kết quả chạy thử' }).waitFor();
  assert.match(await section.getByText(/3 dòng, 2 tài khoản/).innerText(), /tạo mới 1, từ chối 1/);
  const refused = section
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'tran.van.sai' }) });
  assert.match(await refused.innerText(), /Từ chối/);
  assert.match(await refused.innerText(), /Dòng 4: Không có cơ quan đang hoạt động mã "H99\.99"/);
  const created = section
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'nguyen.thi.nhap' }) });
  assert.match(await created.innerText(), /Tạo mới/);
  assert.match(await created.innerText(), /Cán bộ một cửa/);
  assert.match(
    (await section.getByRole('link', { name: 'Tải báo cáo (CSV)' }).getAttribute('href')) ?? '',
    /^blob:/,
  );
  await assertAccessible(page, 'the trial run of a staff list');
  await screenshot(page, 'staff-import-dry-run');

  await section.getByRole('button', { name: 'Nhập các tài khoản hợp lệ' }).click();
  await section.getByRole('heading', { name: 'Kết quả nhập' }).waitFor();
  assert.match(await section.innerText(), /Đã nhập: 1 tài khoản mới, 0 tài khoản được thêm vai trò/);
  assert.match(await section.innerText(), /Đặt lại mật khẩu để cán bộ đăng nhập lần đầu/);
  await section.getByRole('button', { name: 'Đóng' }).click();

  await page.getByLabel('Họ tên hoặc tên đăng nhập').fill('nguyen thi nhap');
  await page
    .getByRole('cell', { name: 'Nguyễn Thị Nhập' })
    .or(page.getByText('nguyen.thi.nhap'))
    .first()
    .waitFor();
  assertNoProblems(problems);
  await page.context().close();
});
