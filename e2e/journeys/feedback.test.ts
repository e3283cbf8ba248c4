// Phản ánh, kiến nghị (#18) in the browser. A citizen, not signed in, on a 360 px phone, sends feedback
// about Hà Nội from the portal's home (refused first, each problem beside its field), with a PDF; gets
// the code and due time and follows it by code. desk.hoan-kiem finds it in the register and classifies
// it; leader.hoan-kiem assigns it to specialist.hoan-kiem, who drafts and submits the answer; the leader
// approves and publishes it. The citizen sees the answer (never the sender's data) and rates it with
// the phone given, then finds it in the published answers without diacritics; sends another about a
// ward (Phường Nhiêu Lộc), routed to its People's Committee. axe on every page, no horizontal scroll
// at 360 px, screenshots in e2e/artifacts/feedback/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { artifact, assertNoHorizontalScroll, clearArtifacts, smallPdf } from '../pages/citizen-pages.ts';
import { PlacePickerPart } from '../pages/place-picker.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  type TestPage,
} from '../support/browser.ts';

const JOURNEY = 'feedback';
const PHONE = '0912 345 678';
const SUBJECT = 'Bộ phận một cửa hẹn trả kết quả chậm';
const ANSWER = 'Ủy ban đã kiểm tra và chấn chỉnh việc hẹn trả kết quả tại bộ phận một cửa.';
const PHONE_SIZE = { width: 360, height: 740 };

let browser: Browser;
let citizen: TestPage;
let code = '';

before(async () => {
  clearArtifacts(JOURNEY);
  browser = await launchBrowser();
  citizen = await openPage(browser, { viewport: PHONE_SIZE, bypassCSP: true });
});
after(async () => {
  await browser?.close();
});

async function checked(page: Page, name: string): Promise<void> {
  await assertAccessible(page, name);
  await artifact(page, JOURNEY, name);
}

test('a citizen at 360 px sends feedback from the portal, refused first beside each field', async () => {
  const page = citizen.page;
  await page.goto('/cong-dich-vu-cong');
  await page.getByRole('link', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await page.waitForURL('**/cong-dich-vu-cong/gui-phan-anh-kien-nghi');
  await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' }).waitFor();
  await checked(page, '01-send-empty');

  await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary-title');
  const problems = await summary.locator('li').allInnerTexts();
  assert.ok(problems.includes('Tiêu đề: Cần nhập mục này.'), problems.join('\n'));
  assert.ok(
    problems.some((p) => p.startsWith('Về việc gì, ở đâu: Chọn nơi xảy ra việc')),
    problems.join('\n'),
  );
  assert.ok(problems.includes('Số điện thoại: Cần nhập mục này.'), problems.join('\n'));
  assert.equal(await page.locator('#fb-subject-error').innerText(), 'Cần nhập mục này.');
  await checked(page, '02-send-refused');
  await assertNoHorizontalScroll(page, 'the refused form');

  await page.locator('#fb-kind-phan-anh').check();
  await page.locator('#fb-subject').fill(SUBJECT);
  await page.locator('#fb-content').fill('Hồ sơ nộp ngày 01/12 đã quá hạn hẹn mà chưa được báo lý do.');
  await new PlacePickerPart(page, 'fb-place').choose('ha noi', 'Thành phố Hà Nội');
  await page.locator('#fb-files').setInputFiles({
    name: 'giay-hen.pdf',
    mimeType: 'application/pdf',
    buffer: smallPdf('Giay hen tra ket qua'),
  });
  await page.locator('.upload-item.upload-done').waitFor();
  await page.locator('#fb-fullName').fill('Lê Thị Lan');
  await page.locator('#fb-phone').fill('12');
  await page.locator('#fb-email').fill('lan@example.vn');
  await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await eventually(async () =>
    assert.equal(await page.locator('#fb-phone-error').innerText(), 'Số điện thoại gồm 8 đến 20 chữ số.'),
  );
  await page.locator('#fb-phone').fill(PHONE);
  await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();

  const sent = page.getByRole('heading', { name: 'Đã gửi phản ánh, kiến nghị' });
  await sent.waitFor();
  code = (await page.locator('.feedback-code').innerText()).trim();
  assert.match(code, /^PAKN\.\d{8}\.\d{4,6}$/);
  const receipt = await page.locator('.feedback-sent').innerText();
  assert.match(receipt, /Cơ quan xử lý\s*Ủy ban nhân dân Thành phố Hà Nội/i);
  assert.match(receipt, /Hạn trả lời\s*\d{2}:\d{2} Thứ \S+, \d{2}\/\d{2}\/\d{4}/);
  await checked(page, '03-sent');
  await assertNoHorizontalScroll(page, 'the receipt');

  await page.getByRole('link', { name: 'Theo dõi phản ánh, kiến nghị này' }).click();
  await page.waitForURL(`**/tra-cuu-phan-anh-kien-nghi/${code}`);
  await eventually(async () =>
    assert.match(
      await page.locator('.feedback-public').innerText(),
      /Tình trạng\s*Đã tiếp nhận, chờ phân loại/,
    ),
  );
  assert.doesNotMatch(await page.locator('main').innerText(), /0912|lan@example|Lê Thị Lan/);
  await checked(page, '04-followed');
  await assertNoHorizontalScroll(page, 'the lookup');
  assertNoProblems(citizen.problems);
});

async function staff(username: string): Promise<TestPage> {
  const tp = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(tp.page);
  await signIn.goto(`/phan-anh-kien-nghi/${code}`);
  await signIn.signInAs(username);
  await tp.page.getByRole('heading', { level: 1, name: `Phản ánh, kiến nghị ${code}` }).waitFor();
  return tp;
}

/** Opens an action's form, lets `fill` fill it, sends it and waits for the notice. */
async function act(page: Page, label: string, fill: (page: Page) => Promise<void> = async () => {}) {
  await page.locator('.action-buttons').getByRole('button', { name: label, exact: true }).click();
  await fill(page);
  await page.locator('form.action-form button[type=submit]').click();
  await eventually(async () =>
    assert.equal(await page.locator('.notice-success').innerText(), `Đã thực hiện: ${label}.`),
  );
  // The record is read again: the next action goes with its new version.
  await eventually(async () => assert.equal(await page.locator('[aria-busy="true"]').count(), 0));
}

test('the desk classifies it; the leader assigns it; the specialist answers; the leader approves and publishes', async () => {
  assert.ok(code, 'the first test sent nothing');
  const desk = await staff('desk.hoan-kiem');
  await desk.page.goto('/phan-anh-kien-nghi');
  const row = desk.page.getByRole('row').filter({ hasText: code });
  await row.waitFor();
  assert.match(await row.innerText(), /Đã tiếp nhận, chờ phân loại/);
  await checked(desk.page, '05-register');
  await row.getByRole('link', { name: code }).click();
  await desk.page.getByRole('heading', { level: 2, name: 'Người gửi' }).waitFor();
  assert.match(await desk.page.locator('main').innerText(), /0912 345 678/);
  await checked(desk.page, '06-record-desk');
  await act(desk.page, 'Phân loại', (p) => p.getByLabel('Thuộc thẩm quyền xử lý', { exact: true }).check());
  await eventually(async () =>
    assert.match(await desk.page.locator('main').innerText(), /Trạng thái\s*Đang xử lý/),
  );

  const leader = await staff('leader.hoan-kiem');
  await act(leader.page, 'Giao xử lý', async (p) => {
    const select = p.locator('select#fa-username');
    await select.waitFor();
    await select.selectOption({
      label: (await select.locator('option', { hasText: 'specialist.hoan-kiem' }).innerText()).trim(),
    });
  });

  const specialist = await staff('specialist.hoan-kiem');
  await act(specialist.page, 'Soạn dự thảo trả lời', (p) => p.locator('#fa-text').fill(ANSWER));
  await act(specialist.page, 'Trình duyệt trả lời');
  await checked(specialist.page, '07-submitted');

  await leader.page.reload();
  await leader.page.getByRole('heading', { level: 2, name: 'Dự thảo trả lời' }).waitFor();
  await act(leader.page, 'Duyệt trả lời');
  await act(leader.page, 'Công khai trả lời');
  await eventually(async () =>
    assert.match(await leader.page.locator('main').innerText(), /Đã công khai trên cổng/),
  );
  await checked(leader.page, '08-published');

  // The leader's report counts it for the city's People's Committee, answered on time.
  await leader.page.goto('/bao-cao/phan-anh-kien-nghi');
  const cityRow = leader.page.getByRole('row').filter({ hasText: 'Ủy ban nhân dân Thành phố Hà Nội' });
  await cityRow.waitFor();
  const cells = await cityRow.locator('td').allInnerTexts();
  assert.ok(Number(cells[0]) >= 1 && Number(cells[1]) >= 1, cells.join(' | '));
  await checked(leader.page, '09-report');
  for (const tp of [desk, leader, specialist]) {
    assertNoProblems(tp.problems);
    await tp.context.close();
  }
});

test('the citizen sees the published answer without the sender’s data and rates it', async () => {
  const page = citizen.page;
  await page.reload();
  await eventually(async () =>
    assert.match(await page.locator('.feedback-public').innerText(), /Đã trả lời, công khai/),
  );
  const main = await page.locator('main').innerText();
  assert.ok(main.includes(ANSWER), main);
  assert.doesNotMatch(main, /0912|lan@example|Lê Thị Lan/);
  await checked(page, '10-answer');

  await page.getByLabel('Hài lòng', { exact: true }).check();
  await page.locator('#rating-phone').fill(PHONE);
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await eventually(async () =>
    assert.equal(
      await page.locator('.notice-success').innerText(),
      'Cảm ơn bạn. Đã ghi nhận đánh giá: Hài lòng.',
    ),
  );
  await eventually(async () =>
    assert.match(await page.locator('main').innerText(), /Người gửi đã đánh giá câu trả lời: Hài lòng\./),
  );
  await checked(page, '11-rated');
  await assertNoHorizontalScroll(page, 'the rated answer');
  assertNoProblems(citizen.problems);
});

test('the published answer is listed for everyone at 360 px, found without diacritics, never with the sender', async () => {
  assert.ok(code, 'the first test sent nothing');
  const page = citizen.page;
  await page.goto('/cong-dich-vu-cong');
  await page.getByRole('navigation').getByRole('link', { name: 'Phản ánh, kiến nghị', exact: true }).click();
  await page.waitForURL('**/cong-dich-vu-cong/phan-anh-kien-nghi');
  await page.getByRole('heading', { level: 1, name: 'Trả lời phản ánh, kiến nghị' }).waitFor();
  await page.locator('#fb-pub-q').fill('bo phan mot cua hen tra ket qua cham');
  await page.waitForURL(/\?q=bo\+phan\+mot\+cua/);
  const item = page.locator('article').filter({ hasText: code });
  await item.waitFor();
  const text = await item.innerText();
  assert.ok(text.includes(SUBJECT) && text.includes(ANSWER), text);
  assert.match(text, /Trả lời của Ủy ban nhân dân Thành phố Hà Nội/);
  assert.doesNotMatch(await page.locator('main').innerText(), /0912|lan@example|Lê Thị Lan/);
  await checked(page, '12-published-list');
  await assertNoHorizontalScroll(page, 'the published answers');

  // Words that match nothing: said so; the code leads to its lookup, where the sender may rate.
  await page.locator('#fb-pub-q').fill('khong co phan anh nao nhu the nay');
  await eventually(async () =>
    assert.equal(
      await page.locator('#fb-pub-results .table-count').innerText(),
      'Không có phản ánh, kiến nghị đã trả lời nào khớp.',
    ),
  );
  await page.locator('#fb-pub-q').fill('hẹn trả kết quả');
  await page.locator('article').filter({ hasText: code }).getByRole('link', { name: code }).click();
  await page.waitForURL(`**/tra-cuu-phan-anh-kien-nghi/${code}`);
  assertNoProblems(citizen.problems);
});

test('a citizen picks a ward on the send page: it goes to that ward’s People’s Committee', async () => {
  const page = citizen.page;
  await page.goto('/cong-dich-vu-cong/gui-phan-anh-kien-nghi');
  await page.getByRole('link', { name: 'Xem các phản ánh, kiến nghị đã được trả lời' }).waitFor();
  await page.locator('#fb-subject').fill('Vỉa hè bị lấn chiếm');
  await page.locator('#fb-content').fill('Vỉa hè đường Trần Quốc Thảo bị lấn chiếm làm bãi giữ xe.');
  await new PlacePickerPart(page, 'fb-place').choose('nhieu loc', 'Phường Nhiêu Lộc');
  await checked(page, '13-ward-picked');
  await page.locator('#fb-fullName').fill('Lê Thị Lan');
  await page.locator('#fb-phone').fill(PHONE);
  await page.locator('#fb-email').fill('lan@example.vn');
  await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
  await page.getByRole('heading', { name: 'Đã gửi phản ánh, kiến nghị' }).waitFor();
  assert.match(
    await page.locator('.feedback-sent').innerText(),
    /Cơ quan xử lý\s*Ủy ban nhân dân Phường Nhiêu Lộc/i,
  );
  await checked(page, '14-ward-sent');
  await assertNoHorizontalScroll(page, 'the receipt of a ward’s PAKN');
  assertNoProblems(citizen.problems);
});
