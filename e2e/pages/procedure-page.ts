// /thu-tuc/<code>: one procedure, public.
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export const procedurePath = (code: string): string => `/thu-tuc/${code}`;

export class ProcedurePage extends AppShell {
  async goto(code: string): Promise<void> {
    await this.page.goto(procedurePath(code));
    await this.section('Thời hạn giải quyết').waitFor();
  }

  /** A section of the page by its heading. */
  section(heading: string): Locator {
    return this.page.getByRole('region', { name: heading, exact: true });
  }

  get expected(): Locator {
    return this.section('Ngày trả kết quả dự kiến');
  }

  /** The expected result line once computed: "Nếu nộp bây giờ, dự kiến trả kết quả: …". */
  get expectedLine(): Locator {
    return this.expected.locator('.expected-line');
  }

  get offeringAgencies(): Locator {
    // the place picker's page: the provinces, districts or agencies shown
    return this.section('Nơi nộp hồ sơ').locator('.place-list li');
  }

  /** The cells of a table in a section, row by row: [[channel, value, note], …]. */
  async tableRows(heading: string): Promise<string[][]> {
    return this.section(heading)
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.children].map((cell) => (cell as HTMLElement).innerText.trim())),
      );
  }
}
