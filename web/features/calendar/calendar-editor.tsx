// Editing a province's own days of one year (that province's administrator): extra days off and
// make-up working days, added to the national schedule. The whole year is replaced with the version it
// was read at: a 409 means someone else saved first. The server checks the days against the national
// schedule (common/working-time/province-overlay.ts) and names each problem by its path,
// `body/daysOff/3/date`; the row is found by its place in the list as sent, so the message stays
// beside the right row while the administrator keeps editing.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { FormActions } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import {
  putProvinceCalendar,
  type ProvinceCalendarView,
  type SavedProvinceCalendar,
} from './calendar-api.ts';
import { DayRows, fieldId } from './calendar-editor-rows.tsx';
import {
  byDate,
  calendarDetailPlace,
  currentRows,
  provinceBody,
  type CalendarList,
  type ProvinceValues,
} from './calendar-rows.ts';
import { editorFailure } from './editor-failure.ts';
import { EditorAlert, useEditorTrouble, useFocusTarget } from './editor-parts.tsx';
import type { Problem } from './error-summary.tsx';
import { formatCivilDate } from './vn-time.ts';

let lastId = 0;
const nextId = (): string => `r${++lastId}`;

const FIELDS = ['date', 'reason'] as const;

export function ProvinceEditor({
  calendar,
  onSaved,
  onCancel,
  onReload,
}: {
  calendar: ProvinceCalendarView;
  onSaved: (result: SavedProvinceCalendar) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const c = t.calendarEditor;
  const { year, provinceName } = calendar;
  const [defaultValues] = useState<ProvinceValues>(() => ({
    daysOff: calendar.daysOff.map((d) => ({ id: nextId(), ...d })),
    workingDays: calendar.workingDays.map((w) => ({ id: nextId(), ...w })),
    note: '',
  }));
  const { control, register, handleSubmit, setError, clearErrors, getValues, formState } =
    useForm<ProvinceValues>({ defaultValues });
  const daysOff = useFieldArray({ control, name: 'daysOff', keyName: 'key' });
  const workingDays = useFieldArray({ control, name: 'workingDays', keyName: 'key' });
  const shown: Record<CalendarList, ProvinceValues[CalendarList]> = {
    daysOff: currentRows(daysOff.fields, useWatch({ control, name: 'daysOff' })),
    workingDays: currentRows(workingDays.fields, useWatch({ control, name: 'workingDays' })),
  };
  const arrays = { daysOff, workingDays };
  const trouble = useEditorTrouble();
  const { headingRef, general, reset, show } = trouble;
  const [announcement, setAnnouncement] = useState('');
  const focus = useFocusTarget();
  const save = useMutation({
    mutationFn: (body: Parameters<typeof putProvinceCalendar>[1]) =>
      putProvinceCalendar({ provinceCode: calendar.provinceCode, year }, body),
  });

  const remove = (list: CalendarList, index: number) => {
    const rows = getValues(list);
    const row = rows[index];
    if (!row) return;
    arrays[list].remove(index);
    const next = rows[index + 1] ?? rows[index - 1];
    focus(next ? fieldId(next.id, 'remove') : `calendar-add-${list}`);
    setAnnouncement(c.removed(row.date ? formatCivilDate(t, row.date) : ''));
  };

  const onSubmit = async (values: ProvinceValues) => {
    if (save.isPending) return;
    const sent = { daysOff: byDate(values.daysOff), workingDays: byDate(values.workingDays) };
    reset();
    try {
      onSaved(await save.mutateAsync(provinceBody(values, calendar.version)));
    } catch (error) {
      const locate = (path: string): string | null => {
        const place = calendarDetailPlace(path);
        const row = place ? sent[place.list][place.index] : undefined;
        if (!place || !row) return null;
        const index = getValues(place.list).findIndex((r) => r.id === row.id);
        return index < 0 ? null : `${place.list}.${index}.${place.field}`;
      };
      show(editorFailure(t, error, locate, c.forbidden), (name, message) =>
        setError(name as FieldPath<ProvinceValues>, { type: 'server', message }),
      );
    }
  };

  const labels: Record<string, string> = { date: c.date, reason: c.reason };
  const problems: Problem[] = [];
  for (const list of ['daysOff', 'workingDays'] as const) {
    const legend = list === 'daysOff' ? c.dayOffLegend : c.workingDayLegend;
    shown[list].forEach((row, i) => {
      for (const field of FIELDS) {
        const message = formState.errors[list]?.[i]?.[field]?.message;
        if (message)
          problems.push({
            fieldId: fieldId(row.id, field),
            label: `${legend(i + 1, '')} – ${labels[field]}`,
            message,
          });
      }
    });
  }
  for (const g of general) problems.push({ message: g });

  const rowsProps = {
    year,
    register,
    control,
    errors: formState.errors,
    onChanged: (name: string) => clearErrors(name as FieldPath<ProvinceValues>),
  };
  const listSection = (list: CalendarList) => (
    <>
      <h3 className="subsection-heading">{list === 'daysOff' ? c.daysOff : c.workingDays}</h3>
      <p className="hint">{list === 'daysOff' ? c.daysOffHint : c.workingDaysHint}</p>
      <DayRows {...rowsProps} list={list} rows={shown[list]} onRemove={(i) => remove(list, i)} />
      <p>
        <button
          type="button"
          id={`calendar-add-${list}`}
          className="button"
          onClick={() => {
            const id = nextId();
            arrays[list].append({ id, date: '', reason: '' }, { shouldFocus: false });
            focus(fieldId(id, 'date'));
          }}
        >
          {list === 'daysOff' ? c.addDayOff : c.addWorkingDay}
        </button>
      </p>
    </>
  );

  return (
    <section className="editor" aria-labelledby="calendar-editor-heading">
      <h2 id="calendar-editor-heading" className="section-heading" tabIndex={-1} ref={headingRef}>
        {c.heading(provinceName, year)}
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
        {listSection('daysOff')}
        {listSection('workingDays')}
        <div className="field">
          <label htmlFor="calendar-note">{c.note}</label>
          <input id="calendar-note" type="text" maxLength={500} {...register('note')} />
        </div>
        <FormActions busy={save.isPending} texts={[c.save, c.saving, c.cancel]} onCancel={onCancel} />
      </form>
    </section>
  );
}
