// /quan-tri/ho-so-cong-dvcqg: dossiers fetched from the national portal that are held or rejected.
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export const INBOUND_PATH = '/quan-tri/ho-so-cong-dvcqg';

export class InboundPage extends AppShell {
  async goto(): Promise<void> {
    await this.page.goto(INBOUND_PATH);
    await this.heading.waitFor();
  }

  section(heading: string): Locator {
    return this.page.getByRole('region', { name: heading, exact: true });
  }

  /** The count line of a section ("2 hồ sơ đang tạm giữ."). */
  status(heading: string): Locator {
    return this.section(heading).getByRole('status');
  }

  table(caption: string): Locator {
    return this.page.getByRole('table', { name: caption, exact: true });
  }

  /** A row by the portal code in its row header. */
  row(caption: string, portalCode: string): Locator {
    return this.table(caption)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: portalCode }) });
  }

  get notice(): Locator {
    return this.page.locator('main .notice');
  }
}
