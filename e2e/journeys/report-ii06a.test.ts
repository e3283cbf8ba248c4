// The leader of Phường Hoàn Kiếm reads Biểu II.06a. The server's clock cannot be moved here, so the late
// and overdue figures come from the demo history: three birth registrations received on 16/6/2025 at the
// former wards, due the next day and handed over to Phường Hoàn Kiếm on 1/7/2025. Before the browser
// opens, one of them is worked to its result through the API (desk → specialist → leader approves): a
// result today, long after its due time, so this quarter's only late result at the ward; the other two
// stay open and overdue. A dossier received and approved today joins them (early or on time). Other
// journeys receive and resolve at the same ward at the same time, but everything they do is due later
// than today: columns 6, 10 and 13 are exactly the demo history's, the rest "at least".
// The leader picks the quarter, reads the form's table, opens column (10) and (13), comes back, downloads
// the .xlsx and reads it with ExcelJS; another quarter and Back; axe on both pages, 360 px.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { namedPeriod, periodLabel } from '../../common/reports/ii06a.ts';
import { vnCivil } from '../../common/time/vn-time.ts';
import { II06A_DOSSIERS_PATH, II06A_PATH, Ii06aDossiersPage, Ii06aPage } from '../pages/ii06a-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertAccessible,
  assertNoProblems,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';
import { approveAtLeader, forward, issueElectronicResult, staffSession } from '../support/results.ts';

const WARD = 'Ủy ban nhân dân Phường Hoàn Kiếm';
const ROMAN = ['I', 'II', 'III', 'IV'];
const today = vnCivil(new Date());
const QUARTER = Math.floor((today.month - 1) / 3) + 1;
const PERIOD = namedPeriod('quarter', today.year, QUARTER);
const LABEL = periodLabel(PERIOD.from, PERIOD.to);

let browser: Browser;
/** The demo dossier resolved today, late; the two left overdue. */
let late: string;
let overdue: string[];

before(async () => {
  browser = await launchBrowser();
  const leader = await staffSession(browser, 'leader.hang-trong');
  const history = await leader.request.get(
    '/api/v1/reports/ii06a/dossiers?from=2025-04-01&to=2025-06-30&cell=inProgress.overdue',
  );
  assert.equal(history.status(), 200, await history.text());
  const codes = ((await history.json()) as { items: { code: string }[] }).items.map((i) => i.code);
  assert.equal(codes.length, 3, `the demo history's June 2025 dossiers: ${codes.join(', ')}`);
  await leader.close();
  [late, ...overdue] = codes as [string, ...string[]];

  const desk = await staffSession(browser, 'desk.hang-trong');
  await forward(desk, late, 'specialist.hang-trong');
  await desk.close();
  const specialist = await staffSession(browser, 'specialist.hang-trong');
  await forward(specialist, late, 'leader.hang-trong');
  await specialist.close();
  await approveAtLeader(browser, late, 'Giấy khai sinh (bản điện tử) — Đỗ Gia Bảo');

  await issueElectronicResult(
    browser,
    { kind: 'person', fullName: 'Hoàng Văn Nam', idNumber: '001089006677', phone: '0987001122' },
    'Giấy khai sinh (bản điện tử) — Hoàng Minh Khang',
  );
});

after(async () => {
  await browser?.close();
});

async function signedIn(
  path?: string,
): Promise<{ page: Page; report: Ii06aPage; done: () => Promise<void> }> {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto(path);
  await signIn.signInAs('leader.hang-trong');
  return {
    page,
    report: new Ii06aPage(page),
    done: async () => {
      assertNoProblems(problems);
      await context.close();
    },
  };
}

/** A cell's text: a string, a number, or ExcelJS's rich text. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  const rich = (v as { richText?: { text: string }[] }).richText;
  return rich ? rich.map((r) => r.text).join('') : JSON.stringify(v);
}

/** Columns 3–13 as [col] → figure. */
const byColumn = (figures: number[]) => (column: number) => figures[column - 3]!;

test('leader.hang-trong picks this quarter, reads the form and opens the late and the overdue dossiers', async () => {
  const { page, report, done } = await signedIn();
  // From the overview to the form, by the reports' own navigation.
  await report.navLink('Tổng quan').click();
  await report.waitForPath('/bao-cao');
  await page
    .getByRole('navigation', { name: 'Các báo cáo' })
    .getByRole('link', { name: 'Biểu II.06a' })
    .click();
  await report.waitForPath(II06A_PATH);
  assert.equal(await report.heading.innerText(), 'Biểu II.06a — Tình hình, kết quả giải quyết TTHC');

  await report.showQuarter(ROMAN[QUARTER - 1]!, today.year);
  await page.waitForURL((u) => u.search === `?tu=${PERIOD.from}&den=${PERIOD.to}`);
  await eventually(async () => assert.equal(await report.status.innerText(), `Đã tải số liệu ${LABEL}.`));
  const heads = await report.headingRows();
  assert.deepEqual(heads[0], [
    'STT',
    'Cơ quan',
    'Số hồ sơ nhận giải quyết',
    'Số hồ sơ đã giải quyết',
    'Số hồ sơ đang giải quyết',
  ]);
  assert.deepEqual(heads[1], [
    'Tổng số',
    'Trực tuyến',
    'Trực tiếp, dịch vụ bưu chính công ích',
    'Từ kỳ trước',
    'Tổng số',
    'Trước hạn',
    'Đúng hạn',
    'Quá hạn',
    'Tổng số',
    'Trong hạn',
    'Quá hạn',
  ]);
  assert.deepEqual(
    heads[2],
    Array.from({ length: 13 }, (_, i) => `(${i + 1})`),
  );

  const totals = await report.totals();
  const col = byColumn(totals);
  assert.equal(col(6), 3, 'carried over: the three June 2025 dossiers');
  assert.equal(col(10), 1, 'resolved late: the one worked to its result today');
  assert.equal(col(13), 2, 'in progress, overdue: the other two');
  assert.ok(col(5) >= 1 && col(8) + col(9) >= 1, `received and resolved today: ${totals.join(' ')}`);
  assert.equal(col(3), col(4) + col(5) + col(6));
  assert.equal(col(7), col(8) + col(9) + col(10));
  assert.equal(col(11), col(12) + col(13));
  assert.deepEqual(await report.rowFigures(WARD), totals, 'one agency in reach: its row is the total');
  await screenshot(page, 'report-ii06a');

  // Column (10) of the ward's row: exactly the late result.
  await report.figure(10, WARD).click();
  await report.waitForPath(II06A_DOSSIERS_PATH);
  const drill = new Ii06aDossiersPage(page);
  await drill.table.waitFor();
  assert.equal(await drill.heading.innerText(), `Cột (10) Quá hạn — 1 hồ sơ — ${WARD} — ${LABEL}`);
  assert.deepEqual(await drill.codes(), [late]);
  assert.equal(
    await drill.table.getByRole('link', { name: late }).getAttribute('href'),
    `/ho-so/${encodeURIComponent(late)}`,
  );
  await assertAccessible(page, 'the dossiers behind a figure of II.06a');
  await screenshot(page, 'report-ii06a-dossiers');

  // Back, then column (13) of the total: exactly the two left open.
  await page.goBack();
  await report.waitForPath(II06A_PATH);
  await report.figure(13, 'Tổng cộng').click();
  await report.waitForPath(II06A_DOSSIERS_PATH);
  await eventually(async () =>
    assert.equal(await drill.heading.innerText(), `Cột (13) Quá hạn — 2 hồ sơ — Tổng cộng — ${LABEL}`),
  );
  assert.deepEqual((await drill.codes()).sort(), [...overdue].sort());
  await drill.back.click();
  await report.waitForPath(II06A_PATH);
  assert.equal(new URL(page.url()).search, `?tu=${PERIOD.from}&den=${PERIOD.to}`);

  // Another quarter: Q2 2025 holds the June dossiers, all three overdue at its end; Back returns.
  await report.showQuarter('II', 2025);
  await eventually(async () =>
    assert.equal(await report.status.innerText(), 'Đã tải số liệu Quý II năm 2025.'),
  );
  assert.deepEqual(await report.totals(), [3, 0, 3, 0, 0, 0, 0, 0, 3, 0, 3]);
  await page.goBack();
  await eventually(async () => assert.equal(await report.status.innerText(), `Đã tải số liệu ${LABEL}.`));
  assert.equal(await report.quarter.inputValue(), String(QUARTER));
  await done();
});

test('the form downloads as .xlsx: title, period, the 13 column numbers and the screen’s totals', async () => {
  const { page, report, done } = await signedIn(`${II06A_PATH}?tu=${PERIOD.from}&den=${PERIOD.to}`);
  // Other journeys may receive a dossier between the screen and the file: read both again until they agree.
  let last = '';
  await eventually(
    async () => {
      await page.reload();
      await eventually(async () => assert.equal(await report.status.innerText(), `Đã tải số liệu ${LABEL}.`));
      const screen = await report.totals();
      const [download] = await Promise.all([page.waitForEvent('download'), report.xlsx.click()]);
      assert.match(download.suggestedFilename(), /\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      const texts = rows.map((r) => r.map(cellText));
      assert.ok(
        texts.some((r) => r.some((v) => v.startsWith('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH'))),
        'the title',
      );
      assert.ok(
        texts.some((r) => r.some((v) => v.includes(LABEL))),
        `the period ${LABEL}`,
      );
      const numbers = Array.from({ length: 13 }, (_, i) => `(${i + 1})`);
      assert.ok(
        texts.some((r) => numbers.every((n, i) => r[i] === n)),
        'the row of column numbers',
      );
      const total = rows.find((r) => cellText(r[1]) === 'Tổng cộng');
      assert.ok(total, 'the total row');
      last = `screen ${screen.join(' ')}, file ${total.slice(2, 13).join(' ')}`;
      assert.deepEqual(total.slice(2, 13), screen);
    },
    30_000,
    'the file’s totals to equal the screen’s',
  ).catch((error: unknown) => {
    throw new Error(`${String(error)} (${last})`);
  });
  await done();
});

test('Biểu II.06a passes axe and fits a 360 px screen', async () => {
  const { page, report, done } = await signedIn(II06A_PATH);
  await report.table.waitFor();
  await assertAccessible(page, 'Biểu II.06a');
  // The rules, opened.
  await page.locator('.ii06a-rules > summary').click();
  await page.getByLabel(/^Theo ngày: chỉ trả kết quả/).check();
  await assertAccessible(page, 'Biểu II.06a with the rules open');
  await report.show.click();
  await page.waitForURL((u) => u.searchParams.get('qua-han') === 'theo-ngay');
  await page.setViewportSize({ width: 360, height: 740 });
  await eventually(async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `scroll width ${width}`);
  });
  await screenshot(page, 'report-ii06a-360');
  await done();
});
