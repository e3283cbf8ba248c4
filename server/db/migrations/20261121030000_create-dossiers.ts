// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`
    CREATE TABLE files (
      file_id text PRIMARY KEY CHECK (file_id ~ '^[0-9a-f-]{36}$'),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint NOT NULL CHECK (size > 0),
      media_type text NOT NULL CHECK (media_type IN ('application/pdf','image/jpeg','image/png')),
      original_name text,
      uploaded_by_user_id bigint REFERENCES users(user_id),
      created_at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE files IS 'Uploaded scans and documents; the bytes live in the file store (DATA_DIR/files by default) under file_id. The media type is sniffed from the content, never taken from the name.'`,
  );

  await run(sql`
    CREATE TABLE dossiers (
      dossier_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL UNIQUE,
      procedure_version_id bigint NOT NULL REFERENCES procedure_versions(procedure_version_id),
      procedure_code text NOT NULL,
      case_key text,
      channel text NOT NULL CHECK (channel IN ('direct','online','postal')),
      receiving_agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      competent_agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      current_agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      step_agencies jsonb NOT NULL,
      workflow jsonb NOT NULL,
      applicant jsonb NOT NULL,
      applicant_search text NOT NULL,
      form_data jsonb NOT NULL,
      components jsonb NOT NULL,
      state jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('submitted','received','refused','processing','awaiting-supplement','awaiting-payment','withdrawn','stopped','result-ready','returned')),
      version integer NOT NULL CHECK (version >= 0),
      assignee_user_id bigint REFERENCES users(user_id),
      submitted_at timestamptz NOT NULL,
      received_at timestamptz,
      due_at timestamptz,
      extended_due_at timestamptz,
      calendar_version integer,
      result_at timestamptz,
      returned_at timestamptz,
      closed_at timestamptz,
      created_by bigint REFERENCES users(user_id),
      updated_at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE dossiers IS 'Dossiers (hồ sơ): one application for one procedure version by one applicant. state is the lifecycle state (common/dossiers DossierState); status, version, due_at … are copies of it kept for queries.'`,
  );
  await run(
    sql`COMMENT ON COLUMN dossiers.code IS '<agency identifier>-<yymmdd>-<4-digit sequence per receiving agency per day>, gap-free (Circular 01/2018, Circular 03/2025 art. 13).'`,
  );
  await run(
    sql`COMMENT ON COLUMN dossiers.step_agencies IS 'The workflow performers resolved for this dossier at intake: [{ key, agencyId, agencyCode }] by step.'`,
  );
  await run(
    sql`COMMENT ON COLUMN dossiers.due_at IS 'Due time of the result in legal working time (hạn trả kết quả), recomputed when the clock pauses and resumes; computed with calendar_version.'`,
  );
  await run(
    sql`COMMENT ON COLUMN dossiers.extended_due_at IS 'The new appointment of an apology slip; due_at stays the reference for on-time KPIs.'`,
  );
  await run(
    sql`COMMENT ON COLUMN dossiers.applicant_search IS 'Applicant name and ID number folded without diacritics, for worklist search.'`,
  );
  await run(sql`CREATE INDEX dossiers_status_idx ON dossiers (status, due_at)`);
  await run(sql`CREATE INDEX dossiers_receiving_idx ON dossiers (receiving_agency_id, status)`);
  await run(sql`CREATE INDEX dossiers_current_idx ON dossiers (current_agency_id, status)`);
  await run(
    sql`CREATE INDEX dossiers_assignee_idx ON dossiers (assignee_user_id) WHERE assignee_user_id IS NOT NULL`,
  );
  await run(sql`CREATE INDEX dossiers_applicant_idx ON dossiers USING gin (applicant_search gin_trgm_ops)`);

  await run(sql`
    CREATE TABLE dossier_agencies (
      dossier_id bigint NOT NULL REFERENCES dossiers(dossier_id),
      agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      PRIMARY KEY (dossier_id, agency_id)
    )`);
  await run(
    sql`COMMENT ON TABLE dossier_agencies IS 'Every agency a dossier involves (receiving, competent, each step''s performer): staff reaching any of them may see it.'`,
  );
  await run(sql`CREATE INDEX dossier_agencies_agency_idx ON dossier_agencies (agency_id)`);

  await run(sql`
    CREATE TABLE dossier_actions (
      dossier_action_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      dossier_id bigint NOT NULL REFERENCES dossiers(dossier_id),
      version integer NOT NULL CHECK (version >= 1),
      kind text NOT NULL,
      actor_kind text NOT NULL CHECK (actor_kind IN ('citizen','staff','system')),
      actor_user_id bigint REFERENCES users(user_id),
      actor_label text NOT NULL,
      actor_roles jsonb NOT NULL,
      agency_id bigint REFERENCES agencies(agency_id),
      at timestamptz NOT NULL,
      from_status text NOT NULL,
      to_status text NOT NULL,
      from_step integer NOT NULL,
      to_step integer NOT NULL,
      note text,
      record jsonb NOT NULL,
      UNIQUE (dossier_id, version)
    )`);
  await run(
    sql`COMMENT ON TABLE dossier_actions IS 'Append-only history of every action on a dossier (who, role, agency, when, from → to status and step, note, payload). record is the lifecycle ActionRecord; replaying them rebuilds the state.'`,
  );

  await run(sql`
    CREATE TABLE dossier_code_counters (
      agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      day date NOT NULL,
      last_value integer NOT NULL CHECK (last_value BETWEEN 1 AND 9999),
      PRIMARY KEY (agency_id, day)
    )`);
  await run(
    sql`COMMENT ON TABLE dossier_code_counters IS 'Last dossier sequence per receiving agency and Vietnamese civil day; incremented in the intake transaction (row lock), so codes are gap-free and unique.'`,
  );

  await run(sql`
    CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL CHECK (length(key) BETWEEN 8 AND 200),
      request_hash text NOT NULL,
      status_code integer NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (scope, key)
    )`);
  await run(
    sql`COMMENT ON TABLE idempotency_keys IS 'Responses of creates and actions by Idempotency-Key per caller, written in the same transaction: a retry gets the first answer and never acts twice.'`,
  );
}
