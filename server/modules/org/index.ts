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
export {
  AGENCY_IMPORT_MAX_BYTES,
  readAgencyCsv,
  readAgencyFile,
  readAgencyXlsx,
  type AgencyFileRead,
} from './agency-import.ts';
export {
  AGENCY_IMPORT_MAX_ROWS,
  AGENCY_PLAN_OUTCOMES,
  planAgencyImport,
  type AgencyChange,
  type AgencyImportPlan,
  type AgencyImportRow,
  type AgencyPlanItem,
  type AgencyPlanOptions,
  type AgencyPlanOutcome,
  type ImportProblem,
  type RegistryAgency,
} from './agency-import-plan.ts';
