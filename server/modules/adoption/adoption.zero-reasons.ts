// Reasons for a legitimate zero (e.g. "Không phát sinh hồ sơ"): an agency's administrator or the
// province's records, per agency and period, why it received and resolved nothing; the monitor then
// does not call it "not using the system" for any period the reason covers. Recording again for the
// same agency and period replaces the reason (PUT); withdrawing removes it. Both audited on the
// agency's chain.
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { periodProblems, ZERO_REASON_ROLES } from '../../../common/reports/adoption.ts';
import type {
  AdoptionAgencyBrief,
  ZeroReasonBody,
  ZeroReasonKey,
  ZeroReasonView,
} from '../../../common/contracts/report-adoption.ts';
import { canReachAgency, findAgencyByCode } from '../org/index.ts';
import { fail } from './adoption.errors.ts';
import type { AdoptionPeriod } from './adoption.monitor.ts';

type Executor = Deps['db'];

/** The agency a write names, checked: the caller holds an administrator role reaching it. */
async function administeredAgency(deps: Deps, actor: Actor, key: ZeroReasonKey, where: 'body' | 'query') {
  if (!actor.grants.some((g) => ZERO_REASON_ROLES.includes(g.role)))
    throw fail('ADOPTION_ZERO_REASON_ADMINS_ONLY');
  const problems = periodProblems(key, where);
  if (problems.length > 0) throw fail('ADOPTION_INPUT_INVALID', { details: problems });
  const agency = await findAgencyByCode(deps.db, key.agencyCode);
  if (!agency) throw fail('ADOPTION_AGENCY_NOT_FOUND', { params: { code: key.agencyCode } });
  const target = { agencyPath: agency.agency_path, unitPath: agency.unit_path };
  if (!canReachAgency(actor, target, 'write', ZERO_REASON_ROLES))
    throw fail('ADOPTION_ZERO_REASON_ADMINS_ONLY');
  return agency;
}

function reasonRows(db: Executor) {
  return db
    .selectFrom('adoption_zero_reasons as z')
    .innerJoin('agencies as a', 'a.agency_id', 'z.agency_id')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .innerJoin('users as p', 'p.user_id', 'z.recorded_by')
    .select([
      'z.agency_id',
      'a.code',
      'a.name',
      'u.name as unit_name',
      'z.period_from',
      'z.period_to',
      'z.reason',
      'p.full_name',
      'z.recorded_at',
    ]);
}

type ReasonRow = Awaited<ReturnType<ReturnType<typeof reasonRows>['execute']>>[number];

const present = (r: ReasonRow, agency?: AdoptionAgencyBrief): ZeroReasonView => ({
  agency: agency ?? { code: r.code, name: r.name, unitName: r.unit_name },
  from: r.period_from,
  to: r.period_to,
  reason: r.reason,
  recordedBy: r.full_name,
  recordedAt: new Date(r.recorded_at).toISOString(),
});

/** Per agency, the latest reason recorded for a period covering `period`. */
export async function zeroReasonsCovering(
  deps: Deps,
  input: { agencyIds: string[]; period: AdoptionPeriod; brief: Map<string, AdoptionAgencyBrief> },
): Promise<Map<string, ZeroReasonView>> {
  if (input.agencyIds.length === 0) return new Map();
  const rows = await reasonRows(deps.db)
    .where('z.agency_id', 'in', input.agencyIds)
    .where('z.period_from', '<=', input.period.from)
    .where('z.period_to', '>=', input.period.to)
    .orderBy('z.recorded_at', 'desc')
    .execute();
  const out = new Map<string, ZeroReasonView>();
  for (const r of rows)
    if (!out.has(r.agency_id)) out.set(r.agency_id, present(r, input.brief.get(r.agency_id)));
  return out;
}

export async function recordZeroReason(
  deps: Deps,
  actor: Actor,
  input: { body: ZeroReasonBody; requestId: string },
): Promise<ZeroReasonView> {
  const { body } = input;
  const agency = await administeredAgency(deps, actor, body, 'body');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('adoption_zero_reasons')
      .values({
        agency_id: agency.agency_id,
        period_from: body.from,
        period_to: body.to,
        reason: body.reason,
        recorded_by: actor.userId,
        recorded_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['agency_id', 'period_from', 'period_to']).doUpdateSet({
          reason: body.reason,
          recorded_by: actor.userId,
          recorded_at: now,
        }),
      )
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'adoption.zero-reason.record',
        entityType: 'adoption-zero-reason',
        entityId: `${agency.code}:${body.from}:${body.to}`,
        details: { agencyCode: agency.code, from: body.from, to: body.to, reason: body.reason },
        requestId: input.requestId,
        chain: agency.agency_id,
      },
      now,
    );
    const row = await reasonRows(trx)
      .where('z.agency_id', '=', agency.agency_id)
      .where('z.period_from', '=', body.from)
      .where('z.period_to', '=', body.to)
      .executeTakeFirstOrThrow();
    return present(row);
  });
}

export async function withdrawZeroReason(
  deps: Deps,
  actor: Actor,
  input: { key: ZeroReasonKey; requestId: string },
): Promise<void> {
  const { key } = input;
  const agency = await administeredAgency(deps, actor, key, 'query');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('adoption_zero_reasons')
      .where('agency_id', '=', agency.agency_id)
      .where('period_from', '=', key.from)
      .where('period_to', '=', key.to)
      .returning('reason')
      .executeTakeFirst();
    if (!removed) throw fail('ADOPTION_ZERO_REASON_NOT_FOUND');
    await appendAudit(
      trx,
      actor,
      {
        action: 'adoption.zero-reason.withdraw',
        entityType: 'adoption-zero-reason',
        entityId: `${agency.code}:${key.from}:${key.to}`,
        details: { agencyCode: agency.code, from: key.from, to: key.to, reason: removed.reason },
        requestId: input.requestId,
        chain: agency.agency_id,
      },
      now,
    );
  });
}
