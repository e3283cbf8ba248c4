// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`
    CREATE TABLE citizens (
      citizen_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      issuer text NOT NULL,
      subject text NOT NULL,
      id_number text NOT NULL CHECK (id_number ~ '^[0-9]{12}$'),
      full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
      birth_date date,
      phone text,
      email text,
      created_at timestamptz NOT NULL,
      last_sign_in_at timestamptz NOT NULL,
      UNIQUE (issuer, subject)
    )`);
  await run(
    sql`COMMENT ON TABLE citizens IS 'Citizen accounts, created at the first sign-in through the identity provider (VNeID in production, the development provider in demo). The provider vouches for the name and the 12-digit personal identification number; no password is kept here.'`,
  );
  await run(
    sql`COMMENT ON COLUMN citizens.id_number IS 'Số định danh cá nhân (12 digits) from the identity provider''s claim; a citizen sees every dossier whose applicant has this number.'`,
  );
  await run(sql`CREATE INDEX citizens_id_number_idx ON citizens (id_number)`);

  await run(sql`
    CREATE TABLE citizen_sessions (
      token_hash text PRIMARY KEY,
      citizen_id bigint NOT NULL REFERENCES citizens(citizen_id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE citizen_sessions IS 'Server-side citizen sessions; the cookie holds the secret, the table its HMAC (as for staff sessions).'`,
  );

  await run(sql`
    CREATE TABLE oidc_sign_ins (
      state text PRIMARY KEY,
      code_verifier text NOT NULL,
      nonce text NOT NULL,
      return_to text NOT NULL,
      created_at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE oidc_sign_ins IS 'Sign-ins under way at the identity provider: the PKCE verifier and nonce by state, used once by the callback and discarded; rows older than 10 minutes are refused.'`,
  );

  await run(sql`ALTER TABLE dossiers ADD COLUMN applicant_id_number text`);
  await run(sql`UPDATE dossiers SET applicant_id_number = applicant->>'idNumber'`);
  await run(sql`ALTER TABLE dossiers ALTER COLUMN applicant_id_number SET NOT NULL`);
  await run(
    sql`COMMENT ON COLUMN dossiers.applicant_id_number IS 'The applicant''s ID number (citizen ID or tax code), copied from applicant for the citizen''s "my dossiers".'`,
  );
  await run(sql`CREATE INDEX dossiers_applicant_id_number_idx ON dossiers (applicant_id_number)`);
  await run(
    sql`ALTER TABLE dossiers ADD COLUMN submitted_by_citizen_id bigint REFERENCES citizens(citizen_id)`,
  );
  await run(
    sql`COMMENT ON COLUMN dossiers.submitted_by_citizen_id IS 'The citizen account that submitted the dossier online (it may act for an organisation or another person); NULL for desk intake and national-portal dossiers.'`,
  );
  await run(
    sql`CREATE INDEX dossiers_submitted_by_idx ON dossiers (submitted_by_citizen_id) WHERE submitted_by_citizen_id IS NOT NULL`,
  );
  await run(sql`ALTER TABLE files ADD COLUMN uploaded_by_citizen_id bigint REFERENCES citizens(citizen_id)`);
  await run(
    sql`COMMENT ON COLUMN files.uploaded_by_citizen_id IS 'The citizen who uploaded the file from the portal; a citizen may attach only files they uploaded.'`,
  );
  await run(
    sql`ALTER TABLE dossier_actions ADD COLUMN actor_citizen_id bigint REFERENCES citizens(citizen_id)`,
  );
  await run(
    sql`COMMENT ON COLUMN dossier_actions.actor_citizen_id IS 'The citizen account that acted, when actor_kind is citizen.'`,
  );
}
