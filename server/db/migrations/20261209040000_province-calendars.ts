// Issue "The province as it is in 2026", item 4: one national schedule for every province, and each
// province's own extra days off and make-up working days as revisions of the same series, so a due time
// still names its calendar with one number (docs/adr/0013-province-calendars.md).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(
    sql`ALTER TABLE calendar_revisions ADD COLUMN province_code text CHECK (province_code ~ '^[0-9]{2}$')`,
  );
  await run(sql`ALTER TABLE calendar_revisions DROP CONSTRAINT calendar_revisions_year_year_version_key`);
  await run(
    sql`CREATE UNIQUE INDEX calendar_revisions_series_key ON calendar_revisions (coalesce(province_code, ''), year, year_version)`,
  );
  await run(
    sql`COMMENT ON TABLE calendar_revisions IS 'Every version of every year''s national schedule of days off and make-up working days (Labour Code 2019 art. 112 and the government''s yearly notice; recorded from the release at start-up) and of each province''s own additions to it. Append-only: the calendar of province P at revision R takes, for each year, its latest national row with revision <= R (or the schedule shipped with the engine when there is none) with P''s latest row for that year with revision <= R added.'`,
  );
  await run(
    sql`COMMENT ON COLUMN calendar_revisions.revision IS 'Global, gap-free calendar version over the national schedule and every province''s additions; a due time records the revision it was computed with, and with its competent agency''s province it names the calendar.'`,
  );
  await run(
    sql`COMMENT ON COLUMN calendar_revisions.province_code IS 'NULL: the national schedule (a whole year). A province''s code (the first segment of its units.path, e.g. 01): that province''s additions for the year, holidays = its extra days off {date, reason}, working_days = its make-up working days {date, reason}; changed only by a province-admin of that province.'`,
  );
  await run(
    sql`COMMENT ON COLUMN calendar_revisions.year_version IS 'Version of this year''s schedule in its series (national, or one province''s); a change must name the version it replaces (409 when stale).'`,
  );
  await run(
    sql`CREATE INDEX calendar_revisions_province_idx ON calendar_revisions (province_code, year, revision) WHERE province_code IS NOT NULL`,
  );
}
