// Issue #18, the applicant's phone: Trần Văn Minh (no e-mail address at the identity provider) applies
// online for a birth registration on a 360 px phone; e-mail is offered only once he types an address,
// and he chooses SMS and e-mail. desk.hang-trong receives the dossier; the notifications worker sends
// the "received" message to the simulators started in the server's process (demo mode), which report
// delivery by callback; his dossier's page then reads "Đã gửi SMS · đã nhận" (and the e-mail's), without
// his full number or address on screen; the desk sees the same list, and asks the choice at its own
// intake (SMS and Zalo: Hà Nội sends no Zalo, so the SMS alone). A province administrator edits an
// SMS template with diacritics and is refused beside the field, then saves it unaccented and goes back to
// the default. In the demo, the Hà Nội administrator reads Minh's e-mail in "Hộp thư thử nghiệm" on
// /quan-tri/thong-bao (the SMTP sink in the server's process). The operators' channel health is on the
// sync page. axe-core on every page shown, no
// horizontal scroll on the phone, screenshots in e2e/artifacts/notifications/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page, Request } from 'playwright-core';
import {
  ApplyPage,
  applyPath,
  artifact,
  assertNoHorizontalScroll,
  clearArtifacts,
  IdentityProviderPage,
  MyDossierPage,
  smallPdf,
} from '../pages/citizen-pages.ts';
import { DossierPage, dossierPath, INTAKE_PATH, IntakePage } from '../pages/desk-pages.ts';
import { NotificationAdminPage, NotificationsSection, NotifyChoice } from '../pages/notification-pages.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  type TestPage,
} from '../support/browser.ts';

const JOURNEY = 'notifications';
const PHONE = { width: 360, height: 740 };
const CODE = /^H26\.104-\d{6}-\d{4}$/;
const MINH_PHONE = '0987654321';
const MINH_EMAIL = 'minh.tran@example.vn';
/** The simulators answer at once and report delivery within a second; the worker polls. */
const DELIVERY_WAIT_MS = 45_000;

let browser: Browser;
let citizen: TestPage;
let code = '';
let shots = 0;

async function check(page: Page, name: string, options: { phone?: boolean } = {}): Promise<void> {
  await assertAccessible(page, name);
  if (options.phone) await assertNoHorizontalScroll(page, name);
  shots += 1;
  await artifact(page, JOURNEY, `${String(shots).padStart(2, '0')}-${name}`);
}

async function staff(username: string, path: string): Promise<TestPage> {
  const tp = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(tp.page);
  await signIn.goto(path);
  await signIn.signInAs(username);
  return tp;
}

before(async () => {
  clearArtifacts(JOURNEY);
  browser = await launchBrowser();
  citizen = await openPage(browser, { viewport: PHONE, bypassCSP: true });
});

after(async () => {
  await browser?.close();
});

test('Trần Văn Minh applies online and chooses to be told by SMS and e-mail (e-mail only with an address)', async () => {
  const { page } = citizen;
  const apply = new ApplyPage(page);
  await page.goto(applyPath('1.001193'));
  await apply.signInButton.click();
  const idp = new IdentityProviderPage(page);
  await idp.waitFor();
  await idp.signInAs('Trần Văn Minh');
  await apply.stepHeading(1).waitFor();
  await apply.chooseAgency('hoan kiem', 'Ủy ban nhân dân Phường Hoàn Kiếm');
  await apply.next.click();

  // Step 2: no e-mail address yet, so e-mail is offered disabled with the reason; SMS is chosen.
  await apply.stepHeading(2).waitFor();
  const choice = new NotifyChoice(page, 'apply-notify-by');
  assert.equal(await choice.box('email').isDisabled(), true);
  assert.equal(await choice.box('email').isChecked(), false);
  assert.match(await page.locator('#apply-notify-by-email-why').innerText(), /Nhập địa chỉ e-mail/);
  assert.equal(await choice.box('sms').isChecked(), true);
  assert.equal(await choice.box('zalo').isChecked(), false);
  await check(page, 'apply-choice-no-email', { phone: true });
  // With an address, e-mail is offered and chosen (the default: e-mail when given, plus SMS).
  await apply.applicant('email').fill(MINH_EMAIL);
  assert.equal(await choice.box('email').isDisabled(), false);
  assert.equal(await choice.box('email').isChecked(), true);
  // Zalo ticked then unticked: the choice is his.
  await choice.box('zalo').check();
  await choice.box('zalo').uncheck();
  await check(page, 'apply-choice-sms-email', { phone: true });
  await apply.fillBirthDeclaration();
  await apply.next.click();

  await apply.stepHeading(3).waitFor();
  await apply.attach('TP3', 'giay-chung-sinh.pdf', smallPdf('Giay chung sinh Tran Minh An'));
  await apply.next.click();

  await apply.stepHeading(4).waitFor();
  const review = await apply.review.innerText();
  assert.match(review, /Nhận thông báo qua\s+E-mail, SMS/);
  await check(page, 'apply-review', { phone: true });
  const sent: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/portal/dossiers')) sent.push(r);
  });
  await apply.submit.click();
  await page.waitForURL((url) => url.pathname.startsWith('/cong-dich-vu-cong/ho-so-cua-toi/'), {
    timeout: 15_000,
  });
  const mine = new MyDossierPage(page);
  await mine.receipt.waitFor();
  code = (await mine.receiptCode.innerText()).trim();
  assert.match(code, CODE);
  const body = sent[0]?.postDataJSON() as { applicant: { email?: string; notifyBy?: string[] } };
  assert.deepEqual(body.applicant.notifyBy, ['email', 'sms']);
  assert.equal(body.applicant.email, MINH_EMAIL);
  // Nothing is sent before a desk receives it.
  const section = new NotificationsSection(page);
  await eventually(async () =>
    assert.match(await section.section.innerText(), /Chưa có thông báo nào về hồ sơ này/),
  );
  assertNoProblems(citizen.problems);
});

test('desk.hang-trong receives the dossier: the applicant sees "Đã gửi SMS · đã nhận", the desk the same list', async () => {
  assert.ok(code, 'the first test made a dossier');
  const desk = await staff('desk.hang-trong', dossierPath(code));
  const dossier = new DossierPage(desk.page);
  await dossier.summaryValue('Trạng thái').waitFor();
  await dossier.action('Tiếp nhận hồ sơ').click();
  const confirm = desk.page.getByRole('button', { name: 'Xác nhận: Tiếp nhận hồ sơ' });
  await confirm.waitFor();
  const handOn = desk.page.locator('#action-accept-nextAssigneeId');
  await eventually(async () => assert.notEqual(await handOn.inputValue(), ''));
  await handOn.selectOption('');
  await confirm.click();
  await eventually(async () =>
    assert.equal(await dossier.summaryValue('Trạng thái').innerText(), 'Đã tiếp nhận'),
  );

  // The worker has queued the messages (the applicant's own read of the dossier's notifications).
  await eventually(
    async () => {
      const res = await citizen.context.request.get(`/api/v1/dossiers/${code}/notifications`);
      assert.equal(res.status(), 200, await res.text());
      const { items } = (await res.json()) as { items: { channel: string }[] };
      assert.deepEqual(items.map((i) => i.channel).sort(), ['email', 'sms']);
    },
    DELIVERY_WAIT_MS,
    'the received message queued on both channels',
  );

  // His page reads itself again while a message is on its way, until the SMS is delivered.
  const { page } = citizen;
  const mine = new MyDossierPage(page);
  await mine.goto(code);
  const section = new NotificationsSection(page);
  await section.section.waitFor();
  await eventually(
    async () => {
      const sms = section.row('sms', 'Hồ sơ đã được tiếp nhận');
      assert.match(await sms.innerText(), /Đã gửi SMS · đã nhận/);
    },
    DELIVERY_WAIT_MS,
    '"Đã gửi SMS · đã nhận" on the applicant’s page',
  );
  await eventually(
    async () => assert.match(await section.row('email').innerText(), /Đã gửi e-mail · đã nhận/),
    DELIVERY_WAIT_MS,
    'the e-mail accepted by the SMTP sink',
  );
  const text = await section.section.innerText();
  assert.equal(await section.rows.count(), 2, 'one message per channel chosen, no Zalo');
  assert.ok(!text.includes(MINH_PHONE), 'the phone is masked');
  assert.ok(!text.includes(MINH_EMAIL), 'the e-mail address is masked');
  assert.match(await section.row('sms').innerText(), /09•••••321/);
  await check(page, 'applicant-notifications', { phone: true });
  assertNoProblems(citizen.problems);

  // The desk sees the same messages on its page of the dossier.
  await desk.page.goto(dossierPath(code));
  const staffSection = new NotificationsSection(desk.page);
  await staffSection.section.waitFor();
  await eventually(async () => {
    assert.match(await staffSection.row('sms').innerText(), /Đã gửi SMS · đã nhận/);
    assert.match(await staffSection.row('email').innerText(), /Đã gửi e-mail · đã nhận/);
  });
  const staffText = await staffSection.section.innerText();
  assert.ok(!staffText.includes(MINH_PHONE), 'masked for staff too');
  await check(desk.page, 'desk-notifications');
  assertNoProblems(desk.problems);
  await desk.context.close();
});

test('the Hà Nội administrator reads the e-mail Minh was sent in the demo inbox of /quan-tri/thong-bao', async () => {
  assert.ok(code, 'the first test made a dossier');
  const admin = await staff('demo-admin', '/quan-tri');
  const { page } = admin;
  await page.getByRole('link', { name: 'Thông báo cho người nộp' }).click();
  const notifications = new NotificationAdminPage(page);
  await notifications.heading.waitFor();
  await notifications.demoInbox.waitFor();
  const subject = `Hồ sơ ${code} đã được tiếp nhận`;
  const mail = notifications.demoMail(subject);
  await eventually(async () => assert.equal(await mail.count(), 1), DELIVERY_WAIT_MS, 'the e-mail listed');
  const text = await mail.innerText();
  assert.ok(text.includes(`Gửi đến ${MINH_EMAIL}`), text);
  assert.match(text, /Hồ sơ đã được tiếp nhận/);
  assert.ok(text.includes(`đã tiếp nhận hồ sơ ${code}`), text);
  assert.match(text, /Ngày hẹn trả kết quả: \d{2}\/\d{2}\/\d{4}/);
  await check(page, 'admin-demo-inbox');
  assertNoProblems(admin.problems);
  await admin.context.close();
});

test('at the desk, the applicant’s choice is asked too: SMS and Zalo, e-mail disabled without an address', async () => {
  const desk = await staff('desk.hang-trong', INTAKE_PATH);
  const { page } = desk;
  const intake = new IntakePage(page);
  await intake.procedure.fill('1.001193');
  await intake.options.first().waitFor();
  await intake.procedure.press('Enter');
  await intake.agency.waitFor();
  await intake.applicant('fullName').fill('Đỗ Thị Thu');
  await intake.applicant('idNumber').fill('001190077788');
  await intake.applicant('phone').fill('0903456789');
  const choice = new NotifyChoice(page, 'intake-notify-by');
  assert.equal(await choice.box('email').isDisabled(), true);
  assert.equal(await choice.box('sms').isChecked(), true);
  await choice.box('zalo').check();
  await intake.fillBirthDeclaration();
  await intake.component(1).selectOption('original');
  await intake.component(3).selectOption('original');
  await eventually(async () => assert.notEqual(await intake.handOn.inputValue(), ''));
  await intake.handOn.selectOption('');
  await assertAccessible(page, 'the intake page with the choice of channels');
  const sent: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/dossiers') sent.push(r);
  });
  await intake.save.click();
  await page.waitForURL((url) => /^\/ho-so\/H26\.104-\d{6}-\d{4}$/.test(url.pathname), { timeout: 15_000 });
  const body = sent[0]?.postDataJSON() as { applicant: { notifyBy?: string[] } };
  assert.deepEqual(body.applicant.notifyBy, ['sms', 'zalo']);
  // Hà Nội sends no Zalo (its channels: e-mail and SMS): the SMS alone is on the dossier.
  const section = new NotificationsSection(page);
  await section.section.waitFor();
  await eventually(
    async () => {
      await page.reload();
      await section.section.waitFor();
      assert.match(await section.row('sms').innerText(), /Đã gửi SMS/);
    },
    DELIVERY_WAIT_MS,
    'the SMS of the desk’s intake',
  );
  assert.equal(await section.row('zalo').count(), 0);
  await check(page, 'desk-intake-notifications');
  assertNoProblems(desk.problems);
  await desk.context.close();
});

test('a province administrator edits an SMS template: diacritics refused beside the field, then saved and reset', async () => {
  const admin = await staff('admin.quang-nam', '/quan-tri');
  const { page } = admin;
  await page.getByRole('link', { name: 'Thông báo cho người nộp' }).click();
  const templates = new NotificationAdminPage(page);
  await templates.heading.waitFor();
  assert.equal(await templates.heading.innerText(), 'Thông báo cho người nộp hồ sơ');
  await templates.editButton('received', 'sms').waitFor();
  assert.match(await templates.templateRow('received', 'sms').innerText(), /Mặc định/);
  await check(page, 'admin-templates');

  await templates.editButton('received', 'sms').click();
  await templates.editor.waitFor();
  const text = templates.field('text');
  assert.match(await text.inputValue(), /\{maHoSo\}/);
  await text.fill('Hồ sơ {maHoSo} đã được tiếp nhận, hẹn trả {ngayHenTra}');
  // Said while typing, and refused by the server beside the field.
  await page.getByText('Nội dung còn chữ có dấu; tin SMS phải viết không dấu.').waitFor();
  await templates.button('Lưu mẫu').click();
  await eventually(async () =>
    assert.match(await templates.fieldError('text').innerText(), /Tin nhắn SMS phải viết không dấu/),
  );
  assert.equal(await text.getAttribute('aria-invalid'), 'true');
  assert.match(await templates.errorSummary.innerText(), /Tin nhắn SMS phải viết không dấu/);
  await check(page, 'admin-sms-refused');

  // Unaccented: the counter, the preview with sample data, then saved as the province's own.
  await text.fill('Ho so {maHoSo} da duoc tiep nhan, hen tra {ngayHenTra}');
  assert.match(await page.locator('#template-text-after').innerText(), /\/306 ký tự, 1 tin nhắn/);
  await templates.button('Xem trước').click();
  await eventually(async () =>
    assert.match(await templates.preview.innerText(), /Ho so H01\.22-261207-0001 da duoc tiep nhan/),
  );
  await templates.button('Lưu mẫu').click();
  await eventually(async () => assert.match(await templates.notice.innerText(), /Đã lưu mẫu/));
  assert.equal(await templates.fieldError('text').count(), 0);
  await eventually(async () =>
    assert.match(await templates.templateRow('received', 'sms').innerText(), /Riêng của tỉnh/),
  );
  await check(page, 'admin-sms-saved');
  await templates.button('Dùng lại mẫu mặc định').click();
  await eventually(async () => assert.match(await templates.notice.innerText(), /Đã dùng lại mẫu mặc định/));
  await eventually(async () =>
    assert.match(await templates.templateRow('received', 'sms').innerText(), /Mặc định/),
  );
  assertNoProblems(admin.problems);
  await admin.context.close();
});

test('the operators see the notification channels on the sync page', async () => {
  const admin = await staff('demo-admin', '/quan-tri/dong-bo-dvcqg');
  const { page } = admin;
  const section = page.getByRole('region', { name: 'Gửi thông báo cho người nộp' });
  await section.waitFor();
  await eventually(async () => {
    const rows = section.locator('tbody tr');
    assert.equal(await rows.count(), 3);
  });
  assert.match(
    await section.locator('tbody tr').filter({ hasText: 'SMS' }).innerText(),
    /Bình thường|Đang lỗi/,
  );
  await check(page, 'sync-notification-health');
  assertNoProblems(admin.problems);
  await admin.context.close();
});
