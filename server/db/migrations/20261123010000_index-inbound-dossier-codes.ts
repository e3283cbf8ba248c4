// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Every E1 record looks up the portal's code of its dossier (MaHoSoKhac, when the national portal
  // handed the dossier over): by motcua's dossier code, which one portal dossier at most became.
  await sql`CREATE UNIQUE INDEX portal_inbound_dossier_code_idx ON portal_inbound_dossiers (dossier_code)
    WHERE dossier_code IS NOT NULL`.execute(db);
  await sql`COMMENT ON COLUMN portal_inbound_dossiers.portal_code IS 'The national portal''s own code of the dossier (its MaHoSo), sent back as MaHoSoKhac in every E1 record of the motcua dossier it became (dossier_code).'`.execute(
    db,
  );
}
