// The reports module's face: the report routes, the rebuild of the report counts, and the overview's
// scope rule (who counts which agencies) for the other reports of issue "Steering by figures".
export { registerReportRoutes, overviewScope } from './reports.routes.ts';
export { finalSuccessors, inScope, rebuildReportCounts } from './report-counts.ts';
export type { OverviewScope } from './reports.service.ts';
