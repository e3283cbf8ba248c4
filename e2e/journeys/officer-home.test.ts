// Issue 14, the officers' home: a citizen submits online at Phường Hoàn Kiếm; desk.hang-trong signs
// in and lands on the home page with the desk's counters, "to receive online" counting the new
// dossier; the counter opens that worklist with the dossier in it. A specialist and a leader see the
// counters of their own roles. axe on the home page; no horizontal scroll at 360 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  assertNoHorizontalScroll,
  IdentityProviderPage,
  MyDossiersPage,
  smallPdf,
} from '../pages/citizen-pages.ts';
import { WorklistPage, WORKLIST_PATH } from '../pages/desk-pages.ts';
import { HomePage } from '../pages/home-page.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import { VALID_BIRTH_DECLARATION } from '../../server/test/fixtures.ts';
import {
  assertAccessible,
  assertNoProblems,
  BASE_URL,
  eventually,
  launchBrowser,
  openPage,
  screenshot,
} from '../support/browser.ts';

const HANG_TRONG = 'H26.104';
let browser: Browser;
/** The dossier submitted online before the desk signs in. */
let code = '';

before(async () => {
  browser = await launchBrowser();
  // A citizen signs in at the identity provider and submits online, a PDF for each required paper.
  const { page, context } = await openPage(browser, { bypassCSP: true });
  const my = new MyDossiersPage(page);
  await my.goto();
  await my.signInButton.click();
  const idp = new IdentityProviderPage(page);
  await idp.waitFor();
  await idp.signInAs('Nguyễn Thị Hường');
  await my.citizenName.waitFor();
  const body = (components: unknown) => ({
    procedureCode: '1.001193',
    agencyCode: HANG_TRONG,
    applicant: { kind: 'person', phone: '0912345678' },
    formData: VALID_BIRTH_DECLARATION,
    components,
  });
  // What the online channel requires, as the server says it.
  const none = await context.request.post('/api/v1/portal/dossiers', {
    headers: { origin: BASE_URL },
    data: body([]),
  });
  const required = ((await none.json()) as { error: { details: { path: string }[] } }).error.details
    .map((d) => /^body\/components\/(TP\d+)$/.exec(d.path)?.[1])
    .filter((c): c is string => c !== undefined);
  const components = [];
  for (const c of required) {
    const file = await context.request.post('/api/v1/files', {
      headers: { origin: BASE_URL },
      multipart: { file: { name: `${c}.pdf`, mimeType: 'application/pdf', buffer: smallPdf(c) } },
    });
    assert.equal(file.status(), 201, await file.text());
    components.push({ code: c, fileIds: [((await file.json()) as { fileId: string }).fileId] });
  }
  const res = await context.request.post('/api/v1/portal/dossiers', {
    headers: { origin: BASE_URL },
    data: body(components),
  });
  assert.equal(res.status(), 201, await res.text());
  code = ((await res.json()) as { code: string }).code;
  await context.close();
});

after(async () => {
  await browser?.close();
});

test('#14 a desk officer signs in to the counters, opens "to receive online" and finds the new dossier', async () => {
  const { page, context, problems } = await openPage(browser, { bypassCSP: true });
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signInAs('desk.hang-trong');
  const home = new HomePage(page);
  await home.counters('Cán bộ một cửa').waitFor();
  for (const label of [
    'Chờ tiếp nhận trực tuyến',
    'Đã tiếp nhận hôm nay',
    'Chờ bổ sung hoặc nộp phí',
    'Có kết quả, chờ trả',
    'Quá hạn',
  ])
    await home.counter(label).waitFor();
  assert.equal(
    await home.counter('Đang giao cho tôi').count(),
    0,
    'the specialist’s counter is not the desk’s',
  );
  await eventually(async () => assert.ok((await home.counterValue('Chờ tiếp nhận trực tuyến')) >= 1));
  const waiting = await home.counterValue('Chờ tiếp nhận trực tuyến');
  await home.changes.waitFor();
  await assertAccessible(page, 'officer home (desk)');
  await screenshot(page, 'officer-home-desk');

  await home.counter('Chờ tiếp nhận trực tuyến').click();
  await home.waitForPath(WORKLIST_PATH);
  assert.match(page.url(), /[?&]ds=to-receive\b/);
  const worklist = new WorklistPage(page);
  assert.equal(await worklist.tab(/^Chờ tiếp nhận/).getAttribute('aria-pressed'), 'true');
  await worklist.row(code).waitFor();
  await eventually(async () =>
    assert.match(await worklist.status.innerText(), new RegExp(`^${waiting} hồ sơ`)),
  );
  assertNoProblems(problems);
  await context.close();
});

test('#14 a specialist and a leader each see the counters of their role; the home fits 360 px', async () => {
  for (const [user, role, label] of [
    ['specialist.hang-trong', 'Chuyên viên xử lý', 'Đang giao cho tôi'],
    ['leader.hoan-kiem', 'Lãnh đạo', 'Đang xử lý tại cơ quan'],
  ] as const) {
    const { page, context, problems } = await openPage(browser, {
      bypassCSP: true,
      viewport: { width: 360, height: 740 },
    });
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signInAs(user);
    const home = new HomePage(page);
    await home.counters(role).waitFor();
    await home.counter(label).waitFor();
    assert.equal(await home.counter('Chờ tiếp nhận trực tuyến').count(), 0, `${user} has no desk counters`);
    await home.changes.waitFor();
    await assertAccessible(page, `officer home (${user})`);
    await assertNoHorizontalScroll(page, `officer home (${user})`);
    await screenshot(page, `officer-home-${user}-360`);
    assertNoProblems(problems);
    await context.close();
  }
});
