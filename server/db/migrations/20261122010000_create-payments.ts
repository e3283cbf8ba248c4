// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };

  await run(sql`
    CREATE TABLE payments (
      payment_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      dossier_id bigint NOT NULL REFERENCES dossiers(dossier_id),
      agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Za-z0-9]{1,64}$'),
      amount bigint NOT NULL CHECK (amount > 0 AND amount <= 1000000000000000),
      currency text NOT NULL DEFAULT 'VND' CHECK (currency = 'VND'),
      items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) > 0),
      channel text NOT NULL CHECK (channel IN ('online', 'cash', 'transfer')),
      status text NOT NULL CHECK (status IN ('pending', 'paid', 'cancelled', 'failed', 'expired')),
      pay_url text,
      platform_transaction_id text CHECK (length(platform_transaction_id) BETWEEN 1 AND 100),
      bank_code text,
      payer_name text NOT NULL CHECK (length(payer_name) BETWEEN 1 AND 300),
      transfer_reference text,
      note text,
      created_by_user_id bigint REFERENCES users(user_id),
      created_by_citizen_id bigint REFERENCES citizens(citizen_id),
      created_by_label text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      paid_at timestamptz,
      settled_by text CHECK (settled_by IN ('callback', 'query', 'desk')),
      failure_reason text,
      last_queried_at timestamptz,
      receipt_year integer,
      receipt_seq integer CHECK (receipt_seq >= 1),
      CHECK ((status = 'paid') = (paid_at IS NOT NULL AND receipt_seq IS NOT NULL AND receipt_year IS NOT NULL)),
      CHECK (channel = 'online' OR status = 'paid'),
      UNIQUE (agency_id, receipt_year, receipt_seq)
    )`);
  await run(
    sql`COMMENT ON TABLE payments IS 'Fee payments (phí, lệ phí, nghĩa vụ tài chính) of dossiers: each online attempt through the payment platform (legal-notes §5 E4) and each payment taken at the desk. A paid row carries its electronic receipt number (biên lai điện tử).'`,
  );
  await run(
    sql`COMMENT ON COLUMN payments.agency_id IS 'The collecting agency: the dossier''s receiving agency. Its receipt series numbers the receipt.'`,
  );
  await run(
    sql`COMMENT ON COLUMN payments.reference IS 'MaThamChieu: unique per attempt, derived from the dossier code (letters and digits) and the attempt number; the platform''s key for the transaction.'`,
  );
  await run(sql`COMMENT ON COLUMN payments.amount IS 'Whole đồng (VND); the sum of items.'`);
  await run(
    sql`COMMENT ON COLUMN payments.items IS 'What the payment covers: [{ key, name, amountVnd, source }], source procedure (the published fee of the procedure version, channel and case) or obligation (an item of the request-payment action). A fee item is paid once its key is in a paid payment.'`,
  );
  await run(
    sql`COMMENT ON COLUMN payments.channel IS 'online: through the payment platform; cash or transfer: recorded by a desk officer, paid at once.'`,
  );
  await run(
    sql`COMMENT ON COLUMN payments.status IS 'pending (online, waiting for the platform), paid, cancelled (the payer cancelled or the platform reported a failure), failed (the platform refused or did not answer INIT, or QUERY reports failure), expired (the platform does not know the reference an hour later).'`,
  );
  await run(sql`COMMENT ON COLUMN payments.pay_url IS 'UrlThanhToan: the platform''s page for the payer.'`);
  await run(
    sql`COMMENT ON COLUMN payments.platform_transaction_id IS 'MaGiaoDich of the platform''s confirmation: one transaction pays at most one payment.'`,
  );
  await run(sql`COMMENT ON COLUMN payments.bank_code IS 'MaNganHang of the platform''s confirmation.'`);
  await run(
    sql`COMMENT ON COLUMN payments.payer_name IS 'Người nộp (HoTenNguoiNop): printed on the receipt; the applicant unless the desk recorded someone else.'`,
  );
  await run(
    sql`COMMENT ON COLUMN payments.transfer_reference IS 'For a transfer recorded at the desk: the bank''s reference of the transfer.'`,
  );
  await run(
    sql`COMMENT ON COLUMN payments.settled_by IS 'How the payment became paid: the platform''s callback, the reconciliation''s QUERY, or the desk.'`,
  );
  await run(
    sql`COMMENT ON COLUMN payments.failure_reason IS 'Why an online attempt failed or was cancelled (the platform''s code or the error), for the operators.'`,
  );
  await run(
    sql`COMMENT ON COLUMN payments.last_queried_at IS 'When reconciliation last asked the platform (QUERY) about this pending payment.'`,
  );
  await run(
    sql`COMMENT ON COLUMN payments.receipt_year IS 'Year (Vietnam time) of the receipt series: receipt numbers restart at 1 each year per collecting agency.'`,
  );
  await run(
    sql`COMMENT ON COLUMN payments.receipt_seq IS 'Receipt number within the agency''s series of the year, gap-free (receipt_counters), assigned in the transaction that marks the payment paid.'`,
  );
  await run(sql`CREATE INDEX payments_dossier_idx ON payments (dossier_id)`);
  await run(sql`CREATE INDEX payments_agency_created_idx ON payments (agency_id, created_at DESC)`);
  await run(sql`CREATE INDEX payments_pending_idx ON payments (created_at) WHERE status = 'pending'`);
  await run(
    sql`CREATE UNIQUE INDEX payments_transaction_idx ON payments (platform_transaction_id) WHERE platform_transaction_id IS NOT NULL`,
  );

  await run(sql`
    CREATE TABLE receipt_counters (
      agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
      last_value integer NOT NULL CHECK (last_value >= 1),
      PRIMARY KEY (agency_id, year)
    )`);
  await run(
    sql`COMMENT ON TABLE receipt_counters IS 'Last electronic receipt number per collecting agency and year; incremented in the transaction that marks a payment paid (row lock), so receipt numbers are gap-free and unique.'`,
  );

  await run(sql`
    CREATE TABLE payment_callbacks (
      callback_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      received_at timestamptz NOT NULL,
      source text NOT NULL CHECK (source IN ('callback', 'query')),
      raw_body text NOT NULL,
      reference text,
      payment_id bigint REFERENCES payments(payment_id),
      transaction_id text,
      result_code text,
      verdict text NOT NULL CHECK (verdict IN ('accepted', 'duplicate', 'ignored', 'rejected')),
      reason text,
      request_id text
    )`);
  await run(
    sql`COMMENT ON TABLE payment_callbacks IS 'Every message from the payment platform about a transaction: CONFIRM callbacks as received (also the malformed and the refused ones) and QUERY answers read by reconciliation, with what motcua made of them.'`,
  );
  await run(
    sql`COMMENT ON COLUMN payment_callbacks.raw_body IS 'The body as received (at most 64 KiB kept); it carries no personal data in the E4 CONFIRM format.'`,
  );
  await run(
    sql`COMMENT ON COLUMN payment_callbacks.verdict IS 'accepted: it changed the payment (paid, cancelled); duplicate: the same outcome was already recorded; ignored: stale (a failure after the payment was paid); rejected: refused (reason), nothing paid.'`,
  );
  await run(
    sql`COMMENT ON COLUMN payment_callbacks.reason IS 'Why it was refused or ignored: malformed-json, missing-fields, unknown-partner, bad-signature, unknown-reference, dossier-mismatch, wrong-currency, wrong-amount, transaction-conflict, already-paid.'`,
  );
  await run(sql`COMMENT ON COLUMN payment_callbacks.result_code IS 'MaLoi of the message ("00": paid).'`);
  await run(sql`CREATE INDEX payment_callbacks_payment_idx ON payment_callbacks (payment_id)`);
  await run(sql`CREATE INDEX payment_callbacks_received_idx ON payment_callbacks (received_at)`);
}
