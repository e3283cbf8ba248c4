// Signed results (#19): the agency's result register (số, ký hiệu per agency and year; NĐ 30/2020/NĐ-CP
// Điều 15: numbers run from 01 on 1 January per issuing body), the signing sessions of the VGCA plugin
// and remote signing, and the documents motcua signed (results and slips), found again by their hash or
// their public token. docs/domain/signatures-product.md.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (text: string) => {
    await sql.raw(text).execute(db);
  };
  await run(`CREATE TABLE result_register_settings (
    agency_id bigint PRIMARY KEY REFERENCES agencies(agency_id),
    symbol_pattern text NOT NULL CHECK (symbol_pattern LIKE '%{so}%' AND length(symbol_pattern) <= 100),
    updated_at timestamptz NOT NULL
  )`);
  await run(
    `COMMENT ON TABLE result_register_settings IS 'An agency''s own ký hiệu pattern for its results, {so} standing for the number ("{so}/QĐ-UBND"). Without a row the default by the agency''s kind applies (server/modules/signatures/result-register.ts).'`,
  );
  await run(`CREATE TABLE result_register_counters (
    agency_id bigint NOT NULL REFERENCES agencies(agency_id),
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    last_sequence integer NOT NULL CHECK (last_sequence >= 0),
    PRIMARY KEY (agency_id, year)
  )`);
  await run(
    `COMMENT ON TABLE result_register_counters IS 'The last số the register gave per deciding agency and year (Vietnam): taken FOR UPDATE in the approval''s transaction, so numbers are gap-free and a rolled-back approval gives its number back.'`,
  );
  await run(`CREATE TABLE result_register (
    entry_id uuid PRIMARY KEY,
    agency_id bigint NOT NULL REFERENCES agencies(agency_id),
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    sequence integer CHECK (sequence >= 1),
    result_number text NOT NULL CHECK (length(result_number) BETWEEN 1 AND 100),
    result_date date NOT NULL,
    signer text NOT NULL,
    dossier_id bigint NOT NULL REFERENCES dossiers(dossier_id),
    documents jsonb NOT NULL,
    recorded_at timestamptz NOT NULL,
    recorded_by_user_id bigint REFERENCES users(user_id),
    UNIQUE (agency_id, year, sequence)
  )`);
  await run(
    `CREATE UNIQUE INDEX result_register_number_key ON result_register (agency_id, year, lower(result_number))`,
  );
  await run(`CREATE INDEX result_register_dossier_idx ON result_register (dossier_id)`);
  await run(
    `COMMENT ON TABLE result_register IS 'The result register (sổ đăng ký văn bản kết quả): one entry per approval, in the deciding agency''s register for the year, with its số, ký hiệu, date, signer and result documents. sequence is null for a number typed by the leader (a result issued on paper elsewhere); a number is never twice in an agency''s year (result_register_number_key).'`,
  );
  await run(
    `COMMENT ON COLUMN result_register.documents IS 'The approval''s result documents: [{ name, fileId, signed, resultToken }], signed when the file''s signatures verified at approval.'`,
  );
  await run(`CREATE TABLE signed_documents (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    token text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('result', 'slip')),
    file_id text NOT NULL REFERENCES files(file_id),
    agency_id bigint NOT NULL REFERENCES agencies(agency_id),
    dossier_id bigint REFERENCES dossiers(dossier_id),
    name text NOT NULL,
    result_number text,
    document_date date,
    source_sha256 text,
    created_at timestamptz NOT NULL
  )`);
  await run(`CREATE INDEX signed_documents_dossier_idx ON signed_documents (dossier_id, kind, name)`);
  await run(
    `COMMENT ON TABLE signed_documents IS 'PDFs motcua signed or accepted signed: results (a signing session''s file, bound to its dossier and number at approval) and slips (signed with the receiving agency''s seal once, kept). The public verification finds a file here by its SHA-256, the QR by token.'`,
  );
  await run(
    `COMMENT ON COLUMN signed_documents.source_sha256 IS 'For a slip: the SHA-256 of the unsigned rendering it was signed from, so the same slip is signed once and a changed one again.'`,
  );
  await run(`CREATE TABLE signing_sessions (
    session_id uuid PRIMARY KEY,
    dossier_id bigint NOT NULL REFERENCES dossiers(dossier_id),
    file_id text NOT NULL REFERENCES files(file_id),
    method text NOT NULL CHECK (method IN ('seal', 'plugin', 'remote')),
    status text NOT NULL CHECK (status IN ('pending', 'signed', 'failed', 'expired')),
    token_sha256 text NOT NULL,
    result_token text NOT NULL UNIQUE,
    title text,
    created_by_user_id bigint NOT NULL REFERENCES users(user_id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    signed_file_id text REFERENCES files(file_id),
    signatures jsonb NOT NULL DEFAULT '[]',
    failure text,
    CHECK ((status = 'signed') = (signed_file_id IS NOT NULL))
  )`);
  await run(
    `COMMENT ON TABLE signing_sessions IS 'A draft result being signed before the approval: at once with the agency''s seal, by remote signing, or by the VGCA plugin (which downloads the file and uploads it signed with the session''s token; only the token''s SHA-256 is kept). The signed file belongs to the officer who opened the session.'`,
  );
}
