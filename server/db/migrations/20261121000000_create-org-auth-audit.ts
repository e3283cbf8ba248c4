// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

  await run(sql`
    CREATE TABLE seed_state (
      name text PRIMARY KEY,
      version text NOT NULL,
      applied_at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE seed_state IS 'Which version of each idempotent seed (reference data, demo data) a database holds, so start-up can skip unchanged seeds.'`,
  );

  await run(sql`
    CREATE TABLE units (
      code text PRIMARY KEY CHECK (code ~ '^[0-9]{2,5}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      type text NOT NULL,
      level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
      parent_code text REFERENCES units(code),
      path text NOT NULL UNIQUE,
      search_text text NOT NULL,
      valid_from date,
      valid_to date,
      CHECK ((level = 1) = (parent_code IS NULL)),
      CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
    )`);
  await run(
    sql`COMMENT ON TABLE units IS 'Administrative units (đơn vị hành chính) with GSO codes. A unit has a level and a parent; nothing assumes three levels.'`,
  );
  await run(
    sql`COMMENT ON COLUMN units.path IS 'Materialised ancestry of codes, e.g. /01/002/00070/; a prefix match finds every unit below.'`,
  );
  await run(
    sql`COMMENT ON COLUMN units.search_text IS 'Name and code folded without diacritics (common/text/fold.ts) for diacritics-insensitive search.'`,
  );
  await run(
    sql`COMMENT ON COLUMN units.valid_from IS 'First day the unit exists in this form; NULL when it predates the reference data.'`,
  );
  await run(
    sql`COMMENT ON COLUMN units.valid_to IS 'Last day the unit exists (merged, split, dissolved); NULL while it is current.'`,
  );
  await run(sql`CREATE INDEX units_parent_idx ON units (parent_code)`);
  await run(sql`CREATE INDEX units_path_idx ON units (path text_pattern_ops)`);
  await run(sql`CREATE INDEX units_search_idx ON units USING gin (search_text gin_trgm_ops)`);

  await run(sql`
    CREATE TABLE agencies (
      agency_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
      unit_code text NOT NULL REFERENCES units(code),
      kind text NOT NULL CHECK (kind IN ('people-committee','public-administration-centre','justice','natural-resources','labour','finance-planning','urban-management','police')),
      parent_agency_id bigint REFERENCES agencies(agency_id),
      path text NOT NULL,
      search_text text NOT NULL,
      valid_from date,
      valid_to date
    )`);
  await run(
    sql`COMMENT ON TABLE agencies IS 'Agencies (cơ quan, đơn vị) that receive or decide on dossiers; each belongs to a unit.'`,
  );
  await run(
    sql`COMMENT ON COLUMN agencies.code IS 'Electronic agency identifier in the legacy QCVN 102:2016/BTTTT form DDD.DD.DD.XNN (level 1 at the right).'`,
  );
  await run(
    sql`COMMENT ON COLUMN agencies.path IS 'Materialised agency ancestry of agency_ids, e.g. /1/57/; a prefix match finds subordinate agencies.'`,
  );
  await run(sql`CREATE INDEX agencies_unit_idx ON agencies (unit_code)`);
  await run(sql`CREATE INDEX agencies_path_idx ON agencies (path text_pattern_ops)`);
  await run(sql`CREATE INDEX agencies_search_idx ON agencies USING gin (search_text gin_trgm_ops)`);

  await run(sql`
    CREATE TABLE desks (
      desk_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
      UNIQUE (agency_id, name)
    )`);
  await run(
    sql`COMMENT ON TABLE desks IS 'One-stop desks (bộ phận một cửa) where dossiers are received and results returned.'`,
  );

  await run(sql`
    CREATE TABLE users (
      user_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
      full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
      password_hash text,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  await run(
    sql`COMMENT ON TABLE users IS 'Staff accounts. Citizens sign in through the national identity provider and are not users here.'`,
  );
  await run(
    sql`COMMENT ON COLUMN users.password_hash IS 'argon2id PHC string; NULL when the account can only use API tokens.'`,
  );

  await run(sql`
    CREATE TABLE user_roles (
      user_id bigint NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('desk-officer','specialist','leader','unit-admin','province-admin','auditor')),
      agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      PRIMARY KEY (user_id, role, agency_id)
    )`);
  await run(
    sql`COMMENT ON TABLE user_roles IS 'A role held within one agency; the holder acts within that agency and the units below it.'`,
  );
  await run(sql`CREATE INDEX user_roles_agency_idx ON user_roles (agency_id)`);

  await run(sql`
    CREATE TABLE sessions (
      session_hash text PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE sessions IS 'Server-side staff sessions; the cookie holds a random id, the table its HMAC only.'`,
  );
  await run(sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`);

  await run(sql`
    CREATE TABLE api_tokens (
      api_token_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users(user_id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz,
      revoked_at timestamptz,
      last_used_at timestamptz
    )`);
  await run(
    sql`COMMENT ON TABLE api_tokens IS 'Bearer tokens for integrations, acting as their user; only an HMAC of the token is stored.'`,
  );

  await run(sql`
    CREATE TABLE login_failures (
      login_failure_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      username text NOT NULL,
      ip text NOT NULL,
      at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE login_failures IS 'Failed sign-ins, counted per username and per IP for the temporary lockout.'`,
  );
  await run(sql`CREATE INDEX login_failures_username_idx ON login_failures (username, at)`);
  await run(sql`CREATE INDEX login_failures_ip_idx ON login_failures (ip, at)`);

  await run(sql`
    CREATE TABLE audit_log (
      audit_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_user_id bigint REFERENCES users(user_id),
      actor_label text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      request_id text,
      prev_hash text NOT NULL,
      hash text NOT NULL UNIQUE
    )`);
  await run(
    sql`COMMENT ON TABLE audit_log IS 'Append-only audit trail, written in the same transaction as each change. hash = sha256(prev_hash + canonical entry); audit:verify walks the chain.'`,
  );
  await run(sql`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('motcua.allow_audit_tamper', true) = 'on' THEN
        RETURN COALESCE(NEW, OLD);
      END IF;
      RAISE EXCEPTION 'audit_log is append-only';
    END $$`);
  await run(sql`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);

  await run(sql`
    CREATE TABLE outbox (
      outbox_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      topic text NOT NULL,
      ordering_key text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','delivered','dead')),
      attempts integer NOT NULL DEFAULT 0,
      available_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      delivered_at timestamptz,
      locked_until timestamptz,
      last_error text
    )`);
  await run(
    sql`COMMENT ON TABLE outbox IS 'Transactional outbox: messages written with the business change, delivered at least once by workers claiming rows FOR UPDATE SKIP LOCKED.'`,
  );
  await run(
    sql`COMMENT ON COLUMN outbox.ordering_key IS 'Messages with the same key (e.g. one dossier) are delivered in outbox_id order.'`,
  );
  await run(sql`CREATE INDEX outbox_pending_idx ON outbox (available_at) WHERE status = 'pending'`);
  await run(sql`CREATE INDEX outbox_key_idx ON outbox (ordering_key, outbox_id) WHERE status = 'pending'`);
}
