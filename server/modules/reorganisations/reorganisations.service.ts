// Reorganisations read and acknowledged: the preview of a plan, the reorganisations within reach with
// their hand-overs, and the successor's acknowledgement of a hand-over (audited).
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import type {
  HandoverView,
  Moved,
  ReorganisationPlan,
  ReorganisationPreview,
  ReorganisationView,
} from '../../../common/contracts/reorganisations.ts';
import { canReachAgency } from '../org/index.ts';
import { countMoves, resolvePlan, sumMoves } from './reorganisation.plan.ts';
import { fail } from './reorganisations.errors.ts';
import type { Executor } from './reorganisation.types.ts';

const ACKNOWLEDGERS = ['leader', 'unit-admin', 'province-admin'] as const;

export async function previewReorganisation(
  deps: Deps,
  actor: Actor,
  plan: ReorganisationPlan,
): Promise<ReorganisationPreview> {
  const r = await resolvePlan(deps.db, actor, plan);
  const moves = await countMoves(
    deps.db,
    r.handovers.map((h) => h.from.agency_id),
  );
  const handovers = r.handovers.map((h) => ({
    from: { code: h.from.code, name: h.from.name },
    to: { code: h.to.code, name: h.to.name },
    moves: moves.get(h.from.agency_id)!,
  }));
  return {
    effectiveOn: plan.effectiveOn,
    handovers,
    totals: sumMoves(moves.values()),
    newUnits: r.newUnits.length,
    endedUnits: r.endedUnits.length,
    newAgencies: r.newAgencies.length,
  };
}

function handoverRows(db: Executor, ids: string[]) {
  return db
    .selectFrom('reorganisation_handovers as h')
    .innerJoin('agencies as f', 'f.agency_id', 'h.from_agency_id')
    .innerJoin('agencies as t', 't.agency_id', 'h.to_agency_id')
    .innerJoin('units as tu', 'tu.unit_id', 't.unit_id')
    .leftJoin('users as u', 'u.user_id', 'h.acknowledged_by')
    .select([
      'h.handover_id',
      'h.reorganisation_id',
      'f.code as from_code',
      'f.name as from_name',
      't.code as to_code',
      't.name as to_name',
      't.path as to_path',
      'tu.path as to_unit_path',
      'h.open_dossiers',
      'h.acknowledged_at',
      'u.full_name as acknowledged_by',
    ])
    .where('h.reorganisation_id', 'in', ids.length > 0 ? ids : ['0'])
    .orderBy('h.handover_id')
    .execute();
}

type HandoverRow = Awaited<ReturnType<typeof handoverRows>>[number];

const presentHandover = (h: HandoverRow): HandoverView => ({
  id: h.handover_id,
  from: { code: h.from_code, name: h.from_name },
  to: { code: h.to_code, name: h.to_name },
  openDossiers: h.open_dossiers,
  acknowledgedAt: h.acknowledged_at === null ? null : new Date(h.acknowledged_at).toISOString(),
  acknowledgedBy: h.acknowledged_by,
});

const sees = (actor: Actor, h: HandoverRow) =>
  canReachAgency(actor, { agencyPath: h.to_path, unitPath: h.to_unit_path }, 'read');

/** The reorganisations whose hand-overs reach an agency the caller reaches, newest first. */
export async function listReorganisations(
  deps: Deps,
  actor: Actor,
  only?: string,
): Promise<ReorganisationView[]> {
  const rows = await deps.db
    .selectFrom('reorganisations as r')
    .leftJoin('users as u', 'u.user_id', 'r.applied_by')
    .select([
      'r.reorganisation_id',
      'r.name',
      'r.basis',
      'r.effective_on',
      'r.applied_at',
      'r.summary',
      'u.full_name as applied_by',
    ])
    .$if(only !== undefined, (q) => q.where('r.reorganisation_id', '=', only!))
    .orderBy('r.reorganisation_id', 'desc')
    .limit(100)
    .execute();
  const handovers = await handoverRows(
    deps.db,
    rows.map((r) => r.reorganisation_id),
  );
  return rows.flatMap((r) => {
    const mine = handovers.filter((h) => h.reorganisation_id === r.reorganisation_id);
    if (!mine.some((h) => sees(actor, h))) return [];
    return [
      {
        id: r.reorganisation_id,
        name: r.name,
        basis: r.basis,
        effectiveOn: String(r.effective_on),
        appliedAt: new Date(r.applied_at).toISOString(),
        appliedBy: r.applied_by,
        totals: r.summary as unknown as Moved,
        handovers: mine.filter((h) => sees(actor, h)).map(presentHandover),
      },
    ];
  });
}

export async function getReorganisation(deps: Deps, actor: Actor, id: string): Promise<ReorganisationView> {
  const [found] = await listReorganisations(deps, actor, id);
  if (!found) throw fail('REORGANISATION_NOT_FOUND');
  return found;
}

/** The successor's leader or administrator confirms it received what was handed over. */
export async function acknowledgeHandover(
  deps: Deps,
  actor: Actor,
  input: { id: string; handoverId: string; requestId: string },
): Promise<HandoverView> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const h = await trx
      .selectFrom('reorganisation_handovers as h')
      .innerJoin('agencies as t', 't.agency_id', 'h.to_agency_id')
      .innerJoin('units as tu', 'tu.unit_id', 't.unit_id')
      .select(['h.handover_id', 'h.to_agency_id', 'h.acknowledged_at', 't.path', 'tu.path as unit_path'])
      .where('h.handover_id', '=', input.handoverId)
      .where('h.reorganisation_id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!h || !canReachAgency(actor, { agencyPath: h.path, unitPath: h.unit_path }, 'read'))
      throw fail('HANDOVER_NOT_FOUND');
    if (!canReachAgency(actor, { agencyPath: h.path, unitPath: h.unit_path }, 'write', ACKNOWLEDGERS))
      throw fail('HANDOVER_NOT_SUCCESSOR');
    if (h.acknowledged_at !== null) throw fail('HANDOVER_ALREADY_ACKNOWLEDGED');
    await trx
      .updateTable('reorganisation_handovers')
      .set({ acknowledged_at: at, acknowledged_by: actor.userId })
      .where('handover_id', '=', h.handover_id)
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'reorganisation.handover.acknowledge',
        entityType: 'reorganisation-handover',
        entityId: h.handover_id,
        details: { reorganisationId: input.id },
        requestId: input.requestId,
        chain: h.to_agency_id,
      },
      at,
    );
    const [row] = (await handoverRows(trx, [input.id])).filter((x) => x.handover_id === h.handover_id);
    return presentHandover(row!);
  });
}
