// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// The worklists (issue #14): the current step's due time as a column (sortable), each officer's saved
// worklist settings, and the indexes that serve the default worklists in keyset order and the search.
// The sort expressions must stay exactly those of server/modules/dossiers/views/worklist-query.ts
// (SORT_EXPRESSIONS) for the planner to use these indexes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`ALTER TABLE dossiers ADD COLUMN step_due_at timestamptz`);
  await run(
    sql`COMMENT ON COLUMN dossiers.step_due_at IS 'Due time of the current workflow step (the shares of the steps up to it, in working time from the start of the clock); set by each action from this migration on, null before the clock starts or for shares in calendar time.'`,
  );
  await run(sql`
    CREATE TABLE staff_worklist_preferences (
      user_id bigint PRIMARY KEY REFERENCES users(user_id),
      preferences jsonb NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
  await run(
    sql`COMMENT ON TABLE staff_worklist_preferences IS 'The worklist an officer chose last (list, filters, sort), restored when the worklist opens.'`,
  );
  // The desk's "to receive": online dossiers waiting at its agency, oldest first.
  await run(sql`CREATE INDEX dossiers_to_receive_idx ON dossiers (receiving_agency_id, submitted_at, dossier_id)
    WHERE status = 'submitted'`);
  // "At my agency" (desk, leader) and "mine" (specialist), open dossiers by their due time.
  await run(sql`CREATE INDEX dossiers_open_current_due_idx ON dossiers
    (current_agency_id, (COALESCE(extended_due_at, due_at, '9999-12-31 00:00:00+00'::timestamptz)), dossier_id)
    WHERE closed_at IS NULL`);
  await run(sql`CREATE INDEX dossiers_open_assignee_due_idx ON dossiers
    (assignee_user_id, (COALESCE(extended_due_at, due_at, '9999-12-31 00:00:00+00'::timestamptz)), dossier_id)
    WHERE closed_at IS NULL AND assignee_user_id IS NOT NULL`);
  // Search by code fragment beside the applicant's folded name and ID number (dossiers_applicant_idx).
  await run(sql`CREATE INDEX dossiers_code_trgm_idx ON dossiers USING gin (lower(code) gin_trgm_ops)`);
}
