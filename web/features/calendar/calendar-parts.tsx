// Around the calendar tables: the year navigation (previous, a chosen year, next) and, after a
// province's days are saved, what changed.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { calendarPath } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { CALENDAR_YEARS, type SavedProvinceCalendar } from './calendar-api.ts';
import { formatCivilDate } from './vn-time.ts';

export function YearNav({ year }: { year: number }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const [chosen, setChosen] = useState(String(year));
  const years: number[] = [];
  for (let y = CALENDAR_YEARS.min; y <= CALENDAR_YEARS.max; y++) years.push(y);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(calendarPath(Number(chosen)));
  };
  return (
    <nav className="year-nav" aria-label={t.calendar.yearNav}>
      {year > CALENDAR_YEARS.min ? (
        <Link to={calendarPath(year - 1)} className="year-step" rel="prev">
          <span aria-hidden="true">‹ </span>
          {t.calendar.previousYear(year - 1)}
        </Link>
      ) : null}
      <form className="year-form" onSubmit={onSubmit}>
        <label htmlFor="calendar-year">{t.calendar.yearLabel}</label>
        <select id="calendar-year" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-small">
          {t.calendar.go}
        </button>
      </form>
      {year < CALENDAR_YEARS.max ? (
        <Link to={calendarPath(year + 1)} className="year-step" rel="next">
          {t.calendar.nextYear(year + 1)}
          <span aria-hidden="true"> ›</span>
        </Link>
      ) : null}
    </nav>
  );
}

export function ChangesSummary({
  saved,
  onShown,
}: {
  saved: SavedProvinceCalendar;
  onShown: (el: HTMLElement | null) => void;
}) {
  const { t } = useI18n();
  const c = saved.changes;
  const groups = [
    { label: t.calendarEditor.daysOffRemoved, days: c.daysOffRemoved },
    { label: t.calendarEditor.daysOffAdded, days: c.daysOffAdded },
    { label: t.calendarEditor.workingDaysRemoved, days: c.workingDaysRemoved },
    { label: t.calendarEditor.workingDaysAdded, days: c.workingDaysAdded },
  ].filter((g) => g.days.length > 0);
  const { provinceName, year, version } = saved.calendar;
  return (
    <section className="saved-summary" aria-labelledby="saved-heading" tabIndex={-1} ref={onShown}>
      <h2 id="saved-heading" className="panel-heading">
        {t.calendarEditor.savedHeading(provinceName, year, version)}
      </h2>
      {groups.length === 0 ? (
        <p>{t.calendarEditor.noChanges}</p>
      ) : (
        groups.map((g) => (
          <div key={g.label} className="change-group">
            <h3 className="subsection-heading">{g.label}</h3>
            <ul>
              {g.days.map((d) => (
                <li key={`${d.date}|${d.name}`}>
                  {formatCivilDate(t, d.date)} — <span lang="vi">{d.name}</span>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
