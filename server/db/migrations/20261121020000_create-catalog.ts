// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`
    CREATE TABLE procedures (
      procedure_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]\\.[0-9]{6}$'),
      created_at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE procedures IS 'Administrative procedures (thủ tục hành chính) by national code; their content lives in versions.'`,
  );

  await run(sql`
    CREATE TABLE procedure_versions (
      procedure_version_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      procedure_id bigint NOT NULL REFERENCES procedures(procedure_id),
      version integer NOT NULL CHECK (version >= 1),
      status text NOT NULL CHECK (status IN ('draft','published','retired')),
      data jsonb NOT NULL,
      form_schema json,
      name text NOT NULL,
      field_name text,
      levels jsonb NOT NULL,
      online_level text CHECK (online_level IN ('full','partial','none')),
      search_text text NOT NULL,
      content_hash text NOT NULL,
      created_at timestamptz NOT NULL,
      created_by bigint REFERENCES users(user_id),
      published_at timestamptz,
      retired_at timestamptz,
      UNIQUE (procedure_id, version)
    )`);
  await run(
    sql`COMMENT ON TABLE procedure_versions IS 'Versions of a procedure: draft → published → retired. A dossier keeps the version it was received under.'`,
  );
  await run(
    sql`COMMENT ON COLUMN procedure_versions.data IS 'The normalised procedure (common/catalog/procedure.ts Procedure): time limits per channel, fees, components, cases, results, legal bases, provenance.'`,
  );
  await run(
    sql`COMMENT ON COLUMN procedure_versions.form_schema IS 'Declaration form as JSON Schema 2020-12 (no remote refs); NULL means the generic form is used. json, not jsonb: the order of properties is the order of the fields on screen.'`,
  );
  await run(
    sql`COMMENT ON COLUMN procedure_versions.content_hash IS 'sha256 of data + form, so an import can tell unchanged records.'`,
  );
  await run(
    sql`CREATE UNIQUE INDEX procedure_versions_one_published ON procedure_versions (procedure_id) WHERE status = 'published'`,
  );
  await run(
    sql`CREATE UNIQUE INDEX procedure_versions_one_draft ON procedure_versions (procedure_id) WHERE status = 'draft'`,
  );
  await run(
    sql`CREATE INDEX procedure_versions_search_idx ON procedure_versions USING gin (search_text gin_trgm_ops)`,
  );

  await run(sql`
    CREATE TABLE procedure_offerings (
      procedure_id bigint NOT NULL REFERENCES procedures(procedure_id),
      agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (procedure_id, agency_id)
    )`);
  await run(
    sql`COMMENT ON TABLE procedure_offerings IS 'Which agencies offer (decide on) a procedure; dossiers of the procedure go to one of them. Applies to the published version.'`,
  );
  await run(sql`CREATE INDEX procedure_offerings_agency_idx ON procedure_offerings (agency_id)`);

  await run(sql`
    CREATE TABLE workflows (
      workflow_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      procedure_version_id bigint NOT NULL REFERENCES procedure_versions(procedure_version_id),
      agency_id bigint REFERENCES agencies(agency_id),
      channel text NOT NULL CHECK (channel IN ('direct','online','postal')),
      steps jsonb NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      updated_at timestamptz NOT NULL,
      updated_by bigint REFERENCES users(user_id)
    )`);
  await run(
    sql`COMMENT ON TABLE workflows IS 'Internal workflow (quy trình nội bộ) of a procedure version for one channel, either for one offering agency or (agency_id NULL) for all; without a row the default receive → process → approve → return applies.'`,
  );
  await run(
    sql`CREATE UNIQUE INDEX workflows_key ON workflows (procedure_version_id, COALESCE(agency_id, 0), channel)`,
  );
}
