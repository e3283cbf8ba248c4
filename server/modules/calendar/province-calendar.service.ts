// A province's own extra days off and make-up working days, added to the national schedule for the
// agencies of that province, and changed only by a province administrator of that province
// (docs/adr/0013-province-calendars.md).
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { validateProvinceOverlay, type ProvinceDay } from '../../../common/working-time/index.ts';
import type { PutProvinceCalendarBody } from '../../../common/contracts/calendar.ts';
import {
  CALENDAR_LOCK,
  currentRevision,
  findProvince,
  latestYearRow,
  loadCalendar,
  nextRevision,
  overlayOf,
  provinceOfPath,
  type Executor,
} from './calendar.repository.ts';
import { fail } from './calendar.errors.ts';

/**
 * Whether the actor may change a province's days: a province-admin grant held at an agency whose
 * unit is in that province. Auditors read only; a province administrator elsewhere is refused.
 */
export function canEditProvinceCalendar(actor: Actor, provinceCode: string): boolean {
  return actor.grants.some((g) => g.role === 'province-admin' && provinceOfPath(g.unitPath) === provinceCode);
}

async function provinceOrFail(db: Executor, code: string) {
  const province = await findProvince(db, code);
  if (!province) throw fail('CALENDAR_PROVINCE_NOT_FOUND', { params: { code } });
  return province;
}

async function readOverlay(db: Executor, provinceCode: string, year: number) {
  const row = await latestYearRow(db, { province: provinceCode, year });
  return row
    ? { version: row.year_version, ...overlayOf(row) }
    : { version: 0, daysOff: [] as ProvinceDay[], workingDays: [] as ProvinceDay[] };
}

export async function getProvinceCalendar(deps: Deps, input: { provinceCode: string; year: number }) {
  const province = await provinceOrFail(deps.db, input.provinceCode);
  const overlay = await readOverlay(deps.db, province.code, input.year);
  return {
    provinceCode: province.code,
    provinceName: province.name,
    year: input.year,
    ...overlay,
    calendarVersion: await currentRevision(deps.db),
  };
}

type DayChange = { date: string; name: string };
function diffDays(before: ProvinceDay[], after: ProvinceDay[]) {
  const key = (d: ProvinceDay) => `${d.date}|${d.reason}`;
  const b = new Set(before.map(key));
  const a = new Set(after.map(key));
  const named = (d: ProvinceDay): DayChange => ({ date: d.date, name: d.reason });
  return {
    added: after.filter((d) => !b.has(key(d))).map(named),
    removed: before.filter((d) => !a.has(key(d))).map(named),
  };
}

const byDate = (a: ProvinceDay, b: ProvinceDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * Replaces a province's days of a year, checked against the national schedule in force: every problem
 * at once (400 naming each field), 409 over a stale version, one audited revision of the series.
 */
export async function replaceProvinceCalendar(
  deps: Deps,
  actor: Actor,
  input: { provinceCode: string; year: number; body: PutProvinceCalendarBody; requestId: string },
) {
  const { provinceCode, year, body, requestId } = input;
  if (!canEditProvinceCalendar(actor, provinceCode)) {
    throw fail('CALENDAR_EDIT_FORBIDDEN', { params: { province: provinceCode } });
  }
  const province = await provinceOrFail(deps.db, provinceCode);
  const trim = (d: ProvinceDay) => ({ date: d.date, reason: d.reason.trim() });
  const candidate = {
    daysOff: body.daysOff.map(trim).sort(byDate),
    workingDays: body.workingDays.map(trim).sort(byDate),
  };
  const now = deps.clock.now();
  const done = await deps.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK})`.execute(trx);
    const national = (await loadCalendar(deps, { province: null }, trx)).years.find((y) => y.year === year)!;
    // Checked as sent (the paths name the rows of the body), against the national schedule in force.
    const problems = validateProvinceOverlay(national, {
      daysOff: body.daysOff.map(trim),
      workingDays: body.workingDays.map(trim),
    });
    if (problems.length > 0) {
      throw fail('PROVINCE_CALENDAR_INVALID', {
        details: problems.map((p) => ({ path: `body/${p.path}`, message: p.message, code: p.code })),
      });
    }
    const before = await readOverlay(trx, province.code, year);
    if (body.version !== before.version) {
      throw fail('CALENDAR_YEAR_STALE_VERSION', {
        params: { year, version: before.version },
        details: [{ path: 'body/version', message: `Phiên bản hiện tại là ${before.version}.` }],
      });
    }
    const revision = await nextRevision(trx);
    const version = before.version + 1;
    await trx
      .insertInto('calendar_revisions')
      .values({
        revision,
        province_code: province.code,
        year,
        year_version: version,
        provisional: false,
        holidays: JSON.stringify(candidate.daysOff),
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
        action: 'calendar.province-year-replaced',
        entityType: 'province_calendar',
        entityId: `${province.code}/${year}`,
        details: {
          revision,
          yearVersion: version,
          daysOff: candidate.daysOff,
          workingDays: candidate.workingDays,
          note: body.note ?? null,
        },
        requestId,
      },
      now,
    );
    return { revision, version, before };
  });
  const off = diffDays(done.before.daysOff, candidate.daysOff);
  const work = diffDays(done.before.workingDays, candidate.workingDays);
  return {
    calendar: {
      provinceCode: province.code,
      provinceName: province.name,
      year,
      version: done.version,
      ...candidate,
      calendarVersion: done.revision,
    },
    changes: {
      daysOffAdded: off.added,
      daysOffRemoved: off.removed,
      workingDaysAdded: work.added,
      workingDaysRemoved: work.removed,
    },
  };
}
