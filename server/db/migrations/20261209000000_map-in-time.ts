// Frozen: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

// The map in time (issue #16, ADR 0013): the 2025 reform reused unit codes (the ward formed on
// 1/7/2025 as "Phường Hoàn Kiếm" took 00070, the code of the former Phường Hàng Trống), so a code
// names a unit only on a given day. Units get a surrogate key; a code is unique among the units in
// force together. Old units are linked to the units that took over their territory, agencies to the
// agencies that took over their dossiers. Agency identifiers may be in either legal form.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`ALTER TABLE units ADD COLUMN unit_id bigint GENERATED ALWAYS AS IDENTITY`);
  await run(sql`ALTER TABLE units ADD COLUMN parent_id bigint`);
  await run(sql`UPDATE units u SET parent_id = p.unit_id FROM units p WHERE p.code = u.parent_code`);
  await run(sql`ALTER TABLE agencies ADD COLUMN unit_id bigint`);
  await run(sql`UPDATE agencies a SET unit_id = u.unit_id FROM units u WHERE u.code = a.unit_code`);
  await run(sql`ALTER TABLE agencies ALTER COLUMN unit_id SET NOT NULL`);
  await run(sql`ALTER TABLE agencies DROP COLUMN unit_code`);
  await run(sql`ALTER TABLE units DROP COLUMN parent_code`);
  await run(sql`ALTER TABLE units DROP CONSTRAINT units_pkey`);
  await run(sql`ALTER TABLE units ADD PRIMARY KEY (unit_id)`);
  await run(
    sql`ALTER TABLE units ADD CONSTRAINT units_parent_fkey FOREIGN KEY (parent_id) REFERENCES units(unit_id)`,
  );
  await run(
    sql`ALTER TABLE units ADD CONSTRAINT units_level_parent_check CHECK ((level = 1) = (parent_id IS NULL))`,
  );
  await run(sql`CREATE INDEX units_parent_idx ON units (parent_id)`);
  await run(sql`ALTER TABLE units DROP CONSTRAINT units_path_key`);
  await run(sql`CREATE UNIQUE INDEX units_path_key ON units (path, valid_from) NULLS NOT DISTINCT`);
  await run(sql`CREATE UNIQUE INDEX units_code_key ON units (code, valid_from) NULLS NOT DISTINCT`);
  await run(sql`CREATE UNIQUE INDEX units_current_code_key ON units (code) WHERE valid_to IS NULL`);
  await run(
    sql`ALTER TABLE agencies ADD CONSTRAINT agencies_unit_fkey FOREIGN KEY (unit_id) REFERENCES units(unit_id)`,
  );
  await run(sql`CREATE INDEX agencies_unit_idx ON agencies (unit_id)`);
  await run(
    sql`COMMENT ON COLUMN units.code IS 'GSO code. Codes are reused across reforms (QĐ 19/2025/QĐ-TTg), so a code names one unit only on a given day: unique among the units in force together.'`,
  );
  await run(
    sql`COMMENT ON COLUMN units.path IS 'Materialised ancestry of codes, e.g. /01/002/00070/ before 1/7/2025, /01/00070/ after; a prefix match finds every unit below. Unique with valid_from.'`,
  );

  // Either legal form of the electronic identifier: QCVN 102:2016 (DDD.DD.DD.XNN, level 1 at the
  // right) or QĐ 20/2020/QĐ-TTg (up to 35 characters, level 1 at the left: H26, H26.101, H26.08.101).
  await run(sql`ALTER TABLE agencies DROP CONSTRAINT agencies_code_check`);
  await run(sql`ALTER TABLE agencies ADD CONSTRAINT agencies_code_check CHECK (
    code ~ '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$'
    OR (length(code) <= 35 AND code ~ '^[A-Y][0-9]{2}(\\.[0-9A-Z]{1,10})*$'))`);
  await run(
    sql`COMMENT ON COLUMN agencies.code IS 'Electronic identifier in force: QCVN 102:2016 (DDD.DD.DD.XNN) or QĐ 20/2020/QĐ-TTg (H26.101). Dossier codes keep the one in force when they were received.'`,
  );

  await run(sql`
    CREATE TABLE unit_successions (
      predecessor_id bigint NOT NULL REFERENCES units(unit_id),
      successor_id bigint NOT NULL REFERENCES units(unit_id),
      extent text NOT NULL CHECK (extent IN ('full', 'partial')),
      effective_on date NOT NULL,
      PRIMARY KEY (predecessor_id, successor_id),
      CHECK (predecessor_id <> successor_id)
    )`);
  await run(
    sql`COMMENT ON TABLE unit_successions IS 'Which units took over the territory of a unit that ended: full when all of it went to that successor, partial when it was divided.'`,
  );
  await run(sql`CREATE INDEX unit_successions_successor_idx ON unit_successions (successor_id)`);

  await run(sql`
    CREATE TABLE agency_successions (
      predecessor_id bigint NOT NULL REFERENCES agencies(agency_id),
      successor_id bigint NOT NULL REFERENCES agencies(agency_id),
      effective_on date NOT NULL,
      reorganisation_id bigint,
      PRIMARY KEY (predecessor_id, successor_id),
      CHECK (predecessor_id <> successor_id)
    )`);
  await run(
    sql`COMMENT ON TABLE agency_successions IS 'Which agency took over the dossiers, staff and procedures of an agency that was closed, merged or split, and from when.'`,
  );
  await run(sql`CREATE INDEX agency_successions_successor_idx ON agency_successions (successor_id)`);
}
