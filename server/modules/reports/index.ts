// The reports module's face: the overview report routes.
export { registerReportRoutes } from './reports.routes.ts';
export { rebuildReportCounts } from './report-counts.ts';
