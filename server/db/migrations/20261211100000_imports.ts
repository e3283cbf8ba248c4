// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// Moving in (issue #17, items 3–4): imports of dossiers (and staff) from the systems being replaced,
// run as a job whose state lives here, so that the screen and the CLI follow it and a stopped run
// resumes from its last batch; the per-record report; the file as received, in chunks of lines, so
// the job reads it from the database whichever process runs it; and what the dossiers keep of the
// system they came from.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`
    CREATE TABLE imports (
      import_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('dossiers','staff')),
      format text NOT NULL CHECK (format IN ('dvcqg','opencps','xlsx','csv')),
      dry_run boolean NOT NULL,
      state text NOT NULL CHECK (state IN ('running','done','failed')),
      total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
      processed integer NOT NULL DEFAULT 0 CHECK (processed >= 0),
      accepted integer NOT NULL DEFAULT 0 CHECK (accepted >= 0),
      refused integer NOT NULL DEFAULT 0 CHECK (refused >= 0),
      unchanged integer NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
      chunks integer NOT NULL DEFAULT 0 CHECK (chunks >= 0),
      next_chunk integer NOT NULL DEFAULT 0 CHECK (next_chunk >= 0),
      file_name text CHECK (length(file_name) <= 300),
      file_sha256 text CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
      error text,
      scope jsonb NOT NULL,
      created_by bigint NOT NULL REFERENCES users(user_id),
      started_at timestamptz NOT NULL,
      run_started_at timestamptz,
      run_processed_from integer NOT NULL DEFAULT 0,
      finished_at timestamptz,
      locked_until timestamptz,
      CHECK (processed <= total AND accepted + refused = processed AND unchanged <= accepted),
      CHECK ((state = 'running') = (finished_at IS NULL))
    )`);
  await run(
    sql`COMMENT ON TABLE imports IS 'An import of dossiers or staff accounts from a legacy system (issue #17): a dry run (writes nothing but its report) or a real run, processed in batches of one chunk each, one transaction per batch; resumable from next_chunk.'`,
  );
  await run(
    sql`COMMENT ON COLUMN imports.scope IS 'The administrator grants (role, agency, agency and unit paths) the import was started with: records outside them are refused, also when a worker resumes the run.'`,
  );
  await run(
    sql`COMMENT ON COLUMN imports.unchanged IS 'Accepted records that were already imported with the same content (a second run of the same file): nothing written.'`,
  );
  await run(
    sql`COMMENT ON COLUMN imports.run_started_at IS 'When the current run (first or resumed) began processing, and run_processed_from the records processed before it: rows per second are measured over this run.'`,
  );
  await run(
    sql`COMMENT ON COLUMN imports.locked_until IS 'Lease of the process running the import, renewed each batch; once past, a resume may take the run over.'`,
  );
  await run(sql`CREATE INDEX imports_created_by_idx ON imports (created_by, import_id)`);

  await run(sql`
    CREATE TABLE import_chunks (
      import_id bigint NOT NULL REFERENCES imports(import_id),
      chunk_no integer NOT NULL CHECK (chunk_no >= 0),
      first_line integer NOT NULL CHECK (first_line >= 1),
      lines text NOT NULL,
      PRIMARY KEY (import_id, chunk_no)
    )`);
  // Kept as the text it was written (JSON), neither parsed into jsonb nor compressed: it is read once,
  // whole, and deleted when the run ends (parsing and compressing it cost more than the bytes).
  await run(sql`ALTER TABLE import_chunks ALTER COLUMN lines SET STORAGE EXTERNAL`);
  await run(
    sql`COMMENT ON TABLE import_chunks IS 'The imported file as received, a batch of records per row: lines is the JSON text of [[line number, text], …] (a spreadsheet row as the JSON of its cells). Deleted when the run is done.'`,
  );

  await run(sql`
    CREATE TABLE import_records (
      import_id bigint NOT NULL REFERENCES imports(import_id),
      line integer NOT NULL CHECK (line >= 1),
      code text,
      outcome text NOT NULL CHECK (outcome IN ('accepted','refused')),
      reason text,
      PRIMARY KEY (import_id, line)
    )`);
  await run(
    sql`COMMENT ON TABLE import_records IS 'The per-record report of an import: each line of the file, the dossier code (or username) it names, accepted or refused and why.'`,
  );
  await run(sql`CREATE INDEX import_records_code_idx ON import_records (import_id, code)`);

  await run(
    sql`ALTER TABLE dossiers ADD COLUMN alternative_code text CHECK (length(alternative_code) <= 100)`,
  );
  await run(
    sql`COMMENT ON COLUMN dossiers.alternative_code IS 'The dossier''s code in another system (MaHoSoKhac): for an imported dossier, the legacy system''s own identifier of it (OpenCPS referenceUid, the record''s MaHoSoKhac); its motcua code stays the one it was issued.'`,
  );
  await run(
    sql`CREATE INDEX dossiers_alternative_code_idx ON dossiers (alternative_code) WHERE alternative_code IS NOT NULL`,
  );

  await run(sql`
    CREATE TABLE dossier_imports (
      dossier_id bigint PRIMARY KEY REFERENCES dossiers(dossier_id),
      import_id bigint NOT NULL REFERENCES imports(import_id),
      line integer NOT NULL CHECK (line >= 1),
      source text NOT NULL CHECK (source IN ('dvcqg','opencps','xlsx')),
      record_sha256 text NOT NULL CHECK (record_sha256 ~ '^[0-9a-f]{64}$'),
      read_only boolean NOT NULL,
      legacy_status_code integer NOT NULL CHECK (legacy_status_code BETWEEN 1 AND 10),
      history jsonb NOT NULL,
      fees jsonb NOT NULL,
      imported_at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE dossier_imports IS 'What an imported dossier keeps of the legacy system: its process history and fees as recorded there (read-only; motcua''s own actions start after them), the record''s hash (a re-import of the same record changes nothing) and whether it came in closed (read-only: lookup, statistics, the applicant''s documents).'`,
  );
  await run(sql`CREATE INDEX dossier_imports_import_idx ON dossier_imports (import_id)`);
}
