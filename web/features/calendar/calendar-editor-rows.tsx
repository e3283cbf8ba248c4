// The two lists of the calendar editor: days off (date, name, kind) and make-up working days
// (date, reason), each row a fieldset named by its place and date, with its own remove button.
import { useController, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { DateInput } from '../../app/ui/date-input.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { HOLIDAY_KINDS } from './calendar-api.ts';
import type { CalendarValues, HolidayRow, WorkingRow } from './calendar-rows.ts';
import { RowField } from './editor-parts.tsx';
import { formatCivilDate } from './vn-time.ts';

export const fieldId = (rowId: string, field: string): string => `cal-${rowId}-${field}`;

type RowsProps<Row> = {
  year: number;
  rows: Row[];
  register: UseFormRegister<CalendarValues>;
  control: Control<CalendarValues>;
  errors: FieldErrors<CalendarValues>;
  onChanged: (name: `holidays.${number}.${string}` | `workingDays.${number}.${string}`) => void;
  onRemove: (index: number) => void;
};

function DateField({
  year,
  id,
  label,
  error,
  control,
  name,
  onChanged,
}: {
  year: number;
  id: string;
  label: string;
  error: string | undefined;
  control: Control<CalendarValues>;
  name: `holidays.${number}.date` | `workingDays.${number}.date`;
  onChanged: () => void;
}) {
  const { field } = useController({ control, name });
  return (
    <RowField id={id} label={label} error={error} className="editor-field-date">
      {(props) => (
        <DateInput
          {...props}
          ref={field.ref}
          name={field.name}
          value={typeof field.value === 'string' ? field.value : ''}
          onChange={(value) => {
            field.onChange(value);
            onChanged();
          }}
          onBlur={field.onBlur}
          min={`${year}-01-01`}
          max={`${year}-12-31`}
        />
      )}
    </RowField>
  );
}

function RemoveButton({
  id,
  text,
  hidden,
  onClick,
}: {
  id: string;
  text: string;
  hidden: string;
  onClick: () => void;
}) {
  return (
    <div className="editor-row-actions">
      <button type="button" id={id} className="button button-small" onClick={onClick}>
        {text}
        <span className="visually-hidden"> {hidden}</span>
      </button>
    </div>
  );
}

export function HolidayRows({
  year,
  rows,
  register,
  control,
  errors,
  onChanged,
  onRemove,
}: RowsProps<HolidayRow>) {
  const { t } = useI18n();
  const c = t.calendarEditor;
  const changed = (i: number, field: string) => ({ onChange: () => onChanged(`holidays.${i}.${field}`) });
  return (
    <ol className="editor-rows">
      {rows.map((row, i) => {
        const shown = row.date ? formatCivilDate(t, row.date) : '';
        const problem = errors.holidays?.[i];
        return (
          <li key={row.id}>
            <fieldset className="editor-row editor-row-holiday">
              <legend>{c.dayOffLegend(i + 1, shown)}</legend>
              <DateField
                year={year}
                id={fieldId(row.id, 'date')}
                label={c.date}
                error={problem?.date?.message}
                control={control}
                name={`holidays.${i}.date`}
                onChanged={() => onChanged(`holidays.${i}.date`)}
              />
              <RowField
                id={fieldId(row.id, 'name')}
                label={c.name}
                error={problem?.name?.message}
                className="editor-field-name"
              >
                {(props) => (
                  <input
                    {...props}
                    {...register(`holidays.${i}.name`, changed(i, 'name'))}
                    type="text"
                    maxLength={200}
                  />
                )}
              </RowField>
              <RowField
                id={fieldId(row.id, 'kind')}
                label={c.kind}
                error={problem?.kind?.message}
                className="editor-field-kind"
              >
                {(props) => (
                  <select {...props} {...register(`holidays.${i}.kind`, changed(i, 'kind'))}>
                    {HOLIDAY_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t.calendar.kinds[k]}
                      </option>
                    ))}
                  </select>
                )}
              </RowField>
              <RemoveButton
                id={fieldId(row.id, 'remove')}
                text={c.remove}
                hidden={c.removeDayOff(shown || String(i + 1))}
                onClick={() => onRemove(i)}
              />
              {row.removable ? <p className="hint editor-row-note">{c.removableNote}</p> : null}
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}

export function WorkingRows({
  year,
  rows,
  register,
  control,
  errors,
  onChanged,
  onRemove,
}: RowsProps<WorkingRow>) {
  const { t } = useI18n();
  const c = t.calendarEditor;
  const changed = (i: number, field: string) => ({ onChange: () => onChanged(`workingDays.${i}.${field}`) });
  return (
    <ol className="editor-rows">
      {rows.map((row, i) => {
        const shown = row.date ? formatCivilDate(t, row.date) : '';
        const problem = errors.workingDays?.[i];
        return (
          <li key={row.id}>
            <fieldset className="editor-row editor-row-working">
              <legend>{c.workingDayLegend(i + 1, shown)}</legend>
              <DateField
                year={year}
                id={fieldId(row.id, 'date')}
                label={c.date}
                error={problem?.date?.message}
                control={control}
                name={`workingDays.${i}.date`}
                onChanged={() => onChanged(`workingDays.${i}.date`)}
              />
              <RowField
                id={fieldId(row.id, 'reason')}
                label={c.reason}
                error={problem?.reason?.message}
                className="editor-field-reason"
              >
                {(props) => (
                  <input
                    {...props}
                    {...register(`workingDays.${i}.reason`, changed(i, 'reason'))}
                    type="text"
                    maxLength={200}
                  />
                )}
              </RowField>
              <RemoveButton
                id={fieldId(row.id, 'remove')}
                text={c.remove}
                hidden={c.removeWorkingDay(shown || String(i + 1))}
                onClick={() => onRemove(i)}
              />
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}
