// Frozen: never edit a migration that has shipped; add a new one.
// Moving in (issue "Moving in", item 5): the adoption monitor says which agencies have moved their
// history in from the legacy systems, from when, how many dossiers and how far back; and it must not
// take those dossiers for use of the system. The report counts (20261210000000) count an imported
// dossier like any other — Biểu II.06a and the KPIs want it — so what the imports brought is kept
// apart here, in the transaction that writes each batch, by a statement trigger on dossier_imports:
// the monitor subtracts it from the counts and reads the summary, never scanning the imported
// dossiers. A dossier_imports row is written once, with its dossier, by an applied import (a dry run
// writes none) and never changed or deleted; what the dossier carried then is the legacy system's,
// what motcua does with it afterwards (received at the desk, resolved, returned) is use.
import { sql, type Kysely } from 'kysely';

/** The Vietnamese civil day of a timestamptz column, as the report counts take it. */
const vnDay = (column: string) => `((${column} AT TIME ZONE 'UTC') + interval '7 hours')::date`;

/**
 * What the imported rows of `source` (dossier_imports rows) add to both tables, in one statement. In
 * the trigger the dossiers are as they came in; `upToImport` (the fill of imports applied before this
 * migration) keeps only the events at or before the import, motcua's own since then left out.
 */
const addImported = (source: string, upToImport = false) => `
  WITH x AS (
    SELECT d.received_by_agency_id AS agency_id, d.procedure_code, n.import_id, n.imported_at,
      d.received_at, coalesce(d.received_at, d.submitted_at) AS came,
      CASE WHEN d.status IN ('result-ready', 'returned') THEN d.result_at
           WHEN d.status IN ('withdrawn', 'stopped') THEN d.closed_at END AS res,
      d.received_at IS NOT NULL AND d.status NOT IN ('submitted', 'refused') AS counted
    FROM ${source} n JOIN dossiers d ON d.dossier_id = n.dossier_id
    -- The dossiers looked up by key: a transition table has no statistics, and a hash join over the
    -- whole of dossiers made each batch of an import slower than the one before (docs/benchmarks.md).
    WHERE d.dossier_id = ANY (ARRAY(SELECT dossier_id FROM ${source}))
  ), events AS (
    SELECT agency_id, procedure_code, ${vnDay('received_at')} AS day, 1 AS received, 0 AS resolved
    FROM x WHERE counted ${upToImport ? 'AND received_at <= imported_at' : ''}
    UNION ALL
    SELECT agency_id, procedure_code, ${vnDay('res')}, 0, 1 FROM x
    WHERE counted AND res IS NOT NULL ${upToImport ? 'AND res <= imported_at' : ''}
  ), counts AS (
    INSERT INTO moved_in_counts AS m (agency_id, procedure_code, day, received, resolved)
    SELECT agency_id, procedure_code, day, sum(received), sum(resolved) FROM events
    GROUP BY agency_id, procedure_code, day ORDER BY agency_id, day, procedure_code
    ON CONFLICT (agency_id, day, procedure_code) DO UPDATE
      SET received = m.received + EXCLUDED.received, resolved = m.resolved + EXCLUDED.resolved
  )
  INSERT INTO moved_in_agencies AS m (agency_id, import_id, first_imported_at, dossiers, history_from)
  SELECT agency_id, import_id, min(imported_at), count(*), min(came) FROM x
  GROUP BY agency_id, import_id ORDER BY agency_id, import_id
  ON CONFLICT (agency_id, import_id) DO UPDATE
    SET first_imported_at = least(m.first_imported_at, EXCLUDED.first_imported_at),
      dossiers = m.dossiers + EXCLUDED.dossiers,
      history_from = least(m.history_from, EXCLUDED.history_from)`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (text: string) => {
    await sql.raw(text).execute(db);
  };
  await run(`CREATE TABLE moved_in_counts (
    agency_id bigint NOT NULL REFERENCES agencies(agency_id),
    procedure_code text NOT NULL,
    day date NOT NULL,
    received integer NOT NULL CHECK (received >= 0),
    resolved integer NOT NULL CHECK (resolved >= 0),
    PRIMARY KEY (agency_id, day, procedure_code)
  )`);
  await run(
    `COMMENT ON TABLE moved_in_counts IS 'What applied imports brought into the report counts: per receiving agency of the day (received_by_agency_id), procedure and Vietnamese civil day, the imported dossiers received (received_online + received_direct) and resolved (every resolved_* column) as report_dossier_rows counts them, as they came in. The adoption monitor subtracts it: a legacy system''s dossiers are not use of this one (docs/domain/reports.md, "Adoption monitor"). Kept by the trigger moved_in_add on dossier_imports.'`,
  );
  await run(`CREATE INDEX moved_in_counts_day_idx ON moved_in_counts (day)`);
  await run(`CREATE TABLE moved_in_agencies (
    agency_id bigint NOT NULL REFERENCES agencies(agency_id),
    import_id bigint NOT NULL REFERENCES imports(import_id),
    first_imported_at timestamptz NOT NULL,
    dossiers integer NOT NULL CHECK (dossiers > 0),
    history_from timestamptz NOT NULL,
    PRIMARY KEY (agency_id, import_id)
  )`);
  await run(
    `COMMENT ON TABLE moved_in_agencies IS 'Per receiving agency of the day and applied import: when the import first wrote a dossier received there, how many it wrote, and the earliest day one of them was received (submitted, for one never received): how far back the agency''s history in this system goes. Kept by the trigger moved_in_add on dossier_imports.'`,
  );
  await run(`CREATE FUNCTION moved_in_add() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${addImported('added')};
  RETURN NULL;
END $fn$`);
  await run(`CREATE TRIGGER moved_in_add AFTER INSERT ON dossier_imports
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION moved_in_add()`);
  // The imports applied before this migration.
  await run(addImported('dossier_imports', true));
}
