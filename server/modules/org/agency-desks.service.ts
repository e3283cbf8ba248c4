// An agency's receiving points (bộ phận tiếp nhận và trả kết quả, the `desks` table): listed for anyone
// reaching the agency; added, renamed and removed by unit and province administrators reaching it
// (#16.2), each change audited on the agency's chain. An agency keeps a desk while it has desk
// officers: they receive there.
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { DeskList, DeskView } from '../../../common/contracts/org-registry.ts';
import { fail } from './org.errors.ts';
import { requireAgencyChange } from './agency-registry.policy.ts';
import { readableAgency, targetOf } from './agency-registry.service.ts';
import { isOpen, normaliseName, todayOf, type AgencyRow, type Executor } from './agency-registry.store.ts';

async function deskList(db: Executor, agency: AgencyRow): Promise<DeskList> {
  const rows = await db
    .selectFrom('desks')
    .select(['desk_id', 'name'])
    .where('agency_id', '=', agency.agency_id)
    .orderBy('desk_id')
    .execute();
  return { agencyCode: agency.code, items: rows.map((d) => ({ id: d.desk_id, name: d.name })) };
}

export async function listDesks(deps: Deps, actor: Actor, code: string): Promise<DeskList> {
  return deskList(deps.db, await readableAgency(deps.db, actor, code));
}

function requireOpen(agency: AgencyRow, day: string): void {
  if (!isOpen(agency, day)) {
    throw fail('ORG_AGENCY_CLOSED', { params: { code: agency.code, validTo: agency.valid_to ?? '' } });
  }
}

const nameTaken = (err: unknown, name: string): never => {
  if (isUniqueViolation(err)) throw fail('ORG_DESK_NAME_TAKEN', { params: { name } });
  throw err;
};

export async function addDesk(
  deps: Deps,
  actor: Actor,
  input: { code: string; name: string; requestId: string },
): Promise<DeskView> {
  const agency = await readableAgency(deps.db, actor, input.code);
  requireAgencyChange(actor, targetOf(agency), 'desks');
  const day = todayOf(deps);
  requireOpen(agency, day);
  const name = normaliseName(input.name);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('desks')
      .values({ agency_id: agency.agency_id, name })
      .returning('desk_id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => nameTaken(err, name));
    await appendAudit(
      trx,
      actor,
      {
        action: 'agency.desk.create',
        entityType: 'desk',
        entityId: row.desk_id,
        chain: agency.agency_id,
        requestId: input.requestId,
        details: { agencyCode: agency.code, on: day, after: { name } },
      },
      deps.clock.now(),
    );
    return { id: row.desk_id, name };
  });
}

/** The desk and its agency, for a change by `actor`: 404 when the caller does not even reach it. */
async function changeableDesk(deps: Deps, actor: Actor, id: string) {
  const desk = await deps.db
    .selectFrom('desks as d')
    .innerJoin('agencies as a', 'a.agency_id', 'd.agency_id')
    .select(['d.desk_id', 'd.name', 'a.code'])
    .where('d.desk_id', '=', id)
    .executeTakeFirst();
  if (!desk) throw fail('ORG_DESK_NOT_FOUND');
  const agency = await readableAgency(deps.db, actor, desk.code).catch((err: unknown) => {
    // A desk of an agency out of reach is not named to the caller.
    throw (err as { reason?: string }).reason === 'ORG_AGENCY_OUT_OF_REACH'
      ? fail('ORG_DESK_NOT_FOUND')
      : err;
  });
  requireAgencyChange(actor, targetOf(agency), 'desks');
  return { desk, agency };
}

export async function renameDesk(
  deps: Deps,
  actor: Actor,
  input: { id: string; name: string; requestId: string },
): Promise<DeskView> {
  const { desk, agency } = await changeableDesk(deps, actor, input.id);
  const day = todayOf(deps);
  requireOpen(agency, day);
  const name = normaliseName(input.name);
  if (name === desk.name) return { id: desk.desk_id, name };
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('desks')
      .set({ name })
      .where('desk_id', '=', desk.desk_id)
      .execute()
      .catch((err: unknown) => nameTaken(err, name));
    await appendAudit(
      trx,
      actor,
      {
        action: 'agency.desk.rename',
        entityType: 'desk',
        entityId: desk.desk_id,
        chain: agency.agency_id,
        requestId: input.requestId,
        details: { agencyCode: agency.code, on: day, before: { name: desk.name }, after: { name } },
      },
      deps.clock.now(),
    );
    return { id: desk.desk_id, name };
  });
}

export async function deleteDesk(
  deps: Deps,
  actor: Actor,
  input: { id: string; requestId: string },
): Promise<void> {
  const { desk, agency } = await changeableDesk(deps, actor, input.id);
  const day = todayOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    // The agency's desks locked: two removals at once cannot both leave it without one.
    const desks = await trx
      .selectFrom('desks')
      .select('desk_id')
      .where('agency_id', '=', agency.agency_id)
      .forUpdate()
      .execute();
    if (!desks.some((d) => d.desk_id === desk.desk_id)) throw fail('ORG_DESK_NOT_FOUND');
    if (desks.length === 1) {
      const officers = await trx
        .selectFrom('user_roles')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('agency_id', '=', agency.agency_id)
        .where('role', '=', 'desk-officer')
        .executeTakeFirstOrThrow();
      if (Number(officers.n) > 0) {
        throw fail('ORG_DESK_LAST_WITH_OFFICERS', { params: { officers: Number(officers.n) } });
      }
    }
    await trx.deleteFrom('desks').where('desk_id', '=', desk.desk_id).execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'agency.desk.delete',
        entityType: 'desk',
        entityId: desk.desk_id,
        chain: agency.agency_id,
        requestId: input.requestId,
        details: { agencyCode: agency.code, on: day, before: { name: desk.name } },
      },
      deps.clock.now(),
    );
  });
}
