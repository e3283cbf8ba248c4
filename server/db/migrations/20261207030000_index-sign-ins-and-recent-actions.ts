// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The home page's "since your last sign-in" (server/modules/dossiers/views/changes.ts): a user's two
  // latest sign-ins, then the actions after the earlier one, without a scan of the audit trail or of
  // every dossier's history.
  await sql`CREATE INDEX audit_log_sign_ins_idx ON audit_log (actor_user_id, at)
    WHERE action = 'auth.login'`.execute(db);
  await sql`CREATE INDEX dossier_actions_at_idx ON dossier_actions (at)`.execute(db);
}
