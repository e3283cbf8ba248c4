// Calendars and office hours around the pure working-time engine (common/working-time).
// The calendar is versioned as a whole: revision R = for each supported year, its latest stored
// schedule with revision <= R, else the published schedule shipped with the engine, else the one
// derived from the law (provisional). A due time records R, so it can be recomputed as issued.
import { sql, type Expression, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { preparedQuery, type Database } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import {
  WorkingTimeError,
  addWorkingTime,
  createWorkCalendar,
  defaultCalendarYear,
  defaultOfficeHours,
  officialCalendarYear,
  validateCalendarYear,
  validateOfficeHours,
  type CalendarYear,
  type DueTime,
  type Duration,
  type OfficeHours,
  type WorkCalendar,
} from '../../../common/working-time/index.ts';
import { SUPPORTED_CALENDAR_YEARS, type PutCalendarYearBody } from '../../../common/contracts/calendar.ts';
import { canReachAgency, findAgencyByCode } from '../org/index.ts';
import { fail } from './calendar.errors.ts';

const CALENDAR_LOCK = 7_357_002;

export type LoadedCalendar = { revision: number; years: CalendarYear[]; calendar: WorkCalendar };

const cache = new WeakMap<object, Map<number, LoadedCalendar>>();
const CACHE_LIMIT = 8;

function baseYear(year: number): CalendarYear {
  return officialCalendarYear(year) ?? defaultCalendarYear(year);
}

/** `db` is the executor to read with: inside a transaction, pass it (PGlite has one session). */
type Executor = Deps['db'] | Transaction<DB>;

export async function currentRevision(deps: Deps, db: Executor = deps.db): Promise<number> {
  const row = await db
    .selectFrom('calendar_revisions')
    .select((eb) => eb.fn.max('revision').as('r'))
    .executeTakeFirst();
  return row?.r ?? 0;
}

/** The whole calendar at a revision (default: the current one), cached per database. */
export async function loadCalendar(
  deps: Deps,
  revision?: number,
  db: Executor = deps.db,
): Promise<LoadedCalendar> {
  const latest = await currentRevision(deps, db);
  const r = revision ?? latest;
  if (r > latest) {
    throw fail('CALENDAR_INVALID_INPUT', {
      details: [
        {
          path: 'query/calendarVersion',
          message: `Chưa có phiên bản lịch ${r}; phiên bản mới nhất là ${latest}.`,
        },
      ],
    });
  }
  return calendarAt(deps, r, db);
}

/** The calendar at a revision known to exist, from the per-database cache or read once. */
async function calendarAt(deps: Deps, r: number, db: Executor): Promise<LoadedCalendar> {
  let perDb = cache.get(deps.db);
  if (!perDb) {
    perDb = new Map();
    cache.set(deps.db, perDb);
  }
  const hit = perDb.get(r);
  if (hit) return hit;
  const rows = await db
    .selectFrom('calendar_revisions')
    .selectAll()
    .where('revision', '<=', r)
    .orderBy('revision')
    .execute();
  const byYear = new Map<number, CalendarYear>();
  for (const row of rows) {
    byYear.set(row.year, {
      year: row.year,
      version: row.year_version,
      provisional: row.provisional,
      holidays: row.holidays as CalendarYear['holidays'],
      workingDays: row.working_days as CalendarYear['workingDays'],
    });
  }
  const years: CalendarYear[] = [];
  for (let y = SUPPORTED_CALENDAR_YEARS.min; y <= SUPPORTED_CALENDAR_YEARS.max; y++) {
    years.push(byYear.get(y) ?? baseYear(y));
  }
  const loaded = { revision: r, years, calendar: createWorkCalendar(years) };
  if (perDb.size >= CACHE_LIMIT) perDb.delete(perDb.keys().next().value!);
  perDb.set(r, loaded);
  return loaded;
}

export async function getCalendarYear(deps: Deps, year: number) {
  const loaded = await loadCalendar(deps);
  const y = loaded.years.find((c) => c.year === year)!;
  return { ...y, calendarVersion: loaded.revision };
}

type DayChange = { date: string; name: string };
function diffDays(before: DayChange[], after: DayChange[]) {
  const key = (d: DayChange) => `${d.date}|${d.name}`;
  const b = new Set(before.map(key));
  const a = new Set(after.map(key));
  return { added: after.filter((d) => !b.has(key(d))), removed: before.filter((d) => !a.has(key(d))) };
}

export async function replaceCalendarYear(
  deps: Deps,
  actor: Actor,
  input: { year: number; body: PutCalendarYearBody; requestId: string },
) {
  const { year, body, requestId } = input;
  const candidate: CalendarYear = {
    year,
    version: body.version + 1,
    provisional: body.provisional ?? false,
    holidays: body.holidays,
    workingDays: body.workingDays,
  };
  const problems = validateCalendarYear(candidate);
  if (problems.length > 0) {
    throw fail('CALENDAR_YEAR_INVALID', {
      details: problems.map((p) => ({ path: `body/${p.path}`, message: p.message, code: p.code })),
    });
  }
  const now = deps.clock.now();
  const before = (await loadCalendar(deps)).years.find((c) => c.year === year)!;
  const revision = await deps.db.transaction().execute(async (trx) => {
    // One calendar writer at a time: the global revision stays gap-free and the version check holds.
    await sql`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK})`.execute(trx);
    const latest = await trx
      .selectFrom('calendar_revisions')
      .select(['year_version'])
      .where('year', '=', year)
      .orderBy('year_version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const currentVersion = latest?.year_version ?? baseYear(year).version;
    if (body.version !== currentVersion) {
      throw fail('CALENDAR_YEAR_STALE_VERSION', {
        params: { year, version: currentVersion },
        details: [{ path: 'body/version', message: `Phiên bản hiện tại là ${currentVersion}.` }],
      });
    }
    const max = await trx
      .selectFrom('calendar_revisions')
      .select((eb) => eb.fn.max('revision').as('r'))
      .executeTakeFirst();
    const next = (max?.r ?? 0) + 1;
    await trx
      .insertInto('calendar_revisions')
      .values({
        revision: next,
        year,
        year_version: currentVersion + 1,
        provisional: candidate.provisional,
        holidays: JSON.stringify(candidate.holidays),
        working_days: JSON.stringify(candidate.workingDays),
        note: body.note ?? null,
        created_at: now,
        created_by: actor.userId,
      })
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'calendar.year-replaced',
        entityType: 'calendar_year',
        entityId: String(year),
        details: {
          revision: next,
          yearVersion: currentVersion + 1,
          provisional: candidate.provisional,
          note: body.note ?? null,
        },
        requestId,
      },
      now,
    );
    return next;
  });
  const off = diffDays(before.holidays, candidate.holidays);
  const work = diffDays(
    before.workingDays.map((d) => ({ date: d.date, name: d.reason })),
    candidate.workingDays.map((d) => ({ date: d.date, name: d.reason })),
  );
  return {
    calendar: { ...candidate, calendarVersion: revision },
    changes: {
      daysOffAdded: off.added.map((d) => ({ date: d.date, name: d.name })),
      daysOffRemoved: off.removed.map((d) => ({ date: d.date, name: d.name })),
      workingDaysAdded: work.added,
      workingDaysRemoved: work.removed,
    },
  };
}

async function agencyOrFail(deps: Deps, code: string, path: string) {
  const agency = await findAgencyByCode(deps.db, code);
  if (!agency) {
    throw fail('CALENDAR_INVALID_INPUT', { details: [{ path, message: `Không có cơ quan mã ${code}.` }] });
  }
  return agency;
}

export async function getOfficeHours(
  deps: Deps,
  agencyId: string,
  db: Executor = deps.db,
): Promise<{ hours: OfficeHours; version: number; isDefault: boolean }> {
  const row = await db
    .selectFrom('office_hours')
    .select(['hours', 'version'])
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!row) return { hours: defaultOfficeHours(), version: 0, isDefault: true };
  return { hours: row.hours, version: row.version, isDefault: false };
}

// A named statement (db/client.ts): intake asks on every dossier it receives.
const workingTimeQuery = preparedQuery('working-time', (db: Database, agencyId: string) =>
  db.selectNoFrom((eb) => [
    eb
      .selectFrom('calendar_revisions')
      .select((e) => e.fn.max('revision').as('r'))
      .as('revision'),
    eb.selectFrom('office_hours').select('hours').where('agency_id', '=', agencyId).as('hours'),
  ]),
);

/**
 * What a due time needs: the current calendar and an agency's office hours, with the revision check
 * and the hours in one read (the calendar itself comes from the cache). Both can change at any time,
 * so nothing here is cached without its revision.
 */
export async function workingTimeFor(
  deps: Deps,
  agencyId: string,
  db: Executor = deps.db,
): Promise<{ calendar: LoadedCalendar; hours: OfficeHours }> {
  const [row] = await workingTimeQuery(db, agencyId);
  if (!row) throw new Error('no row from a select without from');
  return workingTimeFrom(deps, row, db);
}

/** What `workingTimeFor` reads, as one JSON value of a caller's read: the revision and the agency's hours. */
export type WorkingTimeRead = { revision: number | null; hours: OfficeHours | null };

/**
 * The read of `workingTimeFor` as an expression for a caller's own statement (intake reads it with the
 * procedure and the agency, one round trip fewer); `workingTimeFrom` takes its value.
 */
export function workingTimeRead(agencyId: Expression<string>): RawBuilder<WorkingTimeRead> {
  return sql<WorkingTimeRead>`jsonb_build_object(
    'revision', (SELECT max(revision) FROM calendar_revisions),
    'hours', (SELECT hours FROM office_hours WHERE agency_id = ${agencyId}))`;
}

/** The working time from the revision and hours read (the calendar from the cache, or read once). */
export async function workingTimeFrom(
  deps: Deps,
  row: WorkingTimeRead,
  db: Executor = deps.db,
): Promise<{ calendar: LoadedCalendar; hours: OfficeHours }> {
  return {
    calendar: await calendarAt(deps, row.revision ?? 0, db),
    hours: row.hours === null ? defaultOfficeHours() : row.hours,
  };
}

export async function getAgencyOfficeHours(deps: Deps, code: string) {
  const agency = await findAgencyByCode(deps.db, code);
  if (!agency) throw fail('CALENDAR_AGENCY_NOT_FOUND', { params: { code } });
  return { agencyCode: agency.code, ...(await getOfficeHours(deps, agency.agency_id)) };
}

export const OFFICE_HOURS_EDITORS = ['unit-admin', 'province-admin'] as const;

export async function replaceOfficeHours(
  deps: Deps,
  actor: Actor,
  input: { code: string; version: number; hours: OfficeHours; requestId: string },
) {
  const { code, requestId } = input;
  const agency = await findAgencyByCode(deps.db, code);
  if (!agency) throw fail('CALENDAR_AGENCY_NOT_FOUND', { params: { code } });
  if (
    !canReachAgency(
      actor,
      { agencyPath: agency.agency_path, unitPath: agency.unit_path },
      'write',
      OFFICE_HOURS_EDITORS,
    )
  ) {
    throw fail('OFFICE_HOURS_FORBIDDEN');
  }
  const problems = validateOfficeHours(input.hours);
  if (problems.length > 0) {
    throw fail('OFFICE_HOURS_INVALID', {
      details: problems.map((p) => ({ path: `body/hours/${p.path}`, message: p.message, code: p.code })),
    });
  }
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('office_hours')
      .select('version')
      .where('agency_id', '=', agency.agency_id)
      .forUpdate()
      .executeTakeFirst();
    const current = row?.version ?? 0;
    if (input.version !== current) {
      throw fail('OFFICE_HOURS_STALE_VERSION', {
        details: [{ path: 'body/version', message: `Phiên bản hiện tại là ${current}.` }],
      });
    }
    const values = {
      hours: JSON.stringify(input.hours),
      version: current + 1,
      updated_at: now,
      updated_by: actor.userId,
    };
    if (row)
      await trx.updateTable('office_hours').set(values).where('agency_id', '=', agency.agency_id).execute();
    else
      await trx
        .insertInto('office_hours')
        .values({ agency_id: agency.agency_id, ...values })
        .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'agency.office-hours-replaced',
        entityType: 'agency',
        entityId: agency.code,
        details: { version: current + 1, hours: input.hours },
        requestId,
      },
      now,
    );
    return { agencyCode: agency.code, version: current + 1, isDefault: false, hours: input.hours };
  });
}

/** Maps the engine's errors onto the API's envelope, naming query fields. */
function engineError(err: unknown): never {
  if (!(err instanceof WorkingTimeError)) throw err;
  const field: Record<string, string> = {
    INVALID_INSTANT: 'start',
    INVALID_DURATION: 'value',
    CALENDAR_YEAR_MISSING: 'start',
    UNSUPPORTED_YEAR: 'start',
    NO_WORKING_SESSION: 'agencyCode',
  };
  const details: ErrorDetail[] =
    err.details.length > 0
      ? err.details.map((d) => ({ path: `query/${field[err.code] ?? d.path}`, message: d.message }))
      : [{ path: `query/${field[err.code] ?? 'start'}`, message: err.message }];
  throw fail('DUE_TIME_NOT_COMPUTABLE', { params: { message: err.message }, details });
}

export type DueInput = {
  start: string;
  value: number;
  unit: Duration['unit'];
  agencyCode?: string | undefined;
};

function checkStart(start: string): void {
  const year = new Date(start).getUTCFullYear();
  const t = new Date(start).getTime();
  if (Number.isNaN(t)) {
    throw fail('CALENDAR_INVALID_INPUT', {
      details: [{ path: 'query/start', message: 'Thời điểm không hợp lệ.' }],
    });
  }
  if (year < SUPPORTED_CALENDAR_YEARS.min || year > SUPPORTED_CALENDAR_YEARS.max) {
    throw fail('CALENDAR_INVALID_INPUT', {
      details: [
        {
          path: 'query/start',
          message: `Chỉ tính hạn trong các năm ${SUPPORTED_CALENDAR_YEARS.min}–${SUPPORTED_CALENDAR_YEARS.max}.`,
        },
      ],
    });
  }
}

function checkValue(value: number, unit: Duration['unit']): void {
  if ((unit === 'calendar-day' || unit === 'working-hour') && !Number.isInteger(value)) {
    throw fail('CALENDAR_INVALID_INPUT', {
      details: [
        {
          path: 'query/value',
          message:
            unit === 'calendar-day' ? 'Số ngày phải là số nguyên.' : 'Số giờ làm việc phải là số nguyên.',
        },
      ],
    });
  }
}

export async function computeDue(
  deps: Deps,
  input: DueInput,
  revision?: number,
): Promise<DueTime & { calendarVersion: number; provisional: boolean }> {
  checkStart(input.start);
  checkValue(input.value, input.unit);
  const hours = input.agencyCode
    ? (await getOfficeHours(deps, (await agencyOrFail(deps, input.agencyCode, 'query/agencyCode')).agency_id))
        .hours
    : defaultOfficeHours();
  const loaded = await loadCalendar(deps, revision);
  let due: DueTime;
  try {
    due = addWorkingTime(input.start, { value: input.value, unit: input.unit }, loaded.calendar, { hours });
  } catch (err) {
    engineError(err);
  }
  const touched = new Set([new Date(input.start).getUTCFullYear(), new Date(due.dueAt).getUTCFullYear()]);
  const provisional = loaded.years.some((y) => touched.has(y.year) && y.provisional);
  return { ...due, calendarVersion: loaded.revision, provisional };
}

export async function recomputeDue(deps: Deps, input: DueInput, issuedRevision: number) {
  const issued = await computeDue(deps, input, issuedRevision);
  const current = await computeDue(deps, input);
  return {
    issued: { dueAt: issued.dueAt, calendarVersion: issued.calendarVersion },
    current: { dueAt: current.dueAt, calendarVersion: current.calendarVersion },
    changed: issued.dueAt !== current.dueAt,
    explanation: current.explanation,
  };
}
