// /quan-tri/thu-tuc/<code>/noi-dung/<version>: the catalogue editor (a draft's content).
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export class DraftEditorPage extends AppShell {
  /** The fieldset of one channel's time limit: "Kênh trực tiếp". */
  limit(channel: 'trực tiếp' | 'trực tuyến' | 'dịch vụ bưu chính'): Locator {
    return this.page.getByRole('group', { name: `Kênh ${channel}`, exact: true });
  }

  unit(channel: 'trực tiếp' | 'trực tuyến' | 'dịch vụ bưu chính'): Locator {
    return this.limit(channel).getByLabel('Đơn vị', { exact: true });
  }

  fee(n: number): Locator {
    return this.page.getByRole('group', { name: `Mức thu ${n}`, exact: true });
  }

  /** The live summary of errors (absent once there are none). */
  get summary(): Locator {
    return this.page.locator('main .error-summary');
  }

  get ready(): Locator {
    return this.page.locator('main .draft-summary .notice-success');
  }

  get notice(): Locator {
    return this.page.locator('main > .notice, main .notice[role="status"]');
  }

  get diff(): Locator {
    return this.page.getByRole('table', { name: 'Những gì bản nháp thay đổi' });
  }

  get save(): Locator {
    return this.page.getByRole('button', { name: 'Lưu bản nháp' });
  }

  get publish(): Locator {
    return this.page.getByRole('button', { name: 'Lưu và công bố' });
  }

  /** The error printed beside a control (tied to it with aria-describedby). */
  async fieldError(control: Locator): Promise<string | null> {
    const ids = (await control.getAttribute('aria-describedby')) ?? '';
    const id = ids.split(' ').find((x) => x.endsWith('-error'));
    if (!id) return null;
    return (await this.page.locator(`[id="${id}"]`).innerText()).trim();
  }

  /** The diff's rows: [part, in force, draft]. */
  async diffRows(): Promise<string[][]> {
    assert.ok(await this.diff.isVisible(), 'no diff table');
    return this.diff
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.children].map((cell) => (cell as HTMLElement).innerText.trim())),
      );
  }
}
