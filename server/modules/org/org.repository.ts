import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { Grant } from '../../platform/actor.ts';
import { foldedWords } from '../../../common/text/fold.ts';
import { pageWithTotal } from '../../db/paging.ts';

export type Scope = Pick<Grant, 'unitPath' | 'agencyPath'>[];

type UnitFilter = {
  parentCode?: string | undefined;
  level?: number | undefined;
  q?: string | undefined;
  validOn?: string | undefined;
  offset: number;
  limit: number;
};

function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

function wordsFilter(column: string, q: string): Expression<SqlBool> {
  const words = foldedWords(q);
  if (words.length === 0) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.join(
    // folded words hold only [a-z0-9.], so they need no LIKE escaping
    words.map((w) => sql`${sql.ref(column)} LIKE ${'%' + w + '%'}`),
    sql` AND `,
  )})`;
}

export async function listUnits(db: Database, scope: Scope, f: UnitFilter) {
  let query = db.selectFrom('units').where((eb) => {
    const conds: Expression<SqlBool>[] = [
      eb.or(scope.map((s) => eb('units.path', 'like', likePrefix(s.unitPath)))),
    ];
    if (f.parentCode !== undefined) conds.push(eb('units.parent_code', '=', f.parentCode));
    if (f.level !== undefined) conds.push(eb('units.level', '=', f.level));
    if (f.q !== undefined) conds.push(wordsFilter('units.search_text', f.q));
    if (f.validOn !== undefined) {
      const d = f.validOn;
      conds.push(eb.or([eb('units.valid_from', 'is', null), eb('units.valid_from', '<=', d)]));
      conds.push(eb.or([eb('units.valid_to', 'is', null), eb('units.valid_to', '>=', d)]));
    }
    return eb.and(conds);
  });
  if (scope.length === 0) query = query.where(sql<SqlBool>`false`);
  return pageWithTotal(query, (page) =>
    page
      .select(['code', 'name', 'type', 'level', 'parent_code', 'valid_from', 'valid_to'])
      .orderBy('path')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
  );
}

type AgencyFilter = {
  unitCode?: string | undefined;
  q?: string | undefined;
  kind?: string | undefined;
  offset: number;
  limit: number;
};

export async function listAgencies(db: Database, scope: Scope, f: AgencyFilter) {
  let query = db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.code', 'a.unit_code')
    .leftJoin('agencies as p', 'p.agency_id', 'a.parent_agency_id')
    .where((eb) => {
      const reach = scope.map((s) =>
        eb.or([
          eb('a.path', 'like', likePrefix(s.agencyPath)),
          eb.and([eb('u.path', 'like', likePrefix(s.unitPath)), eb('u.path', '<>', s.unitPath)]),
        ]),
      );
      const conds: Expression<SqlBool>[] = [eb.or(reach)];
      if (f.unitCode !== undefined) conds.push(eb('a.unit_code', '=', f.unitCode));
      if (f.kind !== undefined) conds.push(eb('a.kind', '=', f.kind));
      if (f.q !== undefined) conds.push(wordsFilter('a.search_text', f.q));
      return eb.and(conds);
    });
  if (scope.length === 0) query = query.where(sql<SqlBool>`false`);
  return pageWithTotal(query, (page) =>
    page
      .select(['a.code', 'a.name', 'a.unit_code', 'a.kind', 'p.code as parent_code'])
      .orderBy('u.path')
      .orderBy('a.agency_id')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
  );
}

export async function findUnit(db: Database, code: string) {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findAgencyByCode(db: Database, code: string) {
  return db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.code', 'a.unit_code')
    .select([
      'a.agency_id',
      'a.code',
      'a.name',
      'a.kind',
      'a.unit_code',
      'a.path as agency_path',
      'u.path as unit_path',
    ])
    .where('a.code', '=', code)
    .executeTakeFirst();
}
