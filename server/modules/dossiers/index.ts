// The dossier module's face: what other modules, app.ts, seeds, bench and scripts may use of it.
export { registerDossierRoutes } from './dossiers.routes.ts';
export { loadRow, procedureVersion, type DossierRow } from './dossier.repository.ts';
export {
  callerCanSee,
  getVisibleDossier,
  isOwnDossier,
  isReceivingDeskOfficer,
} from './dossier-access.policy.ts';
export { performAction, signableDossier, type ActionRequest } from './actions/actions.service.ts';
export { receiveAtDesk } from './intake/desk-intake.service.ts';
export {
  submitOnline,
  type OnlineSubmissionInput,
  type Submitter,
} from './intake/online-submission.service.ts';
export type { ApplicantInput, ComponentInput } from './intake/intake.types.ts';
export { countWorklists } from './views/worklists.ts';
