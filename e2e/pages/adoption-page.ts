// /bao-cao/su-dung-he-thong: the adoption monitor — the agencies by unit with "Chưa sử dụng hệ thống"
// marked, the twelve-month trend (chart and table), the form asking an agency to explain, and the
// explanation requests with their answers.
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';
import { PlacePickerPart } from './place-picker.ts';

export const ADOPTION_PATH = '/bao-cao/su-dung-he-thong';

export class AdoptionPage extends AppShell {
  async goto(search = ''): Promise<void> {
    await this.page.goto(`${ADOPTION_PATH}${search}`);
    await this.heading.waitFor();
  }

  get status(): Locator {
    return this.page.locator('main .overview-status');
  }

  /** An agency's row in the table by unit. */
  row(agencyCode: string): Locator {
    return this.page.locator(`tr[data-agency="${agencyCode}"]`);
  }

  /** The heading row of the unit an agency's row is under (its trail, and its moving in). */
  unitHeading(agencyCode: string): Locator {
    return this.page.locator('tbody', { has: this.row(agencyCode) }).locator('tr.adoption-unit th');
  }

  /** The text of a row's cell by its column. */
  cell(agencyCode: string, column: string): Locator {
    return this.row(agencyCode).locator(`td[data-label="${column}"]`);
  }

  get trendChart(): Locator {
    return this.page.getByRole('img', { name: /^Biểu đồ cột, hồ sơ tiếp nhận và đã giải quyết/ });
  }

  get trendTable(): Locator {
    return this.page.getByRole('table', { name: /^Hồ sơ tiếp nhận và đã giải quyết theo tháng/ });
  }

  get askAgency(): PlacePickerPart {
    return new PlacePickerPart(this.page, 'adoption-ask-agency');
  }

  get dueOn(): Locator {
    return this.page.locator('#adoption-ask-dueOn');
  }

  get message(): Locator {
    return this.page.locator('#adoption-ask-message');
  }

  get send(): Locator {
    return this.page.getByRole('button', { name: 'Gửi yêu cầu giải trình' });
  }

  get errorSummary(): Locator {
    return this.page.locator('section[aria-labelledby="adoption-ask"] .error-summary');
  }

  /** The outcome of the last act (a status, or an alert), in a section. */
  notice(section: string): Locator {
    return this.page.locator(`section[aria-labelledby="${section}"] .notice`);
  }

  /** A request in a list ("adoption-mine" for the leader's, "adoption-requests" for all within reach). */
  request(list: 'adoption-mine' | 'adoption-requests', id: string): Locator {
    return this.page.locator(`section[aria-labelledby="${list}"] article[data-request="${id}"]`);
  }

  /** The error printed beside a field (linked to it with aria-describedby). */
  async fieldError(input: Locator): Promise<string> {
    const ids = (await input.getAttribute('aria-describedby')) ?? '';
    const id = ids.split(' ').find((x) => x.endsWith('-error'));
    assert.ok(id, 'the field has no error description');
    return (await this.page.locator(`#${id}`).innerText()).trim();
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
