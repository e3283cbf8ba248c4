// The worklist's own endpoints beside the list: the officer's saved settings, the filters' choices,
// the Excel export (fetched, so that a refusal is shown on the page rather than downloaded) and the
// bulk actions (common/contracts/worklists.ts).
import { queryOptions } from '@tanstack/react-query';
import type {
  BulkActionResult,
  WorklistOptions,
  WorklistPreferences,
} from '../../../common/contracts/worklists.ts';
import type { BulkAction } from '../../../common/dossiers/worklists.ts';
import {
  ApiError,
  apiErrorOf,
  apiGet,
  apiPostOnce,
  apiPut,
  isAbort,
  withQuery,
  type Query,
} from '../../app/http.ts';
import { dossiersBase, newIdempotencyKey } from './dossiers-api.ts';

export type { BulkActionResult, WorklistOptions, WorklistPreferences };

const preferencesPath = `${dossiersBase}/worklist-preferences`;

export function getPreferences(signal?: AbortSignal): Promise<{ preferences: WorklistPreferences | null }> {
  return apiGet(preferencesPath, undefined, signal);
}

export function savePreferences(
  preferences: WorklistPreferences,
): Promise<{ preferences: WorklistPreferences }> {
  return apiPut(preferencesPath, preferences);
}

export const worklistQueries = {
  preferences: () =>
    queryOptions({
      queryKey: ['dossiers', 'worklist-preferences'] as const,
      queryFn: ({ signal }) => getPreferences(signal),
      staleTime: Infinity,
    }),
  options: () =>
    queryOptions({
      queryKey: ['dossiers', 'worklist-options'] as const,
      queryFn: ({ signal }) => apiGet<WorklistOptions>(`${dossiersBase}/worklist-options`, undefined, signal),
      staleTime: 5 * 60_000,
    }),
};

export const exportUrl = (query: Query): string => withQuery(`${dossiersBase}/export`, query);

/** The export's file: its bytes and the name the server gave it; a refusal as an ApiError. */
export async function downloadExport(query: Query): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(exportUrl(query), { credentials: 'same-origin' });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' });
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // not the envelope: the status says it
    }
    throw apiErrorOf(response.status, body, response.headers.get('retry-after'));
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'danh-sach-ho-so.xlsx';
  return { blob: await response.blob(), fileName };
}

/** Saves a downloaded file in the browser (a temporary link to its bytes). */
export function saveFile(file: { blob: Blob; fileName: string }): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One action on several dossiers, each with the version the officer saw; the answer per dossier. */
export function bulkAction(
  action: BulkAction,
  items: { code: string; version: number }[],
  input: Record<string, unknown>,
): Promise<BulkActionResult> {
  return apiPostOnce(`${dossiersBase}/bulk-actions/${action}`, { items, input }, newIdempotencyKey());
}
