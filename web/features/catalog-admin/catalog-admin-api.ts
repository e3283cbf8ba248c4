// The catalogue administration endpoints (server/modules/catalog/catalog.routes.ts): versions of a
// procedure (draft → published → retired) and its internal workflows per version, channel and agency.
import type { Channel, TimeLimit } from '../../../common/catalog/procedure.ts';
import type { WorkflowStep } from '../../../common/catalog/workflow.ts';
import type { DraftContent } from '../../../common/catalog/draft-content.ts';
import type { DraftProblem } from '../../../common/catalog/draft-check.ts';
import { apiGet, apiPost, apiPostFile, apiPut } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';
import type { CatalogueFile, CatalogueImportReport } from './catalogue-import-rules.ts';

export type VersionStatus = 'draft' | 'published' | 'retired';
export type VersionItem = {
  version: number;
  status: VersionStatus;
  name: string;
  createdAt: string;
  publishedAt: string | null;
  retiredAt: string | null;
  /** The announcing decision's day (ISO), when the data gives it. */
  effectiveFrom: string | null;
  /** What keeps the version from citizens (common/catalog/flags.ts); a flagged draft is not published. */
  flags: { code: string; path: string; message: string }[];
};
export type VersionState = { version: number; status: VersionStatus };

/** Where the workflow shown comes from: the agency's own, the province's, or the default one. */
export type WorkflowSource = 'agency' | 'province' | 'default';
export type WorkflowData = {
  procedureVersion: number;
  channel: Channel;
  source: WorkflowSource;
  version: number;
  limit: TimeLimit | null;
  steps: (WorkflowStep & { agency: { code: string; name: string } | null; unresolved?: string })[];
  problems: { path: string; message: string }[];
};

const proc = (code: string): string => `/api/v1/procedures/${encodeURIComponent(code)}`;

export function listVersions(code: string, signal?: AbortSignal): Promise<{ items: VersionItem[] }> {
  return apiGet(`${proc(code)}/versions`, undefined, signal);
}

export function createDraft(code: string): Promise<VersionState> {
  return apiPost(`${proc(code)}/versions`);
}

export function publishVersion(code: string, version: number): Promise<VersionState> {
  return apiPost(`${proc(code)}/versions/${version}/publish`);
}

export function retireVersion(code: string, version: number): Promise<VersionState> {
  return apiPost(`${proc(code)}/versions/${version}/retire`);
}

export type WorkflowScope = { procedureVersion: number; channel: Channel; agencyCode: string | null };

export function getWorkflow(code: string, scope: WorkflowScope, signal?: AbortSignal): Promise<WorkflowData> {
  return apiGet(
    `${proc(code)}/workflow`,
    {
      procedureVersion: scope.procedureVersion,
      channel: scope.channel,
      agencyCode: scope.agencyCode ?? undefined,
    },
    signal,
  );
}

export function putWorkflow(
  code: string,
  scope: WorkflowScope,
  body: { version: number; steps: WorkflowStep[] },
): Promise<{ version: number }> {
  return apiPut(`${proc(code)}/workflow`, {
    procedureVersion: scope.procedureVersion,
    channel: scope.channel,
    ...(scope.agencyCode ? { agencyCode: scope.agencyCode } : {}),
    version: body.version,
    steps: body.steps,
  });
}

/** A version as the catalogue editor reads it (GET …/versions/<n>/editor). */
export type DraftEditorData = {
  version: number;
  status: VersionStatus;
  code: string;
  name: string;
  content: DraftContent;
  problems: DraftProblem[];
  feeDecidedBy: string | null;
  noLimit: Channel[];
  forms: { id: string; title: string }[];
  inForce: { version: number; content: DraftContent } | null;
};

export function getDraftEditor(
  code: string,
  version: number,
  signal?: AbortSignal,
): Promise<DraftEditorData> {
  return apiGet(`${proc(code)}/versions/${version}/editor`, undefined, signal);
}

export function saveDraftContent(
  code: string,
  version: number,
  content: DraftContent,
): Promise<{ version: number; status: VersionStatus; problems: DraftProblem[] }> {
  return apiPut(`${proc(code)}/versions/${version}/content`, { content });
}

/** The provinces (among the caller's) where the procedure is receivable at any desk. */
export function getReceivableAnywhere(
  code: string,
  signal?: AbortSignal,
): Promise<{ provinces: { provinceCode: string; since: string }[] }> {
  return apiGet(`${proc(code)}/receivable-anywhere`, undefined, signal);
}

export function setReceivableAnywhere(
  code: string,
  receivableAnywhere: boolean,
): Promise<{ provinces: { provinceCode: string; since: string }[] }> {
  return apiPut(`${proc(code)}/receivable-anywhere`, { receivableAnywhere });
}

/**
 * A catalogue file tried (`apply: false`: every record's outcome, nothing written) or imported: JSON to
 * POST /procedures/import, the province's published list (.xlsx) to …/import/published-list.
 */
export function importCatalogue(file: CatalogueFile, apply: boolean): Promise<CatalogueImportReport> {
  const json = file.contentType === 'application/json';
  return apiPostFile(
    json ? '/api/v1/procedures/import' : '/api/v1/procedures/import/published-list',
    typeof file.body === 'string' ? new Blob([file.body]) : file.body,
    file.contentType,
    { dryRun: apply ? 'false' : 'true' },
  );
}

const read = featureQueries('catalog-admin');

/** The catalogue administration reads as queries (keys `['catalog-admin', ...]`; app/query.ts). */
export const catalogAdminQueries = {
  all: ['catalog-admin'] as const,
  versions: (code: string) => read('versions', { code }, (signal) => listVersions(code, signal)),
  editor: (code: string, version: number) =>
    read('editor', { code, version }, (signal) => getDraftEditor(code, version, signal)),
  receivable: (code: string) => read('receivable', { code }, (signal) => getReceivableAnywhere(code, signal)),
  workflow: (code: string, scope: WorkflowScope) =>
    read('workflow', { code, ...scope }, (signal) => getWorkflow(code, scope, signal)),
};
