import { sql, type Expression, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import type { Grant } from '../../platform/actor.ts';
import type { Role } from '../../../common/auth/roles.ts';
import { foldedWords, foldVietnamese } from '../../../common/text/fold.ts';
import { pageWithTotal } from '../../db/paging.ts';
import { AGENCY_COLUMNS, selectGrants } from '../auth/index.ts';

export type Executor = Database | Transaction<DB>;
export type Scope = Pick<Grant, 'unitPath' | 'agencyPath'>[];

// Vietnamese letters and their folded forms, for translate() in SQL: the users table has no folded
// search column (staff lists are short), and PGlite has no unaccent. Upper and lower case both, as
// lower() leaves non-ASCII letters alone under the C locale.
const FOLD_FROM_TO = (() => {
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const letters = new Set<string>(['đ', 'Đ']);
  for (const base of 'aăâeêioôơuưy') {
    for (const tone of tones) {
      const c = (base + tone).normalize('NFC');
      letters.add(c);
      letters.add(c.toUpperCase());
    }
  }
  let from = '';
  let to = '';
  for (const c of letters) {
    const folded = foldVietnamese(c);
    if (folded !== c && folded.length === 1) {
      from += c;
      to += folded;
    }
  }
  return { from, to };
})();

function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

export type UserRow = Pick<
  Selectable<DB['users']>,
  'user_id' | 'username' | 'full_name' | 'active' | 'created_at'
>;

export type GrantRow = {
  user_id: string;
  role: Role;
  agency_id: string;
  code: string;
  name: string;
  unit_code: string;
  agency_path: string;
  unit_path: string;
};

export type StaffFilter = {
  scope: Scope;
  q?: string | undefined;
  agencyCode?: string | undefined;
  /** Instead of agencyCode's agency alone: every agency its holder would reach (#14 filter). */
  within?: { agencyPath: string; unitPath: string } | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  offset: number;
  limit: number;
};

/** Users holding at least one grant inside `scope` (and matching the filter), a page of them and the count. */
export async function listUsers(db: Database, f: StaffFilter): Promise<{ rows: UserRow[]; total: number }> {
  if (f.scope.length === 0) return { rows: [], total: 0 };
  const words = f.q === undefined ? [] : foldedWords(f.q);
  const query = db.selectFrom('users as u').where((eb) => {
    const grantHeld = eb.exists(
      eb
        .selectFrom('user_roles as r')
        .innerJoin('agencies as a', 'a.agency_id', 'r.agency_id')
        .innerJoin('units as un', 'un.unit_id', 'a.unit_id')
        .select(sql`1`.as('one'))
        .whereRef('r.user_id', '=', 'u.user_id')
        .where((inner) => {
          const conds: Expression<SqlBool>[] = [
            inner.or(
              f.scope.map((s) =>
                inner.or([
                  inner('a.path', 'like', likePrefix(s.agencyPath)),
                  inner.and([
                    inner('un.path', 'like', likePrefix(s.unitPath)),
                    inner('un.path', '<>', s.unitPath),
                  ]),
                ]),
              ),
            ),
          ];
          if (f.role !== undefined) conds.push(inner('r.role', '=', f.role));
          if (f.within !== undefined) {
            const w = f.within;
            conds.push(
              inner.or([
                inner('a.path', 'like', likePrefix(w.agencyPath)),
                inner.and([
                  inner('un.path', 'like', likePrefix(w.unitPath)),
                  inner('un.path', '<>', w.unitPath),
                ]),
              ]),
            );
          } else if (f.agencyCode !== undefined) conds.push(inner('a.code', '=', f.agencyCode));
          return inner.and(conds);
        }),
    );
    const conds: Expression<SqlBool>[] = [grantHeld];
    if (f.active !== undefined) conds.push(eb('u.active', '=', f.active));
    for (const w of words) {
      // folded words hold only [a-z0-9.], so they need no LIKE escaping
      const pattern = `%${w}%`;
      conds.push(
        sql<SqlBool>`(lower(translate(u.full_name, ${FOLD_FROM_TO.from}, ${FOLD_FROM_TO.to})) LIKE ${pattern} OR u.username LIKE ${pattern})`,
      );
    }
    return eb.and(conds);
  });
  return pageWithTotal(query, (page) =>
    page
      .select(['u.user_id', 'u.username', 'u.full_name', 'u.active', 'u.created_at'])
      .orderBy('u.username')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
  );
}

export async function findUser(
  db: Executor,
  username: string,
  forUpdate = false,
): Promise<UserRow | undefined> {
  let query = db
    .selectFrom('users')
    .select(['user_id', 'username', 'full_name', 'active', 'created_at'])
    .where('username', '=', username);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function loadGrantRows(db: Executor, userIds: readonly string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  const rows = await selectGrants(db)
    .select('r.user_id')
    .where('r.user_id', 'in', [...userIds])
    .orderBy('a.code')
    .orderBy('r.role')
    .execute();
  return rows as GrantRow[];
}

export type AgencyRow = Omit<GrantRow, 'user_id' | 'role'>;

export async function findAgencies(db: Executor, codes: readonly string[]): Promise<Map<string, AgencyRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('agencies as a')
    .innerJoin('units as un', 'un.unit_id', 'a.unit_id')
    .select(AGENCY_COLUMNS)
    .where('a.code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}
