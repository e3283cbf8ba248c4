// A year's national calendar as two tables: the days off (date, name, kind) and the make-up working
// days (date, reason), each with its count or its empty line; a province's own days the same way.
import type { ReactNode } from 'react';
import type { Messages } from '../../app/i18n/vi.ts';
import { TableHead } from '../../app/ui/table-head.tsx';
import type { CalendarYearView, ProvinceCalendarView } from './calendar-api.ts';
import { formatCivilDate } from './vn-time.ts';

type Column<Row> = { label: string; cell: (row: Row) => ReactNode };

/** A table of dated rows: the date heads each row, the other columns follow. */
function DayTable<Row extends { date: string }>({
  t,
  caption,
  columns,
  rows,
}: {
  t: Messages;
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
}) {
  return (
    <table className="table calendar-table" role="table">
      <caption className="visually-hidden">{caption}</caption>
      <TableHead roles columns={[t.calendar.date, ...columns.map((c) => c.label)]} />
      <tbody role="rowgroup">
        {rows.map((row) => (
          <tr role="row" key={row.date}>
            <th scope="row" role="rowheader" data-label={t.calendar.date} className="date-cell">
              {formatCivilDate(t, row.date)}
            </th>
            {columns.map((c) => (
              <td key={c.label} role="cell" data-label={c.label}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CalendarTables({ t, calendar }: { t: Messages; calendar: CalendarYearView }) {
  const c = t.calendar;
  return (
    <>
      <section aria-labelledby="days-off-heading">
        <h2 id="days-off-heading" className="section-heading">
          {c.daysOffHeading}
        </h2>
        <p className="muted">{c.count(calendar.holidays.length, calendar.workingDays.length)}</p>
        {calendar.holidays.length === 0 ? (
          <p>{c.noDaysOff}</p>
        ) : (
          <DayTable
            t={t}
            caption={c.daysOffCaption(calendar.year)}
            rows={calendar.holidays}
            columns={[
              { label: c.name, cell: (h) => <span lang="vi">{h.name}</span> },
              {
                label: c.kind,
                cell: (h) => <span className={`kind kind-${h.kind}`}>{c.kinds[h.kind]}</span>,
              },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="working-days-heading">
        <h2 id="working-days-heading" className="section-heading">
          {c.workingDaysHeading}
        </h2>
        <p className="muted">{c.workingDaysIntro}</p>
        {calendar.workingDays.length === 0 ? (
          <p>{c.noWorkingDays}</p>
        ) : (
          <DayTable
            t={t}
            caption={c.workingDaysCaption(calendar.year)}
            rows={calendar.workingDays}
            columns={[{ label: c.reason, cell: (w) => <span lang="vi">{w.reason}</span> }]}
          />
        )}
      </section>
    </>
  );
}

/** A province's own days of a year: its extra days off and make-up days (date, reason). */
export function ProvinceTables({ t, calendar }: { t: Messages; calendar: ProvinceCalendarView }) {
  const c = t.calendar;
  const p = t.provinceDays;
  if (calendar.daysOff.length === 0 && calendar.workingDays.length === 0) return <p>{p.none}</p>;
  const reason = { label: c.reason, cell: (d: { reason: string }) => <span lang="vi">{d.reason}</span> };
  return (
    <>
      <h3 className="subsection-heading">{p.daysOff}</h3>
      {calendar.daysOff.length === 0 ? (
        <p>{p.noDaysOff}</p>
      ) : (
        <DayTable
          t={t}
          caption={p.daysOffCaption(calendar.provinceName, calendar.year)}
          rows={calendar.daysOff}
          columns={[reason]}
        />
      )}
      <h3 className="subsection-heading">{p.workingDays}</h3>
      {calendar.workingDays.length === 0 ? (
        <p>{p.noWorkingDays}</p>
      ) : (
        <DayTable
          t={t}
          caption={p.workingDaysCaption(calendar.provinceName, calendar.year)}
          rows={calendar.workingDays}
          columns={[reason]}
        />
      )}
    </>
  );
}
