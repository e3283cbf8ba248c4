// /
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export class HomePage extends AppShell {
  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  get roles(): Locator {
    return this.page.locator('.role-list li');
  }

  unitsLink(name = 'Cây đơn vị hành chính'): Locator {
    return this.page.getByRole('main').getByRole('link', { name });
  }
}
