// The citizen side of the portal: the apply flow (/cong-dich-vu-cong/nop-ho-so/<code>), "my dossiers"
// and one dossier (/cong-dich-vu-cong/ho-so-cua-toi[/<code>]), the public lookup (/tra-cuu[/<code>]),
// the kiosk (/kiosk), the citizen sign-in page and the development identity provider's page, the payment
// platform's page (the simulator's); plus the screenshots under e2e/artifacts/ and a small
// valid PDF to attach.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell.ts';
import { BIRTH_DECLARATION_FIELDS } from './desk-pages.ts';

export const MY_DOSSIERS_PATH = '/cong-dich-vu-cong/ho-so-cua-toi';
export const CITIZEN_SIGN_IN_PATH = '/cong-dich-vu-cong/dang-nhap';
export const LOOKUP_PATH = '/tra-cuu';
export const KIOSK_PATH = '/kiosk';
export const applyPath = (code: string): string => `/cong-dich-vu-cong/nop-ho-so/${code}`;
export const myDossierPath = (code: string): string => `${MY_DOSSIERS_PATH}/${code}`;
export const lookupPath = (code: string): string => `${LOOKUP_PATH}/${code}`;

const ARTIFACTS = path.resolve(import.meta.dirname, '..', 'artifacts');

/** A full-page screenshot of a step, e2e/artifacts/<journey>/<name>.png (the record of the run). */
export async function artifact(page: Page, journey: string, name: string): Promise<void> {
  const dir = path.join(ARTIFACTS, journey);
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({
    path: path.join(dir, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  });
}

/** The screenshots of an earlier run of the journey go: a run leaves only its own. */
export function clearArtifacts(journey: string): void {
  fs.rmSync(path.join(ARTIFACTS, journey), { recursive: true, force: true });
}

/** A one-page PDF that any reader opens (the server checks the %PDF- signature only). */
export function smallPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 50 750 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Nothing wider than the viewport (360 px screens). */
export async function assertNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `${label} is ${scroll} px wide on a ${width} px screen`);
}

/** The development identity provider's authorization page (simulator/identity-provider.ts). */
export class IdentityProviderPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async waitFor(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).waitFor();
  }

  /** "Đăng nhập là Nguyễn Thị Hường (001190012345)". */
  async signInAs(name: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^Đăng nhập là ${name} \\(`) }).click();
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Hủy, quay lại' }).click();
  }
}

/** What every citizen page has: the sign-in prompt when signed out, the bar naming the citizen. */
export class CitizenShell extends AppShell {
  get signInButton(): Locator {
    return this.page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' });
  }

  get citizenName(): Locator {
    return this.page.locator('main .citizen-bar-name');
  }

  get alert(): Locator {
    return this.page.locator('main .inline-error[role=alert]');
  }
}

export class ApplyPage extends CitizenShell {
  stepHeading(n: number): Locator {
    return this.page.getByRole('heading', { level: 2, name: new RegExp(`^Bước ${n}/4`) });
  }

  get next(): Locator {
    return this.page.getByRole('button', { name: 'Tiếp tục', exact: true });
  }

  get submit(): Locator {
    return this.page.getByRole('button', { name: 'Nộp hồ sơ', exact: true });
  }

  get errorSummary(): Locator {
    return this.page.locator('main .error-summary');
  }

  /** Step 1: the competent agency, found by typing part of its name. */
  /** The agency picker: searched for `filter`, the agency named `name` (then its place) chosen. */
  async chooseAgency(filter: string, name: string): Promise<void> {
    const picker = this.page.locator('#apply-agency-picker');
    const change = picker.locator('button#apply-agency');
    if (await change.isVisible()) await change.click();
    await picker.locator('input#apply-agency').fill(filter);
    await picker
      .locator('.place-list')
      .getByRole('button', { name: new RegExp(`^${name} `) })
      .first()
      .click();
  }

  /** A declaration field by its path in the form's schema, `nguoiYeuCau-hoTen`. */
  formField(fieldPath: string): Locator {
    return this.page.locator(`#apply-form-${fieldPath}`);
  }

  applicant(field: 'phone' | 'email' | 'name' | 'taxCode'): Locator {
    return this.page.locator(`#apply-applicant-${field}`);
  }

  /** Step 2: the birth declaration of server/test/fixtures.ts (VALID_BIRTH_DECLARATION). */
  async fillBirthDeclaration(): Promise<void> {
    // The requester's vouched name and number come filled and read-only (issue 14): not typed.
    for (const [fieldPath, value] of Object.entries(BIRTH_DECLARATION_FIELDS)) {
      const field = this.formField(fieldPath);
      if ((await field.getAttribute('readonly')) === null) await field.fill(value);
    }
    await this.formField('nguoiDuocKhaiSinh-gioiTinh').selectOption('Nam');
    await this.formField('camDoan').check();
    await this.formField('deNghiCapBanSao-coYeuCau').selectOption('yes');
    await this.formField('deNghiCapBanSao-soLuong').fill('2');
  }

  /** Step 3: the file input of a component (TP2 …). */
  fileInput(component: string): Locator {
    return this.page.locator(`#apply-file-${component}`);
  }

  /** The uploads listed under a component's input. */
  uploads(component: string): Locator {
    return this.page.locator(`.upload-field:has(#apply-file-${component}) .upload-item`);
  }

  async attach(component: string, name: string, pdf: Buffer): Promise<void> {
    await this.fileInput(component).setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
    await this.uploads(component).filter({ hasText: name }).filter({ hasText: 'Đã tải lên' }).waitFor();
  }

  get review(): Locator {
    return this.page.locator('main .apply-form');
  }
}

export class MyDossierPage extends CitizenShell {
  async goto(code: string): Promise<void> {
    await this.page.goto(myDossierPath(code));
    await this.heading.waitFor();
  }

  get receipt(): Locator {
    return this.page.getByRole('region', { name: 'Đã nộp hồ sơ' });
  }

  get receiptCode(): Locator {
    return this.receipt.locator('.receipt-code');
  }

  summaryValue(term: string): Locator {
    return this.page
      .locator('.dossier-summary > div')
      .filter({ has: this.page.locator('dt', { hasText: term }) })
      .locator('dd');
  }

  get timeline(): Locator {
    return this.page.locator('ol.timeline');
  }

  slip(name: RegExp): Locator {
    return this.page.getByRole('link', { name });
  }

  action(name: string): Locator {
    return this.page.getByRole('region', { name: 'Bạn có thể' }).getByRole('button', { name, exact: true });
  }

  get notice(): Locator {
    return this.page.locator('main .notice');
  }

  /** "Phí, lệ phí": the items, the sums, the payment button, the payments and their receipts. */
  get fees(): Locator {
    return this.page.getByRole('region', { name: 'Phí, lệ phí' });
  }

  /** A sum under the items: "Tổng số", "Đã nộp", "Còn phải nộp". */
  feesSum(term: string): Locator {
    return this.fees
      .locator('.fees-summary > div')
      .filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
      .locator('dd');
  }

  get payButton(): Locator {
    return this.fees.getByRole('button', { name: /^Thanh toán trực tuyến/ });
  }

  get refreshButton(): Locator {
    return this.fees.getByRole('button', { name: 'Cập nhật', exact: true });
  }

  get openPaymentPage(): Locator {
    return this.fees.getByRole('link', { name: /^Mở trang thanh toán/ });
  }

  /** The section's status line (announced): awaiting, paid, not paid. */
  get feesStatus(): Locator {
    return this.fees.getByRole('status');
  }

  get feesAlert(): Locator {
    return this.fees.getByRole('alert');
  }

  /** The rows of "Các lần thanh toán", newest first. */
  get paymentRows(): Locator {
    return this.fees.getByRole('table', { name: 'Các lần thanh toán' }).locator('tbody tr');
  }

  /** The "Trạng thái" of each payment, newest first. */
  paymentStatuses(): Promise<string[]> {
    return this.paymentRows.locator('td[data-label="Trạng thái"]').allInnerTexts();
  }

  receiptLink(): Locator {
    return this.fees.getByRole('link', { name: /^Biên lai BL-\d{4}\/\d{7} \(PDF\)/ });
  }
}

/** The payment platform's page, as the simulator plays it (simulator/payments.ts). */
export class PaymentPlatformPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** A line of what is paid: "Mã hồ sơ", "Số tiền", "Người nộp" … */
  value(term: string): Locator {
    return this.page.locator(`dt:text-is("${term}") + dd`);
  }

  get confirm(): Locator {
    return this.page.getByRole('button', { name: 'Xác nhận thanh toán' });
  }

  get cancel(): Locator {
    return this.page.getByRole('button', { name: 'Hủy', exact: true });
  }
}

export class MyDossiersPage extends CitizenShell {
  async goto(): Promise<void> {
    await this.page.goto(MY_DOSSIERS_PATH);
    await this.heading.waitFor();
  }

  card(code: string): Locator {
    return this.page.locator('.my-dossier-card').filter({ hasText: code });
  }
}

export class LookupPage extends AppShell {
  async goto(code?: string): Promise<void> {
    await this.page.goto(code ? lookupPath(code) : LOOKUP_PATH);
    await this.heading.waitFor();
  }

  get code(): Locator {
    return this.page.getByRole('textbox', { name: 'Mã hồ sơ' });
  }

  /** The applicant's 4 last digits (ID number or phone), which show who applied for what. */
  get digits(): Locator {
    return this.page.getByRole('textbox', {
      name: '4 số cuối số định danh hoặc số điện thoại của người nộp',
    });
  }

  get submit(): Locator {
    return this.page.getByRole('button', { name: 'Tra cứu', exact: true });
  }

  get answer(): Locator {
    return this.page.getByRole('region', { name: 'Kết quả tra cứu' });
  }

  value(term: string): Locator {
    return this.answer
      .locator('.lookup-result > div')
      .filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
      .locator('dd');
  }
}
