// What our comboboxes change in downshift's defaults: Escape only closes the list (downshift would
// clear the text when the list is already closed), and leaving the field only closes it (downshift
// would choose the highlighted suggestion): a choice is made by Enter or a click, never by Tab.

type ComboState<Item> = {
  inputValue: string;
  selectedItem: Item | null;
  isOpen: boolean;
  highlightedIndex: number;
};

export function keepTextOnEscapeAndBlur<Item, S extends ComboState<Item>>(
  state: S,
  type: unknown,
  changes: Partial<S>,
  types: { InputKeyDownEscape: unknown; InputBlur: unknown },
): Partial<S> {
  if (type === types.InputKeyDownEscape || type === types.InputBlur)
    return { ...changes, inputValue: state.inputValue, selectedItem: state.selectedItem };
  return changes;
}
