// Writes a new dossier: its gap-free code, its row in the state intake decided, the agencies it involves.
import { sql, type Compilable, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { executeNamed } from '../../../db/client.ts';
import { CHAIN_HEAD, type ChainHead } from '../../../platform/audit.ts';
import type { DossierState } from '../../../../common/dossiers/index.ts';
import { foldVietnamese } from '../../../../common/text/fold.ts';
import { vnDate } from '../../../../common/time/vn-time.ts';
import type { SettledColumns } from '../actions/action-record.ts';
import type { ViewRow } from '../views/dossier-view.ts';
import type { IntakeCore, PreparedIntake } from './intake.prepare.ts';

/** yymmdd of the civil day in Vietnam. */
function vnDay(at: Date): { yymmdd: string; iso: string } {
  const iso = vnDate(at);
  return { yymmdd: iso.slice(2).replace(/-/g, ''), iso };
}

/** The columns of a dossier nobody has acted on yet: submitted, at its receiving agency, no clock. */
export function submittedColumns(receivingAgencyId: string): SettledColumns {
  return {
    current_agency_id: receivingAgencyId,
    received_at: null,
    due_at: null,
    calendar_version: null,
    extended_due_at: null,
    result_at: null,
    returned_at: null,
    closed_at: null,
  };
}

export type DossierInsert = {
  prepared: PreparedIntake;
  input: IntakeCore;
  receiving: { agency_id: string; code: string };
  now: Date;
  /** Who submitted: the desk officer, or the citizen online (neither for the national portal). */
  by: { userId: string | null; citizenId: string | null };
  state: DossierState;
  columns: SettledColumns;
  /**
   * More rows of the new dossier, given its code, written by the same statement as the dossier (one
   * round trip, not one per table): inserts that name the new dossier by NEW_DOSSIER_ID.
   */
  also?: (code: string, head: ChainHead | null) => Compilable[];
  /**
   * The audit chain whose head the code counter's statement also locks and reads (the counter first,
   * then the head, as when the audit entry is appended later): given to `also` and `counted`.
   */
  chain?: string;
  /**
   * Queries run by the same statement whose rows are counted, given the new row and the locked head: a
   * conditional insert (0 when it inserted nothing), or a `SELECT` of a function that writes (a
   * statement runs a `SELECT` part only when it reads it).
   */
  counted?: (row: ViewRow, head: ChainHead | null) => Record<string, Compilable | RawBuilder<unknown>>;
};

/** The id of the dossier being inserted, for the `also` rows sent in the same statement. */
export const NEW_DOSSIER_ID: RawBuilder<string> = sql<string>`(SELECT dossier_id FROM new_dossier)`;

/**
 * Takes the next gap-free code of the receiving agency for today and inserts the dossier in its state
 * (submitted, or already acted on at the desk: one insert, not an insert and an update), with the
 * agencies it involves and the caller's `also` rows in the same statement. Returns the row as the view
 * needs it, from what was written.
 */
export async function insertDossier(
  trx: Transaction<DB>,
  w: DossierInsert,
): Promise<{ dossierId: string; row: ViewRow; counts: Record<string, number> }> {
  const { prepared, input, receiving, now, state, columns } = w;
  const day = vnDay(now);
  const next = sql`
    INSERT INTO dossier_code_counters (agency_id, day, last_value) VALUES (${receiving.agency_id}, ${day.iso}, 1)
    ON CONFLICT (agency_id, day) DO UPDATE SET last_value = dossier_code_counters.last_value + 1
    RETURNING last_value`;
  // With a chain: its head locked in the same statement, after the counter (OFFSET 0 keeps the
  // function to one call per counter row).
  const counter = await executeNamed(
    trx,
    w.chain === undefined
      ? sql<{ last_value: number } & Partial<ChainHead>>`${next}`
      : sql<{ last_value: number } & ChainHead>`WITH counter AS (${next})
          SELECT last_value, (head).length, (head).head_hash
          FROM (SELECT last_value, ${CHAIN_HEAD(w.chain)} AS head FROM counter OFFSET 0) AS locked`,
  );
  const seq = counter.rows[0]!.last_value;
  const { length, head_hash } = counter.rows[0]!;
  const head = length !== undefined && head_hash !== undefined ? { length, head_hash } : null;
  const code = `${receiving.code}-${day.yymmdd}-${String(seq).padStart(4, '0')}`;
  const formData = (input.formData ?? {}) as Record<string, unknown>;
  const dossier = trx
    .insertInto('dossiers')
    .values({
      code,
      procedure_version_id: prepared.procedureVersionId,
      procedure_code: input.procedureCode,
      case_key: input.caseCode ?? null,
      channel: input.channel,
      receiving_agency_id: receiving.agency_id,
      competent_agency_id: prepared.competentAgencyId,
      step_agencies: JSON.stringify(prepared.stepAgencies),
      workflow: JSON.stringify(prepared.workflow),
      applicant: JSON.stringify(input.applicant),
      applicant_id_number: input.applicant.idNumber,
      applicant_search: `${foldVietnamese(input.applicant.fullName)} ${input.applicant.idNumber}`,
      form_data: JSON.stringify(formData),
      components: JSON.stringify(prepared.components),
      requested_return_channel: input.returnChannel ?? null,
      state: JSON.stringify(state),
      status: state.status,
      version: state.version,
      assignee_user_id: state.step.assigneeId,
      ...columns,
      submitted_at: now,
      created_by: w.by.userId,
      submitted_by_citizen_id: w.by.citizenId,
      updated_at: now,
    })
    .returning('dossier_id');
  const involved = [
    ...new Set([
      receiving.agency_id,
      prepared.competentAgencyId,
      ...prepared.stepAgencies.map((s) => s.agencyId),
    ]),
  ];
  const agencies = trx
    .insertInto('dossier_agencies')
    .values(involved.map((agency_id) => ({ dossier_id: NEW_DOSSIER_ID, agency_id })));
  // One statement: the dossier, then the rows naming it. Foreign keys and the outbox's trigger run at
  // its end, when the dossier is there.
  const row: ViewRow = {
    code,
    version: state.version,
    case_key: input.caseCode ?? null,
    channel: input.channel,
    receiving_agency_id: receiving.agency_id,
    competent_agency_id: prepared.competentAgencyId,
    step_agencies: prepared.stepAgencies,
    workflow: prepared.workflow,
    applicant: input.applicant,
    form_data: formData,
    components: prepared.components,
    requested_return_channel: input.returnChannel ?? null,
    submitted_at: now,
    ...columns,
  };
  const rows = [agencies, ...(w.also?.(code, head) ?? [])];
  const ctes = rows.map((q, i) => sql`, ${sql.raw(`new_row_${i}`)} AS (${q})`);
  const counted = Object.entries(w.counted?.(row, head) ?? {});
  const countedCtes = counted.map(([name, q]) => sql`, ${sql.ref(`counted_${name}`)} AS (${q})`);
  const counts = counted.map(
    ([name]) => sql`, (SELECT count(*)::int FROM ${sql.ref(`counted_${name}`)}) AS ${sql.ref(name)}`,
  );
  // Its text varies only with how many rows it writes: a named statement, planned once per connection.
  const inserted = (
    await executeNamed(
      trx,
      sql<{ dossier_id: string } & Record<string, number>>`WITH new_dossier AS (${dossier})${sql.join(
        [...ctes, ...countedCtes],
        sql``,
      )}
        SELECT dossier_id${sql.join(counts, sql``)} FROM new_dossier`,
    )
  ).rows[0]!;
  return {
    dossierId: inserted.dossier_id,
    counts: Object.fromEntries(counted.map(([name]) => [name, Number(inserted[name])])),
    row,
  };
}
