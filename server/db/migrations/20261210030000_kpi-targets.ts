// Issue "Steering by figures", item 3: each province's targets for its KPIs (docs/domain/reports.md,
// "KPIs"), set by its province administrator; a province without a row uses the defaults of
// common/reports/kpis.ts.
import { sql, type Kysely } from 'kysely';

/** The target columns, one per KPI (common/reports/kpis.ts KPI_KEYS, in snake case). */
const TARGETS = [
  'sync',
  'online_procedures',
  'online_dossiers',
  'paid_online',
  'electronic_results',
  'digitised',
  'on_time',
  'satisfaction',
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (text: string) => {
    await sql.raw(text).execute(db);
  };
  await run(`CREATE TABLE kpi_targets (
  province_code text PRIMARY KEY CHECK (province_code ~ '^[0-9]{2}$'),
  ${TARGETS.map((t) => `${t} numeric(5,4) NOT NULL CHECK (${t} >= 0 AND ${t} <= 1)`).join(',\n  ')},
  version integer NOT NULL CHECK (version >= 1),
  note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 1000),
  set_at timestamptz NOT NULL,
  set_by bigint REFERENCES users(user_id)
)`);
  await run(
    `COMMENT ON TABLE kpi_targets IS 'A province''s targets for its KPIs (docs/domain/reports.md, "KPIs"), each a share from 0 to 1 that the KPI of the same name is compared with; set by a province-admin of that province (audited, reports.kpi-targets-replaced). No row: the defaults of common/reports/kpis.ts.'`,
  );
  await run(
    `COMMENT ON COLUMN kpi_targets.province_code IS 'The province: the first segment of its units.path (01 = Thành phố Hà Nội).'`,
  );
  await run(
    `COMMENT ON COLUMN kpi_targets.version IS 'Changes of this province''s targets, from 1; a change names the version it replaces (409 when stale).'`,
  );
}
