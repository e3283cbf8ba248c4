// Editing one year's days off and make-up working days (province administrator). The whole year is
// replaced with the version it was read at: a 409 means someone else saved first. The server
// validates (common/working-time/calendar-validation.ts) and names each problem by its path,
// `body/holidays/3/date`; the row is found by its place in the list as sent, so the message stays
// beside the right row while the administrator keeps editing.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { detailText, errorText } from '../../app/errors.ts';
import { ApiError } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import {
  HOLIDAY_KINDS,
  putCalendarYear,
  type CalendarYearView,
  type HolidayKind,
  type SavedCalendar,
} from './calendar-api.ts';
import { ErrorSummary, type Problem } from './error-summary.tsx';
import { formatCivilDate } from './vn-time.ts';

type HolidayRow = { id: string; date: string; name: string; kind: HolidayKind; removable?: boolean };
type WorkingRow = { id: string; date: string; reason: string };
type Failure =
  { kind: 'fields'; fields: Record<string, string>; general: string[] } | { kind: 'stale' } | null;

let lastId = 0;
const nextId = (): string => `r${++lastId}`;

const fieldId = (rowId: string, field: string): string => `cal-${rowId}-${field}`;

function byDate<T extends { date: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));
}

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
  const year = calendar.year;
  const [holidays, setHolidays] = useState<HolidayRow[]>(() =>
    calendar.holidays.map((h) => ({ id: nextId(), ...h })),
  );
  const [workingDays, setWorkingDays] = useState<WorkingRow[]>(() =>
    calendar.workingDays.map((w) => ({ id: nextId(), ...w })),
  );
  const [confirmed, setConfirmed] = useState(!calendar.provisional);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  useEffect(() => {
    if (focusTarget === null) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const fields = failure?.kind === 'fields' ? failure.fields : {};
  const clearField = (key: string) => {
    if (failure?.kind !== 'fields' || !(key in failure.fields)) return;
    const rest = { ...failure.fields };
    delete rest[key];
    setFailure({ ...failure, fields: rest });
  };

  const updateHoliday = (id: string, change: Partial<HolidayRow>, field: string) => {
    setHolidays((rows) => rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
    clearField(fieldId(id, field));
  };
  const updateWorking = (id: string, change: Partial<WorkingRow>, field: string) => {
    setWorkingDays((rows) => rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
    clearField(fieldId(id, field));
  };

  const removeRow = <T extends { id: string; date: string }>(
    rows: T[],
    set: (rows: T[]) => void,
    id: string,
    fallbackFocus: string,
  ) => {
    const index = rows.findIndex((r) => r.id === id);
    const row = rows[index];
    if (!row) return;
    const rest = rows.filter((r) => r.id !== id);
    set(rest);
    const next = rest[index] ?? rest[index - 1];
    setFocusTarget(next ? fieldId(next.id, 'remove') : fallbackFocus);
    setAnnouncement(t.calendarEditor.removed(row.date ? formatCivilDate(t, row.date) : ''));
  };

  const addHoliday = () => {
    const row: HolidayRow = { id: nextId(), date: '', name: '', kind: 'public-holiday' };
    setHolidays((rows) => [...rows, row]);
    setFocusTarget(fieldId(row.id, 'date'));
  };
  const addWorking = () => {
    const row: WorkingRow = { id: nextId(), date: '', reason: '' };
    setWorkingDays((rows) => [...rows, row]);
    setFocusTarget(fieldId(row.id, 'date'));
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const sentHolidays = byDate(holidays);
    const sentWorking = byDate(workingDays);
    setBusy(true);
    setFailure(null);
    try {
      const result = await putCalendarYear(year, {
        version: calendar.version,
        provisional: !confirmed,
        holidays: sentHolidays.map(({ date, name, kind, removable }) =>
          removable === undefined
            ? { date, name: name.trim(), kind }
            : { date, name: name.trim(), kind, removable },
        ),
        workingDays: sentWorking.map(({ date, reason }) => ({ date, reason: reason.trim() })),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onSaved(result);
      return;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        setFailure({ kind: 'stale' });
      } else if (error instanceof ApiError && error.details.length > 0) {
        const found: Record<string, string> = {};
        const general: string[] = [];
        for (const d of error.details) {
          // body/holidays/3/date → the third row as sent, field date.
          const [, list, index, field] = d.path.split('/');
          const rows = list === 'holidays' ? sentHolidays : list === 'workingDays' ? sentWorking : null;
          const row = rows?.[Number(index)];
          if (row) found[fieldId(row.id, field ?? 'date')] ??= detailText(t, d);
          else general.push(detailText(t, d));
        }
        setFailure({ kind: 'fields', fields: found, general });
      } else {
        const forbidden = error instanceof ApiError && error.status === 403;
        setFailure({
          kind: 'fields',
          fields: {},
          general: [forbidden ? t.calendarEditor.forbidden : errorText(t, error)],
        });
      }
      setFocusTarget(null);
      window.setTimeout(() => summaryHeading.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  const labels: Record<string, string> = {
    date: t.calendarEditor.date,
    name: t.calendarEditor.name,
    kind: t.calendarEditor.kind,
    reason: t.calendarEditor.reason,
  };
  const problems: Problem[] = [];
  if (failure?.kind === 'fields') {
    const describe = (legend: string, rowId: string, field: string) => {
      const message = failure.fields[fieldId(rowId, field)];
      if (message)
        problems.push({
          fieldId: fieldId(rowId, field),
          label: `${legend} – ${labels[field] ?? field}`,
          message,
        });
    };
    holidays.forEach((r, i) => {
      for (const f of ['date', 'name', 'kind']) describe(t.calendarEditor.dayOffLegend(i + 1, ''), r.id, f);
    });
    workingDays.forEach((r, i) => {
      for (const f of ['date', 'reason']) describe(t.calendarEditor.workingDayLegend(i + 1, ''), r.id, f);
    });
    for (const g of failure.general) problems.push({ message: g });
  }

  const input = (
    rowId: string,
    field: string,
    render: (props: {
      id: string;
      'aria-invalid': true | undefined;
      'aria-describedby': string | undefined;
    }) => ReactNode,
  ) => {
    const id = fieldId(rowId, field);
    const error = fields[id];
    return (
      <div className={error ? `field field-invalid editor-field-${field}` : `field editor-field-${field}`}>
        <label htmlFor={id}>{labels[field]}</label>
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        {render({
          id,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-error` : undefined,
        })}
      </div>
    );
  };

  return (
    <section className="editor" aria-labelledby="calendar-editor-heading">
      <h2 id="calendar-editor-heading" className="section-heading" tabIndex={-1} ref={headingRef}>
        {t.calendarEditor.heading(year)}
      </h2>
      <p className="hint">{t.calendarEditor.intro}</p>
      {failure?.kind === 'stale' ? (
        <div className="inline-error" role="alert">
          <p>{t.calendarEditor.stale}</p>
          <button type="button" className="button" onClick={onReload}>
            {t.calendarEditor.reload}
          </button>
        </div>
      ) : (
        <ErrorSummary title={t.calendarEditor.errorSummary} problems={problems} headingRef={summaryHeading} />
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <form className="editor-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <h3 className="subsection-heading">{t.calendarEditor.daysOff}</h3>
        <ol className="editor-rows">
          {holidays.map((row, i) => {
            const shown = row.date ? formatCivilDate(t, row.date) : '';
            return (
              <li key={row.id}>
                <fieldset className="editor-row editor-row-holiday">
                  <legend>{t.calendarEditor.dayOffLegend(i + 1, shown)}</legend>
                  {input(row.id, 'date', (props) => (
                    <input
                      {...props}
                      type="date"
                      min={`${year}-01-01`}
                      max={`${year}-12-31`}
                      value={row.date}
                      onChange={(e) => updateHoliday(row.id, { date: e.target.value }, 'date')}
                    />
                  ))}
                  {input(row.id, 'name', (props) => (
                    <input
                      {...props}
                      type="text"
                      maxLength={200}
                      value={row.name}
                      onChange={(e) => updateHoliday(row.id, { name: e.target.value }, 'name')}
                    />
                  ))}
                  {input(row.id, 'kind', (props) => (
                    <select
                      {...props}
                      value={row.kind}
                      onChange={(e) => updateHoliday(row.id, { kind: e.target.value as HolidayKind }, 'kind')}
                    >
                      {HOLIDAY_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t.calendar.kinds[k]}
                        </option>
                      ))}
                    </select>
                  ))}
                  <div className="editor-row-actions">
                    <button
                      type="button"
                      id={fieldId(row.id, 'remove')}
                      className="button button-small"
                      onClick={() => removeRow(holidays, setHolidays, row.id, 'calendar-add-holiday')}
                    >
                      {t.calendarEditor.remove}
                      <span className="visually-hidden">
                        {' '}
                        {t.calendarEditor.removeDayOff(shown || String(i + 1))}
                      </span>
                    </button>
                  </div>
                  {row.removable ? (
                    <p className="hint editor-row-note">{t.calendarEditor.removableNote}</p>
                  ) : null}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <p>
          <button type="button" id="calendar-add-holiday" className="button" onClick={addHoliday}>
            {t.calendarEditor.addDayOff}
          </button>
        </p>

        <h3 className="subsection-heading">{t.calendarEditor.workingDays}</h3>
        <ol className="editor-rows">
          {workingDays.map((row, i) => {
            const shown = row.date ? formatCivilDate(t, row.date) : '';
            return (
              <li key={row.id}>
                <fieldset className="editor-row editor-row-working">
                  <legend>{t.calendarEditor.workingDayLegend(i + 1, shown)}</legend>
                  {input(row.id, 'date', (props) => (
                    <input
                      {...props}
                      type="date"
                      min={`${year}-01-01`}
                      max={`${year}-12-31`}
                      value={row.date}
                      onChange={(e) => updateWorking(row.id, { date: e.target.value }, 'date')}
                    />
                  ))}
                  {input(row.id, 'reason', (props) => (
                    <input
                      {...props}
                      type="text"
                      maxLength={200}
                      value={row.reason}
                      onChange={(e) => updateWorking(row.id, { reason: e.target.value }, 'reason')}
                    />
                  ))}
                  <div className="editor-row-actions">
                    <button
                      type="button"
                      id={fieldId(row.id, 'remove')}
                      className="button button-small"
                      onClick={() => removeRow(workingDays, setWorkingDays, row.id, 'calendar-add-working')}
                    >
                      {t.calendarEditor.remove}
                      <span className="visually-hidden">
                        {' '}
                        {t.calendarEditor.removeWorkingDay(shown || String(i + 1))}
                      </span>
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <p>
          <button type="button" id="calendar-add-working" className="button" onClick={addWorking}>
            {t.calendarEditor.addWorkingDay}
          </button>
        </p>

        <div className="field field-checkbox">
          <input
            id="calendar-confirmed"
            type="checkbox"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
          />
          <label htmlFor="calendar-confirmed">{t.calendarEditor.confirmed}</label>
        </div>
        <div className="field">
          <label htmlFor="calendar-note">{t.calendarEditor.note}</label>
          <input
            id="calendar-note"
            type="text"
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {busy ? t.calendarEditor.saving : t.calendarEditor.save}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t.calendarEditor.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
