// Seeded reference and demo rows as tests look them up: agencies by unit and kind, users by name, row counts.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The code of the agency of `kind` in unit `unitCode` (seeded reference data). */
export async function agencyCode(db: Kysely<DB>, unitCode: string, kind: string): Promise<string> {
  const row = await db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select('a.code')
    .where('u.code', '=', unitCode)
    .where('u.valid_to', 'is', null)
    .where('a.valid_to', 'is', null)
    .where('a.kind', '=', kind)
    .executeTakeFirstOrThrow();
  return row.code;
}

/** The code of the People's Committee of a ward or commune in force (`00070`: Phường Hoàn Kiếm since 1/7/2025). */
export const peoplesCommittee = (db: Kysely<DB>, unitCode: string) =>
  agencyCode(db, unitCode, 'people-committee');

/** The id of the user named `username` (a demo account or one a test created). */
export async function userId(db: Kysely<DB>, username: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('user_id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.user_id;
}

/** How many rows `table` holds now (for "nothing was written" checks). */
export async function countRows(db: Kysely<DB>, table: keyof DB): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
