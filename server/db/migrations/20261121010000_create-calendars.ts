// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`
    CREATE TABLE calendar_revisions (
      revision integer PRIMARY KEY CHECK (revision >= 1),
      year integer NOT NULL CHECK (year BETWEEN 2015 AND 2035),
      year_version integer NOT NULL CHECK (year_version >= 1),
      provisional boolean NOT NULL,
      holidays jsonb NOT NULL,
      working_days jsonb NOT NULL,
      note text,
      created_at timestamptz NOT NULL,
      created_by bigint REFERENCES users(user_id),
      UNIQUE (year, year_version)
    )`);
  await run(
    sql`COMMENT ON TABLE calendar_revisions IS 'Every version of every year''s schedule of days off and make-up working days (Labour Code 2019 art. 112 and the government''s yearly notice). Append-only: the calendar at revision R takes, for each year, its latest row with revision <= R, or the schedule derived from the law when there is none.'`,
  );
  await run(
    sql`COMMENT ON COLUMN calendar_revisions.revision IS 'Global, gap-free calendar version; a due time records the revision it was computed with.'`,
  );
  await run(
    sql`COMMENT ON COLUMN calendar_revisions.year_version IS 'Version of this year''s schedule; PUT /calendars/{year} must name the version it replaces (409 when stale).'`,
  );
  await run(
    sql`COMMENT ON COLUMN calendar_revisions.provisional IS 'True while the year is derived from the rules and not yet confirmed against the official notice.'`,
  );

  await run(sql`
    CREATE TABLE office_hours (
      agency_id bigint PRIMARY KEY REFERENCES agencies(agency_id),
      hours jsonb NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      updated_at timestamptz NOT NULL,
      updated_by bigint REFERENCES users(user_id)
    )`);
  await run(
    sql`COMMENT ON TABLE office_hours IS 'Working sessions per weekday and Saturday receiving hours of an agency (common/working-time OfficeHours); an agency without a row keeps the default 07:30–11:30, 13:00–17:00, Monday to Friday.'`,
  );
}
