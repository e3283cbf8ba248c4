// /tinh-han: the due-time explainer.
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export const DUE_TIME_PATH = '/tinh-han';

export class DueTimePage extends AppShell {
  async goto(): Promise<void> {
    await this.page.goto(DUE_TIME_PATH);
    await this.start.waitFor();
  }

  get start(): Locator {
    return this.page.getByLabel('Thời điểm tiếp nhận');
  }

  get value(): Locator {
    return this.page.getByLabel('Thời hạn', { exact: true });
  }

  get unit(): Locator {
    return this.page.getByLabel('Đơn vị', { exact: true });
  }

  get submit(): Locator {
    return this.page.getByRole('button', { name: 'Tính hạn' });
  }

  /** Start as a `datetime-local` value (Vietnam time), e.g. 2026-11-23T10:00. */
  async compute(start: string, value: string, unit = 'working-day'): Promise<void> {
    await this.start.fill(start);
    await this.unit.selectOption(unit);
    await this.value.fill(value);
    await this.submit.click();
  }

  get dueAt(): Locator {
    return this.page.locator('.due-at');
  }

  async trail(): Promise<string[]> {
    return this.page.locator('.trail-item .trail-title').allInnerTexts();
  }
}
