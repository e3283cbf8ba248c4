// The frame around every page: header, language switch, signed-in user, main navigation.
import type { Locator, Page } from 'playwright-core';

export class AppShell {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get header(): Locator {
    return this.page.getByRole('banner');
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The words an element's aria-labelledby points to: a chart's summary, its accessible name. */
  async labelledBy(element: Locator): Promise<string> {
    return element.evaluate((el) =>
      (el.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim(),
    );
  }

  /** The button offering the other language: "English" or "Tiếng Việt". */
  languageButton(label: 'English' | 'Tiếng Việt'): Locator {
    return this.header.getByRole('button', { name: label, exact: true });
  }

  signOutButton(label = 'Đăng xuất'): Locator {
    return this.header.getByRole('button', { name: label });
  }

  get userName(): Locator {
    return this.header.locator('.user-name');
  }

  get userRole(): Locator {
    return this.header.locator('.user-role');
  }

  navLink(name: string): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name, exact: true });
  }

  async pathname(): Promise<string> {
    return new URL(this.page.url()).pathname;
  }

  async waitForPath(pathname: string): Promise<void> {
    await this.page.waitForURL((url) => url.pathname === pathname);
  }

  async htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }
}
