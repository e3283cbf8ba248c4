// The deployment module's face: the province on the screen (name and emblem).
export { registerDeploymentRoutes } from './deployment.routes.ts';
