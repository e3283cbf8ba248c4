// #17 Moving in: the province administrator opens "Nhập hồ sơ từ hệ thống cũ" from Quản trị, chooses a
// file of the legacy system's dossiers in the national portal's sync shape (1,500 returned ones, one in
// progress, one for a procedure that does not exist), runs it as a trial, follows its progress bar to
// the end, reads the refused dossier with its reason, downloads the summary, imports the same file for
// real, and finds the dossier in progress, continued at its ward, with what the legacy system recorded
// of it. axe-core on the finished trial run and on the dossier's page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { AppShell } from '../pages/app-shell.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import { untranslatedText } from '../support/english-text.ts';
import {
  assertAccessible,
  assertNoProblems,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';
import { jsonl, processingRecord, returnedRecord } from '../../server/modules/imports/test-kit.ts';

const TITLE = 'Nhập hồ sơ từ hệ thống cũ';
let browser: Browser;
let dir: string;

before(async () => {
  browser = await launchBrowser();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-import-'));
});

after(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the province administrator imports the old system’s dossiers: a trial run followed to its end, the report, then the import', async () => {
  const { page, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto('/quan-tri');
  await signIn.signInAs('demo-admin');
  await signIn.waitForPath('/quan-tri');

  // A ward no other journey reads (Phường Ba Đình), so that its imported dossiers count in no one
  // else's figures.
  const found = await page.request.get(
    `/api/v1/agencies?kind=people-committee&q=${encodeURIComponent('phuong ba dinh')}`,
  );
  assert.equal(found.status(), 200);
  const ward = ((await found.json()) as { items: { code: string }[] }).items[0]!.code;
  const records = [
    ...Array.from({ length: 1500 }, (_, i) =>
      returnedRecord(ward, `${ward}-261012-${String(5000 + i).padStart(4, '0')}`),
    ),
    processingRecord(ward, `${ward}-261119-5001`),
    processingRecord(ward, `${ward}-261119-5002`, { MaTTHC: '1.999999' }),
  ];
  const file = path.join(dir, 'ho-so-he-thong-cu.jsonl');
  fs.writeFileSync(file, jsonl(records), 'utf8');

  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByLabel('Định dạng tệp').selectOption('dvcqg');
  await page.getByLabel('Tệp hồ sơ').setInputFiles(file);
  await page.getByRole('button', { name: 'Chạy thử' }).click();

  const run = page.getByRole('region', { name: /^Chạy thử: ho-so-he-thong-cu\.jsonl/ });
  await run.waitFor();
  const bar = run.getByRole('progressbar', { name: 'Tiến độ' });
  await bar.waitFor();
  await run.getByRole('status').filter({ hasText: 'Đã xong' }).waitFor({ timeout: 120_000 });
  assert.equal(await bar.getAttribute('value'), '100');
  assert.match(await run.innerText(), /1\.502\/1\.502 hồ sơ \(100 %\)/);
  assert.match(await run.innerText(), /hồ sơ\/giây/);

  await run.getByLabel('Chỉ hiện hồ sơ bị từ chối').check();
  const refused = run.getByRole('row').filter({ hasText: `${ward}-261119-5002` });
  await refused.waitFor();
  assert.match(await refused.innerText(), /Từ chối/);
  assert.match(await refused.innerText(), /1\.999999/);
  const summary = await run.getByRole('link', { name: 'Tải bản tổng hợp (CSV)' }).getAttribute('href');
  const csv = await page.request.get(summary!);
  assert.equal(csv.status(), 200);
  assert.ok((await csv.text()).includes(`${ward}-261119-5002`));
  await assertAccessible(page, 'a finished trial run of a dossier import');
  await screenshot(page, 'dossier-import-dry-run');

  await run.getByRole('button', { name: 'Nhập thật 1501 hồ sơ được chấp nhận' }).click();
  const real = page.getByRole('region', { name: /^Nhập: ho-so-he-thong-cu\.jsonl/ });
  await real.getByRole('status').filter({ hasText: 'Đã xong' }).waitFor({ timeout: 120_000 });
  assert.match(await real.innerText(), /1\.502\/1\.502 hồ sơ/);
  await screenshot(page, 'dossier-import-done');

  // The dossier in progress is the ward's to continue.
  const opened = await page.request.get(`/api/v1/dossiers/${ward}-261119-5001`);
  assert.equal(opened.status(), 200, await opened.text());
  // Its page shows what the legacy system recorded, after the system's own (empty) history.
  await page.goto(`/ho-so/${ward}-261119-5001`);
  const legacy = page.getByRole('region', { name: 'Quá trình xử lý trên hệ thống cũ' });
  await legacy.waitFor();
  assert.match(
    await legacy.innerText(),
    /Hồ sơ được chuyển từ hệ thống cũ \(bản ghi đồng bộ Cổng Dịch vụ công quốc gia\)/,
  );
  // Its "Tờ khai" shows the legacy system's summary (TrichYeuHoSo), said to be all that moved.
  const declaration = page.getByRole('region', { name: 'Tờ khai' });
  assert.match(await declaration.innerText(), /Trích yếu hồ sơ\s+Đăng ký khai sinh cho con Nguyễn Minh An/);
  const rows = await legacy.getByRole('row').allInnerTexts();
  assert.equal(rows.length, 4, rows.join('\n'));
  assert.match(
    rows[1]!,
    /19\/11\/2026.*Đang xử lý.*Trần Văn Bình \(Cán bộ một cửa\).*Bộ phận một cửa.*Chuyển xử lý/s,
  );
  assert.match(rows[3]!, /Mới đăng ký.*Nộp hồ sơ tại bộ phận một cửa/s);
  await assertAccessible(page, "an imported dossier's page with its legacy history");
  await screenshot(page, 'dossier-import-legacy-history');

  // In English on a phone: the section speaks English but for the legacy system's own words, and the
  // page does not scroll sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  await new AppShell(page).languageButton('English').click();
  const english = page.getByRole('region', { name: 'Processing in the previous system' });
  await english.waitFor();
  assert.match(
    await english.innerText(),
    /moved in from the previous system \(National Public Service Portal sync records\)/,
  );
  assert.match((await english.getByRole('row').allInnerTexts())[1]!, /Processing.*Trần Văn Bình/s);
  assert.deepEqual(await untranslatedText(page), []);
  assert.ok(
    (await page.evaluate(() => document.documentElement.scrollWidth)) <= 360,
    'no horizontal scroll at 360 px',
  );
  await screenshot(page, 'dossier-import-legacy-history-en-360');
  await new AppShell(page).languageButton('Tiếng Việt').click();
  assertNoProblems(problems);
  await page.context().close();
});
