// /ho-so/<code> as a specialist or a leader reads it before deciding (issue 14): the declaration, the
// applicant's contacts, the result as approved, steps with handlers, history by name.
import type { Locator } from 'playwright-core';
import { DossierPage } from './desk-pages.ts';

export class OfficerDossierPage extends DossierPage {
  /** The section "Tờ khai": the declaration rendered from the procedure's form. */
  get declaration(): Locator {
    return this.page.getByRole('region', { name: 'Tờ khai' });
  }

  /** One item of the declaration by its label (the form's title), nearest first. */
  declared(label: string): Locator {
    return this.declaration
      .locator('.review-list > div')
      .filter({ has: this.page.locator(':scope > dt', { hasText: label }) })
      .locator(':scope > dd');
  }

  get applicant(): Locator {
    return this.page.getByRole('region', { name: 'Người nộp hồ sơ' });
  }

  applicantValue(term: string): Locator {
    return this.applicant
      .locator('.summary-list > div')
      .filter({ has: this.page.locator('dt', { hasText: term }) })
      .locator('dd');
  }

  get result(): Locator {
    return this.page.getByRole('region', { name: 'Văn bản kết quả đã ký' });
  }

  resultValue(term: string): Locator {
    return this.result
      .locator('.summary-list > div')
      .filter({ has: this.page.locator('dt', { hasText: term }) })
      .locator('dd');
  }

  get steps(): Locator {
    return this.page.getByRole('region', { name: 'Quy trình xử lý' }).locator('.step-list > li');
  }

  /** The page is no wider than its viewport (no horizontal scroll). */
  async scrollWidth(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth);
  }
}
