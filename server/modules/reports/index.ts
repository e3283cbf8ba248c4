// The reports module's face: the report routes (overview, Biểu II.06a; KPIs, the 766 index, the public
// dashboard).
export { registerReportRoutes } from './reports.routes.ts';
export { registerKpiRoutes } from './kpis.routes.ts';
