// #19, the citizen's side of a signed result: Phường Hoàn Kiếm registers a birth for Lê Thị Lan, the
// leader seals the electronic result with the ward's seal before approving it and the desk returns it
// online (through the API, as the staff screens send it: e2e/support/results.ts). Lan signs in on the
// portal, opens her dossier and sees the result "Đã ký số" with its number and signer, downloads the
// signed original (the very bytes the QR's verification serves), finds it in her document store marked
// as signed, and opens the verification page from
// the dossier's "Xác thực" link — the QR's address — where it is valid. axe-core on both pages.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { MY_DOCUMENTS_PATH } from '../pages/documents-page.ts';
import { IdentityProviderPage, MyDossierPage, myDossierPath, smallPdf } from '../pages/citizen-pages.ts';
import {
  assertAccessible,
  assertNoProblems,
  BASE_URL,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';
import { act, dossierAtLeader, HANG_TRONG, staffSession } from '../support/results.ts';

const LAN = {
  kind: 'person' as const,
  fullName: 'Lê Thị Lan',
  idNumber: '079190001122',
  phone: '0901122334',
};
const RESULT = 'Giấy khai sinh (bản điện tử, ký số) — Lê Minh An';

let browser: Browser;
let code: string;
let resultNumber: string;
let token: string;
let signedPdf: Buffer;

before(async () => {
  browser = await launchBrowser();
  code = await dossierAtLeader(browser, LAN);
  const leader = await staffSession(browser, 'leader.hang-trong');
  const draft = await leader.request.post('/api/v1/files', {
    headers: { origin: BASE_URL },
    multipart: {
      file: {
        name: 'giay-khai-sinh.pdf',
        mimeType: 'application/pdf',
        buffer: smallPdf('Giay khai sinh Le Minh An'),
      },
    },
  });
  assert.equal(draft.status(), 201, await draft.text());
  const { fileId } = (await draft.json()) as { fileId: string };
  // The ward's organisation seal (the demo PKI in demo mode), before the approval.
  const session = await leader.request.post(`/api/v1/dossiers/${code}/signing-sessions`, {
    headers: { origin: BASE_URL },
    data: { fileId, method: 'seal' },
  });
  assert.equal(session.status(), 201, await session.text());
  const sealed = (await session.json()) as { status: string; signedFileId: string };
  assert.equal(sealed.status, 'signed');
  await act(leader, code, 'approve', {
    resultDate: '2025-07-01',
    signer: 'Trần Quốc Việt',
    resultDocuments: [{ name: RESULT, fileId: sealed.signedFileId }],
  });
  const register = (await (
    await leader.request.get(`/api/v1/agencies/${HANG_TRONG}/result-register?year=2025`)
  ).json()) as {
    items: { dossierCode: string; resultNumber: string; documents: { resultToken: string | null }[] }[];
  };
  const entry = register.items.find((e) => e.dossierCode === code);
  assert.ok(entry, JSON.stringify(register));
  resultNumber = entry.resultNumber;
  token = entry.documents[0]!.resultToken!;
  assert.ok(token, 'the sealed result has its verification token');
  await leader.close();
  const desk = await staffSession(browser, 'desk.hang-trong');
  await act(desk, code, 'return-result', { channel: 'online' });
  await desk.close();
});
after(async () => {
  await browser?.close();
});

test('Lê Thị Lan sees her result signed, downloads the signed original and verifies it from the dossier', async () => {
  const citizen = await openPage(browser, { bypassCSP: true });
  const { page } = citizen;
  await page.goto(myDossierPath(code));
  const dossier = new MyDossierPage(page);
  await dossier.signInButton.click();
  const idp = new IdentityProviderPage(page);
  await idp.waitFor();
  await idp.signInAs('Lê Thị Lan');
  await dossier.citizenName.waitFor();

  const result = page.getByRole('region', { name: 'Kết quả giải quyết' });
  await result.getByText('Đã ký số', { exact: true }).waitFor();
  const text = await result.innerText();
  assert.ok(text.includes(resultNumber), text);
  assert.ok(text.includes(RESULT), text);
  assert.match(text, /Người ký: Trần Quốc Việt/);
  await assertAccessible(page, 'citizen dossier with its signed result');
  await screenshot(page, 'citizen-signed-result');

  // The download is the signed original: the very bytes the QR's verification serves.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    result.getByRole('link', { name: 'Tải bản điện tử đã ký số' }).click(),
  ]);
  const path = await download.path();
  const downloaded = await readFile(path);
  const served = await page.request.get(`/api/v1/public/verify/results/${token}/file`);
  signedPdf = Buffer.from(await served.body());
  assert.deepEqual(downloaded, signedPdf);
  assert.ok(downloaded.includes('/ByteRange'), 'a signed PDF');

  // Her document store keeps it as the signed original, with its number.
  await page.goto(MY_DOCUMENTS_PATH);
  const card = page.locator('.my-document-card').filter({ hasText: RESULT });
  await card.getByText('Đã ký số (bản gốc điện tử)').waitFor();
  assert.ok((await card.innerText()).includes(resultNumber));
  await page.goto(myDossierPath(code));
  await result.getByText('Đã ký số', { exact: true }).waitFor();

  // The dossier's "Xác thực" link is the QR's address, and the page says it is valid.
  await result.getByRole('link', { name: 'Xác thực' }).click();
  await page.waitForURL((url) => url.pathname === '/xac-thuc' && url.searchParams.get('ma') === token);
  const qr = page.getByRole('region', { name: 'Văn bản theo mã QR' });
  await qr.getByText('Văn bản có chữ ký số hợp lệ.').waitFor();
  const qrText = await qr.innerText();
  assert.ok(qrText.includes(code), qrText);
  assert.ok(qrText.includes(resultNumber), qrText);
  await assertAccessible(page, 'verification from the citizen dossier');
  await screenshot(page, 'citizen-verify-from-dossier');
  assertNoProblems(citizen.problems);
  await citizen.context.close();
});
