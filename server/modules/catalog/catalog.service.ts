// Reading the catalogue: the public search, one procedure (a version, its form and who offers it) and
// the list of its versions.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Deps } from '../../deps.ts';
import { isoOrNull } from '../../platform/clock.ts';
import { searchPlan, TYPO_MIN_LENGTH, type SearchPlan } from '../../../common/catalog/search.ts';
import { COMMON_PROCEDURES } from '../../../common/catalog/search-words.ts';
import { procedureIssues } from '../../../common/catalog/issues.ts';
import { procedureFlags } from '../../../common/catalog/flags.ts';
import { foldVietnamese } from '../../../common/text/fold.ts';
import { getNamedAgency, getProcedureRow, getVersion } from './catalog.repository.ts';
import { formOf } from './catalog-forms.service.ts';
import { channelWorkflowProblems } from './catalog-workflows.service.ts';
import { publicProcedure } from '../../../common/catalog/public-procedure.ts';
import { CHANNELS, type Procedure } from '../../../common/catalog/procedure.ts';
import type { OnlineUnavailableReason } from '../../../common/contracts/catalog.ts';
import { unitTrails } from '../org/index.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { pageWithTotal } from '../../db/paging.ts';

export type ListFilter = {
  q?: string | undefined;
  field?: string | undefined;
  level?: string | undefined;
  agencyCode?: string | undefined;
  online?: string | undefined;
  offset: number;
  limit: number;
};

// One planned word of a search (common/catalog/search.ts searchPlan; wordMatches is the oracle):
// a word of the procedure starts with it (the trigram index serves the LIKE) ...
const wordExact = (w: string) => sql<SqlBool>`(' ' || v.search_text) LIKE ${'% ' + w + '%'}`;
// ... or, from four letters and when no published procedure has a word starting with it (so it is a
// typo, not a word of the catalogue: "sinnh" is corrected, "sinh" is not read as "kinh"), a word of the
// procedure is one letter away (fuzzystrmatch). The NOT EXISTS does not depend on the row: one InitPlan.
const wordTypo = (w: string) =>
  w.length < TYPO_MIN_LENGTH
    ? sql<SqlBool>`false`
    : sql<SqlBool>`(NOT EXISTS (SELECT 1 FROM procedure_versions pv WHERE pv.status = 'published'
          AND (' ' || pv.search_text) LIKE ${'% ' + w + '%'})
        AND EXISTS (SELECT 1 FROM unnest(string_to_array(v.search_text, ' ')) AS t(word)
          WHERE length(t.word) >= 3 AND levenshtein_less_equal(t.word, ${w}, 1) <= 1))`;

/**
 * The order of a search's results: the common procedures first (COMMON_PROCEDURES, weight 1–3), then
 * the words typed as they are over words matched through a typo, then the trigram similarity of the
 * whole search to the procedure's text (a short name that is mostly the search before a long one).
 */
function searchRank(plan: SearchPlan) {
  const exact = plan.words.map((w) => sql<number>`CASE WHEN ${wordExact(w)} THEN 2 ELSE 0 END`);
  return sql<number>`COALESCE((${JSON.stringify(COMMON_PROCEDURES)}::jsonb ->> p.code)::int, 0) * 4
    + ${sql.join(exact, sql` + `)} + similarity(${plan.text}, v.search_text) * 4`;
}

export async function listProcedures(deps: Deps, f: ListFilter) {
  const plan = f.q === undefined ? null : searchPlan(f.q);
  let agencyId: string | null = null;
  if (f.agencyCode !== undefined) {
    agencyId = (await getNamedAgency(deps.db, f.agencyCode, 'query/agencyCode')).agency_id;
  }
  const query = deps.db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
    .where((eb) => {
      const conds: Expression<SqlBool>[] = [eb('v.status', '=', 'published')];
      if (plan !== null)
        for (const w of plan.words) conds.push(sql<SqlBool>`(${wordExact(w)} OR ${wordTypo(w)})`);
      if (f.field !== undefined) {
        conds.push(sql<SqlBool>`v.search_text LIKE ${'%' + foldVietnamese(f.field) + '%'}`);
        conds.push(eb('v.field_name', 'is not', null));
      }
      if (f.level !== undefined) conds.push(sql<SqlBool>`v.levels @> ${JSON.stringify([f.level])}::jsonb`);
      if (f.online !== undefined) conds.push(eb('v.online_level', '=', f.online));
      if (agencyId !== null) {
        conds.push(
          eb.exists(
            eb
              .selectFrom('procedure_offerings as o')
              .select('o.agency_id')
              .whereRef('o.procedure_id', '=', 'p.procedure_id')
              .where('o.agency_id', '=', agencyId),
          ),
        );
      }
      return eb.and(conds);
    });
  const { rows, total } = await pageWithTotal(query, (page) =>
    (plan !== null && plan.words.length > 0
      ? page.select(['p.code', 'v.data']).orderBy(searchRank(plan), 'desc')
      : page.select(['p.code', 'v.data'])
    )
      .orderBy('p.code')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
  );
  return {
    items: rows.map((r) => {
      const p = r.data;
      return {
        code: p.code,
        name: p.name,
        field: p.field,
        levels: p.levels,
        timeLimits: p.timeLimits,
        fees: p.fees,
        onlineLevel: p.onlineLevel,
      };
    }),
    total,
  };
}

/**
 * Why the back office cannot take this procedure in online, or null when it can: the procedure has no
 * online channel or service, no agency offers it, or it has no usable time limit and workflow on the
 * online channel (intake would refuse the dossier: DOSSIER_NO_WORKFLOW).
 */
async function onlineUnavailable(
  deps: Deps,
  row: Parameters<typeof channelWorkflowProblems>[1],
  offerings: number,
): Promise<OnlineUnavailableReason | null> {
  const p: Procedure = row.data;
  if (!(p.channels.length === 0 ? CHANNELS : p.channels).includes('online')) return 'no-online-channel';
  if (p.onlineLevel === 'none') return 'no-online-service';
  if (offerings === 0) return 'no-offering';
  if ((await channelWorkflowProblems(deps.db, row, 'online')).length > 0) return 'no-time-limit';
  return null;
}

/**
 * One procedure. `audience: 'public'` (the portal's route): without the data's own notes and the
 * catalogue's issues (common/catalog/public-procedure.ts); staff read a version with everything.
 */
export async function getProcedure(
  deps: Deps,
  code: string,
  version?: number,
  audience: 'public' | 'staff' = 'staff',
) {
  const row = await getVersion(deps.db, code, version);
  const today = vnDate(deps.clock.now());
  const offerings = await deps.db
    .selectFrom('procedure_offerings as o')
    .innerJoin('agencies as a', 'a.agency_id', 'o.agency_id')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select(['a.code', 'a.name', 'u.code as unit_code', 'u.path as unit_path'])
    .where('o.procedure_id', '=', row.procedure_id)
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', today)]))
    .orderBy('a.code')
    .execute();
  const trails = await unitTrails(
    deps.db,
    offerings.map((o) => o.unit_path),
    today,
  );
  const p = row.data;
  const form = formOf(row);
  const unavailable = await onlineUnavailable(deps, row, offerings.length);
  return {
    version: row.version,
    status: row.status,
    procedure: audience === 'public' ? publicProcedure(p) : p,
    form: form.schema,
    genericForm: form.generic,
    issues: audience === 'public' ? [] : procedureIssues(p),
    flags: audience === 'public' ? [] : procedureFlags(p, today),
    effectiveFrom: row.effective_from === null ? null : String(row.effective_from),
    onlineApplication: { available: unavailable === null, reason: unavailable },
    offeredBy: offerings.map((o) => ({
      code: o.code,
      name: o.name,
      unitCode: o.unit_code,
      trail: trails.get(o.unit_path) ?? [],
    })),
  };
}

export async function listVersions(deps: Deps, code: string) {
  const proc = await getProcedureRow(deps.db, code);
  const rows = await deps.db
    .selectFrom('procedure_versions')
    .select([
      'version',
      'status',
      'name',
      'created_at',
      'published_at',
      'retired_at',
      'effective_from',
      'flags',
    ])
    .where('procedure_id', '=', proc.procedure_id)
    .orderBy('version')
    .execute();
  return {
    items: rows.map((r) => ({
      version: r.version,
      status: r.status,
      name: r.name,
      createdAt: new Date(r.created_at).toISOString(),
      publishedAt: isoOrNull(r.published_at),
      retiredAt: isoOrNull(r.retired_at),
      effectiveFrom: r.effective_from === null ? null : String(r.effective_from),
      flags: r.flags,
    })),
  };
}
