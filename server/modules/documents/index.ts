// The documents module's face: the applicant's document store, as intake and approval use it.
export { registerDocumentRoutes } from './documents.routes.ts';
export { keepResultDocuments, markSignedRecords, resolveReusedDocuments } from './documents.service.ts';
