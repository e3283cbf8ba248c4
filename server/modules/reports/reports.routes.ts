import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { fail } from './reports.errors.ts';
import { OverviewQuery, OverviewResponse } from '../../../common/contracts/reports.ts';
import { OVERVIEW_ROLES } from '../../../common/reports/overview.ts';
import { requireActor } from '../auth/index.ts';
import { canReachAgency, findAgencyByCode } from '../org/index.ts';
import { getOverview, type OverviewScope } from './reports.service.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';

const errors = errorResponses(400, 401, 403, 404);

/**
 * What the caller may count: the reach of their leader, unit-admin, province-admin and auditor roles;
 * narrowed to one agency (and what it reaches) when `agencyCode` names one they reach.
 */
export async function overviewScope(
  deps: Deps,
  actor: Actor,
  agencyCode: string | undefined,
): Promise<OverviewScope> {
  const grants = actor.grants.filter((g) => OVERVIEW_ROLES.includes(g.role));
  if (grants.length === 0) {
    throw fail('REPORT_ROLE_REQUIRED');
  }
  if (agencyCode === undefined) {
    return { roots: [...new Set(grants.map((g) => g.agencyCode))], reach: grants, within: null };
  }
  const agency = await findAgencyByCode(deps.db, agencyCode);
  if (!agency) throw fail('REPORT_AGENCY_NOT_FOUND', { params: { code: agencyCode } });
  const target = { agencyPath: agency.agency_path, unitPath: agency.unit_path };
  if (!canReachAgency(actor, target, 'read', OVERVIEW_ROLES)) {
    throw fail('REPORT_AGENCY_OUT_OF_REACH');
  }
  return { roots: [agency.code], reach: grants, within: target };
}

export function registerReportRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/reports/overview',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Tổng quan của lãnh đạo: hồ sơ trong tháng theo trạng thái, sắp đến hạn, quá hạn, tỷ lệ đúng hạn, theo cơ quan tiếp nhận',
        querystring: OverviewQuery,
        response: { 200: OverviewResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const scope = await overviewScope(deps, actor, request.query.agencyCode);
      return getOverview(deps, { ...scope, map: request.query.map ?? 'today' }, request.query.month);
    },
  );
}
