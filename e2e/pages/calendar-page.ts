// /lich-lam-viec/<year>: the national holiday calendar (read-only) and, for a signed-in officer, their
// province's own days, which its administrator edits.
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export const calendarPath = (year: number): string => `/lich-lam-viec/${year}`;

export class CalendarPage extends AppShell {
  async goto(year: number): Promise<void> {
    await this.page.goto(calendarPath(year));
    await this.daysOffTable.waitFor();
  }

  get provisionalBanner(): Locator {
    return this.page.getByRole('region', { name: 'Lịch tạm tính' });
  }

  get daysOffTable(): Locator {
    return this.page.getByRole('table', { name: /^Các ngày nghỉ năm/ });
  }

  async daysOff(): Promise<string[][]> {
    return rowsOf(this.daysOffTable);
  }

  /** The section of the signed-in officer's province's own days. */
  get provinceSection(): Locator {
    return this.page.getByRole('region', { name: /^Ngày nghỉ, ngày làm bù riêng của/ });
  }

  async provinceDaysOff(): Promise<string[][]> {
    return rowsOf(this.page.getByRole('table', { name: /^Ngày nghỉ thêm của/ }));
  }

  editButton(): Locator {
    return this.page.getByRole('button', { name: /^Sửa ngày riêng của/ });
  }

  get editor(): Locator {
    return this.page.getByRole('region', { name: /^Sửa ngày riêng của/ });
  }

  /** The fieldset of a row, by its legend ("Ngày nghỉ 1: Thứ Tư, 07/10/2026"). */
  row(legend: RegExp): Locator {
    return this.editor.getByRole('group', { name: legend });
  }

  removeButton(name: RegExp): Locator {
    return this.editor.getByRole('button', { name });
  }

  get save(): Locator {
    return this.editor.getByRole('button', { name: 'Lưu ngày riêng của tỉnh' });
  }

  get errorSummary(): Locator {
    return this.editor.locator('.error-summary');
  }

  get savedSummary(): Locator {
    return this.page.getByRole('region', { name: /^Đã lưu ngày riêng của/ });
  }
}

function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((cell) => (cell as HTMLElement).innerText.trim())),
    );
}
