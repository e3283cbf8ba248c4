// Frozen: never edit a migration that has shipped; add a new one.
// Signed results counted (#19, scope 5): "Kết quả có bản điện tử" (the KPIs' electronic results and the
// Decision 766 indicator ORIGINAL_RESULT_AVAILABLE) counts a result only when it was issued
// electronically and carries a valid signature of the deciding agency. That fact is decided once, at
// the approval, by verifying the result files (server/modules/signatures/result-signatures.ts), and
// kept on the dossier row as `signed_result_files` (the result files that verified), so the report
// trigger reads a column of the row it already has and scans nothing. The applicant's store marks its
// records the same way (signed, with the result number). The counts are recounted at the end.
import { sql, type Kysely } from 'kysely';
import { REBUILD_REPORT_COUNTS } from './20261210000000_report-counts.ts';

const ELECTRONIC_BEFORE = `jsonb_path_exists(d.state, '$.resultDocuments[*] ? (exists(@.fileId))') AS electronic`;
/** A result file carrying a valid signature of the deciding agency, recorded at the approval. */
const ELECTRONIC_SIGNED = `cardinality(d.signed_result_files) > 0 AS electronic`;

/**
 * The approvals made before this migration: a result file the approval bound as signed
 * (signed_documents, with the dossier's result number) is taken as signed — whose signature it was is
 * not known any more — and the store's records follow the dossier.
 */
export const BACKFILL_SIGNED_RESULTS = [
  `UPDATE dossiers d SET signed_result_files = s.files FROM (
      SELECT s.dossier_id, array_agg(s.file_id ORDER BY s.file_id) AS files
      FROM signed_documents s JOIN dossiers x ON x.dossier_id = s.dossier_id
      WHERE s.kind = 'result' AND s.result_number = x.state -> 'resultRecord' ->> 'number'
        AND jsonb_path_exists(x.state, '$.resultDocuments[*].fileId ? (@ == $f)', jsonb_build_object('f', s.file_id))
      GROUP BY s.dossier_id
    ) s WHERE s.dossier_id = d.dossier_id`,
  `UPDATE applicant_documents a SET signed = a.file_id = ANY (d.signed_result_files),
      result_number = nullif(d.state -> 'resultRecord' ->> 'number', '')
    FROM dossiers d WHERE d.dossier_id = a.dossier_id AND a.kind = 'result'`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (text: string) => {
    await sql.raw(text).execute(db);
  };
  await run(`ALTER TABLE dossiers ADD COLUMN signed_result_files text[] NOT NULL DEFAULT '{}'`);
  await run(
    `COMMENT ON COLUMN dossiers.signed_result_files IS 'The approval''s result files (file ids among state.resultDocuments) whose signatures all verified at the approval, one of them the deciding agency''s (its seal, or a leader of it by full name). Not empty: the result counts as issued electronically and signed (report counts results_electronic, KPI electronicResults, Decision 766 ORIGINAL_RESULT_AVAILABLE).'`,
  );
  for (const statement of BACKFILL_SIGNED_RESULTS.slice(0, 1)) await run(statement);

  // The contribution function, with the signed condition in place of "has a file".
  const found = await sql<{
    src: string;
  }>`SELECT prosrc AS src FROM pg_proc WHERE proname = 'report_dossier_rows'`.execute(db);
  const source = found.rows[0]?.src;
  if (!source || !source.includes(ELECTRONIC_BEFORE))
    throw new Error('report_dossier_rows is not the function of 20261210000000_report-counts');
  const signature = await sql<{ args: string; result: string }>`SELECT
      pg_get_function_arguments(oid) AS args, pg_get_function_result(oid) AS result
    FROM pg_proc WHERE proname = 'report_dossier_rows'`.execute(db);
  const { args, result } = signature.rows[0]!;
  await run(`CREATE OR REPLACE FUNCTION report_dossier_rows(${args}) RETURNS ${result}
    LANGUAGE sql STABLE AS $fn$${source.replace(ELECTRONIC_BEFORE, ELECTRONIC_SIGNED)}$fn$`);

  // The row trigger also fires when the signed files change (the approval records them).
  await run(`DROP TRIGGER dossiers_report_counts_update ON dossiers`);
  await run(`CREATE TRIGGER dossiers_report_counts_update
    AFTER UPDATE OF status, received_at, result_at, closed_at, due_at, channel, received_by_agency_id, procedure_code, components, state, signed_result_files
    ON dossiers FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.received_at IS DISTINCT FROM NEW.received_at
      OR OLD.result_at IS DISTINCT FROM NEW.result_at OR OLD.closed_at IS DISTINCT FROM NEW.closed_at
      OR OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.channel IS DISTINCT FROM NEW.channel
      OR OLD.received_by_agency_id IS DISTINCT FROM NEW.received_by_agency_id
      OR OLD.procedure_code IS DISTINCT FROM NEW.procedure_code
      OR OLD.components IS DISTINCT FROM NEW.components
      OR (OLD.state -> 'resultDocuments') IS DISTINCT FROM (NEW.state -> 'resultDocuments')
      OR OLD.signed_result_files IS DISTINCT FROM NEW.signed_result_files)
    EXECUTE FUNCTION report_dossier_change()`);

  // The applicant's store: which records are the signed original, under which result number.
  await run(`ALTER TABLE applicant_documents ADD COLUMN signed boolean NOT NULL DEFAULT false,
    ADD COLUMN result_number text CHECK (length(result_number) BETWEEN 1 AND 100)`);
  await run(
    `COMMENT ON COLUMN applicant_documents.signed IS 'The record''s file is the signed original: its signatures verified at the approval, one of them the deciding agency''s (dossiers.signed_result_files). Reusing a signed record verifies its signature again.'`,
  );
  await run(
    `COMMENT ON COLUMN applicant_documents.result_number IS 'The result''s số, ký hiệu (the approval''s result number), when it has one.'`,
  );
  for (const statement of BACKFILL_SIGNED_RESULTS.slice(1)) await run(statement);

  for (const statement of REBUILD_REPORT_COUNTS) await run(statement);
}
