// /lich-lam-viec/<year>: the national days off and make-up working days of a year, public and
// read-only (they ship with the release: docs/adr/0013-province-calendars.md). A provisional year
// (derived from the Labour Code until a release carries the government's notice) says so in a
// banner. Below, the signed-in officer's province's own days, which its administrator edits.
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { calendarPath, PATHS } from '../../app/paths.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { CALENDAR_YEARS, calendarQueries, type CalendarYearView } from './calendar-api.ts';
import { YearNav } from './calendar-parts.tsx';
import { parseYear } from './calendar-rows.ts';
import { CalendarTables } from './calendar-tables.tsx';
import { ProvinceDays } from './province-days.tsx';
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

/** The provinces of the session's roles, each with whether the session administers it. */
function provincesOf(
  session: ReturnType<typeof useSession>['session'],
): { code: string; canEdit: boolean }[] {
  if (session.status !== 'signed-in') return [];
  const byCode = new Map<string, boolean>();
  for (const r of session.user.roles) {
    if (!r.provinceCode) continue;
    byCode.set(r.provinceCode, (byCode.get(r.provinceCode) ?? false) || r.role === 'province-admin');
  }
  return [...byCode].map(([code, canEdit]) => ({ code, canEdit }));
}

function CalendarYear({ year }: { year: number }) {
  const { t } = useI18n();
  const { session } = useSession();
  const read = useQuery(calendarQueries.year(year));
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
          <p className="muted">{t.calendar.nationalNote}</p>
          <CalendarTables t={t} calendar={calendar} />
          {provincesOf(session).map((p) => (
            <ProvinceDays key={p.code} provinceCode={p.code} year={year} canEdit={p.canEdit} />
          ))}
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
