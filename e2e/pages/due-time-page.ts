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

  /** Whose office hours and province's own days count: the standard hours, or one of the user's agencies. */
  get agency(): Locator {
    return this.page.getByLabel('Giờ làm việc của cơ quan', { exact: true });
  }

  get submit(): Locator {
    return this.page.getByRole('button', { name: 'Tính hạn' });
  }

  /** Start as a `datetime-local` value (Vietnam time), e.g. 2026-11-23T10:00. */
  /** `start` as `YYYY-MM-DDTHH:mm`, typed the way the field reads it: dd/mm/yyyy HH:mm. */
  async compute(start: string, value: string, unit = 'working-day'): Promise<void> {
    const [, y, m, d, time] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(start) ?? [];
    await this.start.fill(y ? `${d}/${m}/${y} ${time}` : start);
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
