// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// Reorganisation as an operation (issue #16.3): an administrator's merge or split, applied as one
// audited unit, and the hand-over (bàn giao) of each closed agency's open dossiers to its successor,
// which the successor acknowledges.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`
    CREATE TABLE reorganisations (
      reorganisation_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
      basis text NOT NULL CHECK (length(basis) BETWEEN 1 AND 300),
      effective_on date NOT NULL,
      plan jsonb NOT NULL,
      summary jsonb NOT NULL,
      applied_at timestamptz NOT NULL,
      applied_by bigint REFERENCES users(user_id)
    )`);
  await run(
    sql`COMMENT ON TABLE reorganisations IS 'A merge, split or re-coding of units and agencies from a day on, as the administrator described it (plan) and what it moved (summary).'`,
  );
  await run(
    sql`COMMENT ON COLUMN reorganisations.basis IS 'The legal basis, e.g. Nghị quyết 1656/NQ-UBTVQH15.'`,
  );
  await run(sql`
    CREATE TABLE reorganisation_handovers (
      handover_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      reorganisation_id bigint NOT NULL REFERENCES reorganisations(reorganisation_id),
      from_agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      to_agency_id bigint NOT NULL REFERENCES agencies(agency_id),
      open_dossiers integer NOT NULL CHECK (open_dossiers >= 0),
      acknowledged_at timestamptz,
      acknowledged_by bigint REFERENCES users(user_id),
      UNIQUE (reorganisation_id, from_agency_id),
      CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
    )`);
  await run(
    sql`COMMENT ON TABLE reorganisation_handovers IS 'The hand-over (bàn giao) of a closed agency''s open dossiers, staff, procedures and desks to its successor; acknowledged by the successor.'`,
  );
  await run(sql`CREATE INDEX reorganisation_handovers_to_idx ON reorganisation_handovers (to_agency_id)`);
  await run(sql`CREATE INDEX reorganisation_handovers_from_idx ON reorganisation_handovers (from_agency_id)`);
  await run(sql`ALTER TABLE agency_successions ADD CONSTRAINT agency_successions_reorganisation_fkey
    FOREIGN KEY (reorganisation_id) REFERENCES reorganisations(reorganisation_id)`);
}
