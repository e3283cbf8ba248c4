// The office-hours editor (unit or province administrators): the sessions of each weekday and of
// Saturday reception. The whole week is replaced with the version it was read at (a 409: someone
// saved first); the server's problems (`body/hours/sessions/1/0/end`) stand beside their session.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { FormActions } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { putOfficeHours, type OfficeHours, type OfficeHoursResult } from './calendar-api.ts';
import { editorFailure } from './editor-failure.ts';
import { EditorAlert, useEditorTrouble, useFocusTarget } from './editor-parts.tsx';
import type { Problem } from './error-summary.tsx';
import { fieldId, HoursDay } from './office-hours-day.tsx';
import {
  hoursValues,
  jsDay,
  officeHoursBody,
  officeHoursDetailPlace,
  type Day,
  type HoursValues,
} from './office-hours-rows.ts';

let lastId = 0;
const nextId = (): string => `s${++lastId}`;

export function HoursEditor({
  agencyCode,
  result,
  onSaved,
  onCancel,
  onReload,
}: {
  agencyCode: string;
  result: OfficeHoursResult;
  onSaved: (result: OfficeHoursResult) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const c = t.officeHours;
  const [defaultValues] = useState(() => hoursValues(result.hours, nextId));
  const { control, register, handleSubmit, setError, clearErrors, getValues, formState } =
    useForm<HoursValues>({ defaultValues });
  const days = useWatch({ control, name: 'days' });
  const trouble = useEditorTrouble();
  const { headingRef, general, reset, show } = trouble;
  const focus = useFocusTarget();
  const save = useMutation({
    mutationFn: (hours: OfficeHours) => putOfficeHours(agencyCode, { version: result.version, hours }),
  });

  const dayName = (d: Day) => (d === 'saturdayReceiving' ? c.saturdayReceiving : t.time.weekdays[jsDay(d)]!);

  const onSubmit = async (values: HoursValues) => {
    if (save.isPending) return;
    reset();
    try {
      onSaved(await save.mutateAsync(officeHoursBody(values, result.hours)));
    } catch (error) {
      const locate = (path: string): string | null => {
        const place = officeHoursDetailPlace(path);
        const dayIndex = values.days.findIndex((d) => d.day === place?.day);
        const row = place ? values.days[dayIndex]?.rows[place.index] : undefined;
        if (!place || !row) return null;
        const now = getValues(`days.${dayIndex}.rows`).findIndex((r) => r.id === row.id);
        return now < 0 ? null : `days.${dayIndex}.rows.${now}.${place.field}`;
      };
      show(editorFailure(t, error, locate, c.forbidden), (name, message) =>
        setError(name as FieldPath<HoursValues>, { type: 'server', message }),
      );
    }
  };

  const problems: Problem[] = [];
  days.forEach(({ day, rows }, d) =>
    rows.forEach((row, i) => {
      for (const f of ['start', 'end'] as const) {
        const message = formState.errors.days?.[d]?.rows?.[i]?.[f]?.message;
        if (message)
          problems.push({
            fieldId: fieldId(row.id, f),
            label: `${dayName(day)}, ${c.sessionLegend(i + 1)} – ${f === 'start' ? c.start : c.end}`,
            message,
          });
      }
    }),
  );
  for (const g of general) problems.push({ message: g });

  return (
    <section className="editor" aria-labelledby="hours-editor-heading">
      <h2 id="hours-editor-heading" className="section-heading" tabIndex={-1} ref={headingRef}>
        {c.editHeading}
      </h2>
      <EditorAlert
        trouble={trouble}
        texts={[c.stale, c.reload, c.errorSummary]}
        onReload={onReload}
        problems={problems}
      />
      <form className="editor-form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <div className="hours-days">
          {days.map(({ day }, index) => (
            <HoursDay
              key={day}
              index={index}
              day={day}
              name={dayName(day)}
              control={control}
              register={register}
              errors={formState.errors}
              onClear={(name) => clearErrors(name)}
              focus={focus}
              nextId={nextId}
            />
          ))}
        </div>
        <FormActions busy={save.isPending} texts={[c.save, c.saving, c.cancel]} onCancel={onCancel} />
      </form>
    </section>
  );
}
