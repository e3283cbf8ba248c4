// #16.3 Reorganisation as an operation, in the browser. A dossier waits at Xã Nam Trà My (received by
// desk.nam-tra-my through the API). The province administrator opens "Sắp xếp đơn vị hành chính" from
// "Quản trị", is told every field an empty plan lacks, then describes the merge of Xã Nam Trà My
// (20944) into Xã Tây Giang (20455) from today: the hand-over follows (Nam Trà My's People's
// Committee to Tây Giang's), the preview counts what moves (the dossier, one staff role, the
// procedures, the desk); applying it for tomorrow is refused beside the date, applying it for today
// after the confirmation is announced. The leader of Xã Tây Giang (leader.tay-giang), in English
// at 360 px, finds the hand-over from the home page and acknowledges it; the administrator sees it
// acknowledged. axe on each view; no horizontal scroll at 360 px.
//
// This journey changes the map the other journeys run on: from today Xã Nam Trà My (Đà Nẵng) has
// ended, and its demo account (desk.nam-tra-my) and its desk work for Xã Tây Giang. No other journey
// uses Đà Nẵng's communes or their accounts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { vnDate } from '../../common/time/vn-time.ts';
import { birthAtCounter } from '../../server/test/fixtures.ts';
import { ReorganisationPage, REORGANISATION_PATH } from '../pages/reorganisation-page.ts';
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
import { untranslatedText } from '../support/english-text.ts';

const TITLE = 'Sắp xếp đơn vị hành chính';
const NAME = 'Nhập Xã Nam Trà My vào Xã Tây Giang';
const LEADER = 'Alăng Văn Thuận';
const PROVINCE = ['Thành phố Hà Nội'];

let browser: Browser;
let cuaNam = '';
let hoanKiem = '';
let dossier = '';

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
const today = () => vnDate(Date.now());
const tomorrow = () => vnDate(Date.now() + 86_400_000);

before(async () => {
  browser = await launchBrowser();
  const { page, context } = await openPage(browser);
  const signInAs = async (username: string) => {
    await context.clearCookies();
    const login = await page.request.post('/api/v1/auth/login', { data: { username, password: 'demo' } });
    assert.equal(login.status(), 200);
  };
  const committee = async (unitCode: string) => {
    const res = await page.request.get(`/api/v1/agencies?unitCode=${unitCode}&kind=people-committee`);
    assert.equal(res.status(), 200, await res.text());
    return ((await res.json()) as { items: { code: string }[] }).items[0]!.code;
  };
  await signInAs('admin.quang-nam');
  cuaNam = await committee('20944');
  hoanKiem = await committee('20455');
  await signInAs('desk.nam-tra-my');
  const intake = await page.request.post('/api/v1/dossiers', {
    headers: { origin: BASE_URL },
    data: birthAtCounter(cuaNam),
  });
  assert.equal(intake.status(), 201, await intake.text());
  dossier = ((await intake.json()) as { code: string }).code;
  await context.close();
});

after(async () => {
  await browser?.close();
});

async function noHorizontalScroll(page: Page): Promise<void> {
  await eventually(async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page is ${width} px wide`);
  });
}

test('#16.3 the province administrator previews the merge of Xã Nam Trà My into Xã Tây Giang and applies it', async () => {
  const { page, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto('/quan-tri');
  await signIn.signIn('admin.quang-nam', 'demo');
  await signIn.waitForPath('/quan-tri');
  await page.getByRole('link', { name: TITLE }).click();
  await signIn.waitForPath(REORGANISATION_PATH);
  const reorg = new ReorganisationPage(page);
  await reorg.heading.waitFor();
  assert.equal(await reorg.heading.innerText(), TITLE);
  assert.equal(await reorg.effectiveOn.inputValue(), ddmmyyyy(today()), 'effective from today unless said');

  // An empty plan: every field it lacks is named, in the summary (focused) and beside the field.
  await reorg.previewButton.click();
  await reorg.errorSummary.waitFor();
  await eventually(async () =>
    assert.ok(await reorg.errorSummary.locator('h2').evaluate((el) => el === document.activeElement)),
  );
  const summary = await reorg.errorSummary.innerText();
  for (const line of [
    'Tên đợt sắp xếp: Nhập tên đợt sắp xếp.',
    'Căn cứ pháp lý: Nhập căn cứ pháp lý.',
    'Phường, xã chấm dứt 1: Chọn phường, xã.',
    'Phường, xã kế thừa: Chọn phường, xã.',
  ])
    assert.ok(summary.includes(line), `${line} in\n${summary}`);
  assert.equal(await reorg.fieldError(reorg.name), 'Nhập tên đợt sắp xếp.');
  await assertAccessible(page, 'the reorganisation form refused');

  // The merge: the wards picked in the place picker, the hand-over follows.
  await reorg.name.fill(NAME);
  await reorg.basis.fill('Nghị quyết thử nghiệm số 01/2026');
  await (await reorg.endedUnit(1)).choose('nam tra my', 'Xã Nam Trà My');
  await reorg.successor.choose('tay giang', 'Xã Tây Giang');
  const row = reorg.handoverRow(1);
  await eventually(async () => {
    const text = await row.innerText();
    assert.match(text, /Ủy ban nhân dân Xã Nam Trà My/);
    assert.match(text, /Ủy ban nhân dân Xã Tây Giang/);
  });

  // The preview: what the closing committee hands over, and to whom; nothing is written.
  await reorg.previewButton.click();
  await reorg.previewTable.waitFor();
  const cell = (column: string) => reorg.previewCell(cuaNam, column).innerText();
  assert.match(
    await reorg.previewTable
      .getByRole('row')
      .filter({ hasText: `(${cuaNam})` })
      .innerText(),
    new RegExp(`Ủy ban nhân dân Xã Tây Giang\\s*\\(${hoanKiem.replace(/\./g, '\\.')}\\)`),
  );
  assert.equal(await cell('Hồ sơ đang giải quyết'), '1', `the dossier ${dossier} received at Nam Trà My`);
  assert.equal(await cell('Phân quyền cán bộ'), '1', 'desk.nam-tra-my');
  assert.equal(await cell('Bộ phận một cửa'), '1');
  assert.ok(Number(await cell('Thủ tục')) > 10, 'the procedures Nam Trà My offers');
  assert.ok(
    await page
      .getByRole('heading', { name: 'Xem trước', level: 2 })
      .evaluate((el) => el === document.activeElement),
    'the preview takes the focus',
  );
  await assertAccessible(page, 'the reorganisation preview');
  await screenshot(page, 'reorganisation-preview');

  // Applied for tomorrow: the server's refusal is shown beside the date.
  await reorg.effectiveOn.fill(ddmmyyyy(tomorrow()));
  await reorg.effectiveOn.blur();
  await page.getByText('Phương án đã thay đổi sau lần xem trước').waitFor();
  await reorg.applyButton.click();
  await reorg.confirm.getByRole('button', { name: 'Xác nhận thực hiện' }).click();
  await reorg.errorSummary.waitFor();
  await eventually(async () =>
    assert.match(await reorg.fieldError(reorg.effectiveOn), /hãy thực hiện từ ngày đó/),
  );
  assert.match(await reorg.errorSummary.innerText(), /Ngày có hiệu lực: Đợt sắp xếp có hiệu lực từ ngày/);

  // Applied for today, after the confirmation naming it.
  await reorg.effectiveOn.fill(ddmmyyyy(today()));
  await reorg.effectiveOn.blur();
  await reorg.applyButton.click();
  const question = reorg.confirm.locator('.confirm-question');
  await question.waitFor();
  assert.match(await question.innerText(), new RegExp(`${NAME} có hiệu lực từ ${ddmmyyyy(today())}`));
  assert.ok(await question.evaluate((el) => el === document.activeElement), 'the question is focused');
  await reorg.confirm.getByRole('button', { name: 'Xác nhận thực hiện' }).click();
  await reorg.notice.waitFor();
  assert.equal(
    await reorg.notice.innerText(),
    'Đã thực hiện đợt sắp xếp: 1 hồ sơ đang giải quyết đã được bàn giao cho đơn vị kế thừa.',
  );
  assert.ok(await reorg.notice.evaluate((el) => el === document.activeElement), 'the outcome is focused');
  const handover = reorg.handover(NAME, cuaNam);
  await handover.waitFor();
  assert.match(await handover.innerText(), /Chưa xác nhận/);
  assert.equal(await reorg.name.inputValue(), '', 'the form is empty for the next plan');
  await assertAccessible(page, 'the reorganisation applied');
  await screenshot(page, 'reorganisation-applied');
  assertNoProblems(problems);
  await page.context().close();
});

test('#16.3 the leader of Xã Tây Giang, in English at 360 px, acknowledges the hand-over from the home page', async () => {
  const { page, problems, context } = await openPage(browser, {
    bypassCSP: true,
    viewport: { width: 360, height: 740 },
  });
  await context.addInitScript(() => window.localStorage.setItem('motcua.lang', 'en'));
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signInAs('leader.tay-giang');
  const card = page
    .locator('.card')
    .filter({ has: page.getByRole('link', { name: 'Reorganising administrative units' }) });
  await eventually(async () =>
    assert.match(await card.innerText(), /1 hand-over waiting for acknowledgement\./),
  );
  await card.getByRole('link').click();
  await signIn.waitForPath(REORGANISATION_PATH);
  const reorg = new ReorganisationPage(page);
  await reorg.heading.waitFor();
  assert.equal(
    await reorg.previewButton.count(),
    0,
    'a leader reads and acknowledges; the plan is the administrator’s',
  );
  const handover = reorg.handover(NAME, cuaNam);
  await handover.waitFor();
  assert.match(await handover.innerText(), /Not acknowledged yet/);
  await noHorizontalScroll(page);
  await assertAccessible(page, 'the hand-overs as the successor’s leader');
  assert.deepEqual(await untranslatedText(page, PROVINCE), []);
  await screenshot(page, 'reorganisation-leader-360', { fullPage: true });

  await handover.getByRole('button', { name: /^Acknowledge the hand-over/ }).click();
  await reorg.notice.waitFor();
  assert.equal(await reorg.notice.innerText(), `The hand-over from agency ${cuaNam} is acknowledged.`);
  assert.ok(await reorg.notice.evaluate((el) => el === document.activeElement), 'the outcome is focused');
  await eventually(async () =>
    assert.match(await handover.innerText(), new RegExp(`Acknowledged by ${LEADER}`)),
  );
  assert.equal(await handover.getByRole('button').count(), 0, 'acknowledged once');
  await noHorizontalScroll(page);
  assert.deepEqual(await untranslatedText(page, PROVINCE), []);
  assertNoProblems(problems);
  await context.close();
});

test('#16.3 the administrator sees the hand-over acknowledged; the form fits 360 px in English', async () => {
  const { page, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto(REORGANISATION_PATH);
  await signIn.signInAs('admin.quang-nam');
  const reorg = new ReorganisationPage(page);
  const handover = reorg.handover(NAME, cuaNam);
  await handover.waitFor();
  assert.match(await handover.innerText(), new RegExp(`${LEADER} đã xác nhận`));
  await page.context().close();

  const narrow = await openPage(browser, { bypassCSP: true, viewport: { width: 360, height: 740 } });
  await narrow.context.addInitScript(() => window.localStorage.setItem('motcua.lang', 'en'));
  const again = new SignInPage(narrow.page);
  await again.goto(REORGANISATION_PATH);
  await again.signInAs('admin.quang-nam');
  const form = new ReorganisationPage(narrow.page);
  await form.name.waitFor();
  await form.previewButton.click();
  await form.errorSummary.waitFor();
  await form.handover(NAME, cuaNam).waitFor();
  assert.match(await form.handover(NAME, cuaNam).innerText(), new RegExp(`Acknowledged by ${LEADER}`));
  await noHorizontalScroll(narrow.page);
  await assertAccessible(narrow.page, 'the reorganisation form in English at 360 px');
  assert.deepEqual(await untranslatedText(narrow.page, PROVINCE), []);
  await screenshot(narrow.page, 'reorganisation-admin-360', { fullPage: true });
  assertNoProblems([...problems, ...narrow.problems]);
  await narrow.context.close();
});
