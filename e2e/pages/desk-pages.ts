// /ho-so (worklists), /ho-so/tiep-nhan (intake at the desk) and /ho-so/<code> (one dossier).
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export const WORKLIST_PATH = '/ho-so';
export const INTAKE_PATH = '/ho-so/tiep-nhan';
export const TRACKING_BOOK_PATH = '/ho-so/so-theo-doi';
export const dossierPath = (code: string): string => `/ho-so/${code}`;

/**
 * The birth declaration of server/test/fixtures.ts (VALID_BIRTH_DECLARATION), by form field id, as
 * typed: dates in dd/mm/yyyy (the date input keeps them as ISO).
 */
export const BIRTH_DECLARATION_FIELDS: Record<string, string> = {
  kinhGui: 'Ủy ban nhân dân phường Hoàn Kiếm',
  'nguoiYeuCau-hoTen': 'Nguyễn Văn An',
  'nguoiYeuCau-noiCuTru': 'Số 12 phố Hàng Trống, phường Hoàn Kiếm, thành phố Hà Nội',
  'nguoiYeuCau-giayToTuyThan-loaiGiayTo': 'Thẻ căn cước',
  'nguoiYeuCau-giayToTuyThan-so': '001093012345',
  'nguoiYeuCau-giayToTuyThan-ngayCap': '01/07/2024',
  'nguoiYeuCau-quanHeVoiNguoiDuocKhaiSinh': 'Cha',
  'nguoiDuocKhaiSinh-hoTen': 'Nguyễn Minh Khang',
  'nguoiDuocKhaiSinh-ngaySinh': '01/11/2026',
  'nguoiDuocKhaiSinh-danToc': 'Kinh',
  'nguoiDuocKhaiSinh-noiSinh': 'Bệnh viện Phụ sản Hà Nội, phường Láng, thành phố Hà Nội',
  'nguoiDuocKhaiSinh-queQuan': 'xã Bát Tràng, thành phố Hà Nội',
  'me-hoTen': 'Trần Thị Bình',
  'me-namSinh': '1995',
  'cha-hoTen': 'Nguyễn Văn An',
  'cha-namSinh': '1993-04-12',
  lamTai: 'Hà Nội',
  ngayLap: '20/11/2026',
};

export class WorklistPage extends AppShell {
  async goto(search = ''): Promise<void> {
    await this.page.goto(`${WORKLIST_PATH}${search}`);
    await this.heading.waitFor();
  }

  get status(): Locator {
    return this.page.locator('main .search-status');
  }

  get search(): Locator {
    return this.page.locator('#dossier-search');
  }

  tab(name: RegExp): Locator {
    return this.page.getByRole('navigation', { name: 'Danh mục hồ sơ' }).getByRole('button', { name });
  }

  get table(): Locator {
    return this.page.locator('table.dossier-table');
  }

  row(code: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByRole('link', { name: code }) });
  }

  /** A filter or order select by its label (Lĩnh vực, Thủ tục, Kênh nộp, Trạng thái, Sắp xếp theo, Thứ tự). */
  filter(label: string): Locator {
    return this.page.locator('.worklist-filters').getByRole('combobox', { name: label, exact: true });
  }

  /** The dossier codes of the rows on screen, in order. */
  async codes(): Promise<string[]> {
    return this.table.locator('tbody tr th a').allInnerTexts();
  }

  /** The cells of the rows on screen, by column header. */
  async rows(): Promise<Record<string, string>[]> {
    const headers = await this.table.locator('thead th').allInnerTexts();
    const rows = await this.table.locator('tbody tr').all();
    return Promise.all(
      rows.map(async (r) => {
        const cells = await r.locator('th, td').allInnerTexts();
        return Object.fromEntries(headers.map((h, i) => [h.trim(), (cells[i] ?? '').trim()]));
      }),
    );
  }

  get exportButton(): Locator {
    return this.page.getByRole('button', { name: 'Xuất Excel' });
  }

  select(code: string): Locator {
    return this.page.getByRole('checkbox', { name: `Chọn hồ sơ ${code}` });
  }

  get bulk(): Locator {
    return this.page.locator('.bulk-bar');
  }
}

export class IntakePage extends AppShell {
  get procedure(): Locator {
    return this.page.getByRole('combobox', { name: /^Thủ tục/ });
  }

  get options(): Locator {
    return this.page.getByRole('listbox').getByRole('option');
  }

  /** The agency picker's control: its search field, or its "Đổi" button once an agency is chosen. */
  get agency(): Locator {
    return this.page.locator('#intake-agency');
  }

  /** The agency chosen, with the units above it. */
  get agencyChosen(): Locator {
    return this.page.locator('#intake-agency-chosen');
  }

  applicant(field: 'fullName' | 'idNumber' | 'phone' | 'email'): Locator {
    return this.page.locator(`#intake-applicant-${field}`);
  }

  /** A declaration field by its path in the form's schema, `nguoiYeuCau-hoTen`. */
  formField(path: string): Locator {
    return this.page.locator(`#intake-form-${path}`);
  }

  /** The n-th component (TP<n>)'s select. */
  component(n: number): Locator {
    return this.page.locator(`#intake-component-${n - 1}`);
  }

  get save(): Locator {
    return this.page.getByRole('button', { name: 'Lưu và tiếp nhận' });
  }

  /** The n-th component's file input for its scans (several files; drop zone around it). */
  scanInput(n: number): Locator {
    return this.page.locator(`#intake-component-${n - 1}-files`);
  }

  /** The n-th component's uploaded scans, one item each. */
  scans(n: number): Locator {
    return this.page.getByRole('list', { name: new RegExp(`^Bản quét của TP${n} `) }).getByRole('listitem');
  }

  pages(n: number): Locator {
    return this.page.locator(`#intake-component-${n - 1}-pages`);
  }

  digitised(n: number): Locator {
    return this.page.locator(`#intake-component-${n - 1}-digitised`);
  }

  /** Who the dossier is handed on to once received ('' keeps it at the desk). */
  get handOn(): Locator {
    return this.page.locator('#intake-hand-on');
  }

  get errorSummary(): Locator {
    return this.page.locator('main .error-summary');
  }

  async fillBirthDeclaration(): Promise<void> {
    for (const [path, value] of Object.entries(BIRTH_DECLARATION_FIELDS))
      await this.formField(path).fill(value);
    await this.formField('nguoiDuocKhaiSinh-gioiTinh').selectOption('Nam');
    await this.formField('camDoan').check();
    await this.formField('deNghiCapBanSao-coYeuCau').selectOption('yes');
    await this.formField('deNghiCapBanSao-soLuong').fill('2');
  }
}

export class DossierPage extends AppShell {
  summaryValue(term: string): Locator {
    return this.page
      .locator('.dossier-summary > div')
      .filter({ has: this.page.locator('dt', { hasText: term }) })
      .locator('dd');
  }

  get receiptLink(): Locator {
    return this.page.getByRole('link', { name: /^Giấy tiếp nhận hồ sơ và hẹn trả kết quả/ });
  }

  get currentStep(): Locator {
    return this.page.locator('.step-list [aria-current="step"]');
  }

  action(label: string): Locator {
    return this.page
      .getByRole('region', { name: 'Thao tác' })
      .getByRole('button', { name: label, exact: true });
  }

  get notice(): Locator {
    return this.page.locator('main .notice');
  }

  get history(): Locator {
    return this.page.locator('table.history-table');
  }

  /** The section "Giấy tờ của hồ sơ": components as given with their files, supplements, results. */
  get papers(): Locator {
    return this.page.getByRole('region', { name: 'Giấy tờ của hồ sơ' });
  }

  /** A component's row in the papers, by its code (TP2). */
  paperRow(code: string): Locator {
    return this.papers.locator('tbody tr').filter({ has: this.page.locator('td.code', { hasText: code }) });
  }
}

/** /ho-so/so-theo-doi: the desk's tracking book for a period, downloaded as PDF or XLSX. */
export class TrackingBookPage extends AppShell {
  get desk(): Locator {
    return this.page.locator('#tracking-book-desk');
  }

  get from(): Locator {
    return this.page.locator('#tracking-book-from');
  }

  get to(): Locator {
    return this.page.locator('#tracking-book-to');
  }

  get pdf(): Locator {
    return this.page.getByRole('button', { name: 'Tải sổ (PDF)' });
  }

  get xlsx(): Locator {
    return this.page.getByRole('button', { name: 'Tải sổ (Excel)' });
  }
}
