// The province administrator finds, from "Quản trị" and with the keyboard, the dossiers citizens
// submitted on the National Public Service Portal that the demo ward could not take yet: the marital
// status certificate and the death registration (their time limits have no unit in the catalogue), each
// with its reason in Vietnamese; taking one again while the gap is there keeps it held and says so.
// Rejected rows (an agency the province does not have) are shown from a planted answer. The auditor
// reads the same page from the home page, without the button. axe-core on each view.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { INBOUND_PATH, InboundPage } from '../pages/inbound-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
  type TestPage,
} from '../support/browser.ts';

const HELD = 'Đang tạm giữ';
const HELD_TABLE = 'Hồ sơ đang tạm giữ';
const REJECTED = 'Bị từ chối';
const WARD = 'Ủy ban nhân dân Phường Hoàn Kiếm';

let browser: Browser;
let tp: TestPage;

before(async () => {
  browser = await launchBrowser();
  tp = await openPage(browser, { bypassCSP: true });
});

after(async () => {
  await browser?.close();
});

/** Tab until the element matching `selector` has focus (keyboard only). */
async function tabTo(page: TestPage['page'], check: () => Promise<boolean>, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await check()) return;
    await page.keyboard.press('Tab');
  }
  assert.fail('the element was not reached with Tab');
}

test('from Quản trị, the province administrator lists the held portal dossiers with their reasons', async () => {
  const { page } = tp;
  const signIn = new SignInPage(page);
  await signIn.goto('/quan-tri');
  await signIn.signInWithKeyboard('demo-admin', 'demo');
  await signIn.waitForPath('/quan-tri');
  const link = page.getByRole('link', { name: 'Hồ sơ nhận từ Cổng Dịch vụ công quốc gia' });
  await link.waitFor();
  await tabTo(page, () => link.evaluate((el) => el === document.activeElement));
  await page.keyboard.press('Enter');
  const inbound = new InboundPage(page);
  await inbound.waitForPath(INBOUND_PATH);
  assert.equal(await inbound.heading.innerText(), 'Hồ sơ nhận từ Cổng Dịch vụ công quốc gia');

  // The demo's portal dossiers are fetched a few seconds after the server starts.
  await eventually(
    async () => {
      if ((await inbound.status(HELD).innerText()) !== '2 hồ sơ đang tạm giữ.') {
        await page.reload();
        await inbound.status(HELD).waitFor();
      }
      assert.equal(await inbound.status(HELD).innerText(), '2 hồ sơ đang tạm giữ.');
    },
    30_000,
    'the two held demo dossiers',
  );
  const rows = inbound.table(HELD_TABLE).getByRole('row');
  assert.equal(await rows.count(), 3, 'a header row and two dossiers');
  const texts = (await rows.allInnerTexts()).slice(1).join('\n');
  assert.match(texts, /tình trạng hôn nhân/);
  assert.match(texts, /khai tử/);
  assert.equal((texts.match(new RegExp(WARD, 'g')) ?? []).length, 2);
  assert.match(texts, /Thời hạn giải quyết “\d+” chưa có đơn vị/);
  await eventually(async () =>
    assert.equal(await inbound.status(REJECTED).innerText(), 'Không có hồ sơ nào bị từ chối.'),
  );
  await assertAccessible(page, 'inbound page');
  await screenshot(page, 'inbound-held');
  assertNoProblems(tp.problems);
});

test('taking a held dossier again while the catalogue gap is there keeps it held and says why (keyboard)', async () => {
  const { page } = tp;
  const inbound = new InboundPage(page);
  const first = inbound.table(HELD_TABLE).getByRole('row').nth(1);
  const portalCode = (await first.getByRole('rowheader').innerText()).trim();
  const button = first.getByRole('button', { name: `Tiếp nhận lại hồ sơ ${portalCode}` });
  await button.focus();
  await page.keyboard.press('Enter');
  await eventually(async () =>
    assert.match(
      await inbound.notice.innerText(),
      new RegExp(`^Hồ sơ ${portalCode.replace(/\./g, '\\.')} vẫn đang tạm giữ: .*chưa có đơn vị`),
    ),
  );
  assert.equal(await inbound.notice.getAttribute('role'), 'alert');
  await eventually(async () =>
    assert.ok(
      await inbound.notice.evaluate((el) => el === document.activeElement),
      'the outcome has the focus',
    ),
  );
  // Both lists are read again (the count says "Đang tải…" meanwhile).
  await eventually(async () => assert.equal(await inbound.status(HELD).innerText(), '2 hồ sơ đang tạm giữ.'));
  assertNoProblems(tp.problems);
});

test('rejected rows show the agency the province does not have, and the reasons, also in English', async () => {
  const { page } = tp;
  await page.route('**/api/v1/sync/inbound?status=rejected*', (route) =>
    route.fulfill({
      json: {
        total: 1,
        items: [
          {
            id: '9001',
            portalCode: 'G22.99-261120-0001',
            procedure: { code: '9.999999', name: null },
            agency: { code: '999.99.99.H99', name: null },
            submittedAt: '2026-11-20T02:00:00.000Z',
            fetchedAt: '2026-11-20T02:05:00.000Z',
            status: 'rejected',
            problems: [
              { path: 'MaDonVi', message: 'Không có cơ quan mã 999.99.99.H99 trong hệ thống.' },
              { path: 'MaTTHC', message: 'Không có thủ tục mã 9.999999 trong danh mục.' },
            ],
            dossierCode: null,
          },
        ],
      },
    }),
  );
  const inbound = new InboundPage(page);
  await inbound.goto();
  const row = inbound.row('Hồ sơ bị từ chối', 'G22.99-261120-0001');
  await row.waitFor();
  const cells = await row.getByRole('cell').allInnerTexts();
  assert.deepEqual(
    cells.map((c) => c.trim()),
    [
      'không có trong danh mục của tỉnh (9.999999)',
      'không có trong hệ thống (999.99.99.H99)',
      '09:05 Thứ Sáu, 20/11/2026',
      'Không có cơ quan mã 999.99.99.H99 trong hệ thống.\nKhông có thủ tục mã 9.999999 trong danh mục.',
    ],
  );
  assert.equal(await row.getByRole('button').count(), 0, 'nothing to take again');
  await assertAccessible(page, 'inbound page with a rejected row');

  await inbound.languageButton('English').click();
  await inbound.section('Held').waitFor();
  assert.equal(await inbound.heading.innerText(), 'Dossiers from the National Public Service Portal');
  const en = inbound.row('Rejected dossiers', 'G22.99-261120-0001');
  assert.match(await en.innerText(), /not in the system \(999\.99\.99\.H99\)/);
  // The reasons stay the server's Vietnamese, marked as such for screen readers.
  assert.equal(await en.locator('ul').getAttribute('lang'), 'vi');
  await screenshot(page, 'inbound-rejected-en');
  await inbound.languageButton('Tiếng Việt').click();
  await inbound.section(HELD).waitFor();
  await page.unroute('**/api/v1/sync/inbound?status=rejected*');
  assertNoProblems(tp.problems);
});

test('the auditor reaches the page from the home page and only reads', async () => {
  const auditor = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(auditor.page);
  await signIn.goto();
  await signIn.signInAs('auditor.ha-noi');
  await auditor.page.getByRole('link', { name: 'Hồ sơ nhận từ Cổng Dịch vụ công quốc gia' }).click();
  const inbound = new InboundPage(auditor.page);
  await inbound.waitForPath(INBOUND_PATH);
  await eventually(async () => assert.equal(await inbound.status(HELD).innerText(), '2 hồ sơ đang tạm giữ.'));
  const rows = inbound.table(HELD_TABLE).getByRole('row');
  assert.equal(await rows.getByRole('button').count(), 0);
  assert.match(await rows.nth(1).innerText(), /Chỉ xem/);
  await assertAccessible(auditor.page, 'inbound page for the auditor');
  assertNoProblems(auditor.problems);
  await auditor.context.close();
});
