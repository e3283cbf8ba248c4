// Frozen: never edit a migration that has shipped; add a new one.
// Issue #20: the application's runtime role owns nothing it must not alter. The role running the
// migrations (MIGRATION_DATABASE_URL, the owner) keeps the schema; motcua_runtime, a NOLOGIN group
// role, gets what the server needs: DML on the business tables, only SELECT on the audit tables
// (appends go through the SECURITY DEFINER functions audit_chain_head and audit_append) and the
// migration bookkeeping. A login role for the server is made a member of it (docs/operations.md).
// Roles are cluster-wide: created idempotently and race-safely (many databases migrate in parallel
// on one cluster in the tests). On PGlite (one superuser session) the grants change nothing.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'motcua_runtime') THEN
        CREATE ROLE motcua_runtime NOLOGIN;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- created meanwhile by a parallel migration
    END $$`);
  await run(sql`
    DO $$
    DECLARE s text := quote_ident(current_schema());
    BEGIN
      EXECUTE format('GRANT USAGE ON SCHEMA %s TO motcua_runtime', s);
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %s TO motcua_runtime', s);
      EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %s TO motcua_runtime', s);
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %s GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO motcua_runtime', s);
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %s GRANT USAGE, SELECT ON SEQUENCES TO motcua_runtime', s);
    END $$`);
  // The audit trail and its anchors: read, never written directly.
  await run(sql`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log, audit_chain_heads FROM motcua_runtime`);
  await run(
    sql`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations, schema_migrations_lock FROM motcua_runtime`,
  );
  await run(sql`REVOKE EXECUTE ON FUNCTION audit_chain_head(text), audit_append(text, bigint, timestamptz,
    bigint, text, text, text, text, jsonb, text, text, text) FROM PUBLIC`);
  await run(sql`GRANT EXECUTE ON FUNCTION audit_chain_head(text), audit_append(text, bigint, timestamptz,
    bigint, text, text, text, text, jsonb, text, text, text) TO motcua_runtime`);
}
