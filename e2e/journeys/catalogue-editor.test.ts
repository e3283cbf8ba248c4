// The catalogue editor (#17): Đăng ký kết hôn có yếu tố nước ngoài (2.000806) was published with a
// bare "5" and no unit on every channel, so no due time can be computed and it cannot be taken in
// online. The province administrator opens a draft, sees each missing unit named beside its field
// and in the summary, is refused when publishing (on screen, and by the server with the same named
// problems), chooses the units, enters the council's fee at the desk, reads the diff against the
// version in force, saves and publishes; the public page then shows the limits and the procedure
// can be applied for online. axe on every state of the editor.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CATALOG_ADMIN_PATH, VersionsPage } from '../pages/admin-pages.ts';
import { DraftEditorPage } from '../pages/draft-editor-page.ts';
import { ProcedurePage } from '../pages/procedure-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';

// Not 1.004873 or 1.000656: the portal-inbound journey's held demo dossiers wait for their gaps.
const CODE = '2.000806';
const UNIT_MISSING = 'Chọn đơn vị của thời hạn kênh Trực tiếp (ngày làm việc, giờ làm việc, ngày hay giờ)';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('demo-admin fixes a procedure without time units in the editor, sees the diff and publishes it', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signInAs('demo-admin');

  // Before: the public page cannot offer online application (no usable time limit).
  const procedure = new ProcedurePage(page);
  await procedure.goto(CODE);
  await eventually(async () =>
    assert.match(
      await page.locator('#apply-online-unavailable').innerText(),
      /chưa có thời hạn giải quyết rõ ràng/,
    ),
  );

  await page.goto(`${CATALOG_ADMIN_PATH}/${CODE}`);
  const versions = new VersionsPage(page);
  await versions.table.waitFor();
  await versions.createDraft.click();
  await eventually(async () => assert.match(await versions.row(2).innerText(), /Bản nháp/));
  await versions
    .row(2)
    .getByRole('link', { name: /^Sửa nội dung/ })
    .click();

  const editor = new DraftEditorPage(page);
  await editor.waitForPath(`${CATALOG_ADMIN_PATH}/${CODE}/noi-dung/2`);
  await editor.summary.waitFor();
  assert.equal(await editor.heading.innerText(), 'Nội dung phiên bản 2');
  assert.match(await editor.summary.innerText(), /Còn 3 vấn đề phải sửa trước khi công bố/);
  assert.match(await editor.summary.innerText(), new RegExp(UNIT_MISSING.replace(/[()]/g, '\\$&')));
  assert.equal(await editor.fieldError(editor.unit('trực tiếp')), UNIT_MISSING);
  assert.equal(await editor.unit('trực tiếp').getAttribute('aria-invalid'), 'true');
  assert.match(await editor.limit('trực tiếp').innerText(), /Nguồn ghi: “5”/);
  await assertAccessible(page, 'the catalogue editor with problems');
  await screenshot(page, 'catalogue-editor-problems');
  await screenshot(page, 'catalogue-editor-problems-top', { fullPage: false });

  // In English the same problem is named in English beside the same field.
  await editor.languageButton('English').click();
  const inPerson = page.getByRole('group', { name: 'In person', exact: true }).getByLabel('Unit');
  await eventually(async () =>
    assert.equal(
      await editor.fieldError(inPerson),
      'Choose the unit of this time limit (working days, working hours, days or hours).',
    ),
  );
  assert.match(await editor.summary.innerText(), /3 problems to fix before publishing/);
  await assertAccessible(page, 'the catalogue editor in English');
  await editor.languageButton('Tiếng Việt').click();
  await eventually(async () => assert.equal(await editor.fieldError(editor.unit('trực tiếp')), UNIT_MISSING));

  // Publishing is refused on screen, naming the same problems, and the summary takes the focus.
  await editor.publish.click();
  await eventually(async () =>
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Chưa công bố được: hãy sửa các vấn đề được nêu.',
    ),
  );
  // The server refuses the same draft with the same named problems.
  const server = await page.evaluate(async (code) => {
    const res = await fetch(`/api/v1/procedures/${code}/versions/2/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return {
      status: res.status,
      body: (await res.json()) as { error: { details: { path: string; message: string }[] } },
    };
  }, CODE);
  assert.equal(server.status, 422);
  const named = server.body.error.details.filter((d) => !d.path.startsWith('workflows/'));
  assert.deepEqual(
    named.map((d) => d.path),
    // And the national catalogue's flag the editor's own check does not name: the council's fee.
    ['timeLimits/direct/unit', 'timeLimits/online/unit', 'timeLimits/postal/unit', 'feePolicy/basis'],
  );
  assert.equal(named[0]!.message, UNIT_MISSING);

  // The units, chosen one by one: each problem goes as its field is fixed.
  await editor.unit('trực tiếp').selectOption({ label: 'Ngày làm việc' });
  await eventually(async () => assert.equal(await editor.fieldError(editor.unit('trực tiếp')), null));
  assert.match(await editor.summary.innerText(), /Còn 2 vấn đề/);
  await editor.unit('trực tuyến').selectOption({ label: 'Ngày làm việc' });
  await editor.unit('dịch vụ bưu chính').selectOption({ label: 'Ngày làm việc' });
  await editor.ready.waitFor();
  assert.equal(await editor.ready.innerText(), 'Bản nháp đủ thông tin để công bố.');
  assert.equal(await editor.summary.count(), 0);

  // The council's fee at the desk (fee 3 is the direct channel's), then a wrong amount and back.
  const amount = editor.fee(3).getByLabel('Mức thu (đồng)');
  await amount.fill('-5');
  await eventually(async () =>
    assert.equal(await editor.fieldError(amount), 'Mức thu phải là số đồng nguyên, không âm'),
  );
  await amount.fill('15000');
  await eventually(async () => assert.equal(await editor.fieldError(amount), null));

  // The diff against version 1, live.
  assert.deepEqual(await editor.diffRows(), [
    ['Thời hạn giải quyết theo kênh', 'Trực tiếp: 5', 'Trực tiếp: 5 ngày làm việc'],
    ['Thời hạn giải quyết theo kênh', 'Trực tuyến: 5', 'Trực tuyến: 5 ngày làm việc'],
    ['Thời hạn giải quyết theo kênh', 'Dịch vụ bưu chính: 5', 'Dịch vụ bưu chính: 5 ngày làm việc'],
    ['Phí, lệ phí', 'Trực tiếp: Miễn phí', 'Trực tiếp: 15.000 đồng'],
  ]);
  await assertAccessible(page, 'the catalogue editor once fixed');
  await screenshot(page, 'catalogue-editor-fixed');
  await editor.diff.scrollIntoViewIfNeeded();
  await screenshot(page, 'catalogue-editor-diff', { fullPage: false });

  await editor.save.click();
  await eventually(async () => assert.equal(await editor.notice.innerText(), 'Đã lưu bản nháp.'));
  await editor.publish.click();
  await eventually(async () =>
    assert.match(await editor.notice.innerText(), /^Đã công bố phiên bản 2; phiên bản cũ đã bãi bỏ/),
  );
  assert.match(await editor.page.locator('main').innerText(), /Phiên bản này không phải bản nháp/);
  await screenshot(page, 'catalogue-editor-published');
  await assertAccessible(page, 'the catalogue editor after publishing');

  // After: the public page shows the limits with their unit and offers online application.
  await procedure.goto(CODE);
  assert.deepEqual(await procedure.tableRows('Thời hạn giải quyết'), [
    ['Trực tiếp', '5 ngày làm việc'],
    ['Trực tuyến', '5 ngày làm việc'],
    ['Dịch vụ bưu chính', '5 ngày làm việc'],
  ]);
  assert.equal(await page.locator('#apply-online-unavailable').count(), 0);
  await eventually(async () => assert.ok((await page.locator('.apply-online').count()) > 0));
  assertNoProblems(problems);
  await context.close();
});
