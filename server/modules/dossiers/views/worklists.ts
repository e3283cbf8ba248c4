// The staff's worklists: the dossiers an officer may see, narrowed to one list, filtered and counted.
import { sql } from 'kysely';
import type { Deps } from '../../../deps.ts';
import type { Actor } from '../../../platform/actor.ts';
import { isoOrNull } from '../../../platform/clock.ts';
import { DOSSIER_STATUSES, type DossierState } from '../../../../common/dossiers/index.ts';
import { WORKLISTS, type Worklist } from '../../../../common/dossiers/worklists.ts';
import { foldedWords } from '../../../../common/text/fold.ts';
import { vnDate, vnMidnight } from '../../../../common/time/vn-time.ts';
import { pageWithTotal } from '../../../db/paging.ts';

export type ListFilter = {
  list?: Worklist | undefined;
  status?: string | undefined;
  procedureCode?: string | undefined;
  agencyCode?: string | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
};

/** Dossiers the actor may see, narrowed to one worklist. */
export function worklistQuery(deps: Deps, actor: Actor, list: Worklist | undefined) {
  const now = deps.clock.now();
  const reach = actor.grants.map(
    (g) =>
      sql`(a.path LIKE ${g.agencyPath + '%'} OR (u.path LIKE ${g.unitPath + '%'} AND u.path <> ${g.unitPath}))`,
  );
  let q = deps.db.selectFrom('dossiers as d').where(
    reach.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`EXISTS (SELECT 1 FROM dossier_agencies da JOIN agencies a ON a.agency_id = da.agency_id JOIN units u ON u.code = a.unit_code
        WHERE da.dossier_id = d.dossier_id AND (${sql.join(reach, sql` OR `)}))`,
  );
  const myAgencies = actor.grants.length > 0 ? actor.grants.map((g) => g.agencyId) : ['0'];
  switch (list) {
    case 'to-receive':
      q = q.where('d.status', '=', 'submitted').where('d.receiving_agency_id', 'in', myAgencies);
      break;
    case 'received-today':
      // Received at one of my agencies since midnight in Vietnam (the counter's day).
      q = q
        .where('d.receiving_agency_id', 'in', myAgencies)
        .where('d.received_at', '>=', vnMidnight(vnDate(now)));
      break;
    case 'mine':
      q = q.where('d.assignee_user_id', '=', actor.userId).where('d.closed_at', 'is', null);
      break;
    case 'agency':
      q = q.where('d.current_agency_id', 'in', myAgencies).where('d.closed_at', 'is', null);
      break;
    case 'due-soon':
      q = q
        .where('d.status', 'in', ['received', 'processing'])
        .where('d.due_at', '>=', now)
        .where('d.due_at', '<=', new Date(now.getTime() + 3 * 86_400_000));
      break;
    case 'overdue':
      q = q
        .where('d.status', 'in', ['received', 'processing', 'awaiting-supplement', 'awaiting-payment'])
        .where('d.due_at', '<', now);
      break;
    case 'awaiting-supplement':
      q = q.where('d.status', '=', 'awaiting-supplement');
      break;
    case 'awaiting-applicant':
      // The clock is paused on the applicant: a supplement or a financial obligation.
      q = q.where('d.status', 'in', ['awaiting-supplement', 'awaiting-payment']);
      break;
    case 'result-ready':
      q = q.where('d.status', '=', 'result-ready');
      break;
    default:
      break;
  }
  return q;
}

/** How many dossiers each worklist holds for the actor (the counters beside the lists). */
export async function countWorklists(deps: Deps, actor: Actor) {
  const counts: Record<string, number> = {};
  for (const list of WORKLISTS) {
    const r = await worklistQuery(deps, actor, list)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[list] = Number(r.n);
  }
  return counts as Record<Worklist, number>;
}

export async function listDossiers(deps: Deps, actor: Actor, f: ListFilter) {
  let q = worklistQuery(deps, actor, f.list);
  if (f.status !== undefined) q = q.where('d.status', '=', f.status);
  if (f.procedureCode !== undefined) q = q.where('d.procedure_code', '=', f.procedureCode);
  if (f.agencyCode !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('agencies as fa')
          .select('fa.agency_id')
          .where('fa.code', '=', f.agencyCode!)
          .where((e2) =>
            e2.or([
              e2('fa.agency_id', '=', e2.ref('d.current_agency_id')),
              e2('fa.agency_id', '=', e2.ref('d.receiving_agency_id')),
              e2('fa.agency_id', '=', e2.ref('d.competent_agency_id')),
            ]),
          ),
      ),
    );
  }
  if (f.q !== undefined) {
    for (const w of foldedWords(f.q))
      q = q.where(
        sql<boolean>`(d.applicant_search LIKE ${'%' + w + '%'} OR lower(d.code) LIKE ${'%' + w + '%'})`,
      );
  }
  if (f.from !== undefined) q = q.where('d.submitted_at', '>=', new Date(f.from));
  if (f.to !== undefined) q = q.where('d.submitted_at', '<', new Date(new Date(f.to).getTime() + 86_400_000));
  const { rows, total } = await pageWithTotal(q, (page) =>
    page
      .innerJoin('agencies as ca', 'ca.agency_id', 'd.current_agency_id')
      .select([
        'd.code',
        'd.status',
        'd.procedure_code',
        'd.applicant',
        'd.submitted_at',
        'd.received_at',
        'd.due_at',
        'd.extended_due_at',
        'd.version',
        'ca.code as agency_code',
        'ca.name as agency_name',
      ])
      .orderBy('d.due_at', (ob) => ob.asc().nullsLast())
      .orderBy('d.dossier_id', 'desc')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
  );
  return {
    items: rows.map((r) => ({
      code: r.code,
      status: r.status,
      statusLabel: DOSSIER_STATUSES[r.status as DossierState['status']].label,
      procedureCode: r.procedure_code,
      applicantName: applicantName(r.applicant),
      submittedAt: isoOrNull(r.submitted_at)!,
      receivedAt: isoOrNull(r.received_at),
      dueAt: isoOrNull(r.due_at),
      extendedDueAt: isoOrNull(r.extended_due_at),
      currentAgency: { code: r.agency_code, name: r.agency_name },
      version: r.version,
    })),
    total,
  };
}

function applicantName(applicant: Record<string, unknown>): string {
  return typeof applicant.fullName === 'string' ? applicant.fullName : '';
}
