// Writes a new dossier: its gap-free code, its row in the state intake decided, the agencies it involves.
import { sql, type Compilable, type RawBuilder } from 'kysely';
import { executeNamed, type Database } from '../../../db/client.ts';
import { pendingValue, type PendingValue } from '../../../db/pending-value.ts';
import { CHAIN_HEAD, type LockedHead } from '../../../platform/audit.ts';
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
    step_due_at: null,
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
   * More rows of the new dossier, written by the same statement as the dossier (one round trip, not
   * one per table): inserts that name the new dossier by NEW_DOSSIER_ID and its code by `code`, which
   * the statement takes.
   */
  also?: (code: PendingValue) => Compilable[];
  /**
   * The audit chain whose head the statement also locks and reads, after the code counter (the order
   * every writer keeps): given to `counted` as an expression.
   */
  chain?: string;
  /**
   * Queries run by the same statement whose rows are counted, given the new row (its code is the
   * pending code's placeholder), the locked head and the pending code: a conditional insert (0 when it
   * inserted nothing), or a `SELECT` of a function that writes (a statement runs a `SELECT` part only
   * when it reads it).
   */
  counted?: (
    row: ViewRow,
    head: LockedHead | null,
    code: PendingValue,
  ) => Record<string, Compilable | RawBuilder<unknown>>;
};

/** The id of the dossier being inserted, for the `also` rows sent in the same statement. */
export const NEW_DOSSIER_ID: RawBuilder<string> = sql<string>`(SELECT dossier_id FROM new_dossier)`;

/** The code the statement takes, and the chain's head it locks. */
const NEW_CODE = sql<string>`(SELECT code FROM taken)`;
const LOCKED_HEAD: LockedHead = {
  length: sql`(SELECT head_length FROM taken)`,
  hash: sql<string>`(SELECT head_hash FROM taken)`,
};

/**
 * Takes the next gap-free code of the receiving agency for today and inserts the dossier in its state
 * (submitted, or already acted on at the desk: one insert, not an insert and an update), with the
 * agencies it involves and the caller's `also` and `counted` rows, in ONE statement: the code counter
 * (locked to the commit), the audit chain's head (locked after it), the dossier and every row naming
 * it. Sent outside a transaction it is one: all of it is written, or nothing. Returns the code and the
 * row as the view needs it, from what was written.
 */
export async function insertDossier(
  db: Database,
  w: DossierInsert,
): Promise<{ dossierId: string; code: string; row: ViewRow; counts: Record<string, number> }> {
  const { prepared, input, receiving, now, state, columns } = w;
  const day = vnDay(now);
  // The code: the desk's code, the day and the day's number, at least four digits.
  const prefix = `${receiving.code}-${day.yymmdd}-`;
  const code = pendingValue(NEW_CODE);
  // With a chain, its head locked after the counter (OFFSET 0 keeps the function to one call).
  const taken = sql`SELECT ${prefix} || lpad(last_value::text, greatest(4, length(last_value::text)), '0') AS code
      ${w.chain === undefined ? sql`` : sql`, (head).length AS head_length, (head).head_hash AS head_hash`}
    FROM (SELECT last_value${w.chain === undefined ? sql`` : sql`, ${CHAIN_HEAD(w.chain)} AS head`}
      FROM counter OFFSET 0) AS locked`;
  const formData = (input.formData ?? {}) as Record<string, unknown>;
  const dossier = db
    .insertInto('dossiers')
    .values({
      code: code.sql,
      procedure_version_id: prepared.procedureVersionId,
      procedure_code: input.procedureCode,
      case_key: input.caseCode ?? null,
      channel: input.channel,
      receiving_agency_id: receiving.agency_id,
      received_by_agency_id: receiving.agency_id,
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
  const agencies = db
    .insertInto('dossier_agencies')
    .values(involved.map((agency_id) => ({ dossier_id: NEW_DOSSIER_ID, agency_id })));
  // The row as written, its code the placeholder until the statement has taken it.
  const row = (withCode: string): ViewRow => ({
    code: withCode,
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
  });
  const rows = [agencies, ...(w.also?.(code) ?? [])];
  const ctes = rows.map((q, i) => sql`, ${sql.raw(`new_row_${i}`)} AS (${q})`);
  const counted = Object.entries(
    w.counted?.(row(code.placeholder), w.chain === undefined ? null : LOCKED_HEAD, code) ?? {},
  );
  const countedCtes = counted.map(([name, q]) => sql`, ${sql.ref(`counted_${name}`)} AS (${q})`);
  const counts = counted.map(
    ([name]) => sql`, (SELECT count(*)::int FROM ${sql.ref(`counted_${name}`)}) AS ${sql.ref(name)}`,
  );
  // Foreign keys and the outbox's trigger run at the statement's end, when the dossier is there. Its
  // text varies only with how many rows it writes: a named statement, planned once per connection.
  const inserted = (
    await executeNamed(
      db,
      sql<{ dossier_id: string; code: string } & Record<string, number>>`WITH counter AS (
          INSERT INTO dossier_code_counters (agency_id, day, last_value) VALUES (${receiving.agency_id}, ${day.iso}, 1)
          ON CONFLICT (agency_id, day) DO UPDATE SET last_value = dossier_code_counters.last_value + 1
          RETURNING last_value),
        taken AS (${taken}),
        new_dossier AS (${dossier})${sql.join([...ctes, ...countedCtes], sql``)}
        SELECT dossier_id, ${NEW_CODE} AS code${sql.join(counts, sql``)} FROM new_dossier`,
    )
  ).rows[0]!;
  return {
    dossierId: inserted.dossier_id,
    code: inserted.code,
    counts: Object.fromEntries(counted.map(([name]) => [name, Number(inserted[name])])),
    row: row(inserted.code),
  };
}
