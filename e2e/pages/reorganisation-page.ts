// /quan-tri/sap-xep-don-vi (web/features/reorganisations): the plan of a merge (fields by their ids,
// the place pickers by theirs), its preview, and the list of reorganisations with their hand-overs.
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';
import { PlacePickerPart } from './place-picker.ts';

export const REORGANISATION_PATH = '/quan-tri/sap-xep-don-vi';

export class ReorganisationPage extends AppShell {
  get name(): Locator {
    return this.page.locator('#reorg-name');
  }

  get basis(): Locator {
    return this.page.locator('#reorg-basis');
  }

  get effectiveOn(): Locator {
    return this.page.locator('#reorg-effectiveOn');
  }

  /** The picker of the n-th ward or commune that ends (from 1). */
  async endedUnit(n: number): Promise<PlacePickerPart> {
    const id = await this.page
      .locator('#reorg-ended .place-picker')
      .nth(n - 1)
      .getAttribute('id');
    assert.ok(id, 'no picker of an ended unit');
    return new PlacePickerPart(this.page, id.replace(/-picker$/, ''));
  }

  get successor(): PlacePickerPart {
    return new PlacePickerPart(this.page, 'reorg-successorUnit');
  }

  /** The hand-over rows of the form, each a group named "Bàn giao n". */
  handoverRow(n: number): Locator {
    return this.page
      .locator('#reorg-handovers')
      .getByRole('group', { name: new RegExp(`^(Bàn giao|Hand-over) ${n}$`) });
  }

  get previewButton(): Locator {
    return this.page.getByRole('button', { name: /^(Xem trước|Preview)$/ });
  }

  get applyButton(): Locator {
    return this.page.getByRole('button', { name: /^(Thực hiện|Apply)$/ });
  }

  get confirm(): Locator {
    return this.page.locator('main .confirm');
  }

  get errorSummary(): Locator {
    return this.page.locator('main .error-summary');
  }

  get notice(): Locator {
    return this.page.locator('main .notice');
  }

  get previewTable(): Locator {
    return this.page.locator('.reorg-preview-table');
  }

  /** The preview's cell of `column` (its header's words) in the row handing over from `fromCode`. */
  previewCell(fromCode: string, column: string): Locator {
    return this.previewTable
      .getByRole('row')
      .filter({ hasText: `(${fromCode})` })
      .locator(`td[data-label="${column}"]`);
  }

  get list(): Locator {
    return this.page.getByRole('region', { name: /^(Các đợt sắp xếp|Reorganisations)$/ });
  }

  /** A reorganisation of the list, by its name. */
  reorganisation(name: string): Locator {
    return this.list.getByRole('article', { name });
  }

  /** The row of a reorganisation's hand-over from the agency `fromCode`. */
  handover(name: string, fromCode: string): Locator {
    return this.reorganisation(name)
      .getByRole('row')
      .filter({ hasText: `(${fromCode})` });
  }

  /** The error printed beside a field (linked to it with aria-describedby). */
  async fieldError(input: Locator): Promise<string> {
    const ids = (await input.getAttribute('aria-describedby')) ?? '';
    const id = ids.split(' ').find((x) => x.endsWith('-error'));
    assert.ok(id, 'the field has no error description');
    return (await this.page.locator(`[id="${id}"]`).innerText()).trim();
  }
}
