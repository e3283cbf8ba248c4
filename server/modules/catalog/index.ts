// The catalog module's face: what the app, the CLI, the seeds and the dossier module use of it.
export { registerCatalogRoutes } from './catalog.routes.ts';
export { exportCatalogue, importCatalogue } from './catalog-import.service.ts';
export {
  REFERENCE_DATA_DIR,
  loadReferenceForms,
  loadReferenceProcedures,
  referenceCatalogueFile,
} from './catalog-source.ts';
export { loadNationalCatalogue, type NationalRecord } from './catalog-national.ts';
export { formOf } from './catalog-forms.service.ts';
export { formValidatorFor } from './catalog-forms.service.ts';
export {
  resolveWorkflow,
  storedWorkflowRead,
  workflowForDossier,
  type StoredWorkflowRead,
} from './catalog-workflows.service.ts';
export { receivableAnywhereIn } from './catalog-receivable.service.ts';
