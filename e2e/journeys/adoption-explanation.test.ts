// Item 5 of "Steering by figures", in the browser: Hà Nội's province administrator (demo-admin) opens
// "Theo dõi sử dụng hệ thống" from the overview, finds Xã Thanh Oai marked "Chưa sử dụng hệ thống" this
// month (no journey receives there) although it has moved its history in from the legacy system today
// (one returned dossier of 2021, imported through the API: "Moving in", item 5 — the monitor says from
// which day and how far back, and imported dossiers are not use), reads the twelve-month trend as a
// chart with its table, asks the
// commune from its row to explain by a due day (an empty due day is refused first, named). The
// commune's leader (leader.thanh-oai) signs in, finds the request addressed to the commune and answers
// it; the administrator sees it answered. axe on each view; no horizontal scroll at 360 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { vnDate } from '../../common/time/vn-time.ts';
import { jsonl, returnedRecord } from '../../server/modules/imports/test-kit.ts';
import { ADOPTION_PATH, AdoptionPage } from '../pages/adoption-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  BASE_URL,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';

const COMMUNE = 'Ủy ban nhân dân Xã Thanh Oai';
const ANSWER = 'Xã chưa được cấp tài khoản cho bộ phận một cửa; đã tiếp nhận trên hệ thống từ tuần này.';

let browser: Browser;
let thanhOai = '';
let requestId = '';

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
const inThreeDays = () => vnDate(Date.now() + 3 * 86_400_000);

before(async () => {
  browser = await launchBrowser();
  const { page, context } = await openPage(browser);
  const login = await page.request.post('/api/v1/auth/login', {
    data: { username: 'demo-admin', password: 'demo' },
  });
  assert.equal(login.status(), 200);
  const res = await page.request.get('/api/v1/agencies?unitCode=10114&kind=people-committee');
  assert.equal(res.status(), 200, await res.text());
  thanhOai = ((await res.json()) as { items: { code: string }[] }).items[0]!.code;
  // The commune's history moves in: a birth registration returned in June 2021, far from every
  // period another journey reads.
  const june2021 = {
    NgayNopHoSo: '20210610080000',
    NgayTiepNhan: '20210610080000',
    NgayHenTra: '20210615080000',
    NgayKetThucXuLy: '20210614150000',
    NgayTra: '20210615090000',
    QuaTrinhXuLy: [],
  };
  const posted = await page.request.post('/api/v1/imports/dossiers?dryRun=false&format=dvcqg', {
    headers: { origin: BASE_URL, 'content-type': 'application/x-ndjson' },
    data: jsonl([returnedRecord(thanhOai, `${thanhOai}-210610-9001`, june2021)]),
  });
  assert.equal(posted.status(), 202, await posted.text());
  const id = ((await posted.json()) as { id: string }).id;
  await eventually(async () => {
    const run = await page.request.get(`/api/v1/imports/${id}`);
    const view = (await run.json()) as { state: string; accepted: number; report: unknown[] };
    assert.deepEqual([view.state, view.accepted], ['done', 1], JSON.stringify(view.report));
  });
  await context.close();
});

after(async () => {
  await browser?.close();
});

async function noHorizontalScroll(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  await eventually(async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page is ${width} px wide`);
  });
}

test('the province administrator finds Xã Thanh Oai not using the system and asks it to explain', async () => {
  // axe is injected: this view bypasses the CSP; the administrator's second visit below keeps it.
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signInAs('demo-admin');
  await signIn.navLink('Tổng quan').click();
  await page.getByRole('link', { name: 'Theo dõi sử dụng hệ thống' }).click();
  await signIn.waitForPath(ADOPTION_PATH);
  const monitor = new AdoptionPage(page);
  assert.equal(await monitor.heading.innerText(), 'Theo dõi việc sử dụng hệ thống của các cơ quan');
  await eventually(async () =>
    assert.match(await monitor.status.innerText(), /^Đã tải số liệu tháng \d+ năm \d{4}\.$/),
  );

  // The commune's row says it, in words and by its look.
  const row = monitor.row(thanhOai);
  await row.waitFor();
  assert.match(await row.locator('th').innerText(), new RegExp(COMMUNE));
  assert.match(await monitor.cell(thanhOai, 'Tình trạng').innerText(), /Chưa sử dụng hệ thống/);
  assert.equal(await row.getAttribute('class'), 'adoption-not-using');
  assert.equal(await monitor.cell(thanhOai, 'Tiếp nhận').innerText(), '0');
  assert.equal(await monitor.cell(thanhOai, 'Giải trình').locator('li').count(), 0);
  // Moved in today, its history back to 2021; still not using the system, which it never received in.
  const today = ddmmyyyy(vnDate(Date.now()));
  const movedIn = await monitor.cell(thanhOai, 'Chuyển dữ liệu, hồ sơ đầu tiên').innerText();
  assert.match(movedIn, new RegExp(`Đã chuyển dữ liệu từ hệ thống cũ từ ngày ${today}`));
  assert.match(movedIn, /1 hồ sơ, lịch sử từ ngày 10\/06\/2021/);
  assert.match(movedIn, /Chưa tiếp nhận hồ sơ nào trên hệ thống/);
  assert.match(
    await monitor.unitHeading(thanhOai).innerText(),
    new RegExp(`Đã chuyển dữ liệu từ hệ thống cũ từ ngày ${today} \\(1 hồ sơ`),
  );

  // The trend: twelve months in the table beside the chart, which chart.js draws.
  await monitor.trendTable.waitFor();
  assert.equal(await monitor.trendTable.locator('tbody tr').count(), 12);
  await eventually(async () => assert.ok(await monitor.painted(monitor.trendChart), 'the chart is drawn'));
  await assertAccessible(page, 'the adoption monitor');

  // Asked from the commune's row: the form names it; an empty due day is refused and named.
  await monitor
    .cell(thanhOai, 'Giải trình')
    .getByRole('button', { name: /Yêu cầu giải trình/ })
    .click();
  await eventually(async () => assert.match(await monitor.askAgency.chosen.innerText(), /Xã Thanh Oai/));
  await monitor.dueOn.fill('');
  await monitor.send.click();
  await monitor.errorSummary.waitFor();
  assert.match(
    await monitor.errorSummary.innerText(),
    /Hạn trả lời: Nhập hạn trả lời theo dạng ngày\/tháng\/năm\./,
  );
  assert.equal(await monitor.fieldError(monitor.dueOn), 'Nhập hạn trả lời theo dạng ngày/tháng/năm.');
  await assertAccessible(page, 'the explanation request refused');

  await monitor.dueOn.fill(ddmmyyyy(inThreeDays()));
  await monitor.dueOn.blur();
  assert.match(
    await monitor.message.inputValue(),
    /^Đề nghị giải trình lý do chưa tiếp nhận, giải quyết hồ sơ/,
  );
  await monitor.send.click();
  const sent = monitor.notice('adoption-ask');
  await sent.waitFor();
  assert.equal(await sent.innerText(), `Đã gửi yêu cầu giải trình đến ${COMMUNE}.`);
  // The row and the list of requests show it, awaiting an answer by its due day.
  await eventually(async () =>
    assert.equal(
      await monitor.cell(thanhOai, 'Giải trình').locator('li').innerText(),
      `Chờ trả lời, hạn ${ddmmyyyy(inThreeDays())}`,
    ),
  );
  const listed = page
    .locator('section[aria-labelledby="adoption-requests"] article')
    .filter({ hasText: COMMUNE });
  await listed.first().waitFor();
  requestId = (await listed.first().getAttribute('data-request')) ?? '';
  assert.ok(requestId);
  assert.match(await listed.first().innerText(), /Chờ trả lời/);
  await screenshot(page, 'adoption-asked');
  await noHorizontalScroll(page);
  assertNoProblems(problems);
  await context.close();
});

test("the commune's leader answers the request; the administrator sees it answered", async () => {
  assert.ok(requestId, 'the request of the first journey');
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signInAs('leader.thanh-oai');
  await signIn.navLink('Tổng quan').click();
  await page.getByRole('link', { name: 'Theo dõi sử dụng hệ thống' }).click();
  await signIn.waitForPath(ADOPTION_PATH);
  const monitor = new AdoptionPage(page);
  const mine = monitor.request('adoption-mine', requestId);
  await mine.waitFor();
  assert.match(await mine.innerText(), /Chờ trả lời/);
  assert.match(await mine.innerText(), /Nguyễn Văn Hùng/, 'who asked');
  // Nobody but the province's administrator asks: no form here.
  assert.equal(await monitor.send.count(), 0);

  const reply = mine.getByLabel('Nội dung giải trình');
  await mine.getByRole('button', { name: 'Gửi giải trình' }).click();
  await eventually(async () => assert.equal(await monitor.fieldError(reply), 'Nhập nội dung giải trình.'));
  await reply.fill(ANSWER);
  await mine.getByRole('button', { name: 'Gửi giải trình' }).click();
  await eventually(async () => assert.match(await mine.innerText(), /Đã trả lời/));
  assert.match(await mine.innerText(), new RegExp(ANSWER.slice(0, 30)));
  assert.match(await mine.innerText(), /Trần Thị Kim Oanh/);
  assert.equal(await mine.getByRole('button', { name: 'Gửi giải trình' }).count(), 0, 'answered once');
  await assertAccessible(page, 'the leader answered');
  await screenshot(page, 'adoption-answered');
  assertNoProblems(problems);
  await context.close();

  // The administrator, under the real CSP: the row and the list say answered, with the answer.
  const admin = await openPage(browser);
  const adminSignIn = new SignInPage(admin.page);
  await adminSignIn.goto(ADOPTION_PATH);
  await adminSignIn.signInAs('demo-admin');
  const view = new AdoptionPage(admin.page);
  await eventually(async () =>
    assert.ok(await view.painted(view.trendChart), 'chart.js draws under the CSP'),
  );
  await eventually(async () =>
    assert.match(await view.cell(thanhOai, 'Giải trình').innerText(), /^Đã trả lời, hạn /),
  );
  const listed = view.request('adoption-requests', requestId);
  await listed.waitFor();
  assert.match(await listed.innerText(), /Đã trả lời/);
  assert.match(await listed.innerText(), /Trần Thị Kim Oanh/);
  await admin.page.locator('#adoption-requests-state').selectOption('answered');
  await eventually(async () =>
    assert.ok((await view.request('adoption-requests', requestId).count()) === 1, 'listed as answered'),
  );
  assertNoProblems(admin.problems);
  await admin.context.close();
});
