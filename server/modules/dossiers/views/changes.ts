// The home page's "since your last sign-in" (trang chủ): the dossiers in the officer's reach on which
// someone else acted since the officer's previous sign-in, most recent first.
import { sql } from 'kysely';
import type { Static } from 'typebox';
import type { Deps } from '../../../deps.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { DossierChanges } from '../../../../common/contracts/dossiers.ts';
import { findPreviousSignIn } from '../../auth/index.ts';
import { worklistQuery } from './worklists.ts';

const SHOWN = 20;
const FIRST_SIGN_IN_LOOKBACK_MS = 24 * 3_600_000;

export async function changesSinceSignIn(deps: Deps, actor: Actor): Promise<Static<typeof DossierChanges>> {
  const previous = await findPreviousSignIn(deps.db, actor.userId);
  const since = previous ?? new Date(deps.clock.now().getTime() - FIRST_SIGN_IN_LOOKBACK_MS);
  const others = (x: string) =>
    sql<boolean>`${sql.ref(`${x}.at`)} > ${since} AND ${sql.ref(`${x}.actor_user_id`)} IS DISTINCT FROM ${actor.userId}`;
  // The actions of others since then, and the submissions since then nobody has acted on yet (an
  // online or national-portal dossier has no action before the desk receives it).
  const recent = sql<{ dossier_id: string; n: string; last_at: Date }>`(
    SELECT c.dossier_id, sum(c.n) AS n, max(c.last_at) AS last_at FROM (
      SELECT x.dossier_id, count(*) AS n, max(x.at) AS last_at FROM dossier_actions x WHERE ${others('x')}
       GROUP BY x.dossier_id
      UNION ALL
      SELECT s.dossier_id, 1, s.submitted_at FROM dossiers s
       WHERE s.status = 'submitted' AND s.submitted_at > ${since} AND s.created_by IS DISTINCT FROM ${actor.userId}
    ) c GROUP BY c.dossier_id)`.as('r');
  const base = (await worklistQuery(deps, actor, undefined)).innerJoin(recent, (j) =>
    j.onRef('r.dossier_id', '=', 'd.dossier_id'),
  );
  const [rows, count] = await Promise.all([
    base
      .innerJoin('procedure_versions as v', 'v.procedure_version_id', 'd.procedure_version_id')
      .select([
        'd.dossier_id',
        'd.code',
        'd.status',
        'd.procedure_code',
        'v.name as procedure_name',
        sql<string | null>`d.applicant->>'fullName'`.as('applicant_name'),
        'd.submitted_at',
        'r.n',
      ])
      .orderBy('r.last_at', 'desc')
      .orderBy('d.dossier_id', 'desc')
      .limit(SHOWN)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  // The latest of those actions on each dossier shown.
  const last =
    rows.length === 0
      ? []
      : await deps.db
          .selectFrom('dossier_actions as x')
          .select(['x.dossier_id', 'x.kind', 'x.at', 'x.actor_label'])
          .distinctOn('x.dossier_id')
          .where(
            'x.dossier_id',
            'in',
            rows.map((r) => r.dossier_id),
          )
          .where(others('x'))
          .orderBy('x.dossier_id')
          .orderBy('x.version', 'desc')
          .execute();
  const lastOf = new Map(last.map((l) => [l.dossier_id, l]));
  return {
    since: since.toISOString(),
    firstSignIn: previous === null,
    items: rows.map((r) => {
      const l = lastOf.get(r.dossier_id);
      return {
        code: r.code,
        status: r.status,
        procedureCode: r.procedure_code,
        procedureName: r.procedure_name,
        applicantName: r.applicant_name ?? '',
        actions: Number(r.n),
        lastAction: l
          ? { kind: l.kind, at: new Date(l.at).toISOString(), by: l.actor_label }
          : { kind: 'submit', at: new Date(r.submitted_at).toISOString(), by: r.applicant_name ?? '' },
      };
    }),
    total: Number(count.n),
  };
}
