// The reorganisation endpoints (server/modules/reorganisations/reorganisations.routes.ts): preview and
// apply a plan (province administrators), the reorganisations within reach with their hand-overs, the
// successor's acknowledgement; and a unit's People's Committee, which the form's hand-overs name.
import type { AgencyView } from '../../../common/contracts/org.ts';
import type {
  HandoverView,
  Moved,
  ReorganisationPlan,
  ReorganisationPreview,
  ReorganisationView,
} from '../../../common/contracts/reorganisations.ts';
import { apiGet, apiPost } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';
import type { Agency } from './plan-form.ts';

export type { HandoverView, Moved, ReorganisationPlan, ReorganisationPreview, ReorganisationView };

/** Who may acknowledge a hand-over (the server decides for which agencies). */
export const ACKNOWLEDGER_ROLES: readonly string[] = ['leader', 'unit-admin', 'province-admin'];
/** Who may preview and apply a plan. */
export const PLANNER_ROLES: readonly string[] = ['province-admin'];

/** The People's Committee of a unit in force today, or null when it has none. */
async function committeeOf(unitCode: string, signal?: AbortSignal): Promise<Agency | null> {
  const page = await apiGet<{ items: AgencyView[] }>(
    '/api/v1/agencies',
    { unitCode, kind: 'people-committee', pageSize: 5 },
    signal,
  );
  const found = page.items.find((a) => a.unitCode === unitCode) ?? page.items[0];
  return found ? { code: found.code, name: found.name } : null;
}

const read = featureQueries('reorganisations');

/** The reorganisation reads as queries (keys `['reorganisations', ...]`; app/query.ts). */
export const reorganisationQueries = {
  all: ['reorganisations'] as const,
  list: () =>
    read('list', {}, (signal) =>
      apiGet<{ items: ReorganisationView[] }>('/api/v1/reorganisations', undefined, signal),
    ),
  committee: (unitCode: string) => read('committee', { unitCode }, (signal) => committeeOf(unitCode, signal)),
};

export function previewPlan(plan: ReorganisationPlan): Promise<ReorganisationPreview> {
  return apiPost('/api/v1/reorganisations/preview', plan);
}

export function applyPlan(plan: ReorganisationPlan): Promise<ReorganisationView> {
  return apiPost('/api/v1/reorganisations', plan);
}

export function acknowledgeHandover(reorganisationId: string, handoverId: string): Promise<HandoverView> {
  return apiPost(
    `/api/v1/reorganisations/${encodeURIComponent(reorganisationId)}/handovers/${encodeURIComponent(handoverId)}/acknowledgement`,
  );
}

/** The hand-overs still waiting for their successor's acknowledgement. */
export function pendingHandovers(items: readonly ReorganisationView[]): number {
  return items.reduce((n, r) => n + r.handovers.filter((h) => h.acknowledgedAt === null).length, 0);
}
