// The calendar revision series (docs/adr/0013-province-calendars.md). One global, gap-free revision
// number orders every change: the national schedule's years (province_code NULL) and each province's
// own additions (province_code '01', '48' …). The calendar of province P at revision R = for each
// supported year, its latest national row with revision <= R (else the schedule shipped with the
// engine), with P's latest row of that year with revision <= R added (applyProvinceOverlay). A due time
// records R; its competent agency's province names the rest.
import { sql, type Expression, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import {
  applyProvinceOverlay,
  createWorkCalendar,
  defaultCalendarYear,
  officialCalendarYear,
  type CalendarYear,
  type ProvinceDay,
  type ProvinceOverlay,
  type WorkCalendar,
} from '../../../common/working-time/index.ts';
import { SUPPORTED_CALENDAR_YEARS } from '../../../common/contracts/calendar.ts';
import { fail } from './calendar.errors.ts';

/** `db` is the executor to read with: inside a transaction, pass it (PGlite has one session). */
export type Executor = Deps['db'] | Transaction<DB>;

/** Taken by every writer of the series: the revision stays gap-free and version checks hold. */
export const CALENDAR_LOCK = 7_357_002;

/** A province's code: the first segment of a unit path (`/01/002/00070/` → `01`), or null. */
export function provinceOfPath(unitPath: string): string | null {
  const code = unitPath.split('/')[1];
  return code !== undefined && /^\d{2}$/.test(code) ? code : null;
}

/**
 * The province of an agency, as SQL (for a caller's own statement): the first segment of the path of
 * the agency's unit. The one place that knows how an agency reaches its unit.
 */
export function provinceCodeOf(agencyId: Expression<string>): RawBuilder<string | null> {
  return sql<string | null>`(SELECT split_part(cal_u.path, '/', 2) FROM agencies cal_a
    JOIN units cal_u ON cal_u.unit_id = cal_a.unit_id WHERE cal_a.agency_id = ${agencyId})`;
}

/** The province of an agency (its code, e.g. '01'), or null for an unknown agency. */
export async function provinceOfAgency(db: Executor, agencyId: string): Promise<string | null> {
  const row = await db
    .selectNoFrom(provinceCodeOf(sql`${agencyId}::bigint`).as('province'))
    .executeTakeFirst();
  return row?.province ?? null;
}

/** The provinces that have days of their own in some year (revision rows with their code). */
export async function provincesWithOwnDays(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('calendar_revisions')
    .select('province_code')
    .distinct()
    .where('province_code', 'is not', null)
    .orderBy('province_code')
    .execute();
  return rows.map((r) => r.province_code!);
}

/** A province (a level-1 unit) by its code, or undefined. */
export async function findProvince(
  db: Executor,
  code: string,
): Promise<{ code: string; name: string } | undefined> {
  return db
    .selectFrom('units')
    .select(['code', 'name'])
    .where('path', '=', `/${code}/`)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

export type LoadedCalendar = {
  revision: number;
  /** The province whose additions are in the calendar; null: the national schedule alone. */
  province: string | null;
  years: CalendarYear[];
  calendar: WorkCalendar;
};

const cache = new WeakMap<object, Map<string, LoadedCalendar>>();
const CACHE_LIMIT = 64;

/** The schedule a year has before any row: the one shipped with the engine, else derived from the law. */
export function shippedYear(year: number): CalendarYear {
  return officialCalendarYear(year) ?? defaultCalendarYear(year);
}

export async function currentRevision(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('calendar_revisions')
    .select((eb) => eb.fn.max('revision').as('r'))
    .executeTakeFirst();
  return row?.r ?? 0;
}

/**
 * The calendar of a province (null: the national schedule alone) at a revision (default: the current
 * one), cached per database.
 */
export async function loadCalendar(
  deps: Deps,
  at: { province: string | null; revision?: number | undefined },
  db: Executor = deps.db,
): Promise<LoadedCalendar> {
  const latest = await currentRevision(db);
  const r = at.revision ?? latest;
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
  return calendarAt(deps, { province: at.province, revision: r }, db);
}

type Row = {
  year: number;
  year_version: number;
  provisional: boolean;
  holidays: unknown[];
  working_days: unknown[];
  province_code: string | null;
};

function nationalOf(row: Row): CalendarYear {
  return {
    year: row.year,
    version: row.year_version,
    provisional: row.provisional,
    holidays: row.holidays as CalendarYear['holidays'],
    workingDays: row.working_days as CalendarYear['workingDays'],
  };
}

export function overlayOf(row: Pick<Row, 'holidays' | 'working_days'>): ProvinceOverlay {
  return { daysOff: row.holidays as ProvinceDay[], workingDays: row.working_days as ProvinceDay[] };
}

/** The calendar at a revision known to exist, from the per-database cache or read once. */
export async function calendarAt(
  deps: Deps,
  at: { province: string | null; revision: number },
  db: Executor,
): Promise<LoadedCalendar> {
  const { province, revision: r } = at;
  let perDb = cache.get(deps.db);
  if (!perDb) {
    perDb = new Map();
    cache.set(deps.db, perDb);
  }
  const key = `${province ?? ''}|${r}`;
  const hit = perDb.get(key);
  if (hit) return hit;
  const rows = await db
    .selectFrom('calendar_revisions')
    .select(['year', 'year_version', 'provisional', 'holidays', 'working_days', 'province_code'])
    .where('revision', '<=', r)
    .where((eb) =>
      province === null
        ? eb('province_code', 'is', null)
        : eb.or([eb('province_code', 'is', null), eb('province_code', '=', province)]),
    )
    .orderBy('revision')
    .execute();
  const national = new Map<number, CalendarYear>();
  const own = new Map<number, ProvinceOverlay>();
  for (const row of rows) {
    if (row.province_code === null) national.set(row.year, nationalOf(row));
    else own.set(row.year, overlayOf(row));
  }
  const years: CalendarYear[] = [];
  for (let y = SUPPORTED_CALENDAR_YEARS.min; y <= SUPPORTED_CALENDAR_YEARS.max; y++) {
    const base = national.get(y) ?? shippedYear(y);
    const overlay = own.get(y);
    years.push(overlay ? applyProvinceOverlay(base, overlay) : base);
  }
  const loaded = { revision: r, province, years, calendar: createWorkCalendar(years) };
  if (perDb.size >= CACHE_LIMIT) perDb.delete(perDb.keys().next().value!);
  perDb.set(key, loaded);
  return loaded;
}

/** The latest row of a series' year (national: province null), or undefined. */
export async function latestYearRow(
  db: Executor,
  series: { province: string | null; year: number },
): Promise<(Row & { revision: number }) | undefined> {
  return db
    .selectFrom('calendar_revisions')
    .select(['revision', 'year', 'year_version', 'provisional', 'holidays', 'working_days', 'province_code'])
    .where('year', '=', series.year)
    .where((eb) =>
      series.province === null ? eb('province_code', 'is', null) : eb('province_code', '=', series.province),
    )
    .orderBy('year_version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The next revision of the series; call it holding CALENDAR_LOCK. */
export async function nextRevision(trx: Transaction<DB>): Promise<number> {
  return (await currentRevision(trx)) + 1;
}
