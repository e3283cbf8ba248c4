// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`
    CREATE TABLE applicant_documents (
      applicant_document_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      applicant_kind text NOT NULL CHECK (applicant_kind IN ('person', 'organisation')),
      applicant_id_number text NOT NULL CHECK (
        (applicant_kind = 'person' AND applicant_id_number ~ '^[0-9]{12}$')
        OR (applicant_kind = 'organisation' AND applicant_id_number ~ '^[0-9]{10}(-[0-9]{3})?$')
      ),
      kind text NOT NULL CHECK (kind IN ('result')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
      file_id text NOT NULL REFERENCES files(file_id),
      dossier_id bigint NOT NULL REFERENCES dossiers(dossier_id),
      dossier_code text NOT NULL,
      position integer NOT NULL CHECK (position >= 0),
      procedure_code text NOT NULL,
      procedure_name text NOT NULL,
      issuing_agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      issued_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (dossier_id, kind, position)
    )`);
  await run(
    sql`COMMENT ON TABLE applicant_documents IS 'The applicant''s digitised records (kho quản lý dữ liệu điện tử của tổ chức, cá nhân, ND 45/2020 Điều 16 as amended by ND 118/2025 Điều 40 k8): each electronic result a dossier issued, kept under the applicant''s ID number so that later dossiers reuse it instead of asking for the paper again (ND 45/2020 Điều 16; TT 01/2023). Written in the transaction of the approve action that attaches the result, once per result document with a file; never updated.'`,
  );
  await run(
    sql`COMMENT ON COLUMN applicant_documents.applicant_id_number IS 'The dossier applicant''s ID number: the 12-digit personal identification number (person) or the tax code (organisation). A signed-in citizen sees the records with their own number.'`,
  );
  await run(
    sql`COMMENT ON COLUMN applicant_documents.kind IS 'result: a result document of a dossier (giấy tờ kết quả giải quyết TTHC). Other kinds (digitised components, papers from national databases) may follow.'`,
  );
  await run(
    sql`COMMENT ON COLUMN applicant_documents.file_id IS 'The result''s file, shared and never copied: a dossier that reuses the record points its component at the same file.'`,
  );
  await run(
    sql`COMMENT ON COLUMN applicant_documents.position IS 'The document''s index in the dossier''s result documents (state.resultDocuments): with dossier_id and kind, the key that makes the record exactly once.'`,
  );
  await run(
    sql`COMMENT ON COLUMN applicant_documents.procedure_name IS 'The procedure''s name in the version the dossier followed, as the result was issued under it.'`,
  );
  await run(
    sql`COMMENT ON COLUMN applicant_documents.issuing_agency_id IS 'The competent agency (cơ quan có thẩm quyền) that decided the dossier and issued the result.'`,
  );
  await run(
    sql`COMMENT ON COLUMN applicant_documents.issued_at IS 'When the result was signed: the time of the approve action.'`,
  );
  await run(
    sql`CREATE INDEX applicant_documents_applicant_idx ON applicant_documents (applicant_id_number, issued_at DESC)`,
  );
}
