// The imports module's face: moving in from the systems being replaced (issue #17, items 3–4).
export { registerImportRoutes } from './imports.routes.ts';
export { createImport, runImport, IMPORT_BATCH_LINES, type ImportProgress } from './imports.service.ts';
export { getImport, importSummary } from './imports.views.ts';
export { streamLines, xlsxLines } from './import-sources.ts';
export { importDossiersFromFile } from './imports.cli.ts';
