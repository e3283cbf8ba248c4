// An anonymous citizen finds a procedure on the portal by typing, opens it and learns how long it
// takes, what it costs, where to apply and when the result would be ready if applying now.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { PORTAL_PATH, PortalPage } from '../pages/portal-page.ts';
import { ProcedurePage } from '../pages/procedure-page.ts';
import {
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
  type TestPage,
} from '../support/browser.ts';

let browser: Browser;
let tp: TestPage;

before(async () => {
  browser = await launchBrowser();
  tp = await openPage(browser);
});

after(async () => {
  await browser?.close();
});

test('typing "khai sinh" on the portal finds Thủ tục đăng ký khai sinh, without signing in', async () => {
  const portal = new PortalPage(tp.page);
  await portal.goto();
  assert.equal(await portal.heading.innerText(), 'Cổng dịch vụ công');
  assert.equal(await portal.userName.count(), 0);
  await eventually(async () => assert.match(await portal.status.innerText(), /^\d+ thủ tục/));
  await portal.type('khai sinh');
  // The unfiltered first page lists it too: wait for the answer to the words typed.
  await eventually(async () => assert.equal(await portal.status.innerText(), '9 thủ tục.'));
  const card = portal.resultCard('Thủ tục đăng ký khai sinh');
  await card.waitFor();
  assert.match(await card.innerText(), /1\.001193/);
  assert.match(await card.innerText(), /Trực tiếp\s*:?\s*1 ngày làm việc/);
  // The search is in the address, so it survives a visit to the procedure and back.
  assert.equal(new URL(tp.page.url()).searchParams.get('q'), 'khai sinh');
  await screenshot(tp.page, 'portal-search');
});

test('the procedure page: 1 ngày làm việc, Miễn phí, where to apply and the expected result date', async () => {
  const portal = new PortalPage(tp.page);
  await portal.result('Thủ tục đăng ký khai sinh').click();
  await portal.waitForPath('/thu-tuc/1.001193');
  const procedure = new ProcedurePage(tp.page);
  await eventually(async () =>
    assert.equal(await procedure.heading.innerText(), 'Thủ tục đăng ký khai sinh'),
  );
  assert.equal(await tp.page.evaluate(() => document.activeElement?.tagName), 'H1');
  await procedure.section('Thời hạn giải quyết').waitFor();

  const limits = await procedure.tableRows('Thời hạn giải quyết');
  assert.deepEqual(limits, [
    ['Trực tiếp', '1 ngày làm việc'],
    ['Trực tuyến', '1 ngày làm việc'],
    ['Dịch vụ bưu chính', '1 ngày làm việc'],
  ]);
  const fees = await procedure.tableRows('Phí, lệ phí');
  assert.deepEqual(fees[0]?.slice(0, 2), ['Trực tiếp, Trực tuyến, Dịch vụ bưu chính', 'Miễn phí']);
  assert.ok((await procedure.offeringAgencies.count()) >= 1, 'no offering agency listed');
  // the offering agencies are browsed by place, from the provinces that offer it
  assert.match(await procedure.section('Nơi nộp hồ sơ').innerText(), /Thành phố Hà Nội/);

  const expected = await eventually(async () => {
    const text = await procedure.expectedLine.innerText();
    assert.match(text, /^Nếu nộp bây giờ, dự kiến trả kết quả: \d{2}:\d{2} Thứ \S+, \d{2}\/\d{2}\/\d{4}$/);
    return text;
  });
  assert.ok(expected);
  assert.match(await procedure.section('Thành phần hồ sơ').innerText(), /Tờ khai đăng ký khai sinh theo mẫu/);
  assert.match(await procedure.section('Tờ khai').innerText(), /Họ, chữ đệm, tên \(bắt buộc\)/);
  assert.match(await procedure.section('Căn cứ pháp lý').innerText(), /123\/2015\/NĐ-CP/);
  await screenshot(tp.page, 'procedure-1.001193');

  await tp.page.goBack();
  await portal.waitForPath(PORTAL_PATH);
  assert.equal(await portal.searchBox.inputValue(), 'khai sinh');
  await portal.result('Thủ tục đăng ký khai sinh').waitFor();
});

test('a time limit published without its unit says so, and no date is guessed', async () => {
  const procedure = new ProcedurePage(tp.page);
  await procedure.goto('1.000656');
  const limits = await procedure.tableRows('Thời hạn giải quyết');
  // A bare published number is not shown as a time limit.
  assert.equal(limits[0]?.[1], 'Chưa công bố rõ');
  assert.match(
    await procedure.section('Thời hạn giải quyết').innerText(),
    /chỉ có con số, không nêu là ngày làm việc/,
  );
  assert.match(await procedure.expected.innerText(), /Chưa tính được ngày trả kết quả dự kiến/);
});

test('filters and pages narrow the list', async () => {
  const portal = new PortalPage(tp.page);
  await portal.goto();
  await eventually(async () => assert.match(await portal.status.innerText(), /đang xem thủ tục 1–10\./));
  const all = Number(/^(\d+)/.exec(await portal.status.innerText())?.[1]);
  await portal.pagerButton('Trang sau').click();
  await eventually(async () => assert.match(await portal.status.innerText(), /đang xem thủ tục 11–20\./));
  await portal.select('Cấp thực hiện').selectOption('province');
  await eventually(async () => {
    const text = await portal.status.innerText();
    const n = Number(/^(\d+)/.exec(text)?.[1]);
    assert.ok(n > 0 && n < all, `province filter gave: ${text}`);
    assert.match(text, /thủ tục 1–/);
  });
  assert.equal(new URL(tp.page.url()).searchParams.get('level'), 'province');
  await portal.type('zzzz khong co');
  await eventually(async () =>
    assert.equal(
      await portal.status.innerText(),
      'Không tìm thấy thủ tục nào phù hợp. Hãy thử từ khóa ngắn hơn hoặc bỏ bớt điều kiện lọc.',
    ),
  );
  assertNoProblems(tp.problems);
});
