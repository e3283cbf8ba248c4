// The leader of Phường Hoàn Kiếm opens the overview of the ward: the month's dossiers by status as a
// chart drawn by chart.js under the real CSP, with the same numbers in the "Bảng số liệu" table
// below it; axe on the page and no horizontal scroll at 360 px. A desk officer has no overview.
// Other journeys receive dossiers at the same ward at the same time, so counts are "at least".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { APPLICANT_HUONG, VALID_BIRTH_DECLARATION } from '../../server/test/fixtures.ts';
import { OVERVIEW_PATH, OverviewPage } from '../pages/overview-page.ts';
import { PortalPage } from '../pages/portal-page.ts';
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

const HANG_TRONG = 'H26.104';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
  // A dossier received at the ward today, through the API as the desk's screen sends it.
  const desk = await openPage(browser);
  const login = await desk.page.request.post('/api/v1/auth/login', {
    data: { username: 'desk.hang-trong', password: 'demo' },
  });
  assert.equal(login.status(), 200);
  const intake = await desk.page.request.post('/api/v1/dossiers', {
    headers: { origin: BASE_URL },
    data: {
      procedureCode: '1.001193',
      agencyCode: HANG_TRONG,
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
  await desk.context.close();
});

after(async () => {
  await browser?.close();
});

test('leader.hang-trong opens the overview: a chart of the month by status and its table', async () => {
  const { page, context, problems } = await openPage(browser);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signInAs('leader.hang-trong');

  const overview = new OverviewPage(page);
  await overview.navLink('Tổng quan').click();
  await overview.waitForPath(OVERVIEW_PATH);
  assert.equal(await overview.heading.innerText(), 'Tổng quan hồ sơ các đơn vị');
  await overview.statusTable.waitFor();
  await eventually(async () => assert.ok(await overview.painted(overview.statusChart), 'the chart is drawn'));
  assert.match(await overview.labelledBy(overview.statusChart), /Đã tiếp nhận [1-9]/);
  assert.ok((await overview.dataTableHeadings.count()) >= 2, 'every chart has its table');

  const received = await overview.rowCount(overview.statusTable, 'Đã tiếp nhận');
  assert.ok(received >= 1, `received: ${received}`);
  const total = await overview.rowCount(overview.statusTable, 'Tổng cộng');
  assert.equal(Number((await overview.figure('Hồ sơ trong kỳ').innerText()).replace(/\D/g, '')), total);
  assert.match(await overview.agencyTable.innerText(), /Ủy ban nhân dân Phường Hoàn Kiếm/);
  assert.match(await overview.status.innerText(), /^Đã tải số liệu tháng \d{2}\/\d{4}\.$/);

  // chart.js is this page's own chunk, not part of the first load.
  assert.ok(
    scripts.some((s) => /chart-setup/.test(s)),
    `chart.js chunk fetched: ${scripts.join(', ')}`,
  );
  await screenshot(page, 'leader-overview');

  // The month is typed month/year whatever the browser: one that is not a month is refused, named.
  await overview.month.fill('13/2020');
  await overview.show.click();
  await page.getByText('Nhập tháng theo dạng tháng/năm, ví dụ 11/2026.').waitFor();
  assert.equal(await overview.month.getAttribute('aria-invalid'), 'true');
  // Another month without dossiers: the empty state.
  await overview.month.fill('01/2020');
  await overview.show.click();
  await page.getByText('Chưa có hồ sơ trong kỳ.').waitFor();
  assert.match(page.url(), /thang=2020-01/);
  assertNoProblems(problems);
  await context.close();
});

test('the portal does not load chart.js; a desk officer has no overview', async () => {
  const { page, context, problems } = await openPage(browser);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const portal = new PortalPage(page);
  await portal.goto();
  assert.ok(!scripts.some((s) => /chart/.test(s)), `first load: ${scripts.join(', ')}`);

  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signInAs('desk.hang-trong');
  assert.equal(await signIn.navLink('Tổng quan').count(), 0);
  const overview = new OverviewPage(page);
  await overview.goto();
  await page.getByRole('alert').filter({ hasText: 'Báo cáo tổng quan dành cho lãnh đạo' }).waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('the overview passes axe and fits a 360 px screen', async () => {
  const { page, context } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto(OVERVIEW_PATH);
  await signIn.signInAs('leader.hang-trong');
  const overview = new OverviewPage(page);
  await overview.statusTable.waitFor();
  await eventually(async () => assert.ok(await overview.painted(overview.statusChart)));
  await assertAccessible(page, 'the leader overview');

  await page.setViewportSize({ width: 360, height: 740 });
  await eventually(async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `scroll width ${width}`);
  });
  await screenshot(page, 'leader-overview-360');
  await context.close();
});
