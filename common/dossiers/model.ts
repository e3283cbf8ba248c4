// The data of the dossier lifecycle: the state a dossier is in, who acts on it and in which relation,
// the effects the server carries out, and the workflow shape the lifecycle needs. Pure and isomorphic.
import type { Role } from '../auth/roles.ts';
import type { Performer, WorkflowProblem, WorkflowStep } from '../catalog/workflow.ts';
import type { PausePolicy } from '../working-time/index.ts';
import type { DossierStatus } from './statuses.ts';
import type { InputProblem } from './input-schema.ts';

export const ACTION_KINDS = [
  'accept',
  'request-supplement',
  'supplement',
  'refuse',
  'claim',
  'assign',
  'forward',
  'send-back',
  'approve',
  'deny',
  'apologize',
  'return-result',
  'withdraw',
  'stop',
  'request-payment',
  'confirm-payment',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** The steps as the lifecycle needs them: a catalogue WorkflowStep without its time share. */
export type LifecycleStep = Pick<WorkflowStep, 'key' | 'name' | 'role' | 'performer' | 'canSendBack'>;
export type LifecycleWorkflow = { steps: readonly LifecycleStep[] };

/**
 * Rules a dossier keeps from the day it was received (they are configurable per procedure where the law
 * is unverified, legal-notes §4.1 r.9).
 */
export type LifecycleRules = {
  /** Clock policy of a supplement requested by the desk after acceptance, before the transfer. */
  intakeSupplementPolicy: PausePolicy;
  /** Clock policy of a supplement requested during processing. */
  processingSupplementPolicy: PausePolicy;
  /** How many supplement requests processing may make; null: no limit. */
  maxProcessingSupplements: number | null;
};

/**
 * Intake: the time limit counts "from the receipt of a complete, valid dossier", so a dossier found
 * incomplete at the desk starts over when completed. Processing: the time already spent counts in the
 * time limit (ND 61/2018 Điều 19 k1 c) and the supplement period does not (legal-notes §4.1 r.9), and a
 * written supplement request is made at most once (same point, as amended by ND 107/2021; not verified
 * in legal-notes: configurable).
 */
export const DEFAULT_LIFECYCLE_RULES: Readonly<LifecycleRules> = {
  intakeSupplementPolicy: 'restart',
  processingSupplementPolicy: 'suspend',
  maxProcessingSupplements: 1,
};

/** Who acts. The applicant acts as a `citizen`; payment callbacks act as `system`. */
export type DossierActor = { kind: 'citizen' | 'staff' | 'system'; id: string };

/**
 * What the server knows about the actor's relation to this dossier, computed from the database and the
 * reach policy (roles held directly at, or reaching, the agency). Being the step's assignee is read from
 * the state (`step.assigneeId === actor.id`), not passed.
 */
export type ActorRelation = {
  /** The actor is the applicant (chủ hồ sơ) or the applicant's authorised representative. */
  isApplicant: boolean;
  /** Roles the actor holds at the agency whose desk received the dossier. */
  rolesAtReceivingAgency: readonly Role[];
  /** Roles at the agency performing the current step (the step's performer, resolved for this dossier). */
  rolesAtStepAgency: readonly Role[];
  /** Roles at the agency responsible for the dossier (cơ quan có thẩm quyền giải quyết). */
  rolesAtResponsibleAgency: readonly Role[];
};

/** Deadline facts computed by the server with the working-time engine. */
export type DeadlineFacts = {
  /** Working minutes from the action's time to the due time (negative when overdue). */
  workingMinutesUntilDue: number;
  /** Working minutes in one working day of the responsible agency's office hours. */
  workingDayMinutes: number;
  /** The due time in force (ISO 8601), when known: a new appointment must come after it. */
  dueAt?: string;
};

export type LifecycleContext = {
  relation: ActorRelation;
  /** Needed by `apologize`; absent or null: the action is not available. */
  deadline?: DeadlineFacts | null;
};

export type DossierAction = { kind: ActionKind; actor: DossierActor; input: unknown; at: string };

export type SupplementStage = 'pre-receipt' | 'intake' | 'processing';
export type PauseCause = 'supplement' | 'payment';
export type StopCategory = 'not-eligible' | 'supplement-overdue' | 'decision';
export type ReturnChannel = 'counter' | 'postal' | 'online';

export type MissingComponent = { name: string; requirement?: string };
export type ResultDocument = { name: string; fileId?: string };
/** The approved result's number (số, ký hiệu), signing date (`YYYY-MM-DD`) and signer. */
export type ResultRecord = { number: string; date: string; signer: string };
export type PaymentItem = { name: string; amountVnd?: number };

/** A pause of the legal clock; `to` is null while open. Closed pauses are working-time `Pause`s. */
export type DossierPause = {
  from: string;
  to: string | null;
  policy: PausePolicy;
  reason: string;
  cause: PauseCause;
};

/** The open supplement request, while the status is `awaiting-supplement`. */
export type OpenSupplement = {
  stage: SupplementStage;
  requestedAt: string;
  /** The status the dossier goes back to once supplemented. */
  returnTo: 'submitted' | 'received' | 'processing';
  missingComponents: readonly MissingComponent[];
};

export type OpenPayment = { requestedAt: string; items: readonly PaymentItem[] };

export type DossierState = {
  /** Number of actions applied: every accepted action adds exactly one. */
  version: number;
  status: DossierStatus;
  /** The workflow in force when the dossier was created; never changes afterwards. */
  workflow: LifecycleWorkflow;
  rules: LifecycleRules;
  /** The current workflow step; `assigneeId` is null for desk steps and unassigned steps. */
  step: { index: number; key: string; assigneeId: string | null };
  /** Last assignee of each step (by key), handed the dossier again when it comes back to the step. */
  stepAssignees: Readonly<Record<string, string>>;
  clock: { startedAt: string | null; stoppedAt: string | null };
  /** When the desk first transferred the dossier to processing (ND 118/2025 Điều 18). */
  transferredAt: string | null;
  pauses: readonly DossierPause[];
  supplement: OpenSupplement | null;
  /** Supplement requests made during processing, counted against `rules.maxProcessingSupplements`. */
  processingSupplements: number;
  payment: OpenPayment | null;
  /** The late-dossier apology (Mẫu 04) was issued; it is allowed once. */
  apologised: boolean;
  /** The new appointment of the apology; the original due time stays the KPI reference. */
  extendedDueAt: string | null;
  outcome: 'approved' | 'denied' | null;
  decidedAt: string | null;
  resultDocuments: readonly ResultDocument[];
  /** Set by the approval; absent from the state of dossiers approved before it was recorded. */
  resultRecord?: ResultRecord | null;
  /** Why a `stopped` dossier stopped. */
  stopCategory: StopCategory | null;
  /** When the dossier reached a terminal status. */
  closedAt: string | null;
  /** The reason given for a refusal, a withdrawal, a denial or a stop. */
  closeReason: string | null;
  returnChannel: ReturnChannel | null;
  /** Time of the last action; the next one may not be earlier. */
  updatedAt: string | null;
};

export type SlipKind = 'receipt' | 'supplement-request' | 'refusal' | 'apology' | 'stop-notice';

/** What the server does, in the same transaction as the new state, in this order. */
export type Effect =
  | { type: 'start-clock'; at: string }
  | { type: 'pause-clock'; at: string; policy: PausePolicy; reason: string; cause: PauseCause }
  | { type: 'resume-clock'; at: string; policy: PausePolicy; cause: PauseCause }
  /** Ends the legal clock; an open pause, if any, ends at the same time. */
  | { type: 'stop-clock'; at: string }
  | { type: 'move-to-agency'; stepIndex: number; stepKey: string; performer: Performer }
  | { type: 'issue-slip'; slip: SlipKind }
  /** The apology's new appointment: shown and synchronised, the original due time kept for KPIs. */
  | { type: 'extend-due'; newDueAt: string }
  | { type: 'notify-applicant'; action: ActionKind; status: DossierStatus }
  | { type: 'sync-portal'; status: DossierStatus; statusCode: number };
export type EffectType = Effect['type'];

/** One accepted action, as the server stores it (append-only); `replayActions` rebuilds the state. */
export type ActionRecord = {
  /** The state version this action produced. */
  version: number;
  kind: ActionKind;
  actor: DossierActor;
  input: unknown;
  at: string;
  /** The relation and deadline facts the action was judged with. */
  context: LifecycleContext;
  from: { status: DossierStatus; stepIndex: number };
  to: { status: DossierStatus; stepIndex: number };
};

export type LifecycleErrorCode = 'ACTION_NOT_ALLOWED' | 'FORBIDDEN' | 'INVALID_INPUT';
export type LifecycleError = {
  code: LifecycleErrorCode;
  /** Vietnamese. */
  message: string;
  details?: InputProblem[];
};

export type ApplyResult =
  | { ok: true; state: DossierState; effects: Effect[]; record: ActionRecord }
  | { ok: false; error: LifecycleError };

// ---- the workflow shape the lifecycle needs --------------------------------------------------------

/**
 * The approval step (ký duyệt): the last leader step. Steps after it (e.g. a clerk issuing the signed
 * result) carry an approved dossier to the return step. -1 when there is none.
 */
export function approvalStepIndex(workflow: LifecycleWorkflow): number {
  const steps = workflow.steps;
  for (let i = steps.length - 2; i >= 1; i--) if (steps[i]?.role === 'leader') return i;
  return -1;
}

/**
 * What stops a workflow from carrying a dossier through the lifecycle (paths like `steps/0/role`): the
 * desk receives (step 1) and returns (last step) — ND 118/2025 Điều 17, 22 —, and a leader signs the
 * result in between.
 */
export function lifecycleWorkflowProblems(workflow: LifecycleWorkflow): WorkflowProblem[] {
  const out: WorkflowProblem[] = [];
  const steps = workflow.steps;
  if (steps.length < 3) {
    out.push({
      path: 'steps',
      message: 'Quy trình cần ít nhất 3 bước: tiếp nhận, lãnh đạo phê duyệt, trả kết quả',
    });
  }
  const keys = new Set<string>();
  steps.forEach((s, i) => {
    if (typeof s.key !== 'string' || s.key === '') {
      out.push({ path: `steps/${i}/key`, message: 'Mã bước là bắt buộc' });
    } else if (keys.has(s.key)) {
      out.push({ path: `steps/${i}/key`, message: `Mã bước “${s.key}” bị trùng` });
    }
    keys.add(s.key);
  });
  const first = steps[0];
  const last = steps.at(-1);
  if (first !== undefined && (first.role !== 'desk-officer' || first.performer.kind !== 'receiving-agency')) {
    out.push({
      path: 'steps/0',
      message: 'Bước đầu tiên (tiếp nhận hồ sơ) do cán bộ một cửa của cơ quan tiếp nhận thực hiện',
    });
  }
  if (last !== undefined && steps.length > 1 && last.role !== 'desk-officer') {
    out.push({
      path: `steps/${steps.length - 1}/role`,
      message: 'Bước cuối cùng (trả kết quả) do cán bộ một cửa thực hiện',
    });
  }
  if (steps.length >= 3 && approvalStepIndex(workflow) < 0) {
    out.push({
      path: 'steps',
      message: 'Quy trình cần một bước lãnh đạo phê duyệt, ký kết quả trước bước trả kết quả',
    });
  }
  return out;
}

/** A fresh dossier, `submitted` at the receive step; throws RangeError for an unusable workflow. */
export function initialDossierState(
  workflow: LifecycleWorkflow,
  rules: Partial<LifecycleRules> = {},
): DossierState {
  const problems = lifecycleWorkflowProblems(workflow);
  if (problems.length > 0) {
    throw new RangeError(
      `Quy trình không dùng được: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  }
  const steps = workflow.steps.map((s) => ({
    key: s.key,
    name: s.name,
    role: s.role,
    performer: structuredClone(s.performer),
    canSendBack: s.canSendBack,
  }));
  return {
    version: 0,
    status: 'submitted',
    workflow: { steps },
    rules: { ...DEFAULT_LIFECYCLE_RULES, ...rules },
    step: { index: 0, key: steps[0]!.key, assigneeId: null },
    stepAssignees: {},
    clock: { startedAt: null, stoppedAt: null },
    transferredAt: null,
    pauses: [],
    supplement: null,
    processingSupplements: 0,
    payment: null,
    apologised: false,
    extendedDueAt: null,
    outcome: null,
    decidedAt: null,
    resultDocuments: [],
    resultRecord: null,
    stopCategory: null,
    closedAt: null,
    closeReason: null,
    returnChannel: null,
    updatedAt: null,
  };
}

/** The closed pauses, as the working-time engine takes them (`addWorkingTime(…, { pauses })`). */
export function closedPauses(
  state: DossierState,
): { from: string; to: string; policy: PausePolicy; reason: string }[] {
  return state.pauses.flatMap((p) =>
    p.to === null ? [] : [{ from: p.from, to: p.to, policy: p.policy, reason: p.reason }],
  );
}

/** The open pause, if the clock is paused. */
export function openPause(state: DossierState): DossierPause | null {
  return state.pauses.find((p) => p.to === null) ?? null;
}
