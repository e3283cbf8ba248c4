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
  /** The day the map is read as of (YYYY-MM-DD). */
  validOn: string;
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
  const d = f.validOn;
  let query = db
    .selectFrom('units')
    .leftJoin('units as p', 'p.unit_id', 'units.parent_id')
    .where((eb) => {
      const conds: Expression<SqlBool>[] = [
        eb.or(scope.map((s) => eb('units.path', 'like', likePrefix(s.unitPath)))),
      ];
      if (f.parentCode !== undefined) conds.push(eb('p.code', '=', f.parentCode));
      if (f.level !== undefined) conds.push(eb('units.level', '=', f.level));
      if (f.q !== undefined) conds.push(wordsFilter('units.search_text', f.q));
      conds.push(eb.or([eb('units.valid_from', 'is', null), eb('units.valid_from', '<=', d)]));
      conds.push(eb.or([eb('units.valid_to', 'is', null), eb('units.valid_to', '>=', d)]));
      return eb.and(conds);
    });
  if (scope.length === 0) query = query.where(sql<SqlBool>`false`);
  return pageWithTotal(query, (page) =>
    page
      .select([
        'units.code',
        'units.name',
        'units.type',
        'units.level',
        'p.code as parent_code',
        'units.valid_from',
        'units.valid_to',
      ])
      .orderBy('units.path')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
  );
}

type AgencyFilter = {
  unitCode?: string | undefined;
  /** The day the map is read as of (YYYY-MM-DD): agencies and units in force that day. */
  validOn: string;
  q?: string | undefined;
  kind?: string | undefined;
  offset: number;
  limit: number;
};

export async function listAgencies(db: Database, scope: Scope, f: AgencyFilter) {
  let query = db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .leftJoin('agencies as p', 'p.agency_id', 'a.parent_agency_id')
    .where((eb) => {
      const reach = scope.map((s) =>
        eb.or([
          eb('a.path', 'like', likePrefix(s.agencyPath)),
          eb.and([eb('u.path', 'like', likePrefix(s.unitPath)), eb('u.path', '<>', s.unitPath)]),
        ]),
      );
      const conds: Expression<SqlBool>[] = [eb.or(reach)];
      if (f.unitCode !== undefined) conds.push(eb('u.code', '=', f.unitCode));
      conds.push(eb.or([eb('a.valid_from', 'is', null), eb('a.valid_from', '<=', f.validOn)]));
      conds.push(eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>=', f.validOn)]));
      if (f.kind !== undefined) conds.push(eb('a.kind', '=', f.kind));
      if (f.q !== undefined) conds.push(wordsFilter('a.search_text', f.q));
      return eb.and(conds);
    });
  if (scope.length === 0) query = query.where(sql<SqlBool>`false`);
  return pageWithTotal(query, (page) =>
    page
      .select(['a.code', 'a.name', 'u.code as unit_code', 'a.kind', 'p.code as parent_code'])
      .orderBy('u.path')
      .orderBy('a.agency_id')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
  );
}

/** The unit a code named on `day` (YYYY-MM-DD): codes were reused by the 2025 reform. */
export async function findUnit(db: Database, code: string, day: string) {
  return db
    .selectFrom('units')
    .leftJoin('units as p', 'p.unit_id', 'units.parent_id')
    .selectAll('units')
    .select('p.code as parent_code')
    .where('units.code', '=', code)
    .where((eb) => eb.or([eb('units.valid_from', 'is', null), eb('units.valid_from', '<=', day)]))
    .where((eb) => eb.or([eb('units.valid_to', 'is', null), eb('units.valid_to', '>=', day)]))
    .executeTakeFirst();
}

export async function findAgencyByCode(db: Database, code: string) {
  return db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select([
      'a.agency_id',
      'a.code',
      'a.name',
      'a.kind',
      'u.code as unit_code',
      'a.unit_id',
      'a.valid_from',
      'a.valid_to',
      'a.path as agency_path',
      'u.path as unit_path',
    ])
    .where('a.code', '=', code)
    .executeTakeFirst();
}

/**
 * A unit's ancestors as the map stood on `day` (root first), the units it was formed from and those
 * that took over its territory.
 */
export async function unitSurroundings(db: Database, unit: { unit_id: string; path: string }, day: string) {
  const codes = unit.path.split('/').filter((c) => c !== '');
  const prefixes = codes.slice(0, -1).map((_, i) => `/${codes.slice(0, i + 1).join('/')}/`);
  const [ancestors, links] = await Promise.all([
    prefixes.length === 0
      ? []
      : db
          .selectFrom('units')
          .leftJoin('units as p', 'p.unit_id', 'units.parent_id')
          .selectAll('units')
          .select('p.code as parent_code')
          .where('units.path', 'in', prefixes)
          .where((eb) => eb.or([eb('units.valid_from', 'is', null), eb('units.valid_from', '<=', day)]))
          .where((eb) => eb.or([eb('units.valid_to', 'is', null), eb('units.valid_to', '>=', day)]))
          .orderBy('units.level')
          .execute(),
    db
      .selectFrom('unit_successions as s')
      .innerJoin('units as o', (j) =>
        j.on((eb) =>
          eb.or([
            eb.and([
              eb('s.predecessor_id', '=', unit.unit_id),
              eb('o.unit_id', '=', eb.ref('s.successor_id')),
            ]),
            eb.and([
              eb('s.successor_id', '=', unit.unit_id),
              eb('o.unit_id', '=', eb.ref('s.predecessor_id')),
            ]),
          ]),
        ),
      )
      .select(['o.code', 'o.name', 's.extent', 's.effective_on', 's.successor_id'])
      .orderBy('o.path')
      .execute(),
  ]);
  const link = (r: (typeof links)[number]) => ({
    code: r.code,
    name: r.name,
    extent: r.extent as 'full' | 'partial',
    effectiveOn: String(r.effective_on),
  });
  return {
    ancestors,
    predecessors: links.filter((r) => r.successor_id === unit.unit_id).map(link),
    successors: links.filter((r) => r.successor_id !== unit.unit_id).map(link),
  };
}
