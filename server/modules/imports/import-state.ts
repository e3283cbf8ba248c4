// The lifecycle state an imported dossier starts motcua's history from: the status it had in the
// legacy system, at the step of the workflow that status means, its clock started when it was received
// and paused or stopped as the legacy dates say, its legacy due time kept as it was (past deadlines are
// not recomputed, next-capabilities §5). Its version is 0: the legacy history is kept beside it
// (dossier_imports.history), and motcua's own actions are versions 1, 2 … after it, so `replayActions`
// from this state rebuilds the dossier. Pure.
import {
  approvalStepIndex,
  initialDossierState,
  type DossierState,
  type LifecycleWorkflow,
} from '../../../common/dossiers/index.ts';
import type { LegacyDossier } from './dvcqg-record.ts';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** What the dossiers row carries beside the state (action-record.ts SettledColumns, less the agency). */
export type ImportedColumns = {
  received_at: Date | null;
  due_at: string | null;
  result_at: Date | null;
  returned_at: Date | null;
  closed_at: Date | null;
  /** The step whose agency is the current one. */
  stepIndex: number;
};

/** The time of the last thing the legacy system recorded: motcua's next action may not be earlier. */
function lastTime(d: LegacyDossier): string {
  const times = [
    d.submittedAt,
    d.receivedAt,
    d.supplementRequestedAt,
    d.refusedAt,
    d.finishedAt,
    d.returnedAt,
    ...d.history.map((e) => new Date(e.at)),
  ].filter((t): t is Date => t !== null);
  return new Date(Math.max(...times.map((t) => t.getTime()))).toISOString();
}

/**
 * The state and columns of `d` on `workflow` (a workflow the lifecycle accepts: desk, …, leader, …,
 * desk). A dossier being processed is at the first step after the desk, unassigned: the agency's staff
 * take it from their worklist (claim), as the legacy system names no motcua account.
 */
export function importedState(
  workflow: LifecycleWorkflow,
  d: LegacyDossier,
): { state: DossierState; columns: ImportedColumns } {
  const base = initialDossierState(workflow);
  const last = base.workflow.steps.length - 1;
  const received = iso(d.receivedAt);
  const updatedAt = lastTime(d);
  const at = (index: number) => ({ index, key: base.workflow.steps[index]!.key, assigneeId: null });
  const s: DossierState = { ...base, status: d.status, updatedAt };
  const processing = Math.min(1, last);
  const results = d.results.map((r) => ({ name: r.name }));
  const finished = iso(d.finishedAt ?? d.returnedAt);
  switch (d.status) {
    case 'submitted':
      break;
    case 'received':
      s.clock = { startedAt: received, stoppedAt: null };
      break;
    case 'processing':
      s.clock = { startedAt: received, stoppedAt: null };
      s.transferredAt = received;
      s.step = at(processing);
      break;
    case 'awaiting-supplement':
      s.clock = { startedAt: received, stoppedAt: null };
      s.transferredAt = received;
      s.step = at(processing);
      s.supplement = {
        stage: 'processing',
        requestedAt: iso(d.supplementRequestedAt)!,
        returnTo: 'processing',
        missingComponents: [],
      };
      s.processingSupplements = 1;
      s.pauses = [
        {
          from: iso(d.supplementRequestedAt)!,
          to: null,
          policy: base.rules.processingSupplementPolicy,
          reason: 'Chờ bổ sung, hoàn thiện hồ sơ',
          cause: 'supplement',
        },
      ];
      break;
    case 'awaiting-payment': {
      const from = d.history.at(-1)?.at ?? updatedAt;
      s.clock = { startedAt: received, stoppedAt: null };
      s.transferredAt = received;
      s.step = at(processing);
      s.payment = {
        requestedAt: from,
        items: d.fees.map((f) => ({ name: f.name || f.code, amountVnd: f.amountVnd })),
      };
      s.pauses = [
        { from, to: null, policy: 'suspend', reason: 'Chờ thực hiện nghĩa vụ tài chính', cause: 'payment' },
      ];
      break;
    }
    case 'result-ready':
      s.clock = { startedAt: received, stoppedAt: finished };
      s.transferredAt = received;
      s.step = at(last);
      s.outcome = 'approved';
      s.decidedAt = finished;
      s.resultDocuments = results;
      break;
    case 'returned':
      s.clock = { startedAt: received, stoppedAt: finished };
      s.transferredAt = received;
      s.step = at(last);
      s.outcome = 'approved';
      s.decidedAt = finished;
      s.resultDocuments = results;
      s.closedAt = iso(d.returnedAt);
      break;
    case 'refused':
      s.closedAt = iso(d.refusedAt);
      s.closeReason = d.history.at(-1)?.content || null;
      break;
    case 'withdrawn':
    case 'stopped':
      s.clock = { startedAt: received, stoppedAt: received === null ? null : finished };
      s.transferredAt = received;
      s.step = at(received === null ? 0 : Math.min(approvalStepIndex(base.workflow), last));
      s.stopCategory = d.status === 'stopped' ? 'decision' : null;
      s.closedAt = finished;
      s.closeReason = d.history.at(-1)?.content || null;
      break;
  }
  return {
    state: s,
    columns: {
      received_at: d.receivedAt,
      due_at: iso(d.dueAt),
      result_at:
        d.status === 'result-ready' || d.status === 'returned' ? (d.finishedAt ?? d.returnedAt) : null,
      returned_at: d.status === 'returned' ? d.returnedAt : null,
      closed_at: s.closedAt === null ? null : new Date(s.closedAt),
      stepIndex: s.step.index,
    },
  };
}
