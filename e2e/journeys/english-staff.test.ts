// #14: every staff page in English. A desk officer, a specialist, a leader and an administrator
// switch to English and walk the staff pages: every page of the route table (web/app/paths.ts) that
// is not the citizen portal, those without parameters directly and those with parameters through the
// links the pages themselves offer (a dossier from the worklist, a procedure's versions and workflow
// from the catalogue, an agency's office hours). On each page, and in each action form the dossier
// page opens, no visible text outside `[lang=vi]` (data: names of people, agencies, units and
// procedures, declarations) may hold a Vietnamese-only letter. A page added to the route table is
// walked without a change here; one that no role reaches fails the last test.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PATHS } from '../../web/app/paths.ts';
import { matchPath } from '../../web/app/routes.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import { assertNoProblems, BASE_URL, launchBrowser, openPage } from '../support/browser.ts';
import { untranslatedText } from '../support/english-text.ts';
import { dossierAtLeader } from '../support/results.ts';

type PathName = keyof typeof PATHS;

/** The citizen portal's pages: not staff pages (the citizen journeys cover them). */
const CITIZEN_PAGES: ReadonlySet<PathName> = new Set<PathName>([
  'portal',
  'procedure',
  'citizenSignIn',
  'apply',
  'myDossiers',
  'myDossier',
  'myDocuments',
  'lookup',
  'lookupCode',
  'kiosk',
  'publicDashboard',
  // #18 and #19: the portal's PAKN pages and the public verification (feedback.test.ts, signed-result.test.ts).
  'feedbackSend',
  'feedbackPublished',
  'feedbackLookup',
  'feedbackLookupCode',
  'verify',
]);

const STAFF_PAGES = (Object.keys(PATHS) as PathName[]).filter((name) => !CITIZEN_PAGES.has(name));

/** The route-table entry a path belongs to, in the table's order (intake before a dossier's code). */
function pageOf(pathname: string): PathName | null {
  for (const name of Object.keys(PATHS) as PathName[]) {
    if (matchPath(PATHS[name], pathname)) return name;
  }
  return null;
}

const hasParameters = (name: PathName) => PATHS[name].includes(':');

const ROLES = [
  { username: 'desk.hang-trong', role: 'desk officer' },
  { username: 'specialist.hang-trong', role: 'specialist' },
  { username: 'leader.hang-trong', role: 'leader' },
  { username: 'demo-admin', role: 'province administrator' },
] as const;

let browser: Browser;
let province: string[] = [];
const walked = new Set<PathName>();

before(async () => {
  browser = await launchBrowser();
  // A dossier at the leader's step: every one of the three sees it in a worklist, with actions.
  await dossierAtLeader(browser, {
    kind: 'person',
    fullName: 'Lê Thị Hồng Nhung',
    idNumber: '001190004455',
    phone: '0912000111',
  });
  // A PAKN to Hà Nội's People's Committee, so that the administrator's register links to its record
  // (/phan-anh-kien-nghi/:code), whichever journeys ran before this one.
  const pakn = await fetch(`${BASE_URL}/api/v1/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(BASE_URL).origin },
    body: JSON.stringify({
      kind: 'kien-nghi',
      subject: 'Đề nghị niêm yết lịch tiếp nhận hồ sơ',
      content: 'Đề nghị niêm yết lịch tiếp nhận hồ sơ ngày thứ Bảy tại bộ phận một cửa.',
      provinceCode: '01',
      sender: { fullName: 'Phạm Thu Trang', phone: '0912000222', email: 'trang.pham@example.vn' },
    }),
  });
  assert.equal(pakn.status, 201, await pakn.text());
  const deployment = (await (await fetch(`${BASE_URL}/api/v1/deployment`)).json()) as {
    province: { name: string | null };
  };
  province = deployment.province.name ? [deployment.province.name] : [];
});

after(async () => {
  await browser?.close();
});

/** Until the page has stopped fetching and shows no "Loading…" line. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.page-loading, .pending')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

/** The same-origin links of the page, as paths with their query. */
async function linksOf(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(BASE_URL).origin;
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && !url.pathname.startsWith('/api/'))
    .map((url) => url.pathname + url.search);
}

/** The action forms a dossier page opens (each button of its actions region), read and closed again. */
async function actionForms(page: Page, where: string, problems: string[]): Promise<void> {
  const region = page.getByRole('region', { name: 'Actions' });
  if ((await region.count()) === 0) return;
  const buttons = region.locator('button[aria-expanded]');
  const count = await buttons.count();
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i);
    if ((await button.getAttribute('aria-expanded')) !== 'false') continue;
    await button.click();
    // A form opens in place; only a person picker asks the server for anything.
    await page.waitForLoadState('networkidle');
    for (const text of await untranslatedText(page, province))
      problems.push(`${where} (form of "${await button.innerText()}"): ${text}`);
    await button.click();
  }
}

for (const { username, role } of ROLES) {
  // A walk of every page and action form takes longer than one journey step's default minute.
  test(
    `#14 english: the ${role}'s pages show no Vietnamese outside the data`,
    { timeout: 300_000 },
    async () => {
      const { page, problems: pageErrors, context } = await openPage(browser);
      await context.addInitScript(() => window.localStorage.setItem('motcua.lang', 'en'));
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.field('Username').waitFor();
      const problems = (await untranslatedText(page, province)).map((t) => `${PATHS.signIn}: ${t}`);
      walked.add('signIn');
      await signIn.signInAs(username);
      assert.equal(await signIn.htmlLang(), 'en');

      const queue: string[] = STAFF_PAGES.filter((n) => !hasParameters(n)).map((n) => PATHS[n]);
      const queued = new Set<PathName>(STAFF_PAGES.filter((n) => !hasParameters(n)));
      while (queue.length > 0) {
        const where = queue.shift()!;
        await page.goto(where);
        await settle(page);
        const name = pageOf(new URL(page.url()).pathname);
        // A page this role may not open sends it elsewhere or says so, in English too.
        if (name) walked.add(name);
        for (const text of await untranslatedText(page, province)) problems.push(`${where}: ${text}`);
        if (name === 'dossier') await actionForms(page, where, problems);
        for (const link of await linksOf(page)) {
          const target = pageOf(new URL(link, BASE_URL).pathname);
          if (!target || CITIZEN_PAGES.has(target) || queued.has(target)) continue;
          queued.add(target);
          queue.push(link);
        }
      }
      assert.deepEqual(problems, [], `${username} saw Vietnamese in English:\n${problems.join('\n')}`);
      assertNoProblems(pageErrors);
      await context.close();
    },
  );
}

test('#14 english: every staff page of the route table was walked by one of the roles', () => {
  const missed = STAFF_PAGES.filter((name) => !walked.has(name));
  assert.deepEqual(missed, [], `no role reached: ${missed.map((n) => PATHS[n]).join(', ')}`);
});
