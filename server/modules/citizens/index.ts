// The citizens module's face: citizen sign-in (OIDC) and the signed-in citizen of a request.
export { installCitizenSessions, registerCitizenRoutes, requireCitizen } from './citizens.routes.ts';
