// The feedback (PAKN) module's face: its routes, the intake of PAKN the national portal forwards, and
// the counts the reports read, the PAKN due of one person (docs/domain/feedback.md).
export { registerFeedbackRoutes } from './feedback.routes.ts';
export { intakeForwarded, type ForwardedFeedback } from './feedback-intake.service.ts';
export { assignedFeedbackDue } from './feedback-views.service.ts';
export { petitionFacts, sumPetitionFacts, type PetitionFacts } from './feedback-report.service.ts';
export {
  fetchForwardedFeedback,
  fromPortalRecord,
  type FeedbackFeedClient,
  type FeedbackFeedResult,
} from './feedback-portal.ts';
