// Anyone opens the province's figures from the portal, without signing in: the on-time, online and
// satisfaction shares and the Decision 766 group scores of each agency, each chart drawn under the real
// CSP with its table beside it; axe on the page and no horizontal scroll at 360 px. Other journeys
// receive dossiers at the same ward at the same time, so counts are "at least".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { APPLICANT_HUONG, VALID_BIRTH_DECLARATION } from '../../server/test/fixtures.ts';
import { PortalPage } from '../pages/portal-page.ts';
import { DASHBOARD_PATH, PublicDashboardPage } from '../pages/public-dashboard-page.ts';
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
const WARD = 'Ủy ban nhân dân Phường Hoàn Kiếm';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
  // A dossier received at the ward this month, through the API as the desk's screen sends it.
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

test('from the portal, without signing in: the month of Hà Nội by agency, charts and their tables', async () => {
  const { page, context, problems } = await openPage(browser);
  const portal = new PortalPage(page);
  await portal.goto();
  await page.getByRole('link', { name: 'Số liệu giải quyết thủ tục' }).click();
  const dashboard = new PublicDashboardPage(page);
  await eventually(async () => assert.equal(new URL(page.url()).pathname, DASHBOARD_PATH));
  assert.equal(await dashboard.heading.innerText(), 'Số liệu giải quyết thủ tục hành chính');
  await eventually(async () =>
    assert.match(await dashboard.status.innerText(), /^Thành phố Hà Nội, \d{2}\/\d{4}$/),
  );
  const online = dashboard.table('Trực tuyến');
  await online.getByRole('row', { name: new RegExp(`^${WARD}`) }).waitFor();
  const chart = dashboard.chart('Trực tuyến');
  await eventually(async () => assert.ok(await dashboard.painted(chart), 'the chart is drawn'));
  assert.match(await dashboard.labelledBy(chart), new RegExp(`${WARD} \\d`));
  await dashboard
    .table('Điểm các nhóm Chỉ số 766')
    .getByRole('row', { name: new RegExp(`^${WARD}`) })
    .waitFor();
  assert.ok((await page.getByRole('heading', { name: 'Bảng số liệu', level: 3 }).count()) >= 4);
  // Nothing about a person: no dossier code, no applicant.
  const text = await page.locator('main').innerText();
  assert.ok(!text.includes(APPLICANT_HUONG.fullName) && !/H26\.104-\d{6}-\d{4}/.test(text));
  await screenshot(page, 'public-dashboard');

  // Another month, chosen in the form: an empty month says so.
  await dashboard.month.fill('01/2020');
  await dashboard.show.click();
  await page.getByText('Chưa có hồ sơ nào trong tháng.').waitFor();
  assert.match(page.url(), /tinh=01&thang=2020-01/);
  assertNoProblems(problems);
  await context.close();
});

test('the public dashboard passes axe and fits a 360 px screen', async () => {
  const { page, context, problems } = await openPage(browser, {
    bypassCSP: true,
    viewport: { width: 360, height: 740 },
  });
  const dashboard = new PublicDashboardPage(page);
  await dashboard.goto('?tinh=01');
  await dashboard.table('Đúng hạn').waitFor({ state: 'attached' });
  await dashboard
    .table('Trực tuyến')
    .getByRole('row', { name: new RegExp(`^${WARD}`) })
    .waitFor();
  await eventually(async () => assert.ok(await dashboard.painted(dashboard.chart('Trực tuyến'))));
  await assertAccessible(page, 'the public dashboard at 360 px');
  await eventually(async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `scroll width ${width}`);
  });
  await screenshot(page, 'public-dashboard-360');
  assertNoProblems(problems);
  await context.close();
});
