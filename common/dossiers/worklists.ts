// The worklists of the staff's dossier page (danh mục công việc): which dossiers each one holds is the
// server's query (server/modules/dossiers/views/worklists.ts); the names are shared with the web.
export const WORKLISTS = [
  'to-receive',
  'mine',
  'agency',
  'due-soon',
  'overdue',
  'awaiting-supplement',
  'result-ready',
] as const;
export type Worklist = (typeof WORKLISTS)[number];
