// The one date input: typed and shown as dd/mm/yyyy (with `withTime`, dd/mm/yyyy HH:mm, 24-hour)
// whatever the browser's language, kept and handed on as ISO (`YYYY-MM-DD`, `YYYY-MM-DDTHH:mm`).
// A native <input type="date"> follows the browser's locale: in an English browser 01/12/2026 was
// stored as 12 January. The format is said beside the field; text that is not a real date is said so
// when the field is left, and handed on as typed, so the form's own check refuses it rather than
// taking it for an empty field.
import { useEffect, useState, type KeyboardEvent, type Ref } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDateText, formatDateTimeText, parseDateText, parseDateTimeText } from './date-text.ts';

export type DateInputProps = {
  id: string;
  /** ISO date (or date-time with `withTime`), '' for none; anything else is shown as it is. */
  value: string;
  /** ISO when the text is a real date, '' when empty, the text itself otherwise. */
  onChange: (value: string) => void;
  onBlur?: (() => void) | undefined;
  /** Keys pressed in the field (Enter to apply a filter, say). */
  onKeyDown?: ((event: KeyboardEvent<HTMLInputElement>) => void) | undefined;
  withTime?: boolean | undefined;
  /** ISO bounds: a date outside them is said so (the form still decides). */
  min?: string | undefined;
  max?: string | undefined;
  name?: string | undefined;
  required?: boolean | undefined;
  disabled?: boolean | undefined;
  /** Shown, not typed in (a value vouched for elsewhere, as the signed-in citizen's birth date). */
  readOnly?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
  ref?: Ref<HTMLInputElement> | undefined;
};

const shown = (value: string, withTime: boolean): string =>
  (withTime ? formatDateTimeText(value) : formatDateText(value)) || value;

export function DateInput({
  id,
  value,
  onChange,
  onBlur,
  onKeyDown,
  withTime = false,
  min,
  max,
  name,
  required,
  disabled,
  readOnly,
  'aria-describedby': describedBy,
  'aria-invalid': invalid,
  ref,
}: DateInputProps) {
  const { t } = useI18n();
  const d = t.dateInput;
  const parse = withTime ? parseDateTimeText : parseDateText;
  const [text, setText] = useState(() => shown(value, withTime));
  const [problem, setProblem] = useState<string | null>(null);
  // A value set from outside (a form's reset, a row filled by the server) replaces the text, unless
  // it is what the text already says.
  useEffect(() => {
    const fromText = text.trim() === '' ? '' : (parse(text) ?? text);
    if (fromText !== value) setText(shown(value, withTime));
    // the text is read, not followed: only a new value replaces it
  }, [value, withTime]);

  const check = (typed: string): string | null => {
    if (typed.trim() === '') return null;
    const iso = parse(typed);
    if (iso === null) return withTime ? d.invalidDateTime : d.invalid;
    const day = iso.slice(0, 10);
    if (min && day < min.slice(0, 10)) return d.before(formatDateText(min));
    if (max && day > max.slice(0, 10)) return d.after(formatDateText(max));
    return null;
  };
  const formatId = `${id}-format`;
  const problemId = `${id}-date-problem`;
  const described = [describedBy, problem ? problemId : null, formatId].filter(Boolean).join(' ');

  return (
    <span className="date-input">
      <input
        ref={ref}
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={withTime ? 20 : 14}
        placeholder={withTime ? d.placeholderTime : d.placeholder}
        value={text}
        disabled={disabled}
        readOnly={readOnly || undefined}
        aria-required={required || undefined}
        aria-invalid={invalid || problem !== null || undefined}
        aria-describedby={described}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          if (problem !== null) setProblem(check(typed));
          onChange(typed.trim() === '' ? '' : (parse(typed) ?? typed));
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          const iso = parse(text);
          if (iso !== null) setText(shown(iso, withTime));
          setProblem(check(text));
          onBlur?.();
        }}
      />
      <span className="date-input-format" id={formatId}>
        {withTime ? d.formatTime : d.format}
      </span>
      {problem ? (
        <span className="field-error date-input-problem" id={problemId}>
          {problem}
        </span>
      ) : null}
    </span>
  );
}
