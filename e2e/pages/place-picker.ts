// The place picker (web/app/ui/place-picker.tsx) as a journey drives it: by the id of its control
// (the search field when open, the "Chọn"/"Đổi" button when closed).
import type { Locator, Page } from 'playwright-core';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class PlacePickerPart {
  readonly page: Page;
  readonly id: string;
  constructor(page: Page, id: string) {
    this.page = page;
    this.id = id;
  }

  get root(): Locator {
    return this.page.locator(`[id="${this.id}-picker"]`);
  }

  get search(): Locator {
    return this.root.locator(`input[id="${this.id}"]`);
  }

  get change(): Locator {
    return this.root.locator(`button[id="${this.id}"]`);
  }

  get chosen(): Locator {
    return this.root.locator(`[id="${this.id}-chosen"]`);
  }

  get list(): Locator {
    return this.root.locator('.place-list');
  }

  /** The places or agencies listed, each as "name\ntrail". */
  async entries(): Promise<string[]> {
    return (await this.list.locator(':scope > li').allInnerTexts()).map((t) =>
      t.replace(/\s*›\s*$/, '').trim(),
    );
  }

  /** An option to choose (or a place to enter) whose name starts with `name`. */
  option(name: string): Locator {
    return this.list.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) });
  }

  /** Opens the list again after a choice. */
  async open(): Promise<void> {
    if (await this.change.isVisible()) await this.change.click();
    await this.search.waitFor();
  }

  /** Types `words`, then chooses the first option named `name` (its trail may follow). */
  async choose(words: string, name: string): Promise<void> {
    await this.open();
    await this.search.fill(words);
    await this.option(name).first().click();
    await this.change.waitFor();
  }
}
