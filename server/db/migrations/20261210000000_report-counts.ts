// Issue "Steering by figures", item 8: the report figures come from counts kept exact as dossiers
// change, never from a scan of every dossier per request. A dossier's row contributes counts to the
// days its events fall on (received, resolved, due); the triggers below take back the old row's
// contribution and add the new one's in the transaction that changes the row, so the counts are
// exact whichever code writes the dossier (intake, actions, hand-overs, imports). The triggers only
// append their rows to report_deltas (no grouping, no index, no conflict): the worker folds them into
// report_days (per receiving agency, procedure and day) and report_months (per month) every few
// seconds (report-counts.ts foldReportDeltas), and readers read the views report_day_counts and
// report_month_counts, which add what is not yet folded, so every read is exact at its snapshot. A
// period reads its whole months from the one and its edge days from the other. The rules are those of
// docs/domain/reports.md ("Biểu II.06a"); `npm run cli -- reports:rebuild` recounts them from the
// dossiers.
import { sql, type Kysely } from 'kysely';

/** The counts, in the order of the tables' columns (docs/domain/reports.md, "The counts"). */
export const REPORT_COUNT_COLUMNS = [
  // On the day received (the dossier's received_at, Vietnamese civil day).
  'received_online',
  'received_direct',
  'digitised',
  'synced',
  'fee_bearing',
  'paid_online',
  // On the day resolved (result_at for a result; closed_at for a withdrawal or a stop).
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'late_same_day',
  'resolved_withdrawn',
  'resolved_no_due',
  'results_electronic',
  // On the due day: dossiers due, and those resolved at or before their due time.
  'due',
  'due_met',
  // On the day resolved: dossiers resolved after their due time (whatever the verdict), and those of
  // them resolved on their due day.
  'due_passed_closed',
  'due_passed_same_day',
  // On the day rated.
  'rated_very_satisfied',
  'rated_satisfied',
  'rated_unsatisfied',
] as const;

const columns = REPORT_COUNT_COLUMNS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n  ');
const list = REPORT_COUNT_COLUMNS.join(', ');
const sums = REPORT_COUNT_COLUMNS.map((c) => `sum(${c})::int AS ${c}`).join(', ');
const nonZero = REPORT_COUNT_COLUMNS.map((c) => `sum(${c}) <> 0`).join(' OR ');
const adds = (table: string) =>
  REPORT_COUNT_COLUMNS.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ');
/** One SELECT of the contribution: `counts` maps a column to the condition it counts `s` under. */
function contributionRow(
  day: string,
  from: string,
  counts: Partial<Record<(typeof REPORT_COUNT_COLUMNS)[number], string>>,
) {
  const cols = REPORT_COUNT_COLUMNS.map((c) =>
    counts[c] ? `CASE WHEN ${counts[c]} THEN s ELSE 0 END` : '0',
  );
  return `SELECT a, p, ${day}, ${cols.join(', ')} FROM ${from}`;
}

/** The contribution of one dossier row, as (agency, procedure, day, counts) rows, each count × sign. */
const contributionFunction = `
CREATE FUNCTION report_dossier_rows(d dossiers, s integer)
RETURNS TABLE (agency_id bigint, procedure_code text, day date, ${REPORT_COUNT_COLUMNS.map((c) => `${c} integer`).join(', ')})
LANGUAGE sql STABLE AS $fn$
  WITH x AS (
    SELECT d.received_by_agency_id AS a, d.procedure_code AS p,
      ((d.received_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS rday,
      ((d.due_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS dday,
      d.due_at AS due_at,
      CASE WHEN d.status IN ('result-ready', 'returned') THEN d.result_at
           WHEN d.status IN ('withdrawn', 'stopped') THEN d.closed_at END AS res,
      d.status IN ('withdrawn', 'stopped') AS withdrawn,
      d.channel = 'online' AS online,
      (jsonb_typeof(d.components) = 'array' AND jsonb_array_length(d.components) > 0
        AND NOT jsonb_path_exists(d.components, '$[*] ? (!(@.digitised == true))')) AS digitised,
      jsonb_path_exists(d.state, '$.resultDocuments[*] ? (exists(@.fileId))') AS electronic,
      EXISTS (SELECT 1 FROM portal_sync_state y WHERE y.dossier_code = d.code AND y.acked_at IS NOT NULL) AS synced,
      EXISTS (SELECT 1 FROM payments m WHERE m.dossier_id = d.dossier_id AND m.status <> 'cancelled') AS fee,
      EXISTS (SELECT 1 FROM payments m WHERE m.dossier_id = d.dossier_id AND m.status = 'paid' AND m.channel = 'online') AS paid
    WHERE d.received_at IS NOT NULL AND d.status NOT IN ('submitted', 'refused')
  ), y AS (
    SELECT x.*, ((x.res AT TIME ZONE 'UTC') + interval '7 hours')::date AS sday FROM x
  )
  ${contributionRow('rday', 'y', {
    received_online: 'online',
    received_direct: 'NOT online',
    digitised: 'digitised',
    synced: 'synced',
    fee_bearing: 'fee',
    paid_online: 'paid',
  })}
  UNION ALL
  ${contributionRow('sday', 'y WHERE res IS NOT NULL', {
    resolved_early: 'NOT withdrawn AND due_at IS NOT NULL AND res <= due_at AND sday < dday',
    resolved_on_time: 'NOT withdrawn AND due_at IS NOT NULL AND res <= due_at AND sday >= dday',
    resolved_late: 'NOT withdrawn AND due_at IS NOT NULL AND res > due_at',
    late_same_day: 'NOT withdrawn AND due_at IS NOT NULL AND res > due_at AND sday = dday',
    resolved_withdrawn: 'withdrawn',
    resolved_no_due: 'NOT withdrawn AND due_at IS NULL',
    results_electronic: 'NOT withdrawn AND electronic',
    due_passed_closed: 'due_at IS NOT NULL AND res > due_at',
    due_passed_same_day: 'due_at IS NOT NULL AND res > due_at AND sday = dday',
  })}
  UNION ALL
  ${contributionRow('dday', 'y WHERE due_at IS NOT NULL', {
    due: 'true',
    due_met: 'res IS NOT NULL AND res <= due_at',
  })}
$fn$`;

/**
 * Adds rows of `source` (agency, procedure, day, counts…) to both tables in one statement, answering
 * `answer` (by default how many day rows it touched): the rebuild, and the fold, whose source is the
 * deltas it takes in `sourceCte` (a data-modifying WITH item that runs whether or not it is read).
 */
export const applyRows = (source: string, options: { sourceCte?: string; answer?: string } = {}) => `
  WITH ${options.sourceCte ? `${options.sourceCte}, ` : ''}g AS (
    SELECT agency_id, procedure_code, day, ${sums} FROM (${source}) r
    GROUP BY agency_id, procedure_code, day HAVING ${nonZero}
  ), m AS (
    INSERT INTO report_months (agency_id, procedure_code, month, slot, ${list})
    SELECT agency_id, procedure_code, date_trunc('month', day)::date, (pg_backend_pid() % 4)::smallint, ${sums}
    FROM g GROUP BY agency_id, procedure_code, date_trunc('month', day)::date
    ON CONFLICT (agency_id, month, procedure_code, slot) DO UPDATE SET ${adds('report_months')}
  ), d AS (
    INSERT INTO report_days (agency_id, procedure_code, day, slot, ${list})
    SELECT agency_id, procedure_code, day, (pg_backend_pid() % 4)::smallint, ${REPORT_COUNT_COLUMNS.join(', ')} FROM g
    ON CONFLICT (agency_id, day, procedure_code, slot) DO UPDATE SET ${adds('report_days')}
  )
  SELECT ${options.answer ?? 'count(*) AS n FROM g'}`;

/** Appends rows of `source` to report_deltas as they come (an intake's hot path: no grouping, no index). */
const appendRows = (source: string) =>
  `INSERT INTO report_deltas (agency_id, procedure_code, day, ${list}) ${source}`;
/** Appends the sum of rows of `source` per day, leaving out the days where they cancel out. */
const appendSums = (source: string) =>
  appendRows(`SELECT agency_id, procedure_code, day, ${sums} FROM (${source}) r
    GROUP BY agency_id, procedure_code, day HAVING ${nonZero}`);

// Inserted dossiers are counted once per statement from its transition table: an import's batch of
// 500 is one INSERT into report_deltas, not 500 (half the trigger's cost, docs/benchmarks.md #17).
const dossiersAddedTrigger = `
CREATE FUNCTION report_dossiers_added() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${appendRows('SELECT r.* FROM added n CROSS JOIN LATERAL report_dossier_rows(n, 1) r')};
  RETURN NULL;
END $fn$`;

const dossierTrigger = `
CREATE FUNCTION report_dossier_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    ${appendRows('SELECT * FROM report_dossier_rows(OLD, -1)')};
  ELSE
    ${appendSums('SELECT * FROM report_dossier_rows(NEW, 1) UNION ALL SELECT * FROM report_dossier_rows(OLD, -1)')};
  END IF;
  RETURN NULL;
END $fn$`;

/**
 * A change of a dossier's payments or national-portal acknowledgement changes its received-day flags:
 * its contribution is taken back as it was and added as it is now (the flags are read in the function).
 * The caller's statement already shows the new payments row, so the old contribution is rebuilt with
 * the flag the row had before.
 */
const relatedTrigger = (name: string, table: string, key: string, match: string) => `
CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  d dossiers;
  before_fee boolean; before_paid boolean; before_synced boolean;
  after_fee boolean; after_paid boolean; after_synced boolean;
  k ${key === 'dossier_code' ? 'text' : 'bigint'};
BEGIN
  k := CASE WHEN TG_OP = 'DELETE' THEN OLD.${key} ELSE NEW.${key} END;
  SELECT * INTO d FROM dossiers WHERE ${match} = k;
  IF NOT FOUND OR d.received_at IS NULL OR d.status IN ('submitted', 'refused') THEN RETURN NULL; END IF;
  SELECT r.synced > 0, r.fee_bearing > 0, r.paid_online > 0 INTO after_synced, after_fee, after_paid
    FROM report_dossier_rows(d, 1) r ORDER BY r.received_online + r.received_direct DESC LIMIT 1;
  before_synced := after_synced; before_fee := after_fee; before_paid := after_paid;
  ${
    table === 'payments'
      ? `before_fee := EXISTS (SELECT 1 FROM payments m WHERE m.dossier_id = k AND m.status <> 'cancelled'
           AND m.payment_id <> coalesce(NEW.payment_id, -1))
         OR (TG_OP <> 'INSERT' AND OLD.status <> 'cancelled');
         before_paid := EXISTS (SELECT 1 FROM payments m WHERE m.dossier_id = k AND m.status = 'paid' AND m.channel = 'online'
           AND m.payment_id <> coalesce(NEW.payment_id, -1))
         OR (TG_OP <> 'INSERT' AND OLD.status = 'paid' AND OLD.channel = 'online');`
      : `before_synced := TG_OP <> 'INSERT' AND OLD.acked_at IS NOT NULL;`
  }
  IF before_synced = after_synced AND before_fee = after_fee AND before_paid = after_paid THEN RETURN NULL; END IF;
  ${appendRows(`SELECT d.received_by_agency_id AS agency_id, d.procedure_code, ((d.received_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS day,
      ${REPORT_COUNT_COLUMNS.map((c) =>
        c === 'synced'
          ? `(after_synced::int - before_synced::int) AS synced`
          : c === 'fee_bearing'
            ? `(after_fee::int - before_fee::int) AS fee_bearing`
            : c === 'paid_online'
              ? `(after_paid::int - before_paid::int) AS paid_online`
              : `0 AS ${c}`,
      ).join(', ')}`)};
  RETURN NULL;
END $fn$`;

const ratingTrigger = `
CREATE FUNCTION report_rating_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    ${appendRows(ratingRows('OLD', '-1'))};
  END IF;
  IF TG_OP <> 'DELETE' THEN
    ${appendRows(ratingRows('NEW', '1'))};
  END IF;
  RETURN NULL;
END $fn$`;

function ratingRows(row: string, sign: string): string {
  const level = (l: string) => `CASE WHEN ${row}.level = '${l}' THEN ${sign} ELSE 0 END`;
  return `SELECT d.received_by_agency_id AS agency_id, d.procedure_code,
      ((${row}.rated_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS day,
      ${REPORT_COUNT_COLUMNS.map((c) =>
        c === 'rated_very_satisfied'
          ? `${level('very-satisfied')} AS ${c}`
          : c === 'rated_satisfied'
            ? `${level('satisfied')} AS ${c}`
            : c === 'rated_unsatisfied'
              ? `${level('unsatisfied')} AS ${c}`
              : `0 AS ${c}`,
      ).join(', ')}
    FROM dossiers d WHERE d.dossier_id = ${row}.dossier_id`;
}

/** Every count recounted from the dossiers and ratings (the rebuild, and the migration's first fill). */
export const REBUILD_REPORT_COUNTS = [
  'DELETE FROM report_deltas',
  'DELETE FROM report_days',
  'DELETE FROM report_months',
  applyRows(`SELECT r.* FROM dossiers d CROSS JOIN LATERAL report_dossier_rows(d, 1) r`),
  applyRows(`SELECT d.received_by_agency_id AS agency_id, d.procedure_code,
      ((g.rated_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS day,
      ${REPORT_COUNT_COLUMNS.map((c) =>
        c === 'rated_very_satisfied'
          ? `(g.level = 'very-satisfied')::int AS ${c}`
          : c === 'rated_satisfied'
            ? `(g.level = 'satisfied')::int AS ${c}`
            : c === 'rated_unsatisfied'
              ? `(g.level = 'unsatisfied')::int AS ${c}`
              : `0 AS ${c}`,
      ).join(', ')}
    FROM dossier_ratings g JOIN dossiers d ON d.dossier_id = g.dossier_id`),
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (text: string) => {
    await sql.raw(text).execute(db);
  };
  for (const [table, period] of [
    ['report_days', 'day'],
    ['report_months', 'month'],
  ] as const) {
    await run(`CREATE TABLE ${table} (
  agency_id bigint NOT NULL REFERENCES agencies(agency_id),
  procedure_code text NOT NULL,
  ${period} date NOT NULL,
  slot smallint NOT NULL,
  ${columns},
  PRIMARY KEY (agency_id, ${period}, procedure_code, slot)
)`);
    await run(`CREATE INDEX ${table}_${period}_idx ON ${table} (${period})`);
  }
  await run(
    `COMMENT ON TABLE report_days IS 'Report counts per receiving agency (received_by_agency_id, the agency of the day), procedure and Vietnamese civil day, folded from report_deltas, which triggers on dossiers, payments, portal_sync_state and dossier_ratings append to in the writing transaction; slot spreads concurrent writers over up to four rows (pg_backend_pid() % 4), a read sums them (through report_day_counts). Each column counts the dossiers whose event falls on the day (docs/domain/reports.md, "The counts"). Rebuilt by npm run cli -- reports:rebuild.'`,
  );
  await run(
    `COMMENT ON TABLE report_months IS 'The counts of report_days summed per month (month = its first day), folded with them: a period reads its whole months here and its edge days in report_days (through report_month_counts and report_day_counts).'`,
  );
  await run(`CREATE TABLE report_deltas (
  agency_id bigint NOT NULL,
  procedure_code text NOT NULL,
  day date NOT NULL,
  ${columns}
)`);
  await run(
    `COMMENT ON TABLE report_deltas IS 'What the report-count triggers add, appended as it comes in the writing transaction (no index, no key: an intake pays for an insert only); the worker folds it into report_days and report_months (foldReportDeltas) and deletes it in the same transaction. Read through the views report_day_counts and report_month_counts, which add it.'`,
  );
  const counted = REPORT_COUNT_COLUMNS.join(', ');
  await run(`CREATE VIEW report_day_counts AS
  SELECT agency_id, procedure_code, day, ${counted} FROM report_days
  UNION ALL SELECT agency_id, procedure_code, day, ${counted} FROM report_deltas`);
  await run(`CREATE VIEW report_month_counts AS
  SELECT agency_id, procedure_code, month, ${counted} FROM report_months
  UNION ALL SELECT agency_id, procedure_code, date_trunc('month', day)::date AS month, ${counted} FROM report_deltas`);
  await run(
    `COMMENT ON VIEW report_day_counts IS 'The report counts per receiving agency, procedure and day as they stand: report_days and the deltas not yet folded (several rows per key: sum them).'`,
  );
  await run(
    `COMMENT ON VIEW report_month_counts IS 'The report counts per receiving agency, procedure and month as they stand: report_months and the deltas not yet folded (several rows per key: sum them).'`,
  );
  await run(contributionFunction);
  await run(dossierTrigger);
  await run(dossiersAddedTrigger);
  await run(`CREATE TRIGGER dossiers_report_counts_added AFTER INSERT ON dossiers
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION report_dossiers_added()`);
  await run(`CREATE TRIGGER dossiers_report_counts
    AFTER DELETE ON dossiers FOR EACH ROW EXECUTE FUNCTION report_dossier_change()`);
  await run(`CREATE TRIGGER dossiers_report_counts_update
    AFTER UPDATE OF status, received_at, result_at, closed_at, due_at, channel, received_by_agency_id, procedure_code, components, state
    ON dossiers FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.received_at IS DISTINCT FROM NEW.received_at
      OR OLD.result_at IS DISTINCT FROM NEW.result_at OR OLD.closed_at IS DISTINCT FROM NEW.closed_at
      OR OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.channel IS DISTINCT FROM NEW.channel
      OR OLD.received_by_agency_id IS DISTINCT FROM NEW.received_by_agency_id
      OR OLD.procedure_code IS DISTINCT FROM NEW.procedure_code
      OR OLD.components IS DISTINCT FROM NEW.components
      OR (OLD.state -> 'resultDocuments') IS DISTINCT FROM (NEW.state -> 'resultDocuments'))
    EXECUTE FUNCTION report_dossier_change()`);
  await run(relatedTrigger('report_payment_change', 'payments', 'dossier_id', 'dossier_id'));
  await run(`CREATE TRIGGER payments_report_counts AFTER INSERT OR DELETE OR UPDATE OF status, channel ON payments
    FOR EACH ROW EXECUTE FUNCTION report_payment_change()`);
  await run(relatedTrigger('report_sync_change', 'portal_sync_state', 'dossier_code', 'code'));
  // A sync row is created when the first message is queued, before the portal answers: its insert
  // changes no count, so the trigger fires on an insert only when it is already acknowledged (the hot
  // path of every intake pays nothing for it).
  await run(`CREATE TRIGGER portal_sync_report_counts AFTER DELETE OR UPDATE OF acked_at ON portal_sync_state
    FOR EACH ROW EXECUTE FUNCTION report_sync_change()`);
  await run(`CREATE TRIGGER portal_sync_report_counts_insert AFTER INSERT ON portal_sync_state
    FOR EACH ROW WHEN (NEW.acked_at IS NOT NULL) EXECUTE FUNCTION report_sync_change()`);
  await run(ratingTrigger);
  await run(`CREATE TRIGGER ratings_report_counts AFTER INSERT OR DELETE OR UPDATE OF level, rated_at ON dossier_ratings
    FOR EACH ROW EXECUTE FUNCTION report_rating_change()`);
  for (const statement of REBUILD_REPORT_COUNTS) await run(statement);
}
