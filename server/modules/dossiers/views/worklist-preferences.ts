// An officer's worklist settings (list, filters, order), kept per staff account and restored when the
// worklist opens; and the filters' choices for the officer: the procedures offered by the agencies in
// its reach, their fields, those agencies.
import { sql } from 'kysely';
import type { Deps } from '../../../deps.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { WorklistOptions, WorklistPreferences } from '../../../../common/contracts/worklists.ts';

export async function readPreferences(
  deps: Deps,
  actor: Actor,
): Promise<{ preferences: WorklistPreferences | null }> {
  const row = await deps.db
    .selectFrom('staff_worklist_preferences')
    .select('preferences')
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  return { preferences: row ? (row.preferences as WorklistPreferences) : null };
}

/** Replaces the officer's settings (the body was checked against WorklistPreferences). */
export async function savePreferences(
  deps: Deps,
  actor: Actor,
  preferences: WorklistPreferences,
): Promise<{ preferences: WorklistPreferences }> {
  const now = deps.clock.now();
  await deps.db
    .insertInto('staff_worklist_preferences')
    .values({ user_id: actor.userId, preferences: JSON.stringify(preferences), updated_at: now })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ preferences: JSON.stringify(preferences), updated_at: now }),
    )
    .execute();
  return { preferences };
}

/** At most this many agencies are offered in the agency filter (a province's whole tree is not a list). */
const AGENCY_OPTIONS = 300;

export async function worklistOptions(deps: Deps, actor: Actor): Promise<WorklistOptions> {
  if (actor.grants.length === 0) return { procedures: [], fields: [], agencies: [] };
  const under = sql.join(
    [...new Set(actor.grants.map((g) => g.agencyPath))].map((p) => sql`a.path LIKE ${p + '%'}`),
    sql` OR `,
  );
  const agencies = await deps.db
    .selectFrom('agencies as a')
    .select(['a.code', 'a.name', 'a.path'])
    .where(sql<boolean>`(${under})`)
    .where('a.valid_to', 'is', null)
    .orderBy('a.path')
    .limit(AGENCY_OPTIONS)
    .execute();
  const procedures = await deps.db
    .selectFrom('procedures as p')
    .innerJoin('procedure_versions as v', (j) =>
      j.onRef('v.procedure_id', '=', 'p.procedure_id').on('v.status', '=', 'published'),
    )
    .select(['p.code', 'v.name', 'v.field_name'])
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM procedure_offerings o JOIN agencies a ON a.agency_id = o.agency_id
        WHERE o.procedure_id = p.procedure_id AND (${under}))`,
    )
    .orderBy('v.name')
    .execute();
  const minDepth = Math.min(...agencies.map((a) => a.path.split('/').length));
  return {
    procedures: procedures.map((p) => ({ code: p.code, name: p.name, field: p.field_name })),
    fields: [...new Set(procedures.flatMap((p) => (p.field_name ? [p.field_name] : [])))].sort((a, b) =>
      a.localeCompare(b, 'vi'),
    ),
    agencies: agencies.map((a) => ({
      code: a.code,
      name: a.name,
      depth: a.path.split('/').length - minDepth,
    })),
  };
}
