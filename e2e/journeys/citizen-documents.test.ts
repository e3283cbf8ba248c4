// Issue #5 (scope 4), on a 360 px phone: Trần Văn Minh opens "Giấy tờ của tôi" from the citizen bar and
// finds his document store empty; the ward of Hoàn Kiếm registers a birth for him and the leader signs
// the electronic birth certificate (through the API, as the desk's and leader's screens send it:
// e2e/support/results.ts); his store then lists the certificate with its
// procedure, dossier, issuing agency and date, and the download gives him the very file. axe-core and
// no horizontal scroll on each state; screenshots in e2e/artifacts/citizen-documents/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  artifact,
  assertNoHorizontalScroll,
  clearArtifacts,
  IdentityProviderPage,
  MyDossiersPage,
  smallPdf,
} from '../pages/citizen-pages.ts';
import { MY_DOCUMENTS_PATH, MyDocumentsPage } from '../pages/documents-page.ts';
import { issueElectronicResult } from '../support/results.ts';
import {
  assertAccessible,
  assertNoProblems,
  launchBrowser,
  openPage,
  type TestPage,
} from '../support/browser.ts';

const JOURNEY = 'citizen-documents';
const PHONE = { width: 360, height: 740 };
const MINH = {
  kind: 'person' as const,
  fullName: 'Trần Văn Minh',
  idNumber: '001085004321',
  phone: '0987654321',
};
const CERTIFICATE = 'Giấy khai sinh (bản điện tử) — Trần Minh Châu';
const CERTIFICATE_PDF = smallPdf('Giay khai sinh Tran Minh Chau');

let browser: Browser;
let citizen: TestPage;
let shots = 0;

async function check(page: Page, name: string): Promise<void> {
  await assertAccessible(page, name);
  await assertNoHorizontalScroll(page, name);
  shots += 1;
  await artifact(page, JOURNEY, `${String(shots).padStart(2, '0')}-${name}`);
}

/** A birth registered at Phường Hoàn Kiếm for Minh, approved with the electronic certificate and returned. */
const registerBirthWithElectronicResult = () =>
  issueElectronicResult(browser, MINH, CERTIFICATE, { pdf: CERTIFICATE_PDF, returnedTo: 'Trần Văn Minh' });

before(async () => {
  clearArtifacts(JOURNEY);
  browser = await launchBrowser();
  citizen = await openPage(browser, { viewport: PHONE, bypassCSP: true });
});

after(async () => {
  await browser?.close();
});

test('Trần Văn Minh finds his electronic birth certificate in "Giấy tờ của tôi" and downloads it', async () => {
  const { page } = citizen;
  // Signed out, the page asks for the electronic identity and comes back to itself.
  const documents = new MyDocumentsPage(page);
  await documents.goto();
  assert.equal(await documents.heading.innerText(), 'Giấy tờ của tôi');
  await documents.signInButton.click();
  const idp = new IdentityProviderPage(page);
  await idp.waitFor();
  await idp.signInAs('Trần Văn Minh');
  await documents.citizenName.waitFor();
  assert.equal(new URL(page.url()).pathname, MY_DOCUMENTS_PATH);
  await documents.status.filter({ hasText: 'Kho dữ liệu của bạn chưa có giấy tờ nào.' }).waitFor();
  await check(page, 'empty-store');

  const code = await registerBirthWithElectronicResult();

  // From "my dossiers", the citizen bar leads to the store.
  const dossiers = new MyDossiersPage(page);
  await dossiers.goto();
  await documents.barLink.click();
  await documents.waitForPath(MY_DOCUMENTS_PATH);
  const card = documents.card(CERTIFICATE);
  await card.waitFor();
  await documents.status.filter({ hasText: /^\d+ giấy tờ\.$/ }).waitFor();
  assert.match(await documents.fact(card, 'Thủ tục').innerText(), /khai sinh/i);
  assert.equal(await documents.fact(card, 'Mã hồ sơ').innerText(), code);
  assert.equal(await documents.fact(card, 'Cơ quan cấp').innerText(), 'Ủy ban nhân dân Phường Hoàn Kiếm');
  assert.match(await documents.fact(card, 'Ngày cấp').innerText(), /\d{2}:\d{2} .+, \d{2}\/\d{2}\/\d{4}/);
  assert.match(await documents.fact(card, 'Tệp').innerText(), /^PDF, \d/);
  await check(page, 'certificate-listed');

  const [download] = await Promise.all([page.waitForEvent('download'), documents.download(card).click()]);
  assert.match(download.suggestedFilename(), /-ket-qua-1\.pdf$/);
  const saved = await download.path();
  assert.deepEqual(fs.readFileSync(saved), CERTIFICATE_PDF);
  assertNoProblems(citizen.problems);
});

test('in English the store keeps its words', async () => {
  const { page } = citizen;
  const documents = new MyDocumentsPage(page);
  await documents.goto();
  await documents.languageButton('English').click();
  await page.getByRole('heading', { level: 1, name: 'My documents' }).waitFor();
  await page
    .getByRole('region', { name: 'Documents' })
    .getByRole('link', { name: /^Download/ })
    .first()
    .waitFor();
  await check(page, 'english');
  await documents.languageButton('Tiếng Việt').click();
  await documents.heading.filter({ hasText: 'Giấy tờ của tôi' }).waitFor();
});
