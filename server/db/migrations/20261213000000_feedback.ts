// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// Phản ánh, kiến nghị (issue #18, scope 1–3): the register of PAKN, their code counter, attachments and
// the tokens of anonymous uploads, the append-only history, transfers, the sender's rating and each
// province's time limits. docs/domain/feedback.md.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };

  await run(sql`
    CREATE TABLE feedback_code_counters (
      day date PRIMARY KEY,
      last_value integer NOT NULL CHECK (last_value BETWEEN 1 AND 999999)
    )`);
  await run(
    sql`COMMENT ON TABLE feedback_code_counters IS 'Last PAKN sequence per Vietnamese civil day (PAKN.yyyyMMdd.seq); incremented in the intake transaction (row lock), so codes are gap-free and unique.'`,
  );

  await run(sql`
    CREATE TABLE feedback (
      feedback_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL UNIQUE CHECK (code ~ '^PAKN\\.[0-9]{8}\\.[0-9]{4,6}$'),
      kind text NOT NULL CHECK (kind IN ('phan-anh','kien-nghi')),
      channel text NOT NULL CHECK (channel IN ('portal','dvcqg','phone','paper','email','in-person')),
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
      content text NOT NULL CHECK (length(content) BETWEEN 1 AND 10000),
      procedure_code text,
      dossier_id bigint REFERENCES dossiers(dossier_id),
      sender_name text NOT NULL,
      sender_phone text NOT NULL,
      sender_email text,
      sender_address text,
      citizen_id bigint REFERENCES citizens(citizen_id),
      recorded_by_user_id bigint REFERENCES users(user_id),
      publish_consent boolean NOT NULL DEFAULT false,
      agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      status text NOT NULL CHECK (status IN ('received','awaiting-transfer','processing','awaiting-approval','approved','published','answered','not-accepted')),
      category text CHECK (category IN ('not-accepted','official-conduct','own-competence','outside-competence')),
      category_reason text,
      assignee_user_id bigint REFERENCES users(user_id),
      draft_text text,
      draft_by_user_id bigint REFERENCES users(user_id),
      draft_at timestamptz,
      answer_text text,
      answer_agency_id bigint REFERENCES agencies(agency_id),
      approved_by_user_id bigint REFERENCES users(user_id),
      approved_at timestamptz,
      delivered_as text CHECK (delivered_as IN ('published','sent-to-sender')),
      delivered_at timestamptz,
      publish_sender_data boolean NOT NULL DEFAULT true,
      hidden boolean NOT NULL DEFAULT false,
      hidden_reason text,
      urgent boolean NOT NULL DEFAULT false,
      received_at timestamptz NOT NULL,
      clock_started_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      transfer_due_at timestamptz NOT NULL,
      verdict text CHECK (verdict IN ('on-time','late')),
      external_id text UNIQUE,
      version integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE feedback IS 'Phản ánh, kiến nghị (NĐ 20/2008/NĐ-CP): one row per PAKN with its current state; the history is feedback_actions.'`,
  );
  await run(
    sql`COMMENT ON COLUMN feedback.agency_id IS 'The agency handling it now; a transfer moves it and restarts the answer limit (clock_started_at, due_at).'`,
  );
  await run(
    sql`COMMENT ON COLUMN feedback.sender_phone IS 'Personal data: shown to staff in reach only, never in a public answer, list or log.'`,
  );
  await run(
    sql`COMMENT ON COLUMN feedback.verdict IS 'on-time or late, fixed when the answer is approved (approved_at against due_at) and kept if reopened.'`,
  );
  await run(
    sql`COMMENT ON COLUMN feedback.external_id IS 'The national portal''s id of a forwarded PAKN (channel dvcqg): taken in exactly once.'`,
  );
  await run(
    sql`COMMENT ON COLUMN feedback.transfer_due_at IS 'Receipt + the transfer limit (5 working days, NĐ 20 Điều 9): a transfer after it is late.'`,
  );
  await run(sql`CREATE INDEX feedback_agency_idx ON feedback (agency_id, status)`);
  await run(sql`CREATE INDEX feedback_received_idx ON feedback (received_at)`);

  await run(sql`
    CREATE TABLE feedback_files (
      feedback_id bigint NOT NULL REFERENCES feedback(feedback_id),
      file_id text NOT NULL REFERENCES files(file_id),
      role text NOT NULL CHECK (role IN ('attachment','answer')),
      PRIMARY KEY (feedback_id, file_id)
    )`);
  await run(
    sql`COMMENT ON TABLE feedback_files IS 'Files of a PAKN: the sender''s attachments and the answer''s files.'`,
  );

  await run(sql`
    CREATE TABLE feedback_upload_tokens (
      file_id text PRIMARY KEY REFERENCES files(file_id),
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )`);
  await run(
    sql`COMMENT ON TABLE feedback_upload_tokens IS 'An attachment uploaded on the portal for a PAKN being written: the SHA-256 of its secret token, which the submission must echo before expires_at; used once.'`,
  );

  await run(sql`
    CREATE TABLE feedback_actions (
      action_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      feedback_id bigint NOT NULL REFERENCES feedback(feedback_id),
      action text NOT NULL,
      user_id bigint REFERENCES users(user_id),
      actor_label text NOT NULL,
      at timestamptz NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'
    )`);
  await run(
    sql`COMMENT ON TABLE feedback_actions IS 'Append-only history of a PAKN: who, when, what (never the sender''s personal data in details).'`,
  );
  await run(sql`CREATE INDEX feedback_actions_feedback_idx ON feedback_actions (feedback_id, action_id)`);

  await run(sql`
    CREATE TABLE feedback_transfers (
      transfer_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      feedback_id bigint NOT NULL REFERENCES feedback(feedback_id),
      from_agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      to_agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      note text NOT NULL,
      by_user_id bigint NOT NULL REFERENCES users(user_id),
      at timestamptz NOT NULL,
      late boolean NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE feedback_transfers IS 'Transfers of a PAKN to the competent agency (NĐ 20 Điều 9 khoản 2): late when after the 5 working days from receipt.'`,
  );

  await run(sql`
    CREATE TABLE feedback_ratings (
      feedback_id bigint PRIMARY KEY REFERENCES feedback(feedback_id),
      level text NOT NULL CHECK (level IN ('very-satisfied','satisfied','unsatisfied')),
      comment text,
      rated_at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE feedback_ratings IS 'The sender''s satisfaction with the answer, given once.'`,
  );

  await run(sql`
    CREATE TABLE feedback_settings (
      province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
      kind text NOT NULL CHECK (kind IN ('phan-anh','kien-nghi')),
      answer_days integer NOT NULL CHECK (answer_days IN (5, 7, 10)),
      urgent_hours integer NOT NULL CHECK (urgent_hours BETWEEN 1 AND 80),
      transfer_days integer NOT NULL CHECK (transfer_days BETWEEN 1 AND 5),
      version integer NOT NULL,
      PRIMARY KEY (province_code, kind)
    )`);
  await run(
    sql`COMMENT ON TABLE feedback_settings IS 'A province''s PAKN time limits per kind; absent: 10 working days, urgent 8 working hours, transfer 5 working days.'`,
  );
}
