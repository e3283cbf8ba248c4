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

  /** The counters of one role, by the role's name ("Cán bộ một cửa"). */
  counters(role: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${role}`) });
  }

  /** A counter: a link named "<number> hồ sơ: <label>". */
  counter(label: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: new RegExp(`^\\d+ hồ sơ: ${label}$`) });
  }

  /** The number a counter shows, once loaded. */
  async counterValue(label: string): Promise<number> {
    const text = await this.counter(label).locator('.counter-value').innerText();
    return Number(text);
  }

  get changes(): Locator {
    return this.page.getByRole('region', { name: 'Thay đổi từ lần đăng nhập trước' });
  }
}
