// Office hours and due times around the pure working-time engine (common/working-time). The calendar
// of a due time is its agency's province's (calendar.repository.ts): the national schedule with that
// province's own days, at a revision; a due time records the revision, so it can be recomputed as issued.
import { sql, type Expression, type RawBuilder } from 'kysely';
import { preparedQuery, type Database } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import {
  WorkingTimeError,
  addWorkingTime,
  defaultOfficeHours,
  validateOfficeHours,
  type DueTime,
  type Duration,
  type OfficeHours,
} from '../../../common/working-time/index.ts';
import { SUPPORTED_CALENDAR_YEARS } from '../../../common/contracts/calendar.ts';
import { canReachAgency, findAgencyByCode } from '../org/index.ts';
import {
  calendarAt,
  loadCalendar,
  provinceCodeOf,
  provinceOfAgency,
  type Executor,
  type LoadedCalendar,
} from './calendar.repository.ts';
import { fail } from './calendar.errors.ts';

/** The national schedule of a year (the same for every province), with the current revision. */
export async function getCalendarYear(deps: Deps, year: number) {
  const loaded = await loadCalendar(deps, { province: null });
  const y = loaded.years.find((c) => c.year === year)!;
  return { ...y, calendarVersion: loaded.revision };
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

// A named statement (db/client.ts): intake asks on every dossier it receives. The agency's id is its
// one parameter, named once (k.agency_id) for the hours and the province.
const workingTimeQuery = preparedQuery('working-time', (db: Database, agencyId: string) =>
  db
    .selectFrom(sql<{ agency_id: string }>`(SELECT ${agencyId}::bigint AS agency_id)`.as('k'))
    .select(workingTimeRead(sql.ref('k.agency_id')).as('wt')),
);

/**
 * What a due time needs: the calendar of the agency's province and the agency's office hours, with the
 * revision, the province and the hours in one read (the calendar itself comes from the cache). All can
 * change at any time, so nothing here is cached without its revision.
 */
export async function workingTimeFor(
  deps: Deps,
  agencyId: string,
  db: Executor = deps.db,
): Promise<{ calendar: LoadedCalendar; hours: OfficeHours }> {
  const [row] = await workingTimeQuery(db, agencyId);
  if (!row) throw new Error('no row from a select without from');
  return workingTimeFrom(deps, row.wt, db);
}

/**
 * What `workingTimeFor` reads, as one JSON value of a caller's read: the revision, the agency's
 * province and its hours.
 */
export type WorkingTimeRead = { revision: number | null; province: string | null; hours: OfficeHours | null };

/**
 * The read of `workingTimeFor` as an expression for a caller's own statement (intake reads it with the
 * procedure and the agency, one round trip fewer); `workingTimeFrom` takes its value.
 */
export function workingTimeRead(agencyId: Expression<string>): RawBuilder<WorkingTimeRead> {
  return sql<WorkingTimeRead>`jsonb_build_object(
    'revision', (SELECT max(revision) FROM calendar_revisions),
    'province', ${provinceCodeOf(agencyId)},
    'hours', (SELECT hours FROM office_hours WHERE agency_id = ${agencyId}))`;
}

/** The working time from the revision, province and hours read (the calendar from the cache, or read once). */
export async function workingTimeFrom(
  deps: Deps,
  row: WorkingTimeRead,
  db: Executor = deps.db,
): Promise<{ calendar: LoadedCalendar; hours: OfficeHours }> {
  return {
    calendar: await calendarAt(deps, { province: row.province ?? null, revision: row.revision ?? 0 }, db),
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
): Promise<DueTime & { calendarVersion: number; provinceCode: string | null; provisional: boolean }> {
  checkStart(input.start);
  checkValue(input.value, input.unit);
  const agency = input.agencyCode ? await agencyOrFail(deps, input.agencyCode, 'query/agencyCode') : null;
  const hours = agency ? (await getOfficeHours(deps, agency.agency_id)).hours : defaultOfficeHours();
  // The agency's province's own days count; without an agency, the national schedule alone.
  const province = agency ? await provinceOfAgency(deps.db, agency.agency_id) : null;
  const loaded = await loadCalendar(deps, { province, revision });
  let due: DueTime;
  try {
    due = addWorkingTime(input.start, { value: input.value, unit: input.unit }, loaded.calendar, { hours });
  } catch (err) {
    engineError(err);
  }
  const touched = new Set([new Date(input.start).getUTCFullYear(), new Date(due.dueAt).getUTCFullYear()]);
  const provisional = loaded.years.some((y) => touched.has(y.year) && y.provisional);
  return { ...due, calendarVersion: loaded.revision, provinceCode: province, provisional };
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
