// The dossier lifecycle as a pure reducer: `applyAction` judges an action (status and step conditions,
// then the actor's authority, then the inputs) and returns the next state with the effects the server
// must carry out in the same transaction; `allowedActions` lists what an actor may do now, by the very
// same checks. No I/O, no clock: the caller supplies the time of the action and what only the database
// knows (the actor's relation to the dossier, the deadline facts). See docs/domain/lifecycle.md.
import { ROLE_LABELS } from '../auth/roles.ts';
import { vnDate } from '../time/vn-time.ts';
import { DOSSIER_ACTIONS, actionInputs, type ActorRule, type AgencyRelation } from './actions.ts';
import { isDateTime, validateInput, type InputProblem, type InputSchema } from './input-schema.ts';
import {
  ACTION_KINDS,
  approvalStepIndex,
  openPause,
  type ActionKind,
  type ActionRecord,
  type ActorRelation,
  type ApplyResult,
  type DossierAction,
  type DossierActor,
  type DossierPause,
  type DossierState,
  type Effect,
  type EffectType,
  type LifecycleContext,
  type LifecycleError,
  type MissingComponent,
  type PaymentItem,
  type ResultDocument,
  type ReturnChannel,
  type StopCategory,
  type SupplementStage,
} from './model.ts';
import { DOSSIER_STATUSES } from './statuses.ts';

export type AllowedAction = { kind: ActionKind; label: string; inputs: InputSchema };

const SUPPLEMENT_PAUSE_REASON = 'Chờ bổ sung, hoàn thiện hồ sơ';
const PAYMENT_PAUSE_REASON = 'Chờ thực hiện nghĩa vụ tài chính';

type Verdict = { ok: true; inputs: InputSchema } | { ok: false; error: LifecycleError };

function currentStep(state: DossierState) {
  const step = state.workflow.steps[state.step.index];
  if (step === undefined) throw new RangeError(`step ${state.step.index} is outside the workflow`);
  return step;
}

/** Why the dossier's status and step do not allow `kind` now, or null. */
function conditionProblem(kind: ActionKind, state: DossierState, ctx: LifecycleContext): string | null {
  const def = DOSSIER_ACTIONS[kind];
  const status = DOSSIER_STATUSES[state.status];
  if (status.terminal) {
    return `Hồ sơ đã kết thúc (${status.label}): không thực hiện thêm thao tác nào`;
  }
  if (!def.from.includes(state.status)) {
    return `Không thể “${def.label}” khi hồ sơ đang ở trạng thái “${status.label}”`;
  }
  const approval = approvalStepIndex(state.workflow);
  const index = state.step.index;
  const step = currentStep(state);
  switch (kind) {
    case 'request-supplement': {
      if (supplementStage(state) !== 'processing') return null;
      if (index > approval) return 'Hồ sơ đã được phê duyệt: không yêu cầu bổ sung được nữa';
      const max = state.rules.maxProcessingSupplements;
      if (max !== null && state.processingSupplements >= max) {
        return `Đã yêu cầu bổ sung ${state.processingSupplements} lần trong quá trình giải quyết: không được yêu cầu thêm (tối đa ${max} lần)`;
      }
      return null;
    }
    case 'refuse':
      if (state.status === 'awaiting-supplement' && state.supplement?.stage !== 'pre-receipt') {
        return 'Hồ sơ đã được tiếp nhận: không từ chối tiếp nhận được nữa (dùng “Dừng xử lý hồ sơ”)';
      }
      return null;
    case 'claim':
    case 'assign':
      if (step.role === 'desk-officer') {
        return `Bước “${step.name}” do các cán bộ một cửa thực hiện chung, không phân công người xử lý`;
      }
      if (kind === 'claim' && state.step.assigneeId !== null) {
        return `Bước “${step.name}” đã có người xử lý`;
      }
      return null;
    case 'forward':
      if (state.status === 'processing' && index === approval) {
        return `Ở bước “${step.name}”, lãnh đạo phê duyệt hoặc từ chối giải quyết hồ sơ`;
      }
      return null;
    case 'send-back':
      if (!step.canSendBack) return `Bước “${step.name}” không được trả lại bước trước`;
      if (index === approval + 1) return 'Kết quả đã được phê duyệt: không trả lại bước phê duyệt được';
      return null;
    case 'approve':
    case 'deny':
      if (index !== approval) {
        return `Chỉ phê duyệt hoặc từ chối giải quyết ở bước “${state.workflow.steps[approval]?.name ?? ''}”`;
      }
      return null;
    case 'apologize': {
      if (state.apologised) return 'Đã xin lỗi và hẹn lại ngày trả kết quả: chỉ được hẹn lại một lần';
      const deadline = ctx.deadline;
      if (deadline === undefined || deadline === null || !(deadline.workingDayMinutes > 0)) {
        return 'Chưa có thông tin hạn trả kết quả để xin lỗi và hẹn lại';
      }
      if (deadline.workingMinutesUntilDue < deadline.workingDayMinutes) {
        return 'Phải xin lỗi và hẹn lại chậm nhất 01 ngày làm việc trước hạn trả kết quả';
      }
      return null;
    }
    case 'withdraw':
    case 'stop':
      if (state.outcome !== null) return `Hồ sơ đã có kết quả giải quyết: không thể “${def.label}”`;
      if (kind === 'stop' && state.supplement?.stage === 'pre-receipt') {
        return 'Hồ sơ chưa được tiếp nhận: dùng “Từ chối tiếp nhận hồ sơ”';
      }
      return null;
    case 'request-payment':
      if (index > approval) return 'Hồ sơ đã được phê duyệt: không yêu cầu nghĩa vụ tài chính được nữa';
      return null;
    default:
      return null;
  }
}

/**
 * Which supplement a request is. At intake the desk finds the received dossier incomplete before it
 * ever left the desk; once transferred, a request is the processing agency's, even when the dossier was
 * sent back to the desk's step to make it (ND 61/2018 Điều 19 k1 c: the competent agency returns the
 * dossier with Mẫu 02 through the desk).
 */
function supplementStage(state: DossierState): SupplementStage {
  if (state.status === 'submitted') return 'pre-receipt';
  if (state.status === 'received' && state.transferredAt === null) return 'intake';
  return 'processing';
}

function rolesAt(relation: ActorRelation, at: AgencyRelation) {
  switch (at) {
    case 'receiving-agency':
      return relation.rolesAtReceivingAgency;
    case 'step-agency':
      return relation.rolesAtStepAgency;
    case 'responsible-agency':
      return relation.rolesAtResponsibleAgency;
  }
}

function satisfies(
  rule: ActorRule,
  state: DossierState,
  actor: DossierActor,
  relation: ActorRelation,
): boolean {
  switch (rule.who) {
    case 'applicant':
      return actor.kind === 'citizen' && relation.isApplicant;
    case 'system':
      return actor.kind === 'system';
    case 'staff':
      return actor.kind === 'staff' && rolesAt(relation, rule.at).includes(rule.role);
    case 'step-pool': {
      const step = currentStep(state);
      return actor.kind === 'staff' && relation.rolesAtStepAgency.includes(step.role);
    }
    case 'step-performer': {
      const step = currentStep(state);
      if (actor.kind !== 'staff' || !relation.rolesAtStepAgency.includes(step.role)) return false;
      return step.role === 'desk-officer' || state.step.assigneeId === actor.id;
    }
  }
}

const AGENCY_WORDS: Readonly<Record<AgencyRelation, string>> = {
  'receiving-agency': 'cơ quan tiếp nhận hồ sơ',
  'step-agency': 'cơ quan thực hiện bước hiện tại',
  'responsible-agency': 'cơ quan chịu trách nhiệm giải quyết hồ sơ',
};

function describeRule(rule: ActorRule, state: DossierState): string {
  const step = currentStep(state);
  switch (rule.who) {
    case 'applicant':
      return 'người nộp hồ sơ';
    case 'system':
      return 'hệ thống thanh toán';
    case 'staff':
      return `${ROLE_LABELS[rule.role].toLowerCase()} của ${AGENCY_WORDS[rule.at]}`;
    case 'step-pool':
      return `${ROLE_LABELS[step.role].toLowerCase()} của cơ quan thực hiện bước “${step.name}”`;
    case 'step-performer':
      return step.role === 'desk-officer'
        ? `cán bộ một cửa của cơ quan thực hiện bước “${step.name}”`
        : `người được phân công xử lý bước “${step.name}”`;
  }
}

function isActionKind(kind: unknown): kind is ActionKind {
  return typeof kind === 'string' && (ACTION_KINDS as readonly string[]).includes(kind);
}

function judge(kind: ActionKind, state: DossierState, actor: DossierActor, ctx: LifecycleContext): Verdict {
  const problem = conditionProblem(kind, state, ctx);
  if (problem !== null) return { ok: false, error: { code: 'ACTION_NOT_ALLOWED', message: problem } };
  const def = DOSSIER_ACTIONS[kind];
  if (!def.actors.some((rule) => satisfies(rule, state, actor, ctx.relation))) {
    const who = def.actors.map((rule) => describeRule(rule, state)).join(' hoặc ');
    return {
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `Bạn không có quyền “${def.label}” đối với hồ sơ này: chỉ ${who}`,
      },
    };
  }
  return { ok: true, inputs: actionInputs(kind, state) };
}

/** What `actor` may do to the dossier now, with the inputs of each, in ACTION_KINDS order. */
export function allowedActions(
  state: DossierState,
  actor: DossierActor,
  context: LifecycleContext,
): AllowedAction[] {
  return ACTION_KINDS.flatMap((kind) => {
    const verdict = judge(kind, state, actor, context);
    return verdict.ok ? [{ kind, label: DOSSIER_ACTIONS[kind].label, inputs: verdict.inputs }] : [];
  });
}

// ---- inputs beyond the schema -----------------------------------------------------------------------

type Input = Record<string, unknown>;

function str(input: Input, key: string): string {
  const v = input[key];
  if (typeof v !== 'string') throw new TypeError(`input ${key} is not a string`);
  return v;
}

function optionalStr(input: Input, key: string): string | undefined {
  const v = input[key];
  return typeof v === 'string' ? v : undefined;
}

function list(input: Input, key: string): Input[] {
  const v = input[key];
  if (!Array.isArray(v)) throw new TypeError(`input ${key} is not a list`);
  return v as Input[];
}

function atProblems(state: DossierState, at: unknown): InputProblem[] {
  if (typeof at !== 'string' || !isDateTime(at)) {
    return [{ path: 'at', message: 'Thời điểm thực hiện phải là thời điểm theo ISO 8601 có múi giờ' }];
  }
  if (state.updatedAt !== null && Date.parse(at) < Date.parse(state.updatedAt)) {
    return [
      { path: 'at', message: `Thời điểm thực hiện không được trước thao tác trước đó (${state.updatedAt})` },
    ];
  }
  return [];
}

/** An action whose kind is known and whose input has been checked (and, for a transition, copied). */
type CheckedAction = { kind: ActionKind; input: Input; at: string; actor: DossierActor };

function semanticProblems(state: DossierState, action: CheckedAction, ctx: LifecycleContext): InputProblem[] {
  const { kind, input, at } = action;
  if (kind === 'assign' && input.assigneeId === state.step.assigneeId) {
    return [{ path: 'assigneeId', message: 'Hồ sơ đang được phân công cho người này' }];
  }
  // The number may be left out of the request: the server takes the deciding agency's next from its
  // result register before the reducer runs (#19), so an approval reduced without one was not numbered.
  if (kind === 'approve' && (typeof input.resultNumber !== 'string' || input.resultNumber.trim() === '')) {
    return [{ path: 'resultNumber', message: 'Văn bản kết quả chưa có số, ký hiệu' }];
  }
  if (kind === 'approve' && str(input, 'resultDate') > vnDate(Date.parse(at))) {
    return [{ path: 'resultDate', message: 'Ngày ký không được sau ngày phê duyệt' }];
  }
  if (kind === 'apologize') {
    const newDue = Date.parse(str(input, 'newDueAt'));
    if (newDue <= Date.parse(at)) {
      return [{ path: 'newDueAt', message: 'Thời gian hẹn trả mới phải sau thời điểm xin lỗi' }];
    }
    const dueAt = ctx.deadline?.dueAt;
    if (dueAt !== undefined && newDue <= Date.parse(dueAt)) {
      return [
        { path: 'newDueAt', message: `Thời gian hẹn trả mới phải sau hạn trả kết quả hiện tại (${dueAt})` },
      ];
    }
  }
  return [];
}

// ---- transitions ------------------------------------------------------------------------------------

const EFFECT_ORDER: readonly EffectType[] = [
  'start-clock',
  'pause-clock',
  'resume-clock',
  'stop-clock',
  'move-to-agency',
  'issue-slip',
  'extend-due',
  'notify-applicant',
  'sync-portal',
];

function closePause(pauses: readonly DossierPause[], at: string): DossierPause[] {
  return pauses.map((p) => (p.to === null ? { ...p, to: at } : p));
}

function transition(state: DossierState, action: CheckedAction): { next: DossierState; effects: Effect[] } {
  const { kind, input, at, actor } = action;
  const s: DossierState = { ...state };
  const fx: Effect[] = [];
  const steps = state.workflow.steps;
  const last = steps.length - 1;
  const index = state.step.index;
  const notify = () => fx.push({ type: 'notify-applicant', action: kind, status: s.status });

  const moveTo = (target: number, chosen?: string) => {
    const step = steps[target]!;
    let assigneeId: string | null = null;
    if (step.role !== 'desk-officer') assigneeId = chosen ?? state.stepAssignees[step.key] ?? null;
    s.step = { index: target, key: step.key, assigneeId };
    if (assigneeId !== null) s.stepAssignees = { ...s.stepAssignees, [step.key]: assigneeId };
    fx.push({
      type: 'move-to-agency',
      stepIndex: target,
      stepKey: step.key,
      performer: structuredClone(step.performer),
    });
  };
  const assignTo = (assigneeId: string) => {
    s.step = { ...state.step, assigneeId };
    s.stepAssignees = { ...state.stepAssignees, [state.step.key]: assigneeId };
  };
  // Ends the legal clock (and an open pause with it); a dossier never received has no clock to stop.
  const stopClock = () => {
    s.pauses = closePause(state.pauses, at);
    if (state.clock.startedAt !== null && state.clock.stoppedAt === null) {
      s.clock = { startedAt: state.clock.startedAt, stoppedAt: at };
      fx.push({ type: 'stop-clock', at });
    }
  };
  const close = (reason: string | null) => {
    s.closedAt = at;
    s.closeReason = reason;
    s.supplement = null;
    s.payment = null;
  };
  const resultReady = () => {
    s.status = 'result-ready';
    stopClock();
    notify();
  };

  switch (kind) {
    case 'accept':
      s.status = 'received';
      s.clock = { startedAt: at, stoppedAt: null };
      fx.push({ type: 'start-clock', at }, { type: 'issue-slip', slip: 'receipt' });
      notify();
      break;

    case 'request-supplement': {
      const missingComponents: MissingComponent[] = list(input, 'missingComponents').map((c) => {
        const requirement = optionalStr(c, 'requirement');
        return requirement === undefined ? { name: str(c, 'name') } : { name: str(c, 'name'), requirement };
      });
      const stage = supplementStage(state);
      if (stage === 'pre-receipt') {
        // Before acceptance the clock has not started: nothing to pause (legal-notes §1.3 T5).
        s.supplement = { stage, requestedAt: at, returnTo: 'submitted', missingComponents };
      } else {
        const policy =
          stage === 'intake' ? state.rules.intakeSupplementPolicy : state.rules.processingSupplementPolicy;
        s.supplement = {
          stage,
          requestedAt: at,
          returnTo: state.status === 'received' ? 'received' : 'processing',
          missingComponents,
        };
        s.pauses = [
          ...state.pauses,
          { from: at, to: null, policy, reason: SUPPLEMENT_PAUSE_REASON, cause: 'supplement' },
        ];
        if (stage === 'processing') s.processingSupplements = state.processingSupplements + 1;
        fx.push({ type: 'pause-clock', at, policy, reason: SUPPLEMENT_PAUSE_REASON, cause: 'supplement' });
      }
      s.status = 'awaiting-supplement';
      fx.push({ type: 'issue-slip', slip: 'supplement-request' });
      notify();
      break;
    }

    case 'supplement': {
      const open = state.supplement!;
      const pause = openPause(state);
      s.status = open.returnTo;
      s.supplement = null;
      if (pause !== null) {
        s.pauses = closePause(state.pauses, at);
        fx.push({ type: 'resume-clock', at, policy: pause.policy, cause: 'supplement' });
        // The count starts over: a new receipt and appointment (Mẫu 01) replaces the first one.
        if (pause.policy === 'restart') fx.push({ type: 'issue-slip', slip: 'receipt' });
      }
      notify();
      break;
    }

    case 'refuse':
      s.status = 'refused';
      close(str(input, 'reason'));
      fx.push({ type: 'issue-slip', slip: 'refusal' });
      notify();
      break;

    case 'claim':
      assignTo(actor.id);
      break;

    case 'assign':
      assignTo(str(input, 'assigneeId'));
      break;

    case 'forward':
      if (index === 0 && state.transferredAt === null) s.transferredAt = at;
      moveTo(index + 1, optionalStr(input, 'nextAssigneeId'));
      if (index + 1 === last) resultReady();
      else s.status = 'processing';
      break;

    case 'send-back':
      moveTo(index - 1);
      s.status = index - 1 === 0 ? 'received' : 'processing';
      break;

    case 'approve': {
      const resultDocuments: ResultDocument[] = list(input, 'resultDocuments').map((d) => {
        const fileId = optionalStr(d, 'fileId');
        return fileId === undefined ? { name: str(d, 'name') } : { name: str(d, 'name'), fileId };
      });
      s.outcome = 'approved';
      s.decidedAt = at;
      s.resultDocuments = resultDocuments;
      s.resultRecord = {
        number: str(input, 'resultNumber').trim(),
        date: str(input, 'resultDate'),
        signer: str(input, 'signer').trim(),
      };
      moveTo(index + 1);
      if (index + 1 === last) resultReady();
      break;
    }

    case 'deny':
      s.status = 'stopped';
      s.outcome = 'denied';
      s.decidedAt = at;
      s.stopCategory = 'not-eligible';
      close(str(input, 'reason'));
      stopClock();
      fx.push({ type: 'issue-slip', slip: 'refusal' });
      notify();
      break;

    case 'apologize': {
      const newDueAt = str(input, 'newDueAt');
      s.apologised = true;
      s.extendedDueAt = newDueAt;
      fx.push({ type: 'issue-slip', slip: 'apology' }, { type: 'extend-due', newDueAt });
      notify();
      break;
    }

    case 'return-result':
      s.status = 'returned';
      s.returnChannel = str(input, 'channel') as ReturnChannel;
      s.closedAt = at;
      notify();
      break;

    case 'withdraw': {
      const reason = optionalStr(input, 'reason')?.trim();
      s.status = 'withdrawn';
      close(reason === undefined || reason === '' ? null : reason);
      stopClock();
      fx.push({ type: 'issue-slip', slip: 'stop-notice' });
      notify();
      break;
    }

    case 'stop':
      s.status = 'stopped';
      s.stopCategory = str(input, 'category') as StopCategory;
      close(str(input, 'reason'));
      stopClock();
      fx.push({ type: 'issue-slip', slip: 'stop-notice' });
      notify();
      break;

    case 'request-payment': {
      const items: PaymentItem[] = list(input, 'items').map((item) =>
        typeof item.amountVnd === 'number'
          ? { name: str(item, 'name'), amountVnd: item.amountVnd }
          : { name: str(item, 'name') },
      );
      s.status = 'awaiting-payment';
      s.payment = { requestedAt: at, items };
      // Waiting for the applicant to pay does not consume the agency's time (legal-notes §4.1 r.9).
      s.pauses = [
        ...state.pauses,
        { from: at, to: null, policy: 'suspend', reason: PAYMENT_PAUSE_REASON, cause: 'payment' },
      ];
      fx.push({ type: 'pause-clock', at, policy: 'suspend', reason: PAYMENT_PAUSE_REASON, cause: 'payment' });
      notify();
      break;
    }

    case 'confirm-payment':
      s.status = 'processing';
      s.payment = null;
      s.pauses = closePause(state.pauses, at);
      fx.push({ type: 'resume-clock', at, policy: 'suspend', cause: 'payment' });
      notify();
      break;
  }
  return { next: s, effects: fx };
}

/**
 * Applies one action. Checks, in order: the status and step allow it (ACTION_NOT_ALLOWED), the actor
 * may do it (FORBIDDEN), the inputs and the time are valid (INVALID_INPUT, every problem listed). On
 * success the state's version is one more, and `record` is what to append to the dossier's action log.
 * Never mutates its arguments.
 */
export function applyAction(
  state: DossierState,
  action: DossierAction,
  context: LifecycleContext,
): ApplyResult {
  if (!isActionKind(action.kind)) {
    return {
      ok: false,
      error: { code: 'ACTION_NOT_ALLOWED', message: `Thao tác “${String(action.kind)}” không tồn tại` },
    };
  }
  const kind = action.kind;
  const verdict = judge(kind, state, action.actor, context);
  if (!verdict.ok) return verdict;

  const details = [...validateInput(verdict.inputs, action.input), ...atProblems(state, action.at)];
  if (details.length === 0) {
    details.push(...semanticProblems(state, { ...action, kind, input: action.input as Input }, context));
  }
  if (details.length > 0) {
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `Thông tin của thao tác “${DOSSIER_ACTIONS[kind].label}” chưa hợp lệ`,
        details,
      },
    };
  }

  const input = structuredClone(action.input) as Input;
  const { next, effects } = transition(state, { ...action, kind, input });
  const after: DossierState = { ...next, version: state.version + 1, updatedAt: action.at };
  effects.push({
    type: 'sync-portal',
    status: after.status,
    statusCode: DOSSIER_STATUSES[after.status].code,
  });
  effects.sort((a, b) => EFFECT_ORDER.indexOf(a.type) - EFFECT_ORDER.indexOf(b.type));
  const record: ActionRecord = {
    version: after.version,
    kind,
    actor: { kind: action.actor.kind, id: action.actor.id },
    input,
    at: action.at,
    context: structuredClone(context),
    from: { status: state.status, stepIndex: state.step.index },
    to: { status: after.status, stepIndex: after.step.index },
  };
  return { ok: true, state: after, effects, record };
}

export type ReplayResult =
  { ok: true; state: DossierState } | { ok: false; index: number; error: LifecycleError };

/**
 * Rebuilds a dossier's state from its initial state and its action log (append-only actions, derived
 * status): each record is applied again with the context it was judged with.
 */
export function replayActions(initial: DossierState, records: readonly ActionRecord[]): ReplayResult {
  let state = initial;
  for (const [index, r] of records.entries()) {
    const result = applyAction(state, { kind: r.kind, actor: r.actor, input: r.input, at: r.at }, r.context);
    if (!result.ok) return { ok: false, index, error: result.error };
    state = result.state;
  }
  return { ok: true, state };
}
