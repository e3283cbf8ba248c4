// /cong-dich-vu-cong/so-lieu: the public dashboard — a province's month by agency, each chart (canvas
// role="img") with its "Bảng số liệu" table beside it.
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export const DASHBOARD_PATH = '/cong-dich-vu-cong/so-lieu';

export class PublicDashboardPage extends AppShell {
  async goto(search = ''): Promise<void> {
    await this.page.goto(`${DASHBOARD_PATH}${search}`);
    await this.heading.waitFor();
  }

  /** A chart by the start of its accessible name ("Biểu đồ: Đúng hạn theo cơ quan"). */
  chart(name: string): Locator {
    return this.page.getByRole('img', { name: new RegExp(`^Biểu đồ: ${name} theo cơ quan`) });
  }

  /** A data table by what it shows ("Trực tuyến", "Điểm các nhóm Chỉ số 766"). */
  table(name: string): Locator {
    return this.page.getByRole('table', { name: `Bảng số liệu: ${name}` });
  }

  get status(): Locator {
    return this.page.locator('main .overview-status');
  }

  get province(): Locator {
    return this.page.getByLabel('Tỉnh, thành phố');
  }

  get month(): Locator {
    return this.page.getByLabel('Tháng', { exact: true });
  }

  get show(): Locator {
    return this.page.getByRole('button', { name: 'Xem', exact: true });
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
