// One day of the office-hours editor: its sessions (start, end), each removable, and "add a
// session", which starts where the last one ended.
import {
  useFieldArray,
  useWatch,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from 'react-hook-form';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { currentRows } from './calendar-rows.ts';
import { RowField } from './editor-parts.tsx';
import type { Day, HoursValues } from './office-hours-rows.ts';

export const fieldId = (rowId: string, field: string): string => `oh-${rowId}-${field}`;

export function HoursDay({
  index,
  day,
  name,
  control,
  register,
  errors,
  onClear,
  focus,
  nextId,
}: {
  index: number;
  day: Day;
  name: string;
  control: Control<HoursValues>;
  register: UseFormRegister<HoursValues>;
  errors: FieldErrors<HoursValues>;
  onClear: (name: `days.${number}.rows.${number}.${'start' | 'end'}`) => void;
  focus: (id: string) => void;
  nextId: () => string;
}) {
  const { t } = useI18n();
  const c = t.officeHours;
  const list = useFieldArray({ control, name: `days.${index}.rows`, keyName: 'key' });
  const rows = currentRows(list.fields, useWatch({ control, name: `days.${index}.rows` }));
  const weekend = day === '6' || day === '7';

  const add = () => {
    const id = nextId();
    list.append({ id, start: rows.at(-1)?.end ?? '07:30', end: '' }, { shouldFocus: false });
    focus(fieldId(id, 'start'));
  };
  const remove = (i: number) => {
    const next = rows[i + 1] ?? rows[i - 1];
    list.remove(i);
    focus(next ? fieldId(next.id, 'remove') : `oh-add-${day}`);
  };

  return (
    <fieldset className="hours-day">
      <legend>
        {name}
        {weekend ? <span className="muted"> ({c.weekendMakeUp})</span> : null}
      </legend>
      {day === 'saturdayReceiving' ? <p className="hint">{c.saturdayReceivingHint}</p> : null}
      {rows.length === 0 ? (
        <p className="muted">
          {day === 'saturdayReceiving' ? c.none : weekend ? c.weekendSameAsMonday : c.closed}
        </p>
      ) : null}
      <ol className="editor-rows">
        {rows.map((row, i) => (
          <li key={row.id}>
            <fieldset className="editor-row editor-row-session">
              <legend>{c.sessionLegend(i + 1)}</legend>
              {(['start', 'end'] as const).map((field) => (
                <RowField
                  key={field}
                  id={fieldId(row.id, field)}
                  label={field === 'start' ? c.start : c.end}
                  error={errors.days?.[index]?.rows?.[i]?.[field]?.message}
                >
                  {(props) => (
                    <input
                      {...props}
                      type="time"
                      {...register(`days.${index}.rows.${i}.${field}`, {
                        onChange: () => onClear(`days.${index}.rows.${i}.${field}`),
                      })}
                    />
                  )}
                </RowField>
              ))}
              <div className="editor-row-actions">
                <button
                  type="button"
                  id={fieldId(row.id, 'remove')}
                  className="button button-small"
                  onClick={() => remove(i)}
                >
                  {c.removeSession}
                  <span className="visually-hidden">
                    {' '}
                    {i + 1}, {name}
                  </span>
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" id={`oh-add-${day}`} className="button button-small" onClick={add}>
        {c.addSession}
        <span className="visually-hidden"> ({name})</span>
      </button>
    </fieldset>
  );
}
