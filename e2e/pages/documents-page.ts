// "Giấy tờ của tôi" (/cong-dich-vu-cong/giay-to-cua-toi): the citizen's document store.
import type { Locator } from 'playwright-core';
import { CitizenShell } from './citizen-pages.ts';

export const MY_DOCUMENTS_PATH = '/cong-dich-vu-cong/giay-to-cua-toi';

export class MyDocumentsPage extends CitizenShell {
  async goto(): Promise<void> {
    await this.page.goto(MY_DOCUMENTS_PATH);
    await this.heading.waitFor();
  }

  get list(): Locator {
    return this.page.getByRole('region', { name: 'Danh sách giấy tờ' });
  }

  /** The list's status line: "Đang tải…", "2 giấy tờ.", the empty store. */
  get status(): Locator {
    return this.list.getByRole('status');
  }

  /** A document's card, by its heading (the document's name). */
  card(name: string): Locator {
    return this.list
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  fact(card: Locator, term: string): Locator {
    return card
      .locator('.my-dossier-facts > div')
      .filter({ has: this.page.locator('dt', { hasText: term }) })
      .locator('dd');
  }

  download(card: Locator): Locator {
    return card.getByRole('link', { name: /^Tải về/ });
  }

  /** The link in the citizen's bar, on every citizen page. */
  get barLink(): Locator {
    return this.page.locator('main .citizen-bar').getByRole('link', { name: 'Giấy tờ của tôi' });
  }
}
