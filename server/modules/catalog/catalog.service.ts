// Reading the catalogue: the public search, one procedure (a version, its form and who offers it) and
// the list of its versions.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Deps } from '../../deps.ts';
import { isoOrNull } from '../../platform/clock.ts';
import { searchQueryTokens } from '../../../common/catalog/search.ts';
import { procedureIssues } from '../../../common/catalog/issues.ts';
import { foldVietnamese } from '../../../common/text/fold.ts';
import { getNamedAgency, getProcedureRow, getVersion } from './catalog.repository.ts';
import { formOf } from './catalog-forms.service.ts';
import { unitTrails } from '../org/index.ts';
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

export async function listProcedures(deps: Deps, f: ListFilter) {
  let agencyId: string | null = null;
  if (f.agencyCode !== undefined) {
    agencyId = (await getNamedAgency(deps.db, f.agencyCode, 'query/agencyCode')).agency_id;
  }
  const query = deps.db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.procedure_id', 'v.procedure_id')
    .where((eb) => {
      const conds: Expression<SqlBool>[] = [eb('v.status', '=', 'published')];
      if (f.q !== undefined) {
        for (const w of searchQueryTokens(f.q)) conds.push(sql<SqlBool>`v.search_text LIKE ${'%' + w + '%'}`);
      }
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
    page.select(['p.code', 'v.data']).orderBy('p.code').offset(f.offset).limit(f.limit).execute(),
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

export async function getProcedure(deps: Deps, code: string, version?: number) {
  const row = await getVersion(deps.db, code, version);
  const offerings = await deps.db
    .selectFrom('procedure_offerings as o')
    .innerJoin('agencies as a', 'a.agency_id', 'o.agency_id')
    .select(['a.code', 'a.name', 'a.unit_code'])
    .where('o.procedure_id', '=', row.procedure_id)
    .orderBy('a.code')
    .execute();
  const trails = await unitTrails(
    deps.db,
    offerings.map((o) => o.unit_code),
  );
  const p = row.data;
  const form = formOf(row);
  return {
    version: row.version,
    status: row.status,
    procedure: p,
    form: form.schema,
    genericForm: form.generic,
    issues: procedureIssues(p),
    offeredBy: offerings.map((o) => ({
      code: o.code,
      name: o.name,
      unitCode: o.unit_code,
      trail: trails.get(o.unit_code) ?? [],
    })),
  };
}

export async function listVersions(deps: Deps, code: string) {
  const proc = await getProcedureRow(deps.db, code);
  const rows = await deps.db
    .selectFrom('procedure_versions')
    .select(['version', 'status', 'name', 'created_at', 'published_at', 'retired_at'])
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
    })),
  };
}
