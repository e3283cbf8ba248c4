// The reports module's face: the overview report routes.
export { registerReportRoutes } from './reports.routes.ts';
