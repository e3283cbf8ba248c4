// The worklists of the staff's dossier page (danh mục công việc): which dossiers each one holds is the
// server's query (server/modules/dossiers/views/worklists.ts); the names are shared with the web.
import type { Role } from '../auth/roles.ts';

export const WORKLISTS = [
  'to-receive',
  'received-today',
  'mine',
  'agency',
  'due-soon',
  'overdue',
  'awaiting-supplement',
  'awaiting-applicant',
  'result-ready',
] as const;
export type Worklist = (typeof WORKLISTS)[number];

/**
 * The counters of each role's home page (trang chủ), in the order shown: each opens its worklist. A
 * desk officer receives and returns at the counter; a specialist works the dossiers assigned to them;
 * a leader watches the agency's deadlines and approves what is assigned to them.
 */
export const ROLE_COUNTERS: Readonly<Partial<Record<Role, readonly Worklist[]>>> = {
  'desk-officer': ['to-receive', 'received-today', 'awaiting-applicant', 'result-ready', 'overdue'],
  specialist: ['mine', 'due-soon', 'overdue', 'awaiting-applicant'],
  leader: ['mine', 'agency', 'due-soon', 'overdue'],
};
