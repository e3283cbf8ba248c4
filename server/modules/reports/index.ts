// The reports module's face: the overview report routes, and the overview's scope rule (who counts
// which agencies) for the other reports of issue "Steering by figures".
export { registerReportRoutes, overviewScope } from './reports.routes.ts';
export { finalSuccessors, inScope, type OverviewScope } from './reports.service.ts';
