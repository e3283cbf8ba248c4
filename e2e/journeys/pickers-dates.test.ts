// Issue #14, items 5 and 6: pickers that know the country, dates in the Vietnamese form. In a browser
// whose language is English, a desk officer types 01/12/2026 as the declaration's date and the
// dossier stores 2026-12-01 (a native date input would have read 12 January); the applicant's address
// is picked from the unit tree and stored as the commune's code and the street. A citizen looking for
// "phuoc thanh" sees the two communes Phước Thành (of Đà Nẵng and of Ho Chi Minh City) told apart by
// their city, and goes down province → commune (the two-level map in force since 1/7/2025). axe on the
// pickers; nothing wider than a 360 px phone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { IntakePage, INTAKE_PATH } from '../pages/desk-pages.ts';
import { IdentityProviderPage, assertNoHorizontalScroll } from '../pages/citizen-pages.ts';
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

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('#14 in an English browser, 01/12/2026 typed at the desk is stored as 1 December 2026, with the address picked from the tree', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true, locale: 'en-US' });
  assert.equal(await page.evaluate(() => navigator.language), 'en-US');
  const signIn = new SignInPage(page);
  await signIn.goto(INTAKE_PATH);
  await signIn.signInAs('desk.hang-trong');
  const intake = new IntakePage(page);
  await intake.waitForPath(INTAKE_PATH);
  await intake.procedure.fill('1.001193');
  await intake.options.first().waitFor();
  await intake.procedure.press('Enter');
  // The desk's own ward is chosen, named with the city above it.
  const agency = new PlacePickerPart(page, 'intake-agency');
  await eventually(async () =>
    assert.match(
      await agency.chosen.innerText(),
      /Ủy ban nhân dân Phường Hoàn Kiếm\s+Phường Hoàn Kiếm, Thành phố Hà Nội/,
    ),
  );
  await intake.applicant('fullName').fill('Nguyễn Thị Hường');
  await intake.applicant('idNumber').fill('001190012345');
  await intake.applicant('phone').fill('0912345678');

  // The address: the picker opens near the desk (Thành phố Hà Nội, its wards and communes), and a
  // search finds any ward.
  const address = new PlacePickerPart(page, 'intake-applicant-addressUnit');
  await address.search.waitFor();
  await eventually(async () =>
    assert.ok((await address.entries()).some((e) => e.startsWith('Phường Cửa Nam'))),
  );
  await assertAccessible(page, 'the intake page with its pickers open');
  await address.choose('hoan kiem', 'Phường Hoàn Kiếm');
  assert.match(await address.chosen.innerText(), /Phường Hoàn Kiếm\s+Thành phố Hà Nội/);
  await page.locator('#intake-applicant-addressLine').fill('Số 12 phố Hàng Trống');

  await intake.fillBirthDeclaration();
  const date = intake.formField('ngayLap');
  await date.fill('01/12/2026');
  // A day that does not exist is said so beside the field when it is left.
  const birth = intake.formField('nguoiDuocKhaiSinh-ngaySinh');
  await birth.fill('31/02/2026');
  await date.focus();
  assert.match(
    await page.locator('#intake-form-nguoiDuocKhaiSinh-ngaySinh-date-problem').innerText(),
    /Ngày không đúng/,
  );
  assert.equal(await birth.getAttribute('aria-invalid'), 'true');
  await birth.fill('01/11/2026');
  await date.focus();
  assert.equal(await page.locator('#intake-form-nguoiDuocKhaiSinh-ngaySinh-date-problem').count(), 0);
  await intake.component(1).selectOption('original');
  await intake.component(3).selectOption('original');
  await screenshot(page, 'pickers-dates-intake');
  await intake.save.click();
  await page.waitForURL((url) => /^\/ho-so\/H26\.104-\d{6}-\d{4}$/.test(url.pathname), {
    timeout: 15_000,
  });
  const code = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);

  // What was stored, read through the API.
  const stored = await page.evaluate(async (c) => {
    const r = await fetch(`/api/v1/dossiers/${encodeURIComponent(c)}`, { credentials: 'same-origin' });
    return (await r.json()) as {
      formData: { ngayLap?: string; nguoiDuocKhaiSinh?: { ngaySinh?: string } };
      applicant: { address?: { unitCode: string; line: string } };
    };
  }, code);
  assert.equal(stored.formData.ngayLap, '2026-12-01');
  assert.equal(stored.formData.nguoiDuocKhaiSinh?.ngaySinh, '2026-11-01');
  assert.deepEqual(stored.applicant.address, { unitCode: '00070', line: 'Số 12 phố Hàng Trống' });
  assertNoProblems(problems);
  await context.close();
});

test('#14 a citizen looking for "phuoc thanh" sees the two communes Phước Thành told apart, and goes down the tree', async () => {
  const { page, context, problems } = await openPage(browser, {
    bypassCSP: true,
    viewport: { width: 360, height: 800 },
  });
  await page.goto('/cong-dich-vu-cong/nop-ho-so/1.001193');
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).click();
  const idp = new IdentityProviderPage(page);
  await idp.waitFor();
  await idp.signInAs('Nguyễn Thị Hường');
  const agency = new PlacePickerPart(page, 'apply-agency');
  await agency.search.waitFor();
  // Never the whole country flat: the provinces that offer it, to go into.
  assert.deepEqual(await agency.entries(), [
    'Thành phố Hà Nội',
    'Thành phố Đà Nẵng',
    'Thành phố Hồ Chí Minh',
  ]);
  await assertAccessible(page, 'the agency picker, at its start');
  await assertNoHorizontalScroll(page, 'the agency picker');

  // Two communes of the demo provinces share a name since 1/7/2025: Xã Phước Thành of Đà Nẵng and
  // of Ho Chi Minh City. Both come first (their own names match), each told apart by its city; the
  // places whose trail holds the words ("Phước Long, Thành phố …") follow.
  await agency.search.fill('phuoc thanh');
  const named = (entries: string[]) =>
    entries.filter((e) => e.startsWith('Ủy ban nhân dân Xã Phước Thành\n'));
  await eventually(async () => assert.equal(named(await agency.entries()).length, 2));
  const found = await agency.entries();
  assert.deepEqual(found.slice(0, 2), named(found), found.join(' | '));
  const trails = named(found).map((e) => e.split('\n')[1]);
  assert.deepEqual(
    trails.sort(),
    ['Xã Phước Thành, Thành phố Hồ Chí Minh', 'Xã Phước Thành, Thành phố Đà Nẵng'].sort(),
  );
  assert.match(
    await agency.root.locator('[role=status]').innerText(),
    new RegExp(`1–${found.length} trong ${found.length}`),
  );
  await assertAccessible(page, 'the agency picker, searched');
  await assertNoHorizontalScroll(page, 'the agency picker, searched');
  await screenshot(page, 'pickers-phuoc-thanh');

  // Down the tree: the city, its wards and communes (no district any more), Xã Phước Thành.
  await agency.search.fill('');
  await agency.option('Thành phố Hồ Chí Minh').click();
  // birth registration is the communes' own: the city lists its wards and communes that offer it
  await eventually(async () => assert.ok((await agency.entries()).includes('Xã Phước Thành')));
  const crumbs = await agency.root.getByRole('navigation').innerText();
  assert.match(crumbs, /Tất cả[\s›]+Thành phố Hồ Chí Minh/);
  await agency.option('Xã Phước Thành').click();
  await agency.option('Ủy ban nhân dân Xã Phước Thành').click();
  assert.match(
    await agency.chosen.innerText(),
    /Ủy ban nhân dân Xã Phước Thành\s+Xã Phước Thành, Thành phố Hồ Chí Minh/,
  );
  await assertNoHorizontalScroll(page, 'the agency chosen');
  assertNoProblems(problems);
  await context.close();
});
