// Administration pages: /quan-tri/can-bo (staff and roles), /quan-tri/thu-tuc (the catalogue for
// administrators), /quan-tri/thu-tuc/<code> (versions) and …/quy-trinh/<version> (the workflow editor).
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';
import { PlacePickerPart } from './place-picker.ts';

export const STAFF_PATH = '/quan-tri/can-bo';
export const CATALOG_ADMIN_PATH = '/quan-tri/thu-tuc';

class AdminPage extends AppShell {
  get errorSummary(): Locator {
    return this.page.locator('main .error-summary');
  }

  get notice(): Locator {
    return this.page.locator('main .notice');
  }

  /** The error printed beside a field (linked to it with aria-describedby). */
  async fieldError(input: Locator): Promise<string> {
    const ids = (await input.getAttribute('aria-describedby')) ?? '';
    const id = ids.split(' ').find((x) => x.endsWith('-error'));
    assert.ok(id, 'the field has no error description');
    return (await this.page.locator(`[id="${id}"]`).innerText()).trim();
  }
}

export class StaffPage extends AdminPage {
  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Họ tên hoặc tên đăng nhập' });
  }

  get status(): Locator {
    return this.page.getByRole('region', { name: 'Danh sách cán bộ' }).getByRole('status');
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Cán bộ, vai trò và trạng thái tài khoản' });
  }

  /** The agency filter: the place picker. */
  get agency(): PlacePickerPart {
    return new PlacePickerPart(this.page, 'staff-agency');
  }

  row(fullName: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: fullName }) });
  }

  get addButton(): Locator {
    return this.page.getByRole('button', { name: 'Thêm cán bộ' });
  }

  get form(): Locator {
    return this.page.getByRole('region', { name: 'Thêm cán bộ' });
  }

  field(name: 'username' | 'fullName' | 'password'): Locator {
    return this.form.locator(`#staff-new-${name}`);
  }

  grantRow(n: number): Locator {
    return this.form.getByRole('group', { name: `Vai trò ${n}`, exact: true });
  }

  grantRole(row: Locator): Locator {
    return row.getByRole('combobox', { name: /^Vai trò/ });
  }

  /** Type into a grant row's agency combobox and pick the suggestion named `name`. */
  /** The row's agency picker: searched for `words`, the agency named `name` chosen. */
  async pickAgency(row: Locator, words: string, name: string): Promise<void> {
    const picker = row.locator('.place-picker');
    const change = picker.getByRole('button', { name: /^(Chọn|Đổi) Cơ quan/ });
    if (await change.isVisible()) await change.click();
    await picker.getByRole('searchbox', { name: /^Cơ quan/ }).fill(words);
    await picker
      .locator('.place-list')
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .first()
      .click();
  }

  get submit(): Locator {
    return this.form.getByRole('button', { name: 'Tạo tài khoản' });
  }
}

export class CatalogAdminPage extends AdminPage {
  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' });
  }

  procedureLink(name: string): Locator {
    return this.page.getByRole('table').getByRole('link', { name, exact: true });
  }
}

export class VersionsPage extends AdminPage {
  get table(): Locator {
    return this.page.getByRole('table', { name: 'Các phiên bản của thủ tục, mới nhất trước' });
  }

  row(version: number): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: `Phiên bản ${version}`, exact: true }) });
  }

  get createDraft(): Locator {
    return this.page.getByRole('button', { name: 'Tạo bản nháp từ phiên bản đang áp dụng' });
  }
}

export class WorkflowPage extends AdminPage {
  /** A step's fieldset: "Bước 2: Thẩm định, xử lý hồ sơ". */
  step(n: number): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^Bước ${n}(:|$)`) });
  }

  share(n: number): Locator {
    return this.step(n).getByLabel('Thời gian', { exact: true });
  }

  get total(): Locator {
    return this.page.locator('#wf-total');
  }

  /** The live total as a screen reader reads it (its hidden "Chưa hợp lệ:" flag included). */
  async totalText(): Promise<string> {
    return ((await this.total.textContent()) ?? '').trim();
  }

  get totalBox(): Locator {
    return this.page.locator('.share-total');
  }

  get save(): Locator {
    return this.page.getByRole('button', { name: 'Lưu quy trình' });
  }

  get addStep(): Locator {
    return this.page.getByRole('button', { name: /^Thêm bước/ });
  }

  fact(term: string): Locator {
    return this.page
      .locator('.workflow-facts > div')
      .filter({ has: this.page.locator('dt', { hasText: term }) })
      .locator('dd');
  }
}
