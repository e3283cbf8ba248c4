// The public catalogue endpoints. The contract leaves the procedure's content open (it is shaped by
// common/catalog/procedure.ts), so the views below name those shapes.
import type {
  ChannelTimeLimits,
  Fee,
  ImplementingLevel,
  OnlineLevel,
  Procedure,
} from '../../../common/catalog/procedure.ts';
import type { OnlineUnavailableReason } from '../../../common/contracts/catalog.ts';
import { apiGet } from '../../app/http.ts';
import { loadPortalSettings } from '../citizen/citizen-http.ts';
import { loadExpected } from './expected.ts';
import { featureQueries } from '../../app/query.ts';

export type ProcedureListItem = {
  code: string;
  name: string;
  field: Procedure['field'];
  levels: ImplementingLevel[];
  timeLimits: ChannelTimeLimits;
  fees: Fee[];
  onlineLevel: OnlineLevel | null;
};

export type OfferingAgency = {
  code: string;
  name: string;
  unitCode: string;
  /** Its unit and the units above it, root first. */
  trail: { code: string; name: string }[];
};

/** A JSON Schema (2020-12) as far as the form summary reads it. */
export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
};

export type ProcedureDetail = {
  version: number;
  status: string;
  procedure: Procedure;
  form: JsonSchema;
  genericForm: boolean;
  offeredBy: OfferingAgency[];
  /** Whether the back office can take it in online, and why not. */
  onlineApplication: { available: boolean; reason: OnlineUnavailableReason | null };
};

export type ProcedureQuery = {
  q?: string | undefined;
  level?: ImplementingLevel | undefined;
  online?: OnlineLevel | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
};

export const PORTAL_PAGE_SIZE = 10;

export function searchProcedures(
  query: ProcedureQuery,
  signal?: AbortSignal,
): Promise<{ items: ProcedureListItem[]; total: number }> {
  return apiGet('/api/v1/procedures', query, signal);
}

export function getProcedure(code: string, signal?: AbortSignal): Promise<ProcedureDetail> {
  return apiGet(`/api/v1/procedures/${encodeURIComponent(code)}`, undefined, signal);
}

const read = featureQueries('catalog');

/** The catalogue reads as queries (keys `['catalog', ...]`; app/query.ts). */
export const catalogQueries = {
  all: ['catalog'] as const,
  search: (query: ProcedureQuery) => read('procedures', query, (signal) => searchProcedures(query, signal)),
  procedure: (code: string) => read('procedure', { code }, (signal) => getProcedure(code, signal)),
  /** The procedure page's read: the procedure, its expected result date, and the portal's mode
   * (so that "Nộp trực tuyến" is drawn once, in its final form). */
  procedurePage: (code: string) =>
    read('procedure-page', { code }, async (signal) => {
      const detail = await getProcedure(code, signal);
      const [expected] = await Promise.all([loadExpected(detail.procedure, signal), loadPortalSettings()]);
      return { detail, expected };
    }),
};
