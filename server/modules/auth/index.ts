// The auth module's face: staff sign-in, sessions and API tokens, the request actor, accounts for the CLI and seeds.
export { installAuth, requireActor, requireCaller } from './auth.hook.ts';
export { registerAuthRoutes } from './auth.routes.ts';
export {
  createApiToken,
  createUser,
  normaliseUsername,
  resetPassword,
  type NewUser,
} from './auth.service.ts';
export { hashPassword, keyedHash, newSecret } from './auth.crypto.ts';
export { AGENCY_COLUMNS, findPreviousSignIn, loadGrants, selectGrants } from './auth.repository.ts';
export { startSignInBudgetPruner } from './auth.jobs.ts';
export { forgetQuietBudgets } from './sign-in-budgets.ts';
