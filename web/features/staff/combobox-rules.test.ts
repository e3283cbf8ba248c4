import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keepTextOnEscapeAndBlur } from './combobox-rules.ts';

const TYPES = { InputKeyDownEscape: 'escape', InputBlur: 'blur' };
type S = { inputValue: string; selectedItem: string | null; isOpen: boolean; highlightedIndex: number };
const state: S = { inputValue: 'hang trong', selectedItem: null, isOpen: true, highlightedIndex: 0 };

test('Escape and blur close the list but keep the text and the choice', () => {
  for (const type of ['escape', 'blur']) {
    const changes = {
      isOpen: false,
      highlightedIndex: -1,
      inputValue: '',
      selectedItem: 'X' as string | null,
    };
    assert.deepEqual(keepTextOnEscapeAndBlur(state, type, changes, TYPES), {
      isOpen: false,
      highlightedIndex: -1,
      inputValue: 'hang trong',
      selectedItem: null,
    });
  }
});

test('other changes pass as downshift made them', () => {
  const changes: Partial<S> = { inputValue: 'hang', isOpen: true };
  assert.equal(keepTextOnEscapeAndBlur(state, 'input-change', changes, TYPES), changes);
});
