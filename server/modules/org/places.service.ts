// What the place pickers ask for (web/app/ui/place-picker.tsx): a unit browsed — its agencies, then
// the units under it, a page at a time — or a search, each entry with the names of the units above
// it. Staff see what their grants reach (and, to find their way down, the units above it: a ward's
// officer browsing the city sees their own ward only); the public sees every unit in force today
// (an applicant's address may be anywhere) and no agencies. Nothing lists the whole country flat:
// every answer is one bounded page.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { PlaceEntry, PlaceKind, PlaceStep, PlacesResponse } from '../../../common/contracts/org.ts';
import { foldedWords } from '../../../common/text/fold.ts';
import type { Scope } from './org.repository.ts';
import { fail } from './org.errors.ts';

/** Staff: the paths their grants reach. Public: every unit, no agency. */
export type PlaceReach = { kind: 'staff'; scope: Scope } | { kind: 'public' };

export type PlacesInput = {
  kind: PlaceKind;
  q?: string | undefined;
  under?: string | undefined;
  offset: number;
  limit: number;
  /** Today in Vietnam, YYYY-MM-DD: units and agencies not in force are left out. */
  today: string;
};

function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

const codesOf = (path: string): string[] => path.split('/').filter((c) => c !== '');

/** The unit paths a staff scope reaches: its units, and every agency path below them. */
function unitInReach(reach: PlaceReach, unitPath: string): boolean {
  return reach.kind === 'public' || reach.scope.some((s) => unitPath.startsWith(s.unitPath));
}

/** A unit above something the scope reaches: it may be browsed, to find the way down. */
function unitAboveReach(reach: PlaceReach, unitPath: string): boolean {
  return reach.kind === 'staff' && reach.scope.some((s) => s.unitPath.startsWith(unitPath));
}

/** Every word starts a word of one of the texts (folded names and codes). */
function wordsStartWords(texts: Expression<string>[], q: string): Expression<SqlBool> {
  const words = foldedWords(q);
  if (words.length === 0) return sql<SqlBool>`true`;
  const all = sql<string>`(' ' || ${sql.join(texts, sql` || ' ' || `)})`;
  // folded words hold only [a-z0-9.], so they need no LIKE escaping
  // A short number is a whole word ("phường 13" is not Phường 130 nor a code starting 13); other
  // words, and codes of four digits or more, are the start of a word.
  return sql<SqlBool>`(${sql.join(
    words.map((w) =>
      /^\d{1,3}$/.test(w) ? sql`(${all} || ' ') LIKE ${'% ' + w + ' %'}` : sql`${all} LIKE ${'% ' + w + '%'}`,
    ),
    sql` AND `,
  )})`;
}

function inForce(table: 'u' | 'a' | 'c' | 'g', today: string): Expression<SqlBool> {
  const from = sql.ref(`${table}.valid_from`);
  const to = sql.ref(`${table}.valid_to`);
  return sql<SqlBool>`((${from} IS NULL OR ${from} <= ${today}) AND (${to} IS NULL OR ${to} >= ${today}))`;
}

function agencyReach(reach: PlaceReach): Expression<SqlBool> {
  if (reach.kind === 'public' || reach.scope.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(
    reach.scope.map(
      (s) =>
        sql`(a.path LIKE ${likePrefix(s.agencyPath)} OR (u.path LIKE ${likePrefix(s.unitPath)} AND u.path <> ${s.unitPath}))`,
    ),
    sql` OR `,
  )})`;
}

function unitReach(reach: PlaceReach, column: 'u' | 'c'): Expression<SqlBool> {
  if (reach.kind === 'public') return sql<SqlBool>`true`;
  if (reach.scope.length === 0) return sql<SqlBool>`false`;
  const path = sql.ref(`${column}.path`);
  return sql<SqlBool>`(${sql.join(
    reach.scope.map(
      (s) => sql`(${path} LIKE ${likePrefix(s.unitPath)} OR ${s.unitPath} LIKE ${path} || '%')`,
    ),
    sql` OR `,
  )})`;
}

/** The paths of a unit and the units above it, root first: /01/00070/ → /01/, /01/00070/. */
const prefixesOf = (path: string): string[] => {
  const codes = codesOf(path);
  return codes.map((_, i) => `/${codes.slice(0, i + 1).join('/')}/`);
};

/**
 * Names of the units on the given paths and above them, keyed by path, as the map stood on `day`: a
 * path names one unit at a time (Lào Cai's /15/ was Yên Bái's before 1/7/2025), so where two units
 * held it, the one in force that day, else the last one before it.
 */
export async function namesOf(db: Database, paths: string[], day: string): Promise<Map<string, string>> {
  const all = [...new Set(paths.flatMap(prefixesOf))];
  if (all.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['path', 'name'])
    .where('path', 'in', all)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
    .orderBy(sql`valid_to DESC NULLS FIRST`)
    .execute();
  const names = new Map<string, string>();
  for (const r of rows) if (!names.has(r.path)) names.set(r.path, r.name);
  return names;
}

const trailOf = (names: Map<string, string>, path: string, withLast: boolean): PlaceStep[] => {
  const paths = prefixesOf(path);
  return (withLast ? paths : paths.slice(0, -1)).map((p) => {
    const code = codesOf(p).at(-1)!;
    return { code, name: names.get(p) ?? code };
  });
};

async function search(db: Database, reach: PlaceReach, f: PlacesInput, underPath: string | null) {
  const q = f.q ?? '';
  const words = foldedWords(q);
  if (f.kind === 'agency') {
    const base = db
      .selectFrom('agencies as a')
      .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
      .leftJoin('units as p1', 'p1.unit_id', 'u.parent_id')
      .leftJoin('units as p2', 'p2.unit_id', 'p1.parent_id')
      .where(agencyReach(reach))
      .where(inForce('a', f.today))
      .where(
        wordsStartWords(
          [
            sql.ref('a.search_text'),
            sql.ref('u.search_text'),
            sql<string>`coalesce(p1.search_text, '')`,
            sql<string>`coalesce(p2.search_text, '')`,
          ],
          q,
        ),
      )
      .$if(underPath !== null, (b) => b.where('u.path', 'like', likePrefix(underPath!)));
    // Agencies whose own name holds every word come first ("phuong 13": the People's Committees of
    // the wards 13 before the other agencies in those wards).
    const own = wordsStartWords([sql.ref('a.search_text')], q);
    const [rows, count] = await Promise.all([
      base
        .select(['a.code', 'a.name', 'u.code as unit_code', 'u.path as unit_path'])
        .orderBy(sql`CASE WHEN ${own} THEN 0 ELSE 1 END`)
        .orderBy('u.path')
        .orderBy('a.agency_id')
        .offset(f.offset)
        .limit(f.limit)
        .execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const names = await namesOf(
      db,
      rows.map((r) => r.unit_path),
      f.today,
    );
    const items: PlaceEntry[] = rows.map((r) => ({
      kind: 'agency',
      code: r.code,
      name: r.name,
      unitCode: r.unit_code,
      trail: trailOf(names, r.unit_path, true),
      choosable: true,
      enterable: false,
    }));
    return { items, total: Number(count.n), words };
  }
  const base = db
    .selectFrom('units as u')
    .leftJoin('units as p1', 'p1.unit_id', 'u.parent_id')
    .leftJoin('units as p2', 'p2.unit_id', 'p1.parent_id')
    .where(reach.kind === 'public' ? sql<SqlBool>`true` : staffUnitsWithin(reach))
    .where(inForce('u', f.today))
    .where(
      wordsStartWords(
        [
          sql.ref('u.search_text'),
          sql<string>`coalesce(p1.search_text, '')`,
          sql<string>`coalesce(p2.search_text, '')`,
        ],
        q,
      ),
    )
    .$if(underPath !== null, (b) => b.where('u.path', 'like', likePrefix(underPath!)));
  const own = wordsStartWords([sql.ref('u.search_text')], q);
  const [rows, count] = await Promise.all([
    base
      .select(['u.code', 'u.name', 'u.path'])
      .select(
        sql<boolean>`EXISTS (SELECT 1 FROM units c WHERE c.parent_id = u.unit_id AND ${inForce('c', f.today)})`.as(
          'has_children',
        ),
      )
      .orderBy(sql`CASE WHEN ${own} THEN 0 ELSE 1 END`)
      .orderBy('u.level')
      .orderBy('u.path')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const names = await namesOf(
    db,
    rows.map((r) => r.path),
    f.today,
  );
  const items: PlaceEntry[] = rows.map((r) => ({
    kind: 'unit',
    code: r.code,
    name: r.name,
    unitCode: r.code,
    trail: trailOf(names, r.path, false),
    choosable: true,
    enterable: Boolean(r.has_children),
  }));
  return { items, total: Number(count.n), words };
}

/** Units a staff scope reaches (not those above it: a search finds what may be picked). */
function staffUnitsWithin(reach: PlaceReach): Expression<SqlBool> {
  if (reach.kind === 'public') return sql<SqlBool>`true`;
  if (reach.scope.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(
    reach.scope.map((s) => sql`u.path LIKE ${likePrefix(s.unitPath)}`),
    sql` OR `,
  )})`;
}

/** The unit `at`: its agencies in reach (agency pickers), then the units under it, one page. */
async function browse(
  db: Database,
  reach: PlaceReach,
  f: PlacesInput,
  at: { unit_id: string; code: string; path: string },
): Promise<{ items: PlaceEntry[]; total: number }> {
  const agencies =
    f.kind === 'agency'
      ? db
          .selectFrom('agencies as a')
          .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
          .where('a.unit_id', '=', at.unit_id)
          .where(agencyReach(reach))
          .where(inForce('a', f.today))
      : null;
  const children = db
    .selectFrom('units as c')
    .where('c.parent_id', '=', at.unit_id)
    .where(inForce('c', f.today))
    .where(unitReach(reach, 'c'));
  const [agencyCount, childCount] = await Promise.all([
    agencies
      ? agencies.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
      : { n: '0' },
    children.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const nAgencies = Number(agencyCount.n);
  const total = nAgencies + Number(childCount.n);
  const start = f.offset;
  const end = f.offset + f.limit;
  const [agencyRows, childRows] = await Promise.all([
    agencies && start < nAgencies
      ? agencies
          .select(['a.code', 'a.name', 'u.code as unit_code'])
          .orderBy(sql`CASE WHEN a.kind = 'people-committee' THEN 0 ELSE 1 END`)
          .orderBy('a.agency_id')
          .offset(start)
          .limit(Math.min(end, nAgencies) - start)
          .execute()
      : [],
    end > nAgencies
      ? children
          .select(['c.code', 'c.name', 'c.path'])
          .select(
            f.kind === 'agency'
              ? sql<boolean>`true`.as('has_children')
              : sql<boolean>`EXISTS (SELECT 1 FROM units g WHERE g.parent_id = c.unit_id AND ${inForce('g', f.today)})`.as(
                  'has_children',
                ),
          )
          .orderBy('c.code')
          .offset(Math.max(0, start - nAgencies))
          .limit(end - Math.max(start, nAgencies))
          .execute()
      : [],
  ]);
  const names = await namesOf(db, [at.path], f.today);
  const atTrail = trailOf(names, at.path, true);
  const items: PlaceEntry[] = [
    ...agencyRows.map((r): PlaceEntry => ({
      kind: 'agency',
      code: r.code,
      name: r.name,
      unitCode: r.unit_code,
      trail: atTrail,
      choosable: true,
      enterable: false,
    })),
    ...childRows.map((r): PlaceEntry => ({
      kind: 'unit',
      code: r.code,
      name: r.name,
      unitCode: r.code,
      trail: atTrail,
      // a unit above the caller's reach is a way down, not a choice
      choosable: f.kind === 'unit' && unitInReach(reach, r.path),
      enterable: Boolean(r.has_children),
    })),
  ];
  return { items, total };
}

/** The starting points: every province (public), or the top units of the caller's grants. */
async function roots(
  db: Database,
  reach: PlaceReach,
  f: PlacesInput,
): Promise<PlacesResponse | { tops: string[] }> {
  if (reach.kind === 'public') {
    const base = db.selectFrom('units as u').where('u.level', '=', 1).where(inForce('u', f.today));
    const [rows, count] = await Promise.all([
      base.select(['u.code', 'u.name']).orderBy('u.code').offset(f.offset).limit(f.limit).execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const items: PlaceEntry[] = rows.map((r) => ({
      kind: 'unit',
      code: r.code,
      name: r.name,
      unitCode: r.code,
      trail: [],
      choosable: f.kind === 'unit',
      enterable: true,
    }));
    return { at: null, items, total: Number(count.n) };
  }
  const paths = [...new Set(reach.scope.map((s) => s.unitPath))].sort();
  const tops = paths.filter((p) => !paths.some((o) => o !== p && p.startsWith(o)));
  return { tops };
}

/** The page a picker asks for. */
export async function findPlaces(db: Database, reach: PlaceReach, f: PlacesInput): Promise<PlacesResponse> {
  if (reach.kind === 'public' && f.kind === 'agency')
    throw fail('ORG_PLACES_PUBLIC_UNITS_ONLY', {
      details: [{ path: 'query/kind', message: 'Danh sách công khai chỉ có đơn vị hành chính (unit).' }],
    });
  let at: { unit_id: string; code: string; name: string; path: string } | null = null;
  if (f.under !== undefined) {
    const unit = await db
      .selectFrom('units as u')
      .select(['u.unit_id', 'u.code', 'u.name', 'u.path'])
      .where('u.code', '=', f.under)
      .where(inForce('u', f.today))
      .executeTakeFirst();
    if (!unit) {
      throw fail('ORG_QUERY_INVALID', {
        details: [{ path: 'query/under', message: `Không có đơn vị hành chính mã ${f.under}.` }],
      });
    }
    if (!unitInReach(reach, unit.path) && !unitAboveReach(reach, unit.path))
      throw fail('ORG_UNIT_OUT_OF_REACH');
    at = unit;
  }
  const atView = async (unit: { code: string; name: string; path: string }) => ({
    code: unit.code,
    name: unit.name,
    trail: trailOf(await namesOf(db, [unit.path], f.today), unit.path, false),
  });
  if (f.q !== undefined && foldedWords(f.q).length > 0) {
    const found = await search(db, reach, f, at?.path ?? null);
    return { at: at ? await atView(at) : null, items: found.items, total: found.total };
  }
  if (at === null) {
    const start = await roots(db, reach, f);
    if ('items' in start) return start;
    if (start.tops.length === 1) {
      at = await db
        .selectFrom('units as u')
        .select(['u.unit_id', 'u.code', 'u.name', 'u.path'])
        .where('u.path', '=', start.tops[0]!)
        .where(inForce('u', f.today))
        .executeTakeFirstOrThrow();
    } else {
      const rows =
        start.tops.length > 0
          ? await db
              .selectFrom('units as u')
              .select(['u.code', 'u.name', 'u.path'])
              .where('u.path', 'in', start.tops)
              .where(inForce('u', f.today))
              .orderBy('u.path')
              .execute()
          : [];
      const names = await namesOf(
        db,
        rows.map((r) => r.path),
        f.today,
      );
      const page = rows.slice(f.offset, f.offset + f.limit);
      return {
        at: null,
        items: page.map((r) => ({
          kind: 'unit',
          code: r.code,
          name: r.name,
          unitCode: r.code,
          trail: trailOf(names, r.path, false),
          choosable: f.kind === 'unit',
          enterable: true,
        })),
        total: rows.length,
      };
    }
  }
  const page = await browse(db, reach, f, at);
  return { at: await atView(at), ...page };
}

/**
 * The trail of each unit (its ancestors and itself, root first), for lists of agencies that other
 * modules build (a procedure's offering agencies, the desk's receivable ones): a picker over them
 * shows and browses by place.
 */
export async function unitTrails(
  db: Database,
  unitPaths: readonly string[],
  day: string,
): Promise<Map<string, PlaceStep[]>> {
  const paths = [...new Set(unitPaths)];
  if (paths.length === 0) return new Map();
  const names = await namesOf(db, paths, day);
  return new Map(paths.map((p) => [p, trailOf(names, p, true)]));
}
