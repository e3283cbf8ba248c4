// Frozen: never edit a migration that has shipped; add a new one.
// The adoption monitor (issue "Steering by figures", item 5; docs/domain/reports.md, "Adoption
// monitor"): the reasons an agency received and resolved nothing in a period (a legitimate zero), the
// province's requests that an agency explain why it does not use the system, and the indexes the
// monitor's per-period counts of returns and of each officer's actions read.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`
    CREATE TABLE adoption_zero_reasons (
      agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      period_from date NOT NULL,
      period_to date NOT NULL,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
      recorded_by bigint NOT NULL REFERENCES users(user_id),
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (agency_id, period_from, period_to),
      CHECK (period_to >= period_from)
    )`);
  await run(
    sql`COMMENT ON TABLE adoption_zero_reasons IS 'Why an agency with a one-stop desk received and resolved no dossier in a period (e.g. Không phát sinh hồ sơ), recorded by its administrator or the province''s: the adoption monitor then does not call it "not using the system" for any period the reason covers. Replaced by recording again for the same period; every change audited.'`,
  );
  await run(
    sql`COMMENT ON COLUMN adoption_zero_reasons.period_from IS 'First Vietnamese civil day of the period the reason covers; period_to its last, both included.'`,
  );
  await run(sql`
    CREATE TABLE adoption_explanations (
      explanation_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      period_from date NOT NULL,
      period_to date NOT NULL,
      due_on date NOT NULL,
      message text NOT NULL CHECK (length(message) BETWEEN 1 AND 2000),
      requested_by bigint NOT NULL REFERENCES users(user_id),
      requested_at timestamptz NOT NULL,
      answer text CHECK (length(answer) BETWEEN 1 AND 4000),
      answered_by bigint REFERENCES users(user_id),
      answered_at timestamptz,
      CHECK (period_to >= period_from),
      CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answered_at IS NULL) = (answered_by IS NULL))
    )`);
  await run(
    sql`COMMENT ON TABLE adoption_explanations IS 'A request (yêu cầu giải trình) from the province''s administrator that an agency explain why it did not use the system in a period, with a due day and a message; the agency''s leader answers once. Late: unanswered after due_on (Vietnamese civil days). Every write audited.'`,
  );
  await run(
    sql`COMMENT ON COLUMN adoption_explanations.due_on IS 'The last Vietnamese civil day to answer on; the request is late from the day after.'`,
  );
  await run(
    sql`COMMENT ON COLUMN adoption_explanations.period_from IS 'First civil day of the period the agency is asked about; period_to its last, both included.'`,
  );
  await run(
    sql`CREATE INDEX adoption_explanations_agency_idx ON adoption_explanations (agency_id, period_from)`,
  );
  // The monitor's returned results: the return actions of a period by agency, without reading every
  // other action of the period (dossier_actions_at_idx holds them all).
  await run(sql`CREATE INDEX dossier_actions_returns_idx ON dossier_actions (at, agency_id)
    WHERE kind = 'return-result'`);
  // Each officer's actions in a period (the monitor's staff activity), one index range per officer.
  await run(sql`CREATE INDEX dossier_actions_actor_at_idx ON dossier_actions (actor_user_id, at)
    WHERE actor_user_id IS NOT NULL`);
}
