// The agencies a desk officer may receive a procedure for: those offering it that one of the officer's
// desks reaches (deskMayReceiveFor, the rule intake enforces), each with the desk that receives for it.
// The desk intake page lists these, so an officer is not offered an agency the intake would refuse.
import type { Deps } from '../../../deps.ts';
import type { Actor } from '../../../platform/actor.ts';
import { deskMayReceiveFor, provinceOfPath } from '../dossier-access.policy.ts';
import { receivableAnywhereIn } from '../../catalog/index.ts';
import { selectAgencyRows } from '../dossier.repository.ts';
import { fail } from '../dossiers.errors.ts';
import { unitTrails } from '../../org/index.ts';
import type { PlaceStep } from '../../../../common/contracts/org.ts';
import { vnDate } from '../../../../common/time/vn-time.ts';

export type ReceivableAgency = {
  code: string;
  name: string;
  unitCode: string;
  deskAgencyCode: string;
  trail: PlaceStep[];
};

export async function receivableAgencies(
  deps: Deps,
  actor: Actor,
  procedureCode: string,
): Promise<{ items: ReceivableAgency[] }> {
  const desks = actor.grants.filter((g) => g.role === 'desk-officer');
  if (desks.length === 0) throw fail('DOSSIER_DESK_ONLY');
  const [offering, kinds] = await Promise.all([
    selectAgencyRows(deps.db)
      .innerJoin('procedure_offerings as o', 'o.agency_id', 'a.agency_id')
      .innerJoin('procedures as p', 'p.procedure_id', 'o.procedure_id')
      .where('p.code', '=', procedureCode)
      .where('a.valid_to', 'is', null)
      .orderBy('a.code')
      .execute(),
    deps.db
      .selectFrom('agencies')
      .select(['agency_id', 'kind'])
      .where(
        'agency_id',
        'in',
        desks.map((d) => d.agencyId),
      )
      .execute(),
  ]);
  const kindOf = new Map(kinds.map((k) => [k.agency_id, k.kind]));
  const trails = await unitTrails(
    deps.db,
    offering.map((a) => a.unit_path),
    vnDate(deps.clock.now()),
  );
  // The provinces of the officer's desks that publish the procedure as receivable at any desk.
  const provinces = [...new Set(desks.map((d) => provinceOfPath(d.unitPath)))];
  const anywhere = new Set<string>();
  for (const p of provinces) if (await receivableAnywhereIn(deps.db, procedureCode, p)) anywhere.add(p);
  const items: ReceivableAgency[] = [];
  for (const agency of offering) {
    // The officer's desk at the agency itself first, as intake picks it when none is named.
    const province = provinceOfPath(agency.unit_path);
    const desk =
      desks.find((d) => d.agencyId === agency.agency_id && deskMayReceiveFor(d, agency, null)) ??
      desks.find((d) => deskMayReceiveFor(d, agency, kindOf.get(d.agencyId) ?? null)) ??
      (anywhere.has(province) ? desks.find((d) => provinceOfPath(d.unitPath) === province) : undefined);
    if (desk) {
      items.push({
        code: agency.code,
        name: agency.name,
        unitCode: agency.unit_code,
        deskAgencyCode: desk.agencyCode,
        trail: trails.get(agency.unit_path) ?? [],
      });
    }
  }
  return { items };
}
