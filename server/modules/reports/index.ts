// The reports module's face: the report routes (overview, Biểu II.06a; KPIs, the 766 index, the public
// dashboard), the rebuild of the report counts, and the overview's scope rule (who counts which
// agencies) and the report tables as .xlsx and PDF (table-export.ts) for the other reports of issue
// "Steering by figures".
export { registerReportRoutes, overviewScope } from './reports.routes.ts';
export { registerKpiRoutes } from './kpis.routes.ts';
export {
  finalSuccessors,
  foldReportDeltas,
  inScope,
  rebuildReportCounts,
  startReportFolder,
} from './report-counts.ts';
export type { OverviewScope } from './reports.service.ts';
export {
  asOfLine,
  civilText,
  compactDay,
  mapLine,
  periodLine,
  scopeUnitName,
  sendTable,
} from './table-export.ts';
export type { ReportCell, ReportTable } from './table-export.ts';
