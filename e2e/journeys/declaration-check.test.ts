// The declaration is checked in the browser with exactly the server's rules, under the app's real
// Content-Security-Policy (no bypass here): the apply page and the desk's intake page load the form's
// validator module (GET …/form/validator.js), show the server's Vietnamese message beside the field,
// and never ask POST …/form/validate (nor send the intake) for it. No CSP violation, no console error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { compileForm, type FormError } from '../../common/catalog/forms.ts';
import { VALID_BIRTH_DECLARATION } from '../../server/test/fixtures.ts';
import { ApplyPage, applyPath, IdentityProviderPage, MyDossiersPage } from '../pages/citizen-pages.ts';
import { INTAKE_PATH, IntakePage } from '../pages/desk-pages.ts';
import { SignInPage } from '../pages/sign-in-page.ts';
import {
  assertNoProblems,
  BASE_URL,
  eventually,
  launchBrowser,
  openPage,
  type TestPage,
} from '../support/browser.ts';

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** The page's requests to the API, and the CSP violations it saw (recorded by the page itself). */
async function watch(
  tp: TestPage,
): Promise<{ requests: string[]; violations: (page: Page) => Promise<string[]> }> {
  const requests: string[] = [];
  tp.page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) requests.push(`${r.method()} ${url.pathname}`);
  });
  await tp.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return {
    requests,
    violations: (page) =>
      page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

/** What the server's own validator says of `data` for 1.001193's form, as served to the pages. */
async function serverErrors(data: unknown): Promise<FormError[]> {
  const detail = (await (await fetch(`${BASE_URL}/api/v1/procedures/1.001193`)).json()) as { form: unknown };
  const result = compileForm(detail.form).validate(data);
  return result.ok ? [] : result.errors;
}

/** The message shown beside an input (its aria-describedby names the error). */
async function messageBeside(page: Page, input: string): Promise<string> {
  const field = page.locator(input);
  await eventually(async () => assert.equal(await field.getAttribute('aria-invalid'), 'true'));
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const errorId = ids.split(' ').find((id) => id.endsWith('-error'));
  assert.ok(errorId, `${input} names its error`);
  return (await page.locator(`#${errorId}`).innerText()).trim();
}

const withBadYear = {
  ...VALID_BIRTH_DECLARATION,
  me: { ...VALID_BIRTH_DECLARATION.me, namSinh: 'năm 95' },
};

test('applying online: a wrong year of birth is named beside its field, checked in the browser', async () => {
  const tp = await openPage(browser, { viewport: { width: 360, height: 740 } });
  const { page } = tp;
  const seen = await watch(tp);
  const my = new MyDossiersPage(page);
  await my.goto();
  await my.signInButton.click();
  const idp = new IdentityProviderPage(page);
  await idp.waitFor();
  await idp.signInAs('Nguyễn Thị Hường');
  await my.citizenName.waitFor();

  const module = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/form/validator.js'));
  await page.goto(applyPath('1.001193'));
  const apply = new ApplyPage(page);
  await apply.stepHeading(1).waitFor();
  const served = await module;
  assert.equal(served.status(), 200);
  assert.equal(served.headers()['content-type'], 'text/javascript; charset=utf-8');
  await apply.chooseAgency('hoan kiem', 'Ủy ban nhân dân Phường Hoàn Kiếm');
  await apply.next.click();
  await apply.stepHeading(2).waitFor();

  await apply.fillBirthDeclaration();
  await apply.formField('me-namSinh').fill(withBadYear.me.namSinh);
  await apply.next.click();
  const expected = await serverErrors(withBadYear);
  assert.deepEqual(
    expected.map((e) => e.pointer),
    ['/me/namSinh'],
  );
  assert.equal(await messageBeside(page, '#apply-form-me-namSinh'), expected[0]!.message);
  assert.match(await apply.errorSummary.innerText(), new RegExp(expected[0]!.message));
  assert.equal(await apply.stepHeading(2).count(), 1, 'still on the declaration');

  // Put right, the declaration passes the same check and the next step opens.
  await apply.formField('me-namSinh').fill('1995');
  await apply.next.click();
  await apply.stepHeading(3).waitFor();

  assert.deepEqual(
    seen.requests.filter((r) => r.endsWith('/form/validate')),
    [],
    'no declaration was sent to the server to be checked',
  );
  assert.deepEqual(await seen.violations(page), []);
  assertNoProblems(tp.problems);
  await tp.context.close();
});

test('at the desk: a declaration error is shown beside its field before the intake is sent', async () => {
  const tp = await openPage(browser);
  const { page } = tp;
  const seen = await watch(tp);
  const signIn = new SignInPage(page);
  await signIn.goto(INTAKE_PATH);
  await signIn.signInAs('desk.hang-trong');
  const intake = new IntakePage(page);
  await intake.procedure.fill('1.001193');
  await intake.options.first().waitFor();
  await intake.procedure.press('Enter');
  await intake.agency.waitFor();
  await intake.applicant('fullName').fill('Trần Văn Bình');
  await intake.applicant('idNumber').fill('001190054321');
  await intake.applicant('phone').fill('0912345678');
  await intake.fillBirthDeclaration();
  await intake.formField('me-namSinh').fill(withBadYear.me.namSinh);
  await intake.component(1).selectOption('original');
  await intake.save.click();

  const expected = await serverErrors(withBadYear);
  assert.equal(await messageBeside(page, '#intake-form-me-namSinh'), expected[0]!.message);
  assert.match(await intake.errorSummary.innerText(), new RegExp(expected[0]!.message));
  assert.ok(
    seen.requests.some((r) => r.startsWith('GET ') && r.endsWith('/form/validator.js')),
    'the validator module was loaded',
  );
  assert.deepEqual(
    seen.requests.filter((r) => r.endsWith('/form/validate') || r === 'POST /api/v1/dossiers'),
    [],
    'neither a check nor the intake went to the server',
  );
  assert.deepEqual(await seen.violations(page), []);
  assertNoProblems(tp.problems);
  await tp.context.close();
});
