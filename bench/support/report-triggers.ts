// The triggers that keep report_days and report_months (migration 20261210000000_report-counts), for
// the benches that write in bulk with them off (bench/support/generate-dossiers.ts, then a rebuild) or
// measure intake without them (bench/intake.ts --no-report-counts).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';

/** The report-count triggers, by table: four tables, seven triggers. */
export const REPORT_TRIGGERS: [table: string, trigger: string][] = [
  ['dossiers', 'dossiers_report_counts_added'],
  ['dossiers', 'dossiers_report_counts'],
  ['dossiers', 'dossiers_report_counts_update'],
  ['payments', 'payments_report_counts'],
  ['portal_sync_state', 'portal_sync_report_counts'],
  ['portal_sync_state', 'portal_sync_report_counts_insert'],
  ['dossier_ratings', 'ratings_report_counts'],
];

/** Turns the report-count triggers off (`false`) or back on, for every session of the database. */
export async function setReportTriggers(db: Kysely<DB>, on: boolean): Promise<void> {
  for (const [table, trigger] of REPORT_TRIGGERS)
    await sql.raw(`ALTER TABLE ${table} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`).execute(db);
}
