// Which procedures a province publishes as receivable at any of its desks (tiếp nhận không phụ thuộc
// địa giới hành chính): set by the province's administrators for their own province, read by intake.
import type { Database } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { fail } from './catalog.errors.ts';
import { auditProcedure, getProcedureRow } from './catalog.repository.ts';
import { provinceOfPath } from '../../../common/org/paths.ts';

const provinceOf = provinceOfPath;

/** The provinces the caller administers. */
function administered(actor: Actor): string[] {
  return [
    ...new Set(actor.grants.filter((g) => g.role === 'province-admin').map((g) => provinceOf(g.unitPath))),
  ];
}

export async function getReceivableAnywhere(deps: Deps, actor: Actor, code: string) {
  const proc = await getProcedureRow(deps.db, code);
  const provinces = [...new Set(actor.grants.map((g) => provinceOf(g.unitPath)))];
  const rows = await deps.db
    .selectFrom('procedure_receivable_anywhere')
    .select(['province_code', 'since'])
    .where('procedure_id', '=', proc.procedure_id)
    .where('province_code', 'in', provinces.length > 0 ? provinces : ['--'])
    .execute();
  return { provinces: rows.map((r) => ({ provinceCode: r.province_code, since: String(r.since) })) };
}

/** Publishes (or withdraws) the procedure as receivable at any desk of the administrator's province. */
export async function setReceivableAnywhere(
  deps: Deps,
  actor: Actor,
  input: { code: string; receivableAnywhere: boolean; requestId: string },
) {
  const provinces = administered(actor);
  if (provinces.length !== 1) throw fail('CATALOG_EDIT_FORBIDDEN');
  const province = provinces[0]!;
  const proc = await getProcedureRow(deps.db, input.code);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (input.receivableAnywhere) {
      await trx
        .insertInto('procedure_receivable_anywhere')
        .values({
          procedure_id: proc.procedure_id,
          province_code: province,
          since: vnDate(now),
          set_by: actor.userId,
          set_at: now,
        })
        .onConflict((oc) => oc.columns(['procedure_id', 'province_code']).doNothing())
        .execute();
    } else {
      await trx
        .deleteFrom('procedure_receivable_anywhere')
        .where('procedure_id', '=', proc.procedure_id)
        .where('province_code', '=', province)
        .execute();
    }
    await auditProcedure(
      trx,
      actor,
      {
        action: 'procedure.receivable-anywhere',
        code: input.code,
        details: { provinceCode: province, receivableAnywhere: input.receivableAnywhere },
        requestId: input.requestId,
      },
      now,
    );
  });
  return getReceivableAnywhere(deps, actor, input.code);
}

/** Whether `procedureCode` may be received at any desk of `provinceCode` (intake's fallback rule). */
export async function receivableAnywhereIn(
  db: Database,
  procedureCode: string,
  provinceCode: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('procedure_receivable_anywhere as r')
    .innerJoin('procedures as p', 'p.procedure_id', 'r.procedure_id')
    .select('r.province_code')
    .where('p.code', '=', procedureCode)
    .where('r.province_code', '=', provinceCode)
    .executeTakeFirst();
  return row !== undefined;
}
