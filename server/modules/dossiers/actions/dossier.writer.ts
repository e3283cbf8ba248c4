// Writes an action on a dossier, in the caller's transaction: the columns its effects set, the outbox
// messages, the new state, the append-only action row (and, on approval, the result documents kept for
// the applicant). It returns what it wrote and knows nothing of views or idempotency: the service
// presents and remembers the answer, then calls auditAction, last (see auditAction).
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { appendAudit, auditAppendOnto, type LockedHead } from '../../../platform/audit.ts';
import type { PendingValue } from '../../../db/pending-value.ts';
import { enqueue } from '../../../platform/jobs/outbox.ts';
import type { Duration } from '../../../../common/working-time/index.ts';
import { keepResultDocuments } from '../../documents/index.ts';
import type { DossierRow, Executor } from '../dossier.repository.ts';
import type { WorkingTime } from '../dossier-deadlines.ts';
import {
  actionRow,
  auditOfAction,
  outboxMessages,
  settleEffects,
  type Applied,
  type PersistedActor,
  type SettledColumns,
} from './action-record.ts';
import { staffArrival } from './staff-arrival.ts';

export type ActionWrite = {
  row: DossierRow;
  applied: Applied;
  limit: Duration | null;
  workingTime: (db: Executor) => Promise<WorkingTime>;
  actor: PersistedActor;
  now: Date;
  note: string | null;
};

export type WrittenAction = {
  /** The columns set beside the new state. */
  columns: SettledColumns;
  /** The action as the dossier's history shows it. */
  history: ReturnType<typeof actionRow>['history'];
};

export async function writeAction(trx: Transaction<DB>, w: ActionWrite): Promise<WrittenAction> {
  const { row, applied, now } = w;
  const { state } = applied;
  const columns = await settleEffects(trx, { ...w, row });
  const arrival = staffArrival({
    code: row.code,
    kind: applied.kind,
    state,
    agencyId: columns.current_agency_id,
    byUserId: w.actor.userId,
    now,
  });
  await enqueue(trx, [...outboxMessages(row.code, applied, now), ...arrival], now);
  await trx
    .updateTable('dossiers')
    .set({
      state: JSON.stringify(state),
      status: state.status,
      version: state.version,
      assignee_user_id: state.step.assigneeId,
      ...columns,
      updated_at: now,
    })
    .where('dossier_id', '=', row.dossier_id)
    .execute();
  const action = actionRow({ dossierId: row.dossier_id, applied, actor: w.actor, now, note: w.note });
  await trx.insertInto('dossier_actions').values(action.values).execute();
  // The signed result becomes a record of the applicant's document store (docs/domain/documents.md).
  if (applied.kind === 'approve') await keepResultDocuments(trx, row, state.resultDocuments, now);
  return { columns, history: action.history };
}

/**
 * The action's audit entry, written last in the transaction: the lock on its chain's head
 * (platform/audit.ts; the chain of the dossier's receiving agency) is held until commit and
 * serialises that agency's audited writers, so nothing else runs under it (docs/benchmarks.md, intake).
 */
type AuditedAction = Pick<ActionWrite, 'applied' | 'actor' | 'now'> & {
  code: string;
  requestId: string | null;
  /** The dossier's receiving agency: its audit chain. */
  receivingAgencyId: string;
};

export async function auditAction(trx: Transaction<DB>, w: AuditedAction): Promise<void> {
  await appendAudit(
    trx,
    { userId: w.actor.userId, label: w.actor.label },
    { ...auditOfAction(w.applied, w.code, w.requestId), chain: w.receivingAgencyId },
    w.now,
  );
}

/**
 * auditAction as a `SELECT` to send inside a larger statement, onto the receiving agency's chain head
 * that the same statement locks, for a dossier whose code that statement takes (desk intake: the
 * code counter, then the head; `w.code` is the pending code's placeholder).
 */
export function auditingAction(w: AuditedAction, head: LockedHead, code: PendingValue): RawBuilder<unknown> {
  const entry = { ...auditOfAction(w.applied, w.code, w.requestId), chain: w.receivingAgencyId };
  return sql`SELECT ${auditAppendOnto({ userId: w.actor.userId, label: w.actor.label }, entry, w.now, { head, pending: code })}`;
}
