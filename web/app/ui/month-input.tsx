// A month typed and shown as mm/yyyy (tháng/năm) whatever the browser's language, kept as `YYYY-MM`:
// a native <input type="month"> follows the browser's locale and is a bare text field in some browsers.
// Like the date input, text that is not a month is handed on as typed, for the form's check to refuse.
import { useEffect, useState } from 'react';
import { formatMonthText, parseMonthText } from './date-text.ts';

export function MonthInput({
  id,
  value,
  onChange,
  'aria-describedby': describedBy,
  'aria-invalid': invalid,
}: {
  id: string;
  /** `YYYY-MM`, '' for none; anything else is shown as it is. */
  value: string;
  /** `YYYY-MM` when the text is a month, '' when empty, the text itself otherwise. */
  onChange: (value: string) => void;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
}) {
  const [text, setText] = useState(() => formatMonthText(value) || value);
  useEffect(() => {
    const fromText = text.trim() === '' ? '' : (parseMonthText(text) ?? text);
    if (fromText !== value) setText(formatMonthText(value) || value);
    // the text is read, not followed: only a new value replaces it
  }, [value]);
  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={10}
      placeholder="mm/yyyy"
      value={text}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      onChange={(e) => {
        const typed = e.target.value;
        setText(typed);
        onChange(typed.trim() === '' ? '' : (parseMonthText(typed) ?? typed));
      }}
      onBlur={() => {
        const month = parseMonthText(text);
        if (month !== null) setText(formatMonthText(month));
      }}
    />
  );
}
