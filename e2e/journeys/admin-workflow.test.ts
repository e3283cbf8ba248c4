// Administration: the province administrator opens a draft of Đăng ký tạm trú (1.004194, 3 working
// days), changes a step's share so the workflow no longer adds up, sees the live total flagged, is
// refused on saving with the rule's message beside the total (the server refuses the same workflow
// with the same words), fixes it, saves and publishes. A unit administrator creates a specialist,
// the server naming the fields it refuses (a short password, a province-admin grant), then locks the
// account. The desk forwards a dossier to a specialist chosen by name with the person picker. axe on
// every page visited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { APPLICANT_HUONG, VALID_BIRTH_DECLARATION } from '../../server/test/fixtures.ts';
import { DossierPage, dossierPath } from '../pages/desk-pages.ts';
import {
  CATALOG_ADMIN_PATH,
  CatalogAdminPage,
  StaffPage,
  VersionsPage,
  WorkflowPage,
} from '../pages/admin-pages.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  BASE_URL,
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';

const PROCEDURE = '1.004194';
const PROCEDURE_NAME = 'Đăng ký tạm trú';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('demo-admin cannot save a workflow whose shares do not add up; fixed, it saves and the draft is published', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signInAs('demo-admin');

  const catalog = new CatalogAdminPage(page);
  await catalog.navLink('Quản trị').click();
  await catalog.waitForPath('/quan-tri');
  assert.equal(await catalog.heading.innerText(), 'Quản trị');
  await assertAccessible(page, 'the administration page');
  await page.getByRole('link', { name: 'Thủ tục hành chính và quy trình nội bộ' }).click();
  await catalog.waitForPath(CATALOG_ADMIN_PATH);
  await catalog.search.fill('tam tru');
  await catalog.procedureLink(PROCEDURE_NAME).waitFor();
  await assertAccessible(page, 'the catalogue administration page');
  await catalog.procedureLink(PROCEDURE_NAME).click();

  const versions = new VersionsPage(page);
  await versions.waitForPath(`${CATALOG_ADMIN_PATH}/${PROCEDURE}`);
  await versions.table.waitFor();
  assert.equal(await versions.heading.innerText(), PROCEDURE_NAME);
  assert.match(await versions.row(1).innerText(), /Đang áp dụng/);
  await versions.createDraft.click();
  await eventually(async () =>
    assert.equal(await versions.notice.innerText(), 'Đã tạo bản nháp phiên bản 2.'),
  );
  await eventually(async () => assert.match(await versions.row(2).innerText(), /Bản nháp/));
  await assertAccessible(page, 'the versions page');
  await versions
    .row(2)
    .getByRole('link', { name: /^Quy trình nội bộ/ })
    .click();

  const workflow = new WorkflowPage(page);
  await workflow.total.waitFor();
  assert.equal(await workflow.heading.innerText(), `Quy trình nội bộ – thủ tục ${PROCEDURE}, phiên bản 2`);
  assert.equal(await workflow.fact('Thời hạn giải quyết').innerText(), '3 ngày làm việc (24 giờ làm việc)');
  assert.equal(await workflow.fact('Quy trình đang hiển thị').innerText(), 'Quy trình mặc định (chưa lưu)');
  assert.equal(
    await workflow.totalText(),
    'Tổng tỷ lệ: 100 % (24/24 giờ làm việc) — khớp thời hạn giải quyết.',
  );
  assert.equal(await workflow.total.getAttribute('aria-live'), 'polite');
  await assertAccessible(page, 'the workflow editor');

  // Processing gets 17 hours instead of 19: the total follows as the user types, flagged.
  const processing = workflow.share(2);
  assert.equal(await processing.inputValue(), '19');
  await processing.fill('17');
  await eventually(async () =>
    assert.equal(
      await workflow.totalText(),
      'Chưa hợp lệ: Tổng tỷ lệ: 91,7 % (22/24 giờ làm việc) — phải bằng 100 %: còn thiếu 2 giờ làm việc.',
    ),
  );
  assert.match((await workflow.totalBox.getAttribute('class')) ?? '', /share-total-bad/);

  // A step added and removed again: focus goes to the new step's name, then to the next remove button.
  await workflow.addStep.click();
  await eventually(async () =>
    assert.match(await page.evaluate(() => document.activeElement?.id ?? ''), /^wf-w\d+-name$/),
  );
  await page.keyboard.type('Xác minh thực tế');
  const added = workflow.step(4);
  assert.equal(await added.getByLabel('Tên bước', { exact: true }).inputValue(), 'Xác minh thực tế');
  assert.match(await added.locator('legend').innerText(), /^Bước 4: Xác minh thực tế$/);
  await added.getByRole('button', { name: /^Bỏ bước/ }).click();
  await eventually(async () =>
    assert.match(
      await page.evaluate(() => document.activeElement?.textContent ?? ''),
      /^Bỏ bước – Bước 4: Trả kết quả/,
    ),
  );

  // Saving is refused with the rule's words beside the total; nothing is sent.
  await workflow.save.click();
  await workflow.errorSummary.waitFor();
  const expected =
    'Tổng thời gian của các bước (22 giờ làm việc) phải bằng đúng thời hạn giải quyết 3 ngày làm việc (24 giờ làm việc; 1 ngày làm việc = 8 giờ làm việc): còn thiếu 2 giờ làm việc';
  assert.match(await workflow.errorSummary.innerText(), /Chưa lưu được quy trình/);
  assert.ok((await workflow.errorSummary.innerText()).includes(expected));
  assert.equal((await page.locator('#wf-total-error').innerText()).trim(), expected);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Chưa lưu được quy trình');
  await screenshot(page, 'admin-workflow-refused');
  await assertAccessible(page, 'the workflow editor with the refusal');

  // The server applies the same rule with the same words (the page's own session, as the app would).
  const server = await page.evaluate(async (code) => {
    const url = `/api/v1/procedures/${code}/workflow?procedureVersion=2&channel=direct`;
    const current = (await (await fetch(url)).json()) as {
      steps: { agency?: unknown; unresolved?: unknown; share: { value: number } }[];
    };
    const steps = current.steps.map(({ agency: _a, unresolved: _u, ...s }) => s);
    steps[1]!.share.value = 17;
    const res = await fetch(`/api/v1/procedures/${code}/workflow`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ procedureVersion: 2, channel: 'direct', version: 0, steps }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { error: { details: { path: string; message: string }[] } },
    };
  }, PROCEDURE);
  assert.equal(server.status, 400);
  assert.deepEqual(server.body.error.details, [{ path: 'body/steps', message: expected }]);

  // Fixed: the total is whole again, the refusal goes, and the workflow saves.
  await processing.fill('19');
  await eventually(async () =>
    assert.equal(
      await workflow.totalText(),
      'Tổng tỷ lệ: 100 % (24/24 giờ làm việc) — khớp thời hạn giải quyết.',
    ),
  );
  assert.equal(await page.locator('#wf-total-error').count(), 0);
  await workflow.save.click();
  await eventually(async () =>
    assert.equal(await workflow.notice.innerText(), 'Đã lưu quy trình nội bộ (lần lưu thứ 1).'),
  );
  await eventually(async () =>
    assert.equal(await workflow.fact('Quy trình đang hiển thị').innerText(), 'Quy trình toàn tỉnh'),
  );
  await screenshot(page, 'admin-workflow-saved');

  // Back to the versions: publishing the draft now succeeds and retires version 1.
  await page.getByRole('link', { name: 'Về các phiên bản của thủ tục' }).click();
  await versions.table.waitFor();
  await versions.row(2).getByRole('button', { name: 'Công bố phiên bản 2' }).click();
  await eventually(async () =>
    assert.equal(await versions.notice.innerText(), 'Đã công bố phiên bản 2; phiên bản cũ đã bãi bỏ.'),
  );
  await eventually(async () => assert.match(await versions.row(1).innerText(), /Đã bãi bỏ/));
  assert.match(await versions.row(2).innerText(), /Đang áp dụng/);
  await assertAccessible(page, 'the versions page after publishing');
  await screenshot(page, 'admin-versions-published');
  assertNoProblems(problems);
  await context.close();
});

test('admin.hoan-kiem creates a specialist of Phường Hoàn Kiếm after the refusals named by field, then locks the account', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signInAs('admin.hoan-kiem');

  const staff = new StaffPage(page);
  await staff.navLink('Quản trị').click();
  await page.getByRole('link', { name: 'Cán bộ và vai trò' }).click();
  await staff.table.waitFor();
  assert.equal(await staff.heading.innerText(), 'Cán bộ và vai trò');
  await staff.search.fill('le thi mai');
  await eventually(async () => assert.equal(await staff.status.innerText(), '1 cán bộ.'));
  assert.match(
    await staff.row('Lê Thị Mai Anh').innerText(),
    /Cán bộ một cửa · Ủy ban nhân dân Phường Hoàn Kiếm/,
  );
  await assertAccessible(page, 'the staff page');

  await staff.addButton.click();
  await staff.form.waitFor();
  await staff.field('username').fill('chuyenvien2.hang-trong');
  await staff.field('fullName').fill('Phạm Thu Trang');
  await staff.field('password').fill('ngan');
  const first = staff.grantRow(1);
  await staff.grantRole(first).selectOption({ label: 'Chuyên viên xử lý' });
  await staff.pickAgency(first, 'hoan kiem', 'Ủy ban nhân dân Phường Hoàn Kiếm');
  await staff.form.getByRole('button', { name: 'Thêm vai trò' }).click();
  const second = staff.grantRow(2);
  await staff.grantRole(second).selectOption({ label: 'Quản trị cấp tỉnh' });
  await staff.pickAgency(second, 'hoan kiem', 'Ủy ban nhân dân Phường Hoàn Kiếm');
  await staff.submit.click();

  // The schema's refusal first: the password, beside its field.
  const password = staff.field('password');
  await eventually(async () => assert.equal(await password.getAttribute('aria-invalid'), 'true'));
  assert.equal(await staff.fieldError(password), 'Cần ít nhất 10 ký tự.');
  await assertAccessible(page, 'the new staff form with an error');
  await password.fill('mot-mat-khau-dai');
  await staff.submit.click();

  // Then reach: a unit administrator cannot grant province-admin; the message sits on that row's role.
  const secondRole = staff.grantRole(second);
  await eventually(async () => assert.equal(await secondRole.getAttribute('aria-invalid'), 'true'));
  assert.equal(
    await staff.fieldError(secondRole),
    'Chỉ quản trị cấp tỉnh được giao hoặc thu hồi vai trò “Quản trị cấp tỉnh”.',
  );
  assert.equal(await password.getAttribute('aria-invalid'), null);
  assert.match(await staff.errorSummary.innerText(), /Vai trò 2 – Vai trò: Chỉ quản trị cấp tỉnh/);
  await screenshot(page, 'admin-staff-refused');
  await second.getByRole('button', { name: /^Bỏ/ }).click();
  await staff.submit.click();

  await eventually(async () =>
    assert.equal(await staff.notice.innerText(), 'Đã tạo tài khoản chuyenvien2.hang-trong.'),
  );
  const row = staff.row('Phạm Thu Trang');
  await row.waitFor();
  assert.match(
    await row.innerText(),
    /chuyenvien2\.hang-trong[\s\S]*Chuyên viên xử lý · Ủy ban nhân dân Phường Hoàn Kiếm[\s\S]*Đang hoạt động/,
  );
  await assertAccessible(page, 'the staff page with the new account');

  await row.getByRole('button', { name: 'Khóa tài khoản – Phạm Thu Trang' }).click();
  await eventually(async () =>
    assert.match(await staff.notice.innerText(), /^Đã khóa tài khoản chuyenvien2\.hang-trong/),
  );
  await eventually(async () => assert.match(await staff.row('Phạm Thu Trang').innerText(), /Đã khóa/));
  await screenshot(page, 'admin-staff-locked');
  assertNoProblems(problems);
  await context.close();

  // The locked account cannot sign in.
  const other = await openPage(browser);
  const again = new SignInPage(other.page);
  await again.goto();
  await again.signIn('chuyenvien2.hang-trong', 'mot-mat-khau-dai');
  await eventually(async () =>
    assert.match(await again.alert.innerText(), /Tên đăng nhập hoặc mật khẩu không đúng/),
  );
  await other.context.close();
});

test('desk.hang-trong forwards a dossier to the specialist picked by name', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signInAs('desk.hang-trong');
  const intake = await page.request.post('/api/v1/dossiers', {
    headers: { origin: BASE_URL },
    data: {
      procedureCode: '1.001193',
      agencyCode: 'H26.104',
      applicant: APPLICANT_HUONG,
      formData: VALID_BIRTH_DECLARATION,
      components: [
        { code: 'TP1', provided: 'original' },
        { code: 'TP3', provided: 'original' },
      ],
      channel: 'direct',
    },
  });
  assert.equal(intake.status(), 201, await intake.text());
  const { code } = (await intake.json()) as { code: string };

  const dossier = new DossierPage(page);
  await page.goto(dossierPath(code));
  await dossier.summaryValue('Trạng thái').waitFor();
  await dossier.action('Chuyển bước tiếp theo').click();
  const picker = page.getByRole('combobox', { name: 'Người xử lý bước tiếp theo' });
  await picker.waitFor();
  assert.match(
    await page.locator(`[id="${(await picker.getAttribute('aria-describedby'))!}"]`).innerText(),
    /Chuyên viên xử lý đang làm việc tại Ủy ban nhân dân Phường Hoàn Kiếm/,
  );
  assert.deepEqual(await picker.locator('option').allInnerTexts(), [
    '— Chọn người —',
    'Đỗ Quang Minh (specialist.hang-trong)',
  ]);
  await picker.selectOption({ label: 'Đỗ Quang Minh (specialist.hang-trong)' });
  await assertAccessible(page, 'the forward action with the person picker');
  await page.getByRole('button', { name: 'Xác nhận: Chuyển bước tiếp theo' }).click();
  await eventually(async () =>
    assert.equal(await dossier.summaryValue('Trạng thái').innerText(), 'Đang xử lý'),
  );

  const assignee = await page.evaluate(async (c) => {
    const view = (await (await fetch(`/api/v1/dossiers/${c}`)).json()) as {
      currentStep: { assigneeId: string | null };
    };
    const staff = (await (await fetch('/api/v1/staff?q=specialist.hang-trong&role=specialist')).json()) as {
      items: { id: string; username: string }[];
    };
    return { assigneeId: view.currentStep.assigneeId, specialist: staff.items[0]?.id };
  }, code);
  assert.ok(assignee.specialist);
  assert.equal(assignee.assigneeId, assignee.specialist);
  assertNoProblems(problems);
  await context.close();
});
