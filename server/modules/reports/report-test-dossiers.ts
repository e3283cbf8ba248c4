// Tests' dossiers written straight into the database, row change by row change as the system writes
// them (intake, then each action's UPDATE, payments, the portal's acknowledgement, a rating), so the
// report-count triggers see what they see in production: copies of a real dossier (`template`, received
// through the API) with the dates, channel, agency, procedure and outcome of the history asked for.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export type Outcome =
  'open' | 'result-ready' | 'returned' | 'withdrawn' | 'stopped' | 'refused' | 'submitted';
export type PaymentStory = 'pending' | 'paid-online' | 'paid-cash' | 'cancelled' | 'failed';

export type DossierHistory = {
  code: string;
  agencyId: string;
  procedure: string;
  channel: string;
  receivedAt: Date;
  dueAt: Date | null;
  /** A due time recomputed later (a pause), or null. */
  movedDueAt?: Date | null;
  outcome: Outcome;
  /** When it was resolved (result, withdrawal, stop); ignored while open. */
  resolvedAt: Date | null;
  payments?: readonly PaymentStory[];
  synced?: boolean;
  rating?: 'very-satisfied' | 'satisfied' | 'unsatisfied' | null;
  digitised?: boolean;
  electronic?: boolean;
  /** The electronic result carries the deciding agency's valid signature (recorded at the approval). */
  signed?: boolean;
};

let receipts = 0;

export async function writeHistory(db: Kysely<DB>, template: string, h: DossierHistory): Promise<void> {
  const received = h.receivedAt;
  const components = JSON.stringify([
    { name: 'Tờ khai', digitised: h.digitised ?? false },
    { name: 'Giấy tờ', digitised: true },
  ]);
  const submitted = h.outcome === 'submitted';
  const inserted = await sql<{ dossier_id: string }>`
    INSERT INTO dossiers (applicant, applicant_id_number, applicant_search, channel, code, competent_agency_id,
      components, current_agency_id, form_data, procedure_code, procedure_version_id, received_at, receiving_agency_id,
      received_by_agency_id, state, status, step_agencies, submitted_at, updated_at, version, workflow, due_at,
      case_key, calendar_version)
    SELECT applicant, applicant_id_number, applicant_search, ${h.channel}, ${h.code}, ${h.agencyId}::bigint,
      ${components}::jsonb, ${h.agencyId}::bigint, form_data, ${h.procedure}, procedure_version_id,
      ${submitted ? null : received}, ${h.agencyId}::bigint, ${h.agencyId}::bigint, state,
      ${submitted ? 'submitted' : 'received'}, step_agencies, ${received}, ${received}, 1, workflow,
      ${h.dueAt}, NULL, calendar_version
    FROM dossiers WHERE code = ${template} RETURNING dossier_id`.execute(db);
  const id = inserted.rows[0]!.dossier_id;
  if (submitted) return;
  if (h.outcome === 'refused') {
    await db
      .updateTable('dossiers')
      .set({ status: 'refused', closed_at: received })
      .where('dossier_id', '=', id)
      .execute();
    return;
  }
  await db.updateTable('dossiers').set({ status: 'processing' }).where('dossier_id', '=', id).execute();
  if (h.movedDueAt && h.dueAt !== null) {
    await db
      .updateTable('dossiers')
      .set({ due_at: h.movedDueAt.toISOString() })
      .where('dossier_id', '=', id)
      .execute();
  }
  for (const [i, p] of (h.payments ?? []).entries()) {
    const paid = p.startsWith('paid');
    const reference = `${h.code.replace(/[^A-Za-z0-9]/g, '')}P${i}`;
    // A payment at the desk is recorded paid; an online one starts pending and is settled later.
    const cash = p === 'paid-cash';
    const receipt = (yes: boolean) => (yes ? sql`${received}, 2026, ${++receipts}` : sql`NULL, NULL, NULL`);
    await sql`INSERT INTO payments (dossier_id, agency_id, reference, amount, items, channel, status, payer_name,
        created_by_label, created_at, updated_at, paid_at, receipt_year, receipt_seq)
      VALUES (${id}::bigint, ${h.agencyId}::bigint, ${reference}, 50000, '[{"name":"Lệ phí"}]'::jsonb,
        ${cash ? 'cash' : 'online'}, ${cash ? 'paid' : 'pending'}, 'Nguyễn Văn A', 'Cán bộ',
        ${received}, ${received}, ${receipt(cash)})`.execute(db);
    if (p !== 'pending' && !cash) {
      await sql`UPDATE payments SET status = ${paid ? 'paid' : p}, (paid_at, receipt_year, receipt_seq) = (${receipt(paid)})
        WHERE reference = ${reference}`.execute(db);
    }
  }
  if (h.synced) {
    await sql`INSERT INTO portal_sync_state (dossier_code, latest_outbox_id, changed_at)
      VALUES (${h.code}, 1, ${received})`.execute(db);
    await sql`UPDATE portal_sync_state SET acked_at = ${received} WHERE dossier_code = ${h.code}`.execute(db);
  }
  if (h.outcome === 'open' || h.resolvedAt === null) return;
  const at = h.resolvedAt;
  const result = h.outcome === 'result-ready' || h.outcome === 'returned';
  const state =
    h.electronic && result
      ? sql`jsonb_set(state, '{resultDocuments}', '[{"name":"Kết quả","fileId":"1"}]'::jsonb)`
      : sql`state`;
  const signed = h.electronic && h.signed && result ? sql`'{1}'::text[]` : sql`'{}'::text[]`;
  await sql`UPDATE dossiers SET status = ${result ? 'result-ready' : h.outcome}, result_at = ${result ? at : null},
      closed_at = ${result ? null : at}, state = ${state}, signed_result_files = ${signed}
    WHERE dossier_id = ${id}::bigint`.execute(db);
  if (h.outcome === 'returned') {
    await sql`UPDATE dossiers SET status = 'returned', returned_at = ${at}, closed_at = ${at}
      WHERE dossier_id = ${id}::bigint`.execute(db);
  }
  if (h.rating && result) {
    await sql`INSERT INTO dossier_ratings (dossier_id, level, channel, recorded_by_user_id, rated_at)
      VALUES (${id}::bigint, ${h.rating}, 'counter', (SELECT min(user_id) FROM users), ${at})`.execute(db);
  }
}
