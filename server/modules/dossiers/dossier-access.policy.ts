// Who may see a dossier and in which relation the caller stands to it: staff reaching an agency it
// involves, its applicant, the system. Every module that reads a dossier for a caller goes through
// getVisibleDossier, so "no such dossier" and "not yours" answer the same 404.
import type { Database } from '../../db/client.ts';
import type { Actor, Caller, CitizenActor, Grant } from '../../platform/actor.ts';
import type { Role } from '../../../common/auth/roles.ts';
import type { ActorRelation, DossierState } from '../../../common/dossiers/index.ts';
import { grantReachesAgency, grantsForAgency } from '../org/index.ts';
import { agencyRows, loadRow, type AgencyRow, type DossierRow, type Executor } from './dossier.repository.ts';
import { fail } from './dossiers.errors.ts';
import { provinceOfPath } from '../../../common/org/paths.ts';

/** The dossier by code when the caller may see it; DOSSIER_NOT_FOUND (404) when it is absent or not theirs. */
export async function getVisibleDossier(db: Database, caller: Caller, code: string): Promise<DossierRow> {
  const row = await loadRow(db, code);
  if (!row || !(await callerCanSee(db, caller, row))) throw fail('DOSSIER_NOT_FOUND', { params: { code } });
  return row;
}

/** An auditor reads every dossier in reach and acts on none. */
export const isReadOnly = (caller: Caller): boolean =>
  caller.kind === 'staff' && caller.actor.grants.every((g) => g.role === 'auditor');

function rolesAt(actor: Actor, agency: AgencyRow | undefined): Role[] {
  if (!agency) return [];
  return [
    ...new Set(
      actor.grants
        .filter(
          (g) =>
            g.role !== 'auditor' &&
            grantReachesAgency(g, { agencyPath: agency.path, unitPath: agency.unit_path }),
        )
        .map((g) => g.role),
    ),
  ];
}

type RelationRow = Pick<
  DossierRow,
  'receiving_agency_id' | 'competent_agency_id' | 'current_agency_id' | 'step_agencies'
>;

export function stepAgencyOf(row: RelationRow, state: DossierState): string {
  return row.step_agencies[state.step.index]?.agencyId ?? row.current_agency_id;
}

/** The actor's roles at the agencies the dossier involves, from their rows (`agencies` holds them). */
export function relationFrom(
  actor: Actor,
  agencies: Map<string, AgencyRow>,
  row: RelationRow,
  state: DossierState,
): ActorRelation {
  return {
    isApplicant: false,
    rolesAtReceivingAgency: rolesAt(actor, agencies.get(row.receiving_agency_id)),
    rolesAtStepAgency: rolesAt(actor, agencies.get(stepAgencyOf(row, state))),
    rolesAtResponsibleAgency: rolesAt(actor, agencies.get(row.competent_agency_id)),
  };
}

async function relationOf(
  db: Executor,
  actor: Actor,
  row: RelationRow,
  state: DossierState,
): Promise<ActorRelation> {
  const ids = [row.receiving_agency_id, row.competent_agency_id, stepAgencyOf(row, state)];
  return relationFrom(actor, await agencyRows(db, ids), row, state);
}

const NO_ROLES: ActorRelation = {
  isApplicant: false,
  rolesAtReceivingAgency: [],
  rolesAtStepAgency: [],
  rolesAtResponsibleAgency: [],
};

export async function callerRelation(
  db: Executor,
  caller: Caller,
  row: DossierRow,
  state: DossierState,
): Promise<ActorRelation> {
  if (caller.kind === 'staff') return relationOf(db, caller.actor, row, state);
  if (caller.kind === 'citizen') return { ...NO_ROLES, isApplicant: isOwnDossier(caller.citizen, row) };
  return NO_ROLES;
}

/** The citizen owns the dossier: it is the applicant (by ID number) or submitted it online. */
export function isOwnDossier(
  citizen: CitizenActor,
  row: { applicant_id_number: string; submitted_by_citizen_id: string | null },
): boolean {
  return row.applicant_id_number === citizen.idNumber || row.submitted_by_citizen_id === citizen.citizenId;
}

/** Whether the caller may read the dossier: staff reaching an agency it involves, its owner, the system. */
export async function callerCanSee(db: Database, caller: Caller, row: DossierRow): Promise<boolean> {
  if (caller.kind === 'system') return true;
  if (caller.kind === 'citizen') return isOwnDossier(caller.citizen, row);
  return canSeeDossier(db, caller.actor, row.dossier_id);
}

/** Whether the actor may read the dossier: staff reaching any agency it involves. */
export async function canSeeDossier(db: Database, actor: Actor, dossierId: string): Promise<boolean> {
  const rows = await db
    .selectFrom('dossier_agencies as da')
    .innerJoin('agencies as a', 'a.agency_id', 'da.agency_id')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select(['a.path', 'u.path as unit_path'])
    .where('da.dossier_id', '=', dossierId)
    .execute();
  return rows.some((r) =>
    actor.grants.some((g) => grantReachesAgency(g, { agencyPath: r.path, unitPath: r.unit_path })),
  );
}

/**
 * Whether a desk officer's grant may receive, at its agency's desk, a dossier for `competent`: by the
 * reach reads use (its own agency, the agencies under it, the units below its unit), never beside or
 * above, so never in another province; and a public administration centre's desk (Trung tâm Phục vụ
 * hành chính công, `deskKind`) also for the other agencies of its own unit, whose one-stop desk it is.
 * Receiving beyond that (tiếp nhận không phụ thuộc địa giới hành chính) is for the procedures the
 * province publishes as receivable at any of its desks, within the province only (desk intake's
 * fallback, catalog's receivableAnywhereIn; docs/domain/intake.md).
 */
export function deskMayReceiveFor(
  grant: Grant,
  competent: Pick<AgencyRow, 'path' | 'unit_path'>,
  deskKind: string | null,
): boolean {
  if (grant.role !== 'desk-officer') return false;
  if (grantReachesAgency(grant, { agencyPath: competent.path, unitPath: competent.unit_path })) return true;
  return deskKind === PUBLIC_ADMINISTRATION_CENTRE && competent.unit_path.startsWith(grant.unitPath);
}

export { provinceOfPath };

/** The kind of agency whose desk receives for every agency of its unit. */
export const PUBLIC_ADMINISTRATION_CENTRE = 'public-administration-centre';

/**
 * Whether the actor is a desk officer reaching the receiving agency of a dossier: who takes its fees at
 * the desk and records the applicant's rating at the counter.
 */
export async function isReceivingDeskOfficer(
  db: Database,
  actor: Actor,
  receivingAgencyId: string,
): Promise<boolean> {
  const receiving = await db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select(['a.path', 'u.path as unit_path'])
    .where('a.agency_id', '=', receivingAgencyId)
    .executeTakeFirstOrThrow();
  return (
    grantsForAgency(actor, { agencyPath: receiving.path, unitPath: receiving.unit_path }, 'write', [
      'desk-officer',
    ]).length > 0
  );
}
