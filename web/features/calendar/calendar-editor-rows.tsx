// The two lists of the province's editor: extra days off and make-up working days (date, reason),
// each row a fieldset named by its place and date, with its own remove button.
import { useController, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { DateInput } from '../../app/ui/date-input.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { CalendarList, DayRow, ProvinceValues } from './calendar-rows.ts';
import { RowField } from './editor-parts.tsx';
import { formatCivilDate } from './vn-time.ts';

export const fieldId = (rowId: string, field: string): string => `cal-${rowId}-${field}`;

type RowsProps<Row> = {
  year: number;
  rows: Row[];
  register: UseFormRegister<ProvinceValues>;
  control: Control<ProvinceValues>;
  errors: FieldErrors<ProvinceValues>;
  onChanged: (name: `daysOff.${number}.${string}` | `workingDays.${number}.${string}`) => void;
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
  control: Control<ProvinceValues>;
  name: `daysOff.${number}.date` | `workingDays.${number}.date`;
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

/** One list of the province's days: each row a date and its reason, named by its place and date. */
export function DayRows({
  list,
  year,
  rows,
  register,
  control,
  errors,
  onChanged,
  onRemove,
}: RowsProps<DayRow> & { list: CalendarList }) {
  const { t } = useI18n();
  const c = t.calendarEditor;
  const changed = (i: number, field: string) => ({ onChange: () => onChanged(`${list}.${i}.${field}`) });
  const legend = list === 'daysOff' ? c.dayOffLegend : c.workingDayLegend;
  const removeText = list === 'daysOff' ? c.removeDayOff : c.removeWorkingDay;
  return (
    <ol className="editor-rows">
      {rows.map((row, i) => {
        const shown = row.date ? formatCivilDate(t, row.date) : '';
        const problem = errors[list]?.[i];
        return (
          <li key={row.id}>
            <fieldset className={`editor-row editor-row-${list === 'daysOff' ? 'holiday' : 'working'}`}>
              <legend>{legend(i + 1, shown)}</legend>
              <DateField
                year={year}
                id={fieldId(row.id, 'date')}
                label={c.date}
                error={problem?.date?.message}
                control={control}
                name={`${list}.${i}.date`}
                onChanged={() => onChanged(`${list}.${i}.date`)}
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
                    {...register(`${list}.${i}.reason`, changed(i, 'reason'))}
                    type="text"
                    maxLength={200}
                  />
                )}
              </RowField>
              <RemoveButton
                id={fieldId(row.id, 'remove')}
                text={c.remove}
                hidden={removeText(shown || String(i + 1))}
                onClick={() => onRemove(i)}
              />
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}
