// /lich-lam-viec/<year>: the holiday calendar, and its editor for a province administrator.
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export const calendarPath = (year: number): string => `/lich-lam-viec/${year}`;

export class CalendarPage extends AppShell {
  async goto(year: number): Promise<void> {
    await this.page.goto(calendarPath(year));
    await this.daysOffTable.or(this.editButton(year)).first().waitFor();
  }

  get provisionalBanner(): Locator {
    return this.page.getByRole('region', { name: 'Lịch tạm tính' });
  }

  get daysOffTable(): Locator {
    return this.page.getByRole('table', { name: /^Các ngày nghỉ năm/ });
  }

  async daysOff(): Promise<string[][]> {
    return this.daysOffTable
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.children].map((cell) => (cell as HTMLElement).innerText.trim())),
      );
  }

  editButton(year: number): Locator {
    return this.page.getByRole('button', { name: `Sửa lịch năm ${year}` });
  }

  get editor(): Locator {
    return this.page.getByRole('region', { name: /^Sửa lịch năm/ });
  }

  /** The fieldset of a row, by its legend ("Ngày nghỉ 14: Thứ Ba, 24/11/2026"). */
  row(legend: RegExp): Locator {
    return this.editor.getByRole('group', { name: legend });
  }

  removeButton(name: RegExp): Locator {
    return this.editor.getByRole('button', { name });
  }

  get save(): Locator {
    return this.editor.getByRole('button', { name: 'Lưu lịch' });
  }

  get errorSummary(): Locator {
    return this.editor.locator('.error-summary');
  }

  get savedSummary(): Locator {
    return this.page.getByRole('region', { name: /^Đã lưu lịch năm/ });
  }
}
