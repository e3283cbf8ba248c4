// Steering by figures (issue items 3, 4, 7): the KPIs against the province's targets, the dossiers and
// procedures behind them, the targets themselves, the Decision 766 index with its formula versions and
// the official score beside it, and the public dashboard. The report routes read with the overview's
// roles and scope (overviewScope); docs/domain/reports.md.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../platform/actor.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';
import { requireActor } from '../auth/index.ts';
import {
  KpiDrillQuery,
  KpiDrillResponse,
  KpiProceduresQuery,
  KpiProceduresResponse,
  KpisQuery,
  KpisResponse,
  KpiTargetsResponse,
  ProvinceParams,
  PutKpiTargetsBody,
} from '../../../common/contracts/report-kpis.ts';
import {
  Formula766List,
  Index766Query,
  Index766Response,
  Official766,
  PublicDashboardQuery,
  PublicDashboardResponse,
  PutOfficial766Body,
} from '../../../common/contracts/report-766.ts';
import { checkPeriod, overviewScope } from './reports.routes.ts';
import type { OverviewScope } from './reports.service.ts';
import { getKpis, type ReportBase } from './kpis.service.ts';
import { getKpiDossiers, getKpiProcedures } from './kpi-drill.service.ts';
import { getKpiTargets, replaceKpiTargets } from './kpi-targets.service.ts';
import { getIndex766, listFormulas, recordOfficial766 } from './index-766.service.ts';
import { getPublicDashboard } from './public-dashboard.service.ts';
import { fail } from './reports.errors.ts';
import { sendTable } from './table-export.ts';
import { kpisTable } from './kpis-export.ts';
import { index766Table } from './index-766-export.ts';

const tags = ['reports'];
const errors = errorResponses(400, 401, 403, 404);
/** A report as JSON, or as a file (`format=xlsx|pdf`). */
const produces = [
  'application/json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/pdf',
];

type ScopeQuery = {
  from: string;
  to: string;
  agencyCode?: string | undefined;
  map?: 'then' | 'today' | undefined;
};

/** The period checked, then the caller's scope: what every report route starts with. */
async function reportAsk(
  deps: Deps,
  actor: Actor,
  q: ScopeQuery,
): Promise<{ scope: OverviewScope; base: ReportBase }> {
  checkPeriod(q.from, q.to);
  const map = q.map ?? 'today';
  const scope = await overviewScope(deps, actor, q.agencyCode);
  return { scope: { ...scope, map }, base: { from: q.from, to: q.to, agencyCode: q.agencyCode, map } };
}

/** The agencies a report starts from, named (as the other reports answer `scope`). */
async function scopeAgencies(deps: Deps, codes: string[]) {
  if (codes.length === 0) return [];
  return deps.db
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.unit_id', 'a.unit_id')
    .select(['a.code', 'a.name', 'u.name as unitName'])
    .where('a.code', 'in', codes)
    .orderBy('u.path')
    .orderBy('a.code')
    .execute();
}

export function registerKpiRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/reports/kpis',
    {
      schema: {
        tags,
        summary:
          'Chỉ tiêu điều hành so với mục tiêu của tỉnh: đồng bộ, trực tuyến, thanh toán trực tuyến, kết quả điện tử, số hóa, đúng hạn, hài lòng; theo cơ quan, toàn phạm vi và 12 tháng',
        querystring: KpisQuery,
        produces,
        response: { 200: KpisResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { scope, base } = await reportAsk(deps, requireActor(request), request.query);
      const counted = await getKpis(deps, scope, base);
      const report = { ...counted, scope: await scopeAgencies(deps, scope.roots) };
      const format = request.query.format ?? 'json';
      if (format === 'json') return report;
      return sendTable(reply, kpisTable(report, deps.clock.now()), format);
    },
  );

  app.get(
    '/api/v1/reports/kpis/dossiers',
    {
      schema: {
        tags,
        summary: 'Các hồ sơ được tính (hoặc không được tính) vào một chỉ tiêu điều hành, cùng kỳ và phạm vi',
        querystring: KpiDrillQuery,
        response: { 200: KpiDrillResponse, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const { scope } = await reportAsk(deps, requireActor(request), q);
      return getKpiDossiers(deps, scope, {
        from: q.from,
        to: q.to,
        figure: q.figure,
        key: q.key,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 50,
      });
    },
  );

  app.get(
    '/api/v1/reports/kpis/procedures',
    {
      schema: {
        tags,
        summary:
          'Các thủ tục được tính vào một chỉ tiêu về thủ tục (cung cấp trực tuyến, có phí, có phát sinh hồ sơ) trong phạm vi',
        querystring: KpiProceduresQuery,
        response: { 200: KpiProceduresResponse, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const { scope } = await reportAsk(deps, requireActor(request), q);
      return getKpiProcedures(deps, scope, {
        from: q.from,
        to: q.to,
        figure: q.figure,
        key: q.key,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 50,
      });
    },
  );

  app.get(
    '/api/v1/provinces/:provinceCode/kpi-targets',
    {
      schema: {
        tags,
        summary: 'Mục tiêu các chỉ tiêu điều hành của tỉnh (mặc định khi tỉnh chưa đặt)',
        params: ProvinceParams,
        response: { 200: KpiTargetsResponse, ...errors },
      },
    },
    async (request) => getKpiTargets(deps, requireActor(request), request.params.provinceCode),
  );

  app.put(
    '/api/v1/provinces/:provinceCode/kpi-targets',
    {
      schema: {
        tags,
        summary: 'Đặt mục tiêu các chỉ tiêu điều hành của tỉnh (quản trị cấp tỉnh của tỉnh đó; ghi nhật ký)',
        params: ProvinceParams,
        body: PutKpiTargetsBody,
        response: { 200: KpiTargetsResponse, ...errors, ...errorResponses(409) },
      },
    },
    async (request) =>
      replaceKpiTargets(deps, requireActor(request), {
        code: request.params.provinceCode,
        body: request.body,
        requestId: request.id,
      }),
  );

  app.get(
    '/api/v1/reports/index-766',
    {
      schema: {
        tags,
        summary:
          'Chỉ số chất lượng phục vụ theo Quyết định 766/QĐ-TTg tính tại địa phương: 6 nhóm, 100 điểm, theo cơ quan và kỳ, kèm điểm chính thức của Cổng DVCQG',
        querystring: Index766Query,
        produces,
        response: { 200: Index766Response, ...errors, ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { scope, base } = await reportAsk(deps, actor, request.query);
      const counted = await getIndex766(deps, scope, { base, actor });
      const report = { ...counted, scope: await scopeAgencies(deps, scope.roots) };
      const format = request.query.format ?? 'json';
      if (format === 'json') return report;
      return sendTable(reply, index766Table(report, deps.clock.now()), format);
    },
  );

  app.get(
    '/api/v1/reports/index-766/formulas',
    {
      schema: {
        tags,
        summary: 'Các phiên bản công thức Chỉ số 766 và ngày có hiệu lực',
        response: { 200: Formula766List, ...errors },
      },
    },
    async (request) => {
      await overviewScope(deps, requireActor(request), undefined);
      return listFormulas(deps);
    },
  );

  app.put(
    '/api/v1/reports/index-766/official',
    {
      schema: {
        tags,
        summary:
          'Ghi điểm Chỉ số 766 chính thức của Cổng DVCQG cho một cơ quan và kỳ (quản trị cấp tỉnh; ghi nhật ký)',
        body: PutOfficial766Body,
        response: { 200: Official766, ...errors },
      },
    },
    async (request) =>
      recordOfficial766(deps, requireActor(request), { body: request.body, requestId: request.id }),
  );

  app.get(
    '/api/v1/public/dashboard',
    {
      schema: {
        tags,
        summary:
          'Số liệu công khai của tỉnh theo tháng (không cần đăng nhập): tỷ lệ đúng hạn, trực tuyến, hài lòng và điểm các nhóm Chỉ số 766 theo cơ quan',
        security: [],
        querystring: PublicDashboardQuery,
        response: { 200: PublicDashboardResponse, ...errorResponses(400, 404, 429) },
      },
      config: rateLimited({
        max: 30,
        windowMs: 60_000,
        refuse: (headers) => fail('REPORT_PUBLIC_TOO_MANY', { headers }),
      }),
    },
    async (request, reply) => {
      const answer = await getPublicDashboard(deps, {
        province: request.query.province,
        month: request.query.month,
      });
      // The same for everyone: caches may keep it a few minutes.
      void reply.header('cache-control', 'public, max-age=300');
      return answer;
    },
  );
}
