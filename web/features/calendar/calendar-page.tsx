// /lich-lam-viec/<year>: the days off and make-up working days of a year, public. A provisional
// year (derived from the Labour Code until the province enters the government's notice) says so
// in a banner. A province administrator edits the year on the same page.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { calendarPath, PATHS } from '../../app/paths.ts';
import { useInvalidate } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import {
  CALENDAR_YEARS,
  calendarQueries,
  type CalendarYearView,
  type SavedCalendar,
} from './calendar-api.ts';
import { CalendarEditor } from './calendar-editor.tsx';
import { ChangesSummary, YearNav } from './calendar-parts.tsx';
import { parseYear } from './calendar-rows.ts';
import { CalendarTables } from './calendar-tables.tsx';
import { currentYear } from './vn-time.ts';

function YearBanner({ t, year, calendar }: { t: Messages; year: number; calendar: CalendarYearView }) {
  if (!calendar.provisional)
    return (
      <p className="banner banner-ok">
        {t.calendar.confirmed(year)} <span className="muted">({t.calendar.version(calendar.version)})</span>
      </p>
    );
  return (
    <section className="banner banner-warning" aria-labelledby="provisional-heading">
      <h2 id="provisional-heading" className="banner-title">
        {t.calendar.provisionalTitle}
      </h2>
      <p>{t.calendar.provisionalBody(year)}</p>
    </section>
  );
}

function UnsupportedYear() {
  const { t } = useI18n();
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

export function CalendarPage({ yearText }: { yearText: string | null }) {
  const year = parseYear(yearText, currentYear(), CALENDAR_YEARS);
  return year === null ? <UnsupportedYear /> : <CalendarYear year={year} />;
}

function CalendarYear({ year }: { year: number }) {
  const { t } = useI18n();
  const { session } = useSession();
  const client = useQueryClient();
  const invalidate = useInvalidate();
  const read = useQuery(calendarQueries.year(year));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<SavedCalendar | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const canEdit =
    session.status === 'signed-in' && session.user.roles.some((r) => r.role === 'province-admin');

  const onSaved = (result: SavedCalendar) => {
    client.setQueryData(calendarQueries.year(year).queryKey, result.calendar);
    setSaved(result);
    setEditing(false);
  };
  const onReload = () => {
    setEditing(false);
    setSaved(null);
    void invalidate(calendarQueries.year(year).queryKey);
  };

  const calendar = read.data;
  return (
    <Page
      title={t.calendar.title(year)}
      heading={t.calendar.heading(year)}
      intro={t.calendar.intro}
      className="calendar-page"
    >
      <YearNav year={year} />
      {read.isPending ? (
        <p className="muted pending" role="status">
          {t.loading}
        </p>
      ) : null}
      <ReadError read={read} />
      {calendar && !read.isError ? (
        <>
          <YearBanner t={t} year={year} calendar={calendar} />
          {saved && !editing ? <ChangesSummary saved={saved} onShown={(el) => el?.focus()} /> : null}
          {editing ? (
            <CalendarEditor
              calendar={calendar}
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
              <CalendarTables t={t} calendar={calendar} />
            </>
          )}
        </>
      ) : null}
      {!read.isPending ? (
        <p className="page-links">
          <Link to={PATHS.dueTime}>{t.calendar.dueLink}</Link>
        </p>
      ) : null}
    </Page>
  );
}
