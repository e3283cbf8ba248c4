// The national schedule ships with the release (common/working-time: the government's published years,
// else the schedule derived from the Labour Code) and nobody changes it through the API
// (docs/adr/0013-province-calendars.md). At start-up every year whose shipped schedule differs from
// the one in force is recorded as a new revision, so a due time's revision keeps naming the national
// schedule it was computed with after a release changes the engine's data.
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import { appendAudit, canonicalJson } from '../../platform/audit.ts';
import type { CalendarYear } from '../../../common/working-time/index.ts';
import { SUPPORTED_CALENDAR_YEARS } from '../../../common/contracts/calendar.ts';
import { CALENDAR_LOCK, currentRevision, shippedYear } from './calendar.repository.ts';

const RELEASE = { userId: null, label: 'release' };

/** What a year's schedule says (not its version), comparable between a stored row and the engine's data. */
function content(y: Pick<CalendarYear, 'provisional' | 'holidays' | 'workingDays'>): string {
  return canonicalJson(
    JSON.parse(
      JSON.stringify({ provisional: y.provisional, holidays: y.holidays, workingDays: y.workingDays }),
    ),
  );
}

/** Records the shipped national years that differ from those in force; returns the years recorded. */
export async function recordShippedNationalSchedule(deps: Deps): Promise<number[]> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK})`.execute(trx);
    const rows = await trx
      .selectFrom('calendar_revisions')
      .select(['year', 'year_version', 'provisional', 'holidays', 'working_days'])
      .where('province_code', 'is', null)
      .orderBy('revision')
      .execute();
    const inForce = new Map(rows.map((r) => [r.year, r]));
    let revision = await currentRevision(trx);
    const recorded: { year: number; revision: number; yearVersion: number }[] = [];
    for (let y = SUPPORTED_CALENDAR_YEARS.min; y <= SUPPORTED_CALENDAR_YEARS.max; y++) {
      const shipped = shippedYear(y);
      const row = inForce.get(y);
      if (
        row &&
        content({
          provisional: row.provisional,
          holidays: row.holidays as CalendarYear['holidays'],
          workingDays: row.working_days as CalendarYear['workingDays'],
        }) === content(shipped)
      )
        continue;
      revision += 1;
      const yearVersion = row ? row.year_version + 1 : shipped.version;
      await trx
        .insertInto('calendar_revisions')
        .values({
          revision,
          year: y,
          year_version: yearVersion,
          provisional: shipped.provisional,
          holidays: JSON.stringify(shipped.holidays),
          working_days: JSON.stringify(shipped.workingDays),
          note: 'Lịch chung cả nước theo bản phát hành',
          created_at: now,
          created_by: null,
        })
        .execute();
      recorded.push({ year: y, revision, yearVersion });
    }
    if (recorded.length > 0)
      await appendAudit(
        trx,
        RELEASE,
        {
          action: 'calendar.national-schedule-recorded',
          entityType: 'calendar',
          entityId: 'national',
          details: { years: recorded },
        },
        now,
      );
    return recorded.map((r) => r.year);
  });
}
