// /quan-tri/thu-tuc, the section "Nhập danh mục thủ tục": a catalogue file chosen, tried, imported, and
// its report record by record.
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export class CatalogueImportPart extends AppShell {
  get section(): Locator {
    return this.page.getByRole('region', { name: 'Nhập danh mục thủ tục' });
  }

  get file(): Locator {
    return this.section.getByLabel('Tệp danh mục');
  }

  get trial(): Locator {
    return this.section.getByRole('button', { name: 'Chạy thử', exact: true });
  }

  /** The button that imports the file tried; its words say what it will write (or that it was). */
  get apply(): Locator {
    return this.section.getByRole('button', { name: /^(Nhập thật|Đã nhập tệp này)/ });
  }

  /** The error printed at the file (tied to it with aria-describedby). */
  async fileError(): Promise<string | null> {
    const ids = (await this.file.getAttribute('aria-describedby')) ?? '';
    const id = ids.split(' ').find((x) => x.endsWith('-error'));
    if (!id) return null;
    return (await this.page.locator(`[id="${id}"]`).innerText()).trim();
  }

  get reportHeading(): Locator {
    return this.section.getByRole('heading', { level: 3 });
  }

  get table(): Locator {
    return this.section.getByRole('table', { name: 'Từng thủ tục của tệp và kết quả' });
  }

  /** The counts above the table: outcome → number. */
  async counts(): Promise<Record<string, string>> {
    const pairs = await this.section
      .locator('.summary-list > div')
      .evaluateAll((items) =>
        items.map((d) => [
          (d.querySelector('dt') as HTMLElement).innerText.trim(),
          (d.querySelector('dd') as HTMLElement).innerText.trim(),
        ]),
      );
    return Object.fromEntries(pairs) as Record<string, string>;
  }

  /** A record's row, by its code. */
  row(code: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: code, exact: true }) });
  }
}
