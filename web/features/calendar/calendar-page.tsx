// /lich-lam-viec/<year>: the days off and make-up working days of a year, public. A provisional
// year (derived from the Labour Code until the province enters the government's notice) says so
// in a banner. A province administrator edits the year on the same page.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorText } from '../../app/errors.ts';
import { isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { calendarPath, PATHS } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  CALENDAR_YEARS,
  getCalendarYear,
  type CalendarYearView,
  type SavedCalendar,
} from './calendar-api.ts';
import { CalendarEditor } from './calendar-editor.tsx';
import { currentYear, formatCivilDate } from './vn-time.ts';

type Load =
  { kind: 'loading' } | { kind: 'done'; calendar: CalendarYearView } | { kind: 'error'; error: unknown };

function parseYear(text: string | null): number | null {
  if (text === null) return currentYear();
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= CALENDAR_YEARS.min && year <= CALENDAR_YEARS.max ? year : null;
}

function YearNav({ year }: { year: number }) {
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

function CalendarTables({ t, calendar }: { t: Messages; calendar: CalendarYearView }) {
  return (
    <>
      <section aria-labelledby="days-off-heading">
        <h2 id="days-off-heading" className="section-heading">
          {t.calendar.daysOffHeading}
        </h2>
        <p className="muted">{t.calendar.count(calendar.holidays.length, calendar.workingDays.length)}</p>
        {calendar.holidays.length === 0 ? (
          <p>{t.calendar.noDaysOff}</p>
        ) : (
          <table className="table calendar-table" role="table">
            <caption className="visually-hidden">{t.calendar.daysOffCaption(calendar.year)}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {t.calendar.date}
                </th>
                <th scope="col" role="columnheader">
                  {t.calendar.name}
                </th>
                <th scope="col" role="columnheader">
                  {t.calendar.kind}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {calendar.holidays.map((h) => (
                <tr role="row" key={h.date}>
                  <th scope="row" role="rowheader" data-label={t.calendar.date} className="date-cell">
                    {formatCivilDate(t, h.date)}
                  </th>
                  <td role="cell" data-label={t.calendar.name}>
                    {h.name}
                  </td>
                  <td role="cell" data-label={t.calendar.kind}>
                    <span className={`kind kind-${h.kind}`}>{t.calendar.kinds[h.kind]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="working-days-heading">
        <h2 id="working-days-heading" className="section-heading">
          {t.calendar.workingDaysHeading}
        </h2>
        <p className="muted">{t.calendar.workingDaysIntro}</p>
        {calendar.workingDays.length === 0 ? (
          <p>{t.calendar.noWorkingDays}</p>
        ) : (
          <table className="table calendar-table" role="table">
            <caption className="visually-hidden">{t.calendar.workingDaysCaption(calendar.year)}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {t.calendar.date}
                </th>
                <th scope="col" role="columnheader">
                  {t.calendar.reason}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {calendar.workingDays.map((w) => (
                <tr role="row" key={w.date}>
                  <th scope="row" role="rowheader" data-label={t.calendar.date} className="date-cell">
                    {formatCivilDate(t, w.date)}
                  </th>
                  <td role="cell" data-label={t.calendar.reason}>
                    {w.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function ChangesSummary({
  saved,
  onShown,
}: {
  saved: SavedCalendar;
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
  return (
    <section className="saved-summary" aria-labelledby="saved-heading" tabIndex={-1} ref={onShown}>
      <h2 id="saved-heading" className="panel-heading">
        {t.calendarEditor.savedHeading(saved.calendar.year, saved.calendar.version)}
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
                  {formatCivilDate(t, d.date)} — {d.name}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

export function CalendarPage({ yearText }: { yearText: string | null }) {
  const { t } = useI18n();
  const { session } = useSession();
  const year = parseYear(yearText);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<SavedCalendar | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const canEdit =
    session.status === 'signed-in' && session.user.roles.some((r) => r.role === 'province-admin');

  useEffect(() => {
    if (year === null) return;
    const controller = new AbortController();
    setLoad({ kind: 'loading' });
    getCalendarYear(year, controller.signal)
      .then((calendar) => setLoad({ kind: 'done', calendar }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ kind: 'error', error });
      });
    return () => controller.abort();
  }, [year, reloadKey]);

  if (year === null) {
    const now = currentYear();
    return (
      <Page title={t.calendar.invalidTitle} heading={t.calendar.invalidTitle}>
        <p>{t.calendar.unsupportedYear(CALENDAR_YEARS.min, CALENDAR_YEARS.max)}</p>
        <p>
          <Link to={calendarPath(now)}>{t.calendar.title(now)}</Link>
        </p>
      </Page>
    );
  }

  const onSaved = (result: SavedCalendar) => {
    setLoad({ kind: 'done', calendar: result.calendar });
    setSaved(result);
    setEditing(false);
  };

  const onReload = () => {
    setEditing(false);
    setSaved(null);
    setReloadKey((k) => k + 1);
  };

  return (
    <Page
      title={t.calendar.title(year)}
      heading={t.calendar.heading(year)}
      intro={t.calendar.intro}
      className="calendar-page"
    >
      <YearNav year={year} />
      {load.kind === 'loading' ? (
        <p className="muted pending" role="status">
          {t.loading}
        </p>
      ) : load.kind === 'error' ? (
        <div className="inline-error" role="alert">
          <p>{errorText(t, load.error)}</p>
          <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
            {t.errors.retry}
          </button>
        </div>
      ) : (
        <>
          {load.calendar.provisional ? (
            <section className="banner banner-warning" aria-labelledby="provisional-heading">
              <h2 id="provisional-heading" className="banner-title">
                {t.calendar.provisionalTitle}
              </h2>
              <p>{t.calendar.provisionalBody(year)}</p>
            </section>
          ) : (
            <p className="banner banner-ok">
              {t.calendar.confirmed(year)}{' '}
              <span className="muted">({t.calendar.version(load.calendar.version)})</span>
            </p>
          )}
          {saved && !editing ? <ChangesSummary saved={saved} onShown={(el) => el?.focus()} /> : null}
          {editing ? (
            <CalendarEditor
              calendar={load.calendar}
              onSaved={onSaved}
              onCancel={() => {
                setEditing(false);
                window.setTimeout(() => editButton.current?.focus(), 0);
              }}
              onReload={onReload}
            />
          ) : (
            <>
              {canEdit ? (
                <p>
                  <button
                    type="button"
                    className="button button-primary"
                    ref={editButton}
                    onClick={() => {
                      setSaved(null);
                      setEditing(true);
                    }}
                  >
                    {t.calendar.edit(year)}
                  </button>
                </p>
              ) : null}
              <CalendarTables t={t} calendar={load.calendar} />
            </>
          )}
        </>
      )}
      {load.kind !== 'loading' ? (
        <p className="page-links">
          <Link to={PATHS.dueTime}>{t.calendar.dueLink}</Link>
        </p>
      ) : null}
    </Page>
  );
}
