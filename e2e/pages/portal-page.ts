// /cong-dich-vu-cong: the public portal's procedure search.
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export const PORTAL_PATH = '/cong-dich-vu-cong';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class PortalPage extends AppShell {
  async goto(query = ''): Promise<void> {
    await this.page.goto(`${PORTAL_PATH}${query}`);
    await this.searchBox.waitFor();
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Tên hoặc mã thủ tục' });
  }

  /** Types like a person, key by key: the search answers as one types. */
  async type(text: string): Promise<void> {
    await this.searchBox.click();
    await this.searchBox.pressSequentially(text, { delay: 40 });
  }

  get status(): Locator {
    return this.page.locator('.search-status');
  }

  get results(): Locator {
    return this.page.locator('#procedure-results > li');
  }

  /** The link of a result, by the procedure's name. */
  result(name: string): Locator {
    return this.page
      .locator('#procedure-results')
      .getByRole('link', { name: new RegExp(`^${escapeRegExp(name)}$`) });
  }

  resultCard(name: string): Locator {
    return this.results.filter({
      has: this.page.getByRole('link', { name: new RegExp(`^${escapeRegExp(name)}$`) }),
    });
  }

  select(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  pagerButton(name: 'Trang sau' | 'Trang trước'): Locator {
    return this.page
      .getByRole('navigation', { name: 'Phân trang danh sách thủ tục' })
      .getByRole('button', { name });
  }
}
