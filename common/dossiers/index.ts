// The dossier lifecycle (vòng đời hồ sơ): statuses, actions, the pure reducer and allowed actions.
// Isomorphic (server and browser). See docs/domain/lifecycle.md.
export {
  CLOCK_STATES,
  DOSSIER_STATUSES,
  DOSSIER_STATUS_KEYS,
  TERMINAL_STATUSES,
  dossierStatusOfCode,
  isTerminalStatus,
} from './statuses.ts';
export type { ClockState, DossierStatus, DossierStatusInfo } from './statuses.ts';
export { isDateTime, validateInput } from './input-schema.ts';
export type {
  ArrayField,
  ChoiceOption,
  InputField,
  InputProblem,
  InputSchema,
  IntegerField,
  ObjectField,
  StringField,
} from './input-schema.ts';
export {
  ACTION_KINDS,
  DEFAULT_LIFECYCLE_RULES,
  approvalStepIndex,
  closedPauses,
  initialDossierState,
  lifecycleWorkflowProblems,
  openPause,
} from './model.ts';
export type {
  ActionKind,
  ActionRecord,
  ActorRelation,
  ApplyResult,
  DeadlineFacts,
  DossierAction,
  DossierActor,
  DossierPause,
  DossierState,
  Effect,
  EffectType,
  LifecycleContext,
  LifecycleError,
  LifecycleErrorCode,
  LifecycleRules,
  LifecycleStep,
  LifecycleWorkflow,
  MissingComponent,
  OpenPayment,
  OpenSupplement,
  PauseCause,
  PaymentItem,
  ResultDocument,
  ResultRecord,
  ReturnChannel,
  SlipKind,
  StopCategory,
  SupplementStage,
} from './model.ts';
export { DOSSIER_ACTIONS, RETURN_CHANNEL_OPTIONS, STOP_CATEGORY_OPTIONS, actionInputs } from './actions.ts';
export type { ActionDefinition, ActorRule, AgencyRelation } from './actions.ts';
export { allowedActions, applyAction, replayActions } from './lifecycle.ts';
export type { AllowedAction, ReplayResult } from './lifecycle.ts';
