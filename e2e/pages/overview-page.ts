// /bao-cao: the leader's overview of their units — figures, charts (canvas role="img") and the
// "Bảng số liệu" table under each chart.
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export const OVERVIEW_PATH = '/bao-cao';

export class OverviewPage extends AppShell {
  async goto(search = ''): Promise<void> {
    await this.page.goto(`${OVERVIEW_PATH}${search}`);
    await this.heading.waitFor();
  }

  /** A chart by the start of its accessible name ("Biểu đồ cột, hồ sơ trong kỳ theo trạng thái"). */
  chart(name: string): Locator {
    return this.page.getByRole('img', { name: new RegExp(`^${name}`) });
  }

  get statusChart(): Locator {
    return this.chart('Biểu đồ cột, hồ sơ trong kỳ theo trạng thái');
  }

  get statusTable(): Locator {
    return this.page.getByRole('table', { name: 'Hồ sơ tiếp nhận trong kỳ, theo trạng thái hiện tại' });
  }

  get agencyTable(): Locator {
    return this.page.getByRole('table', { name: 'Số liệu theo cơ quan tiếp nhận hồ sơ' });
  }

  /** The number in a table row named by its first cell ("Đã tiếp nhận", "Tổng cộng"). */
  async rowCount(table: Locator, row: string): Promise<number> {
    const cells = table.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell');
    return Number((await cells.last().innerText()).replace(/\D/g, ''));
  }

  /** A headline figure ("Hồ sơ trong kỳ", "Quá hạn" …) as shown. */
  figure(label: string): Locator {
    return this.page
      .locator('.overview-figure', { has: this.page.locator('dt', { hasText: label }) })
      .locator('dd');
  }

  get dataTableHeadings(): Locator {
    return this.page.getByRole('heading', { name: 'Bảng số liệu', level: 3 });
  }

  get month(): Locator {
    return this.page.getByLabel('Tháng', { exact: true });
  }

  get show(): Locator {
    return this.page.getByRole('button', { name: 'Xem số liệu' });
  }

  get status(): Locator {
    return this.page.locator('main .overview-status');
  }

  /** Whether chart.js has painted anything on the canvas. */
  async painted(chart: Locator): Promise<boolean> {
    return chart.evaluate((canvas) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      return data !== undefined && data.some((v) => v !== 0);
    });
  }
}
