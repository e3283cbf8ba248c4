// Reusing records of the applicant's document store (docs/domain/documents.md): the group of records
// offered for a component, on the citizen's apply page (/cong-dich-vu-cong/nop-ho-so/<code>, step 3)
// and on the desk's intake (/ho-so/tiep-nhan, a component marked "Khai thác dữ liệu đã có"), and the
// desk's lookup button.
import type { Locator, Page } from 'playwright-core';

export class ReuseGroup {
  readonly page: Page;
  /** The group of records offered for the component `code` (TP3 …). */
  readonly group: Locator;
  constructor(page: Page, code: string) {
    this.page = page;
    this.group = page.getByRole('group', {
      name: new RegExp(`^Dùng lại giấy tờ đã có trong kho cho ${code} `),
    });
  }

  /** On the apply page, the disclosure that opens the group: "Dùng lại giấy tờ đã có trong kho (2)". */
  static disclosure(page: Page, code: string): Locator {
    return page.locator('summary').filter({
      hasText: new RegExp(`^Dùng lại giấy tờ đã có trong kho \\(\\d+\\) cho ${code} `),
    });
  }

  /** A record's checkbox, by the document's name. */
  record(name: string): Locator {
    return this.group.getByRole('checkbox', { name, exact: true });
  }

  /** The facts under a record: "Mã hồ sơ", "Cơ quan cấp", "Ngày cấp". */
  fact(name: string, term: string): Locator {
    return this.group
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('checkbox', { name, exact: true }) })
      .locator('.reuse-facts > div')
      .filter({ has: this.page.locator('dt', { hasText: term }) })
      .locator('dd');
  }

  /** The citizen's link to the record's file. */
  fileLink(name: string): Locator {
    return this.group.getByRole('link', { name: `Tải tệp về ${name}` });
  }
}

export class DeskLookup {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get button(): Locator {
    return this.page.getByRole('button', { name: 'Tra cứu giấy tờ đã có' });
  }

  /** What the lookup found (announced). */
  get status(): Locator {
    return this.page.locator('.reuse-lookup [role=status]');
  }

  /** Why it could not look up (announced). */
  get alert(): Locator {
    return this.page.locator('.reuse-lookup [role=alert]');
  }
}
