import { preparedQuery, type Database } from '../../db/client.ts';
import type { Grant } from '../../platform/actor.ts';
import type { Role } from '../../../common/auth/roles.ts';

export async function findUserByUsername(db: Database, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Database, userId: string) {
  return db.selectFrom('users').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** An agency (a) with its unit's path (un): a grant's place. */
export const AGENCY_COLUMNS = [
  'a.agency_id',
  'a.code',
  'a.name',
  'un.code as unit_code',
  'a.unit_id',
  'a.path as agency_path',
  'un.path as unit_path',
] as const;

/** A grant's columns: the role (r) and its agency. */
const GRANT_COLUMNS = ['r.role', ...AGENCY_COLUMNS] as const;

/** Roles held, each with its grant's columns; narrowed and ordered by the caller. */
export function selectGrants(db: Database) {
  return db
    .selectFrom('user_roles as r')
    .innerJoin('agencies as a', 'a.agency_id', 'r.agency_id')
    .innerJoin('units as un', 'un.unit_id', 'a.unit_id')
    .select(GRANT_COLUMNS);
}

export async function loadGrants(db: Database, userId: string): Promise<Grant[]> {
  const rows = await selectGrants(db)
    .where('r.user_id', '=', userId)
    .orderBy('r.role')
    .orderBy('a.code')
    .execute();
  return rows.flatMap(grantOf);
}

type GrantRow = {
  role: string | null;
  agency_id: string | null;
  code: string | null;
  name: string | null;
  unit_code: string | null;
  unit_id: string | null;
  agency_path: string | null;
  unit_path: string | null;
};

function grantOf(r: GrantRow): Grant[] {
  if (r.role === null) return [];
  return [
    {
      role: r.role as Role,
      agencyId: r.agency_id!,
      agencyCode: r.code!,
      agencyName: r.name!,
      unitCode: r.unit_code!,
      unitId: r.unit_id!,
      agencyPath: r.agency_path!,
      unitPath: r.unit_path!,
    },
  ];
}

export type UserWithGrants = {
  userId: string;
  username: string;
  fullName: string;
  active: boolean;
  /** The password was reset and must be changed before anything else (#14). */
  mustChangePassword: boolean;
  /** The session's expiry, when found by session. */
  expiresAt: Date | null;
  grants: Grant[];
};

function selectUserWithGrants(db: Database) {
  return db
    .selectFrom('users as u')
    .leftJoin('user_roles as r', 'r.user_id', 'u.user_id')
    .leftJoin('agencies as a', 'a.agency_id', 'r.agency_id')
    .leftJoin('units as un', 'un.unit_id', 'a.unit_id')
    .select([
      'u.user_id',
      'u.username',
      'u.full_name',
      'u.active',
      'u.must_change_password',
      ...GRANT_COLUMNS,
    ])
    .orderBy('r.role')
    .orderBy('a.code');
}

// Named statements (db/client.ts): PostgreSQL plans this five-table join in ≈ 1.5 ms, ten times what
// it takes to run, so it is planned once per connection (docs/benchmarks.md, intake).
const userWithGrantsBySession = preparedQuery('user-with-grants-by-session', (db: Database, hash: string) =>
  selectUserWithGrants(db)
    .innerJoin('sessions as s', 's.user_id', 'u.user_id')
    .select('s.expires_at')
    .where('s.session_hash', '=', hash),
);
const userWithGrantsById = preparedQuery('user-with-grants-by-id', (db: Database, userId: string) =>
  selectUserWithGrants(db).where('u.user_id', '=', userId),
);

/**
 * A user and their grants in one read, by session or by id: the auth hook asks on every request, so
 * one statement rather than three (session, user, grants).
 */
export async function findUserWithGrants(
  db: Database,
  by: { sessionHash: string } | { userId: string },
): Promise<UserWithGrants | undefined> {
  const rows =
    'sessionHash' in by
      ? await userWithGrantsBySession(db, by.sessionHash)
      : (await userWithGrantsById(db, by.userId)).map((r) => ({ ...r, expires_at: null }));
  const first = rows[0];
  if (!first) return undefined;
  return {
    userId: first.user_id,
    username: first.username,
    fullName: first.full_name,
    active: first.active,
    mustChangePassword: first.must_change_password,
    expiresAt: first.expires_at === null ? null : new Date(first.expires_at),
    grants: rows.flatMap(grantOf),
  };
}

/**
 * When the user signed in before their latest sign-in: the sign-ins are the audit trail's
 * `auth.login` entries (auth.service.ts login), the latest being the one that opened the session in
 * use. NULL for a first sign-in.
 */
export async function findPreviousSignIn(db: Database, userId: string): Promise<Date | null> {
  const rows = await db
    .selectFrom('audit_log')
    .select('at')
    .where('actor_user_id', '=', userId)
    .where('action', '=', 'auth.login')
    .orderBy('at', 'desc')
    .limit(2)
    .execute();
  return rows[1] ? new Date(rows[1].at) : null;
}
