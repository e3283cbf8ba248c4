// Editing one year's days off and make-up working days (province administrator). The whole year is
// replaced with the version it was read at: a 409 means someone else saved first. The server
// validates (common/working-time/calendar-validation.ts) and names each problem by its path,
// `body/holidays/3/date`; the row is found by its place in the list as sent, so the message stays
// beside the right row while the administrator keeps editing.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { FormActions } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { putCalendarYear, type CalendarYearView, type SavedCalendar } from './calendar-api.ts';
import { fieldId, HolidayRows, WorkingRows } from './calendar-editor-rows.tsx';
import {
  byDate,
  calendarBody,
  calendarDetailPlace,
  currentRows,
  type CalendarValues,
} from './calendar-rows.ts';
import { editorFailure } from './editor-failure.ts';
import { EditorAlert, useEditorTrouble, useFocusTarget } from './editor-parts.tsx';
import type { Problem } from './error-summary.tsx';
import { formatCivilDate } from './vn-time.ts';

let lastId = 0;
const nextId = (): string => `r${++lastId}`;

const FIELDS = { holidays: ['date', 'name', 'kind'], workingDays: ['date', 'reason'] } as const;

export function CalendarEditor({
  calendar,
  onSaved,
  onCancel,
  onReload,
}: {
  calendar: CalendarYearView;
  onSaved: (result: SavedCalendar) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const c = t.calendarEditor;
  const year = calendar.year;
  const [defaultValues] = useState<CalendarValues>(() => ({
    holidays: calendar.holidays.map((h) => ({ id: nextId(), ...h })),
    workingDays: calendar.workingDays.map((w) => ({ id: nextId(), ...w })),
    confirmed: !calendar.provisional,
    note: '',
  }));
  const { control, register, handleSubmit, setError, clearErrors, getValues, formState } =
    useForm<CalendarValues>({ defaultValues });
  const holidays = useFieldArray({ control, name: 'holidays', keyName: 'key' });
  const workingDays = useFieldArray({ control, name: 'workingDays', keyName: 'key' });
  const shownHolidays = currentRows(holidays.fields, useWatch({ control, name: 'holidays' }));
  const shownWorking = currentRows(workingDays.fields, useWatch({ control, name: 'workingDays' }));
  const trouble = useEditorTrouble();
  const { headingRef, general, reset, show } = trouble;
  const [announcement, setAnnouncement] = useState('');
  const focus = useFocusTarget();
  const save = useMutation({
    mutationFn: (body: Parameters<typeof putCalendarYear>[1]) => putCalendarYear(year, body),
  });

  const remove = (list: 'holidays' | 'workingDays', index: number) => {
    const rows = getValues(list);
    const row = rows[index];
    if (!row) return;
    (list === 'holidays' ? holidays : workingDays).remove(index);
    const next = rows[index + 1] ?? rows[index - 1];
    focus(
      next
        ? fieldId(next.id, 'remove')
        : list === 'holidays'
          ? 'calendar-add-holiday'
          : 'calendar-add-working',
    );
    setAnnouncement(c.removed(row.date ? formatCivilDate(t, row.date) : ''));
  };

  const onSubmit = async (values: CalendarValues) => {
    if (save.isPending) return;
    const sent = { holidays: byDate(values.holidays), workingDays: byDate(values.workingDays) };
    reset();
    try {
      onSaved(await save.mutateAsync(calendarBody(values, calendar.version)));
    } catch (error) {
      const locate = (path: string): string | null => {
        const place = calendarDetailPlace(path);
        const row = place ? sent[place.list][place.index] : undefined;
        if (!place || !row) return null;
        const index = getValues(place.list).findIndex((r) => r.id === row.id);
        return index < 0 ? null : `${place.list}.${index}.${place.field}`;
      };
      show(editorFailure(t, error, locate, c.forbidden), (name, message) =>
        setError(name as FieldPath<CalendarValues>, { type: 'server', message }),
      );
    }
  };

  const labels: Record<string, string> = { date: c.date, name: c.name, kind: c.kind, reason: c.reason };
  const problems: Problem[] = [];
  const describe = (
    list: 'holidays' | 'workingDays',
    rows: { id: string }[],
    legend: (n: number) => string,
  ) =>
    rows.forEach((row, i) => {
      for (const field of FIELDS[list]) {
        const message = (formState.errors[list]?.[i] as Record<string, { message?: string }> | undefined)?.[
          field
        ]?.message;
        if (message)
          problems.push({
            fieldId: fieldId(row.id, field),
            label: `${legend(i + 1)} – ${labels[field]}`,
            message,
          });
      }
    });
  describe('holidays', shownHolidays, (n) => c.dayOffLegend(n, ''));
  describe('workingDays', shownWorking, (n) => c.workingDayLegend(n, ''));
  for (const g of general) problems.push({ message: g });

  const rowsProps = {
    year,
    register,
    control,
    errors: formState.errors,
    onChanged: (name: string) => clearErrors(name as FieldPath<CalendarValues>),
  };

  return (
    <section className="editor" aria-labelledby="calendar-editor-heading">
      <h2 id="calendar-editor-heading" className="section-heading" tabIndex={-1} ref={headingRef}>
        {c.heading(year)}
      </h2>
      <p className="hint">{c.intro}</p>
      <EditorAlert
        trouble={trouble}
        texts={[c.stale, c.reload, c.errorSummary]}
        onReload={onReload}
        problems={problems}
      />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <form className="editor-form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <h3 className="subsection-heading">{c.daysOff}</h3>
        <HolidayRows {...rowsProps} rows={shownHolidays} onRemove={(i) => remove('holidays', i)} />
        <p>
          <button
            type="button"
            id="calendar-add-holiday"
            className="button"
            onClick={() => {
              const id = nextId();
              holidays.append({ id, date: '', name: '', kind: 'public-holiday' }, { shouldFocus: false });
              focus(fieldId(id, 'date'));
            }}
          >
            {c.addDayOff}
          </button>
        </p>

        <h3 className="subsection-heading">{c.workingDays}</h3>
        <WorkingRows {...rowsProps} rows={shownWorking} onRemove={(i) => remove('workingDays', i)} />
        <p>
          <button
            type="button"
            id="calendar-add-working"
            className="button"
            onClick={() => {
              const id = nextId();
              workingDays.append({ id, date: '', reason: '' }, { shouldFocus: false });
              focus(fieldId(id, 'date'));
            }}
          >
            {c.addWorkingDay}
          </button>
        </p>

        <div className="field field-checkbox">
          <input id="calendar-confirmed" type="checkbox" {...register('confirmed')} />
          <label htmlFor="calendar-confirmed">{c.confirmed}</label>
        </div>
        <div className="field">
          <label htmlFor="calendar-note">{c.note}</label>
          <input id="calendar-note" type="text" maxLength={500} {...register('note')} />
        </div>
        <FormActions busy={save.isPending} texts={[c.save, c.saving, c.cancel]} onCancel={onCancel} />
      </form>
    </section>
  );
}
