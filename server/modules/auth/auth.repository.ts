import type { Database } from '../../db/client.ts';
import type { Grant } from '../../platform/actor.ts';
import type { Role } from '../../../common/auth/roles.ts';

export async function findUserByUsername(db: Database, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Database, userId: string) {
  return db.selectFrom('users').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function loadGrants(db: Database, userId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('user_roles as r')
    .innerJoin('agencies as a', 'a.agency_id', 'r.agency_id')
    .innerJoin('units as u', 'u.code', 'a.unit_code')
    .select([
      'r.role',
      'a.agency_id',
      'a.code',
      'a.name',
      'a.unit_code',
      'a.path as agency_path',
      'u.path as unit_path',
    ])
    .where('r.user_id', '=', userId)
    .orderBy('r.role')
    .orderBy('a.code')
    .execute();
  return rows.map((r) => ({
    role: r.role as Role,
    agencyId: r.agency_id,
    agencyCode: r.code,
    agencyName: r.name,
    unitCode: r.unit_code,
    agencyPath: r.agency_path,
    unitPath: r.unit_path,
  }));
}

export async function countRecentFailures(db: Database, by: 'username' | 'ip', value: string, since: Date) {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('at').as('last')])
    .where(by, '=', value)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), last: row.last ? new Date(row.last) : null };
}
