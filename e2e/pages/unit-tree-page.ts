// /quan-tri/don-vi: tree, search, agencies of the selected unit.
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { eventually } from '../support/browser.ts';
import { AppShell } from './app-shell.ts';
import { PlacePickerPart } from './place-picker.ts';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const UNITS_PATH = '/quan-tri/don-vi';

export class UnitTreePage extends AppShell {
  async goto(): Promise<void> {
    await this.page.goto(UNITS_PATH);
    await this.tree.waitFor();
  }

  get tree(): Locator {
    return this.page.getByRole('tree');
  }

  get treeItems(): Locator {
    return this.tree.getByRole('treeitem');
  }

  /** A tree item by unit name; its accessible name is the name and the code, as shown. */
  treeItem(name: string): Locator {
    return this.tree.getByRole('treeitem', { name: new RegExp(`^${escapeRegExp(name)} \\d+$`) });
  }

  async treeItemNames(): Promise<string[]> {
    return this.tree.locator('.tree-label').allInnerTexts();
  }

  /** Open a node with the keyboard (focus it, Right arrow) and wait for its children. */
  async expandWithKeyboard(name: string): Promise<void> {
    const item = this.treeItem(name);
    await item.focus();
    await this.page.keyboard.press('ArrowRight');
    await this.waitExpanded(item);
  }

  /** Open a node with the pointer (its chevron) and wait for its children. */
  async expandWithPointer(name: string): Promise<void> {
    const item = this.treeItem(name);
    await item.locator('.tree-toggle').click();
    await this.waitExpanded(item);
  }

  private async waitExpanded(item: Locator): Promise<void> {
    await eventually(
      async () => {
        assert.equal(await item.getAttribute('aria-expanded'), 'true');
        assert.equal(await item.getAttribute('aria-busy'), null);
        const level = Number(await item.getAttribute('aria-level'));
        const next = item.locator('xpath=following-sibling::*[1]');
        assert.equal(await next.getAttribute('aria-level'), String(level + 1), 'no children shown');
      },
      10_000,
      'children to load',
    );
  }

  /** The items directly under an open item (the tree is flat: they follow it, one level deeper). */
  async childNames(name: string): Promise<string[]> {
    return this.tree.evaluate((tree, parentName) => {
      const items = [...tree.querySelectorAll('[role=treeitem]')];
      const label = (el: Element) => el.querySelector('.tree-label')?.textContent ?? '';
      const start = items.findIndex((el) => label(el) === parentName);
      if (start < 0) return [];
      const level = Number(items[start]!.getAttribute('aria-level'));
      const out: string[] = [];
      for (const el of items.slice(start + 1)) {
        const l = Number(el.getAttribute('aria-level'));
        if (l <= level) break;
        if (l === level + 1) out.push(label(el));
      }
      return out;
    }, name);
  }

  async select(name: string): Promise<void> {
    await this.treeItem(name).locator('.tree-label').click();
  }

  get searchBox(): Locator {
    return this.page.locator('input#unit-search-input');
  }

  /** A unit found, its button named by the unit then the units above it. */
  searchResult(name: string): Locator {
    return this.page
      .locator('#unit-search-input-picker .place-list')
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) });
  }

  /** The units the search found, each as "name\ntrail". */
  async searchEntries(): Promise<string[]> {
    return new PlacePickerPart(this.page, 'unit-search-input').entries();
  }

  /** What the search found, said in words (the picker's status line). */
  get searchStatus(): Locator {
    return this.page.locator('#unit-search-input-picker .place-status');
  }

  /** Types in the picker's search, opening it again ("Đổi") after an earlier choice. */
  async search(text: string): Promise<void> {
    const change = this.page.locator('button#unit-search-input');
    if (await change.isVisible()) await change.click();
    await this.searchBox.fill(text);
  }

  get agenciesHeading(): Locator {
    return this.page.locator('#agencies-heading');
  }

  get agenciesTable(): Locator {
    return this.page.getByRole('table');
  }

  async agencyNames(): Promise<string[]> {
    return this.agenciesTable.locator('tbody th').allInnerTexts();
  }
}
