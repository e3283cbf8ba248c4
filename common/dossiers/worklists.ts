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
/** What a worklist is sorted by: when it came in (submitted or received), its due time, its step's, its code. */
export const WORKLIST_SORTS = ['received', 'due', 'step-due', 'code'] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];
/** The order a list opens in when none is asked for: dossiers to receive oldest first, the rest by due time. */
export function defaultSort(list: Worklist | undefined): WorklistSort {
  return list === 'to-receive' ? 'received' : 'due';
}
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const DOSSIER_CHANNELS = ['direct', 'online', 'postal'] as const;

/** The most rows one Excel export of a worklist holds; a larger list is refused (narrow the filter). */
export const EXPORT_ROW_LIMIT = 50_000;
/** A worklist's total is counted exactly up to this many rows, then reported as "more than". */
export const COUNT_LIMIT = 1_000;
/** Actions an officer may take on several dossiers at once, each as its own action. */
export const BULK_ACTIONS = ['claim', 'assign', 'forward', 'return-result'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
/** The most dossiers one bulk request acts on. */
export const BULK_LIMIT = 100;
