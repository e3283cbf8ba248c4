// The imports of issue #17 (common/contracts/imports.ts): a legacy system's dossiers posted as a file,
// run by the server as a job (a dry run unless asked otherwise), followed by GET until it is done.
import type { Static } from 'typebox';
import type { DossierImportFormat, ImportList, ImportView } from '../../../common/contracts/imports.ts';
import { apiGet, apiPostFile } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';

export type { DossierImportFormat, ImportView };
type Imports = Static<typeof ImportList>;
export type ImportListItem = Imports['items'][number];

export const REPORT_PAGE_SIZE = 100;

/** What the body is sent as: a workbook for the Excel template, JSON lines otherwise. */
export function importContentType(format: DossierImportFormat): string {
  return format === 'xlsx'
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : 'application/x-ndjson';
}

export function startDossierImport(
  file: File,
  input: { format: DossierImportFormat; apply: boolean },
): Promise<{ id: string }> {
  return apiPostFile('/api/v1/imports/dossiers', file, importContentType(input.format), {
    format: input.format,
    dryRun: input.apply ? 'false' : 'true',
    fileName: file.name.slice(0, 300),
  });
}

export type ReportAsk = { id: string; page: number; refusedOnly: boolean };

export function getImport(ask: ReportAsk, signal?: AbortSignal): Promise<ImportView> {
  return apiGet(
    `/api/v1/imports/${encodeURIComponent(ask.id)}`,
    { page: ask.page, pageSize: REPORT_PAGE_SIZE, outcome: ask.refusedOnly ? 'refused' : undefined },
    signal,
  );
}

export function listImports(signal?: AbortSignal): Promise<Imports> {
  return apiGet('/api/v1/imports', undefined, signal);
}

const read = featureQueries('imports');

/** The imports' reads as queries (keys `['imports', ...]`). */
export const importQueries = {
  all: ['imports'] as const,
  list: () => read('list', {}, (signal) => listImports(signal)),
  one: (ask: ReportAsk) => read('one', ask, (signal) => getImport(ask, signal)),
};
