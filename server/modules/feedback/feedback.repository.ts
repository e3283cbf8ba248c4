// Reads and small writes of the PAKN register (docs/domain/feedback.md): agencies as the module needs
// them, a province's settings, the code counter, the row with its agency, the history.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { addWorkingTime } from '../../../common/working-time/index.ts';
import { vnCivil } from '../../../common/time/vn-time.ts';
import type { FeedbackKind } from '../../../common/contracts/feedback.ts';
import { provinceOfAgency, workingTimeFor } from '../calendar/index.ts';

export type Executor = Kysely<DB> | Transaction<DB>;

export type AgencyInfo = {
  agency_id: string;
  code: string;
  name: string;
  agency_path: string;
  unit_path: string;
};

const agencyQuery = (db: Executor) =>
  db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select(['a.agency_id', 'a.code', 'a.name', 'a.path as agency_path', 'u.path as unit_path']);

export const agencyByCode = (db: Executor, code: string): Promise<AgencyInfo | undefined> =>
  agencyQuery(db).where('a.code', '=', code).where('a.valid_to', 'is', null).executeTakeFirst();

export const agencyById = (db: Executor, id: string): Promise<AgencyInfo | undefined> =>
  agencyQuery(db).where('a.agency_id', '=', id).executeTakeFirst();

/** The People's Committee of a unit in force (a province, commune or ward; GSO code). */
export const peoplesCommitteeOf = (db: Executor, unitCode: string): Promise<AgencyInfo | undefined> =>
  agencyQuery(db)
    .where('u.code', '=', unitCode)
    .where('u.valid_to', 'is', null)
    .where('a.kind', '=', 'people-committee')
    .where('a.valid_to', 'is', null)
    .executeTakeFirst();

/** A unit of today's map (in force) by its GSO code, with its path (`/79/27142/`). */
export const unitInForce = (db: Executor, code: string) =>
  db
    .selectFrom('units')
    .select(['code', 'name', 'path'])
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();

/** An agency of the unit (path `/79/` or `/79/27142/`) or below offering the procedure (the highest first). */
export const offeringAgency = (
  db: Executor,
  procedureCode: string,
  unitPath: string,
): Promise<AgencyInfo | undefined> =>
  agencyQuery(db)
    .innerJoin('procedure_offerings as o', 'o.agency_id', 'a.agency_id')
    .innerJoin('procedures as p', 'p.procedure_id', 'o.procedure_id')
    .where('p.code', '=', procedureCode)
    .where('u.path', 'like', `${unitPath}%`)
    .where('a.valid_to', 'is', null)
    .orderBy(sql`length(a.path)`)
    .orderBy('a.agency_id')
    .executeTakeFirst();

export type KindSettings = { answerDays: 5 | 7 | 10; urgentHours: number; transferDays: number };
/** Ninh Bình QĐ 163/2025 Điều 19 (10 working days); Hà Nội QĐ 1207/2025 (8 working hours); NĐ 20 Điều 9 (5). */
export const DEFAULT_SETTINGS: KindSettings = { answerDays: 10, urgentHours: 8, transferDays: 5 };

export async function settingsOf(db: Executor, provinceCode: string) {
  const rows = await db
    .selectFrom('feedback_settings')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .execute();
  const of = (kind: FeedbackKind): KindSettings => {
    const r = rows.find((x) => x.kind === kind);
    return r
      ? {
          answerDays: r.answer_days as KindSettings['answerDays'],
          urgentHours: r.urgent_hours,
          transferDays: r.transfer_days,
        }
      : DEFAULT_SETTINGS;
  };
  return {
    'phan-anh': of('phan-anh'),
    'kien-nghi': of('kien-nghi'),
    version: rows.reduce((v, r) => Math.max(v, r.version), 0),
  };
}

/**
 * The due times of a PAKN whose clock starts at `start` at `agencyId`: the answer (the province's limit
 * for the kind, or its urgent limit in working hours) and the transfer limit, in the agency's working time.
 */
export async function dueTimes(
  deps: Deps,
  db: Executor,
  at: { agencyId: string; kind: FeedbackKind; urgent: boolean; start: Date },
): Promise<{ dueAt: Date; transferDueAt: Date }> {
  const province = (await provinceOfAgency(db, at.agencyId)) ?? '';
  const s = (await settingsOf(db, province))[at.kind];
  const { calendar, hours } = await workingTimeFor(deps, at.agencyId, db);
  const add = (value: number, unit: 'working-day' | 'working-hour') =>
    new Date(addWorkingTime(at.start, { value, unit }, calendar.calendar, { hours, explain: false }).dueAt);
  return {
    dueAt: at.urgent ? add(s.urgentHours, 'working-hour') : add(s.answerDays, 'working-day'),
    transferDueAt: add(s.transferDays, 'working-day'),
  };
}

/** The next code of the day `now` falls on (Vietnam's civil day): PAKN.yyyyMMdd.seq, gap-free. */
export async function nextCode(trx: Transaction<DB>, now: Date): Promise<string> {
  const c = vnCivil(now);
  const day = `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
  const row = await trx
    .insertInto('feedback_code_counters')
    .values({ day, last_value: 1 })
    .onConflict((oc) =>
      oc.column('day').doUpdateSet({ last_value: sql`feedback_code_counters.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return `PAKN.${day.replaceAll('-', '')}.${String(row.last_value).padStart(4, '0')}`;
}

/** The row of a PAKN with its agency, or undefined. */
export const findFeedback = (db: Executor, code: string) =>
  db
    .selectFrom('feedback as f')
    .innerJoin('agencies as a', 'a.agency_id', 'f.agency_id')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .selectAll('f')
    .select([
      'a.code as agency_code',
      'a.name as agency_name',
      'a.path as agency_path',
      'u.path as unit_path',
    ])
    .where('f.code', '=', code)
    .executeTakeFirst();
export type FeedbackRowRead = NonNullable<Awaited<ReturnType<typeof findFeedback>>>;

/** Appends one history entry (append-only). `details` never carries the sender's personal data. */
export async function appendHistory(
  trx: Transaction<DB>,
  entry: {
    feedbackId: string;
    action: string;
    userId: string | null;
    label: string;
    at: Date;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await trx
    .insertInto('feedback_actions')
    .values({
      feedback_id: entry.feedbackId,
      action: entry.action,
      user_id: entry.userId,
      actor_label: entry.label,
      at: entry.at,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
