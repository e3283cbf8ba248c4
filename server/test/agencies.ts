// The codes of seeded agencies, as tests look them up by administrative unit and kind.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The code of the agency of `kind` in unit `unitCode` (seeded reference data). */
export async function agencyCode(db: Kysely<DB>, unitCode: string, kind: string): Promise<string> {
  const row = await db
    .selectFrom('agencies')
    .select('code')
    .where('unit_code', '=', unitCode)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return row.code;
}

/** The code of the People's Committee of a ward or commune (`00070`: Phường Hàng Trống). */
export const peoplesCommittee = (db: Kysely<DB>, unitCode: string) =>
  agencyCode(db, unitCode, 'people-committee');
