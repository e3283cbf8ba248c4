// #14: an administrator resets a staff member's password; the person must choose their own at the next
// sign-in before anything else (the CLI's user:reset-password sets the same flag).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`.execute(db);
  await sql`COMMENT ON COLUMN users.must_change_password IS 'Set when an administrator or the CLI resets the password: until the person changes it, their session opens only their own account (me, sign out, change password).'`.execute(
    db,
  );
}
