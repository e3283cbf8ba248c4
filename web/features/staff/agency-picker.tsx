// Choosing an agency: a combobox (WAI-ARIA 1.2, list autocomplete; downshift's useCombobox) over
// GET /agencies?q=, which the server limits to the user's reach and matches without diacritics
// ("hang trong" finds "Ủy ban nhân dân Phường Hàng Trống"). Type, ↓ ↑ move through the suggestions,
// Enter chooses, Escape closes; Enter never submits the form around it.
import { useQuery } from '@tanstack/react-query';
import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift';
import { useEffect, useId, useState } from 'react';
import type { AgencyView } from '../../../common/contracts/org.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { RequiredMark } from '../../app/ui/field-parts.tsx';
import { useDebounced } from '../../app/use-debounced.ts';
import { orgQueries } from '../org/org-api.ts';
import { keepTextOnEscapeAndBlur } from './combobox-rules.ts';

const DEBOUNCE_MS = 200;
const MIN_LENGTH = 2;
const SUGGESTIONS = 8;

export type PickedAgency = { code: string; name: string };

const textOf = (a: PickedAgency): string => `${a.name} (${a.code})`;

function stateReducer(
  state: UseComboboxState<AgencyView>,
  { type, changes }: UseComboboxStateChangeOptions<AgencyView>,
): Partial<UseComboboxState<AgencyView>> {
  return keepTextOnEscapeAndBlur(state, type, changes, useCombobox.stateChangeTypes);
}

export function AgencyPicker({
  id,
  label,
  hint,
  picked,
  onPick,
  error,
  required = false,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  picked: PickedAgency | null;
  onPick: (agency: PickedAgency) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const { t } = useI18n();
  const listId = `${useId().replace(/[^A-Za-z0-9]/g, '')}-agencies`;
  const [text, setText] = useState(picked ? textOf(picked) : '');
  const [chosen, setChosen] = useState<string | null>(null);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const asking =
    query.length >= MIN_LENGTH && !(picked !== null && text === textOf(picked)) && chosen === null;
  const read = useQuery({ ...orgQueries.agencySearch(query, SUGGESTIONS), enabled: asking });
  const items = asking ? (read.data?.items ?? []) : [];

  const box = useCombobox<AgencyView>({
    items,
    itemToString: (a) => (a ? textOf(a) : ''),
    inputValue: text,
    inputId: id,
    menuId: listId,
    selectedItem: null,
    stateReducer,
    onInputValueChange: ({ inputValue, type }) => {
      if (type !== useCombobox.stateChangeTypes.InputChange) return;
      setText(inputValue);
      setChosen(null);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (!selectedItem) return;
      const agency = { code: selectedItem.code, name: selectedItem.name };
      setText(textOf(agency));
      setChosen(t.agencyPicker.chosen(agency.name));
      onPick(agency);
    },
  });
  const { setHighlightedIndex } = box;
  // New suggestions: the first one is ready for Enter.
  useEffect(() => {
    if (read.data && read.data.items.length > 0) setHighlightedIndex(0);
  }, [read.data, setHighlightedIndex]);

  const status =
    chosen ??
    (!asking
      ? ''
      : read.isFetching
        ? t.loading
        : read.isError
          ? t.errors.generic
          : read.data
            ? read.data.items.length === 0
              ? t.agencyPicker.none
              : t.agencyPicker.suggestions(read.data.items.length)
            : '');
  const expanded = box.isOpen && items.length > 0;
  const hintId = `${id}-hint`;
  return (
    <div className={error ? 'field combobox field-invalid' : 'field combobox'}>
      <label {...box.getLabelProps()}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      <p className="hint" id={hintId}>
        {hint ?? t.agencyPicker.hint}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        {...box.getInputProps({
          type: 'text',
          spellCheck: false,
          'aria-expanded': expanded,
          'aria-describedby': [error ? `${id}-error` : '', hintId].filter(Boolean).join(' '),
          'aria-invalid': error ? true : undefined,
          'aria-required': required || undefined,
          onKeyDown: (event) => {
            // Enter in the combobox chooses (downshift does, when a suggestion is highlighted); it
            // never submits the form around it.
            if (event.key === 'Enter') event.preventDefault();
          },
        })}
      />
      <ul {...box.getMenuProps({ 'aria-label': label })} className="combobox-list" hidden={!expanded}>
        {expanded
          ? items.map((a, index) => (
              <li
                key={a.code}
                {...box.getItemProps({ item: a, index })}
                aria-selected={index === box.highlightedIndex}
                className="combobox-option"
              >
                <span lang="vi">{a.name}</span> <span className="code">{a.code}</span>
              </li>
            ))
          : null}
      </ul>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}
