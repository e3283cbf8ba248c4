// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// Receiving regardless of administrative borders (tiếp nhận không phụ thuộc địa giới hành chính,
// Nghị quyết 27/NQ-CP 2025; legal-notes §6.5): the procedures a province publishes as receivable at any
// of its desks. Within the province only: a desk never receives for another province's agencies.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE procedure_receivable_anywhere (
      procedure_id bigint NOT NULL REFERENCES procedures(procedure_id),
      province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
      since date NOT NULL,
      set_by bigint REFERENCES users(user_id),
      set_at timestamptz NOT NULL,
      PRIMARY KEY (procedure_id, province_code)
    )`.execute(db);
  await sql`COMMENT ON TABLE procedure_receivable_anywhere IS 'Procedures a province publishes as receivable at any of its one-stop desks, whichever of its agencies decides them.'`.execute(
    db,
  );
}
