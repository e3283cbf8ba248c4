// /bao-cao/ii06a: Biểu II.06a — the period picker, the form's table (figures as links), the downloads;
// /bao-cao/ii06a/ho-so: the dossiers behind one figure.
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export const II06A_PATH = '/bao-cao/ii06a';
export const II06A_DOSSIERS_PATH = '/bao-cao/ii06a/ho-so';

/** The figure a cell shows: its leading number (a link's hidden words follow it: "3 hồ sơ, cột (10) …"). */
const number = (text: string): number => Number((/^\s*([\d.]+)/.exec(text)?.[1] ?? '').replace(/\./g, ''));

export class Ii06aPage extends AppShell {
  async goto(search = ''): Promise<void> {
    await this.page.goto(`${II06A_PATH}${search}`);
    await this.heading.waitFor();
  }

  get kind(): Locator {
    return this.page.getByLabel('Loại kỳ', { exact: true });
  }

  get quarter(): Locator {
    return this.page.getByLabel('Quý', { exact: true });
  }

  get year(): Locator {
    return this.page.getByLabel('Năm', { exact: true });
  }

  get show(): Locator {
    return this.page.getByRole('button', { name: 'Xem báo cáo' });
  }

  get status(): Locator {
    return this.page.locator('main .overview-status');
  }

  /** Picks a quarter ("IV") of a year and shows it. */
  async showQuarter(roman: string, year: number): Promise<void> {
    await this.kind.selectOption({ label: 'Quý' });
    await this.quarter.selectOption({ label: `Quý ${roman}` });
    await this.year.selectOption(String(year));
    await this.show.click();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: /^Tình hình, kết quả giải quyết thủ tục hành chính/ });
  }

  /** The headings of the table, row by row. */
  async headingRows(): Promise<string[][]> {
    return this.table
      .locator('thead tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('th')].map((th) => (th.textContent ?? '').trim())),
      );
  }

  /** Columns 3–13 of the total row, as shown. */
  async totals(): Promise<number[]> {
    return (await this.table.locator('tfoot td.num').allInnerTexts()).map(number);
  }

  /** Columns 3–13 of the row named `name`. */
  async rowFigures(name: string): Promise<number[]> {
    const row = this.table.locator('tbody tr', {
      has: this.page.getByRole('rowheader', { name, exact: true }),
    });
    return (await row.locator('td.num').allInnerTexts()).map(number);
  }

  /** The link of a figure: column (3–13) of a row ("Tổng cộng" for the total). */
  figure(column: number, row: string): Locator {
    return this.table.getByRole('link', {
      name: new RegExp(` hồ sơ, cột \\(${column}\\) .*, ${row.replace(/[().]/g, '\\$&')}$`),
    });
  }

  get xlsx(): Locator {
    return this.page.getByRole('link', { name: 'Tải Excel (.xlsx)' });
  }

  get pdf(): Locator {
    return this.page.getByRole('link', { name: 'Tải PDF' });
  }
}

export class Ii06aDossiersPage extends AppShell {
  get table(): Locator {
    return this.page.getByRole('table', { name: 'Các hồ sơ được tính vào chỉ tiêu' });
  }

  /** The dossier codes listed, in order. */
  async codes(): Promise<string[]> {
    return (await this.table.locator('tbody th').allInnerTexts()).map((c) => c.trim());
  }

  get back(): Locator {
    return this.page.getByRole('link', { name: 'Quay lại Biểu II.06a' });
  }
}
