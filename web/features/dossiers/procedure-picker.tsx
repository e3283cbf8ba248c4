// Choosing the procedure at the desk: a combobox (downshift's useCombobox, WAI-ARIA 1.2 list
// autocomplete) over GET /procedures?q= (the server folds diacritics: "khai sinh" finds "Thủ tục đăng
// ký khai sinh"). Type, ↓ ↑ move through the suggestions (the first is highlighted when they come),
// Enter chooses, Escape closes. A code typed in full ("1.001193") is found the same way.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift';
import { useId, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { useDebounced } from '../../app/use-debounced.ts';
import type { ProcedureListItem } from '../catalog/catalog-api.ts';
import { intakeQueries } from './intake-api.ts';
import { pickerStatus, procedureText, searchText } from './procedure-search.ts';
import { FieldError, RequiredMark } from '../../app/ui/field-parts.tsx';

const DEBOUNCE_MS = 200;
const SUGGESTIONS = 8;

export type PickedProcedure = { code: string; name: string };

/**
 * Downshift's defaults, less two: leaving the field never chooses the highlighted suggestion (only
 * Enter or a click does), and Escape on a closed list keeps what was typed.
 */
function stateReducer(
  state: UseComboboxState<ProcedureListItem>,
  { type, changes }: UseComboboxStateChangeOptions<ProcedureListItem>,
): Partial<UseComboboxState<ProcedureListItem>> {
  if (type === useCombobox.stateChangeTypes.InputBlur)
    return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
  if (type === useCombobox.stateChangeTypes.InputKeyDownEscape && !state.isOpen) return state;
  return changes;
}

export function ProcedurePicker({
  id,
  picked,
  onPick,
  error,
}: {
  id: string;
  picked: PickedProcedure | null;
  onPick: (p: PickedProcedure) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const listId = `${useId().replace(/[^A-Za-z0-9]/g, '')}-procedures`;
  // The field's text is downshift's own (uncontrolled), read back below for the search.
  const [text, setText] = useState(picked ? procedureText(picked) : '');
  const [chosen, setChosen] = useState<PickedProcedure | null>(picked);
  const query = searchText(text, chosen);
  const settled = useDebounced(query, DEBOUNCE_MS);
  const search = useQuery({
    ...intakeQueries.procedures({ q: settled ?? '', pageSize: SUGGESTIONS }),
    enabled: settled !== null && settled === query,
    placeholderData: keepPreviousData,
  });
  const items = query === null ? [] : (search.data?.items ?? []);

  const combobox = useCombobox<ProcedureListItem>({
    items,
    initialInputValue: text,
    inputId: id,
    menuId: listId,
    getItemId: (index) => `${listId}-${index}`,
    itemToString: (p) => (p ? procedureText(p) : ''),
    itemToKey: (p: ProcedureListItem | null) => p?.code,
    defaultHighlightedIndex: 0,
    stateReducer,
    onInputValueChange: ({ inputValue }) => setText(inputValue),
    onSelectedItemChange: ({ selectedItem }) => {
      if (!selectedItem) return;
      const next = { code: selectedItem.code, name: selectedItem.name };
      setChosen(next);
      onPick(next);
    },
  });
  const { isOpen, highlightedIndex } = combobox;
  const expanded = isOpen && items.length > 0;
  const status = pickerStatus(t, {
    chosen: chosen && text === procedureText(chosen) ? chosen.name : null,
    searching: query !== null,
    fetching: search.isFetching || settled !== query,
    failed: search.isError,
    found: search.data?.items.length ?? null,
  });

  return (
    <div className={error ? 'field combobox field-invalid' : 'field combobox'}>
      <label {...combobox.getLabelProps({ htmlFor: id })}>
        {t.dossiers.intake.procedure}
        <RequiredMark />
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t.dossiers.intake.procedureHint}
      </p>
      <FieldError id={id} error={error} />
      <input
        {...combobox.getInputProps({
          type: 'text',
          'aria-expanded': expanded,
          'aria-activedescendant':
            expanded && highlightedIndex >= 0 ? `${listId}-${highlightedIndex}` : undefined,
          'aria-describedby': [error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' '),
          'aria-invalid': error ? true : undefined,
          'aria-required': true,
          spellCheck: false,
          // Enter in the combobox chooses; it never submits the intake form.
          onKeyDown: (event) => {
            if (event.key === 'Enter') event.preventDefault();
          },
        })}
      />
      <ul
        {...combobox.getMenuProps({ 'aria-label': t.dossiers.intake.procedure })}
        className="combobox-list"
        hidden={!expanded}
      >
        {expanded
          ? items.map((p, index) => (
              <li key={p.code} {...combobox.getItemProps({ item: p, index })} className="combobox-option">
                <span className="code">{p.code}</span> {p.name}
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
