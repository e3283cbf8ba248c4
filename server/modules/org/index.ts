// The org module's face: administrative units and agencies, and who may reach them.
export { registerOrgRoutes } from './org.routes.ts';
export {
  canReachAgency,
  canReachUnit,
  grantReachesAgency,
  grantsForAgency,
  type AgencyTarget,
} from './org.policy.ts';
export { findAgencyByCode } from './org.repository.ts';
export { unitTrails } from './places.service.ts';
