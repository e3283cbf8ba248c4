// Which agencies of the province carry out a procedure (its offerings).
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import type { ErrorDetail } from '../../platform/errors.ts';
import { canReachAgency } from '../org/index.ts';
import { fail } from './catalog.errors.ts';
import { CATALOGUE_EDITORS, requireCatalogueEditor } from './catalog.policy.ts';
import { auditProcedure, getProcedureRow } from './catalog.repository.ts';

export async function setOfferings(
  deps: Deps,
  actor: Actor,
  input: { code: string; agencyCodes: string[]; requestId: string },
) {
  const { code, agencyCodes, requestId } = input;
  requireCatalogueEditor(actor);
  const proc = await getProcedureRow(deps.db, code);
  const agencies = await deps.db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select(['a.agency_id', 'a.code', 'a.path', 'u.path as unit_path'])
    .where('a.code', 'in', agencyCodes.length > 0 ? agencyCodes : ['-'])
    .execute();
  const found = new Map(agencies.map((a) => [a.code, a]));
  const problems: ErrorDetail[] = [];
  agencyCodes.forEach((c, i) => {
    const a = found.get(c);
    if (!a) problems.push({ path: `body/agencyCodes/${i}`, message: `Không có cơ quan mã ${c}.` });
    else if (
      !canReachAgency(actor, { agencyPath: a.path, unitPath: a.unit_path }, 'write', CATALOGUE_EDITORS)
    ) {
      problems.push({ path: `body/agencyCodes/${i}`, message: `Cơ quan ${c} nằm ngoài phạm vi của bạn.` });
    }
  });
  if (problems.length > 0) throw fail('CATALOG_INVALID_INPUT', { details: problems });
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // Only the editor's own province is replaced: offerings elsewhere are another province's data.
    const mine = await trx
      .selectFrom('procedure_offerings as o')
      .innerJoin('agencies as a', 'a.agency_id', 'o.agency_id')
      .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
      .select(['o.agency_id', 'a.path', 'u.path as unit_path'])
      .where('o.procedure_id', '=', proc.procedure_id)
      .execute();
    const removable = mine
      .filter((o) =>
        canReachAgency(actor, { agencyPath: o.path, unitPath: o.unit_path }, 'write', CATALOGUE_EDITORS),
      )
      .map((o) => o.agency_id);
    if (removable.length > 0) {
      await trx
        .deleteFrom('procedure_offerings')
        .where('procedure_id', '=', proc.procedure_id)
        .where('agency_id', 'in', removable)
        .execute();
    }
    if (agencies.length > 0) {
      await trx
        .insertInto('procedure_offerings')
        .values(
          agencies.map((a) => ({ procedure_id: proc.procedure_id, agency_id: a.agency_id, created_at: now })),
        )
        .onConflict((oc) => oc.columns(['procedure_id', 'agency_id']).doNothing())
        .execute();
    }
    await auditProcedure(
      trx,
      actor,
      { action: 'procedure.offerings-set', code, details: { agencyCodes }, requestId },
      now,
    );
  });
  return { agencyCodes: [...agencyCodes].sort() };
}
