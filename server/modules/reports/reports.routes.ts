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
import type { ErrorDetail } from '../../platform/errors.ts';
import {
  Ii06aDrillQuery,
  Ii06aDrillResponse,
  Ii06aQuery,
  Ii06aResponse,
} from '../../../common/contracts/report-ii06a.ts';
import { DEFAULT_II06A_RULES, type Ii06aRules } from '../../../common/reports/ii06a.ts';
import { getIi06a, getIi06aDossiers, type Ii06aAsk } from './ii06a.service.ts';
import { ii06aPdf, ii06aXlsx } from './ii06a-export.ts';

import { overviewTable } from './overview-export.ts';
import { sendTable } from './table-export.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

/** The longest period a report covers: ten years of days. */
const MAX_PERIOD_DAYS = 3660;

const isCivilDate = (d: string): boolean => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
};

/** A period of civil days, both included: real dates, `from` not after `to`, at most ten years. */
export function checkPeriod(from: string, to: string): void {
  const problems: ErrorDetail[] = [];
  if (!isCivilDate(from)) problems.push({ path: 'query/from', message: `Ngày ${from} không có trong lịch.` });
  if (!isCivilDate(to)) problems.push({ path: 'query/to', message: `Ngày ${to} không có trong lịch.` });
  if (problems.length === 0 && from > to) {
    problems.push({ path: 'query/to', message: 'Ngày cuối kỳ phải từ ngày đầu kỳ trở đi.' });
  }
  if (problems.length === 0 && (Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_PERIOD_DAYS) {
    problems.push({ path: 'query/to', message: 'Một kỳ báo cáo dài nhất 10 năm.' });
  }
  if (problems.length > 0) throw fail('REPORT_PERIOD_INVALID', { details: problems });
}

type Ii06aParams = Pick<Ii06aQuery, 'from' | 'to' | 'agencyCode' | 'map' | 'groupBy' | 'late' | 'withdrawn'>;

/** The period, grouping and rules asked for, and the query string the drill links repeat. */
function ii06aAsk(q: Ii06aParams): Ii06aAsk {
  checkPeriod(q.from, q.to);
  const rules: Ii06aRules = {
    late: q.late ?? DEFAULT_II06A_RULES.late,
    withdrawn: q.withdrawn ?? DEFAULT_II06A_RULES.withdrawn,
  };
  const groupBy = q.groupBy ?? 'agency';
  const params = new URLSearchParams({ from: q.from, to: q.to });
  if (q.agencyCode !== undefined) params.set('agencyCode', q.agencyCode);
  params.set('map', q.map ?? 'today');
  params.set('groupBy', groupBy);
  params.set('late', rules.late);
  params.set('withdrawn', rules.withdrawn);
  return { from: q.from, to: q.to, groupBy, rules, drillBase: params.toString() };
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
        produces: ['application/json', XLSX, 'application/pdf'],
        response: { 200: OverviewResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const scope = await overviewScope(deps, actor, request.query.agencyCode);
      const overview = await getOverview(
        deps,
        { ...scope, map: request.query.map ?? 'today' },
        request.query.month,
      );
      const format = request.query.format ?? 'json';
      if (format === 'json') return overview;
      return sendTable(reply, overviewTable(overview, deps.clock.now()), format);
    },
  );

  app.get(
    '/api/v1/reports/ii06a',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Biểu số II.06a/VPCP/KSTT (và II.06b theo cấp): tình hình, kết quả giải quyết TTHC theo cơ quan, đơn vị, lĩnh vực, thủ tục trong một kỳ bất kỳ',
        querystring: Ii06aQuery,
        produces: ['application/json', XLSX, 'application/pdf'],
        response: { 200: Ii06aResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const ask = ii06aAsk(request.query);
      const scope = await overviewScope(deps, actor, request.query.agencyCode);
      const counted = await getIi06a(deps, { ...scope, map: request.query.map ?? 'today' }, ask);
      const report = { ...counted, scope: await scopeAgencies(deps, scope.roots) };
      const format = request.query.format ?? 'json';
      if (format === 'json') return report;
      // The reporting unit of the title block: the one agency asked for or held, else the roots' unit.
      const unitName =
        report.scope.length === 1 ? report.scope[0]!.name : (report.scope[0]?.unitName ?? 'Các cơ quan');
      const meta = { unitName, createdAt: deps.clock.now() };
      const name = `bieu-${ask.groupBy === 'level' ? 'ii06b' : 'ii06a'}-${ask.from}-${ask.to}`;
      const file = format === 'xlsx' ? await ii06aXlsx(report, meta) : await ii06aPdf(report, meta);
      return reply
        .type(format === 'xlsx' ? XLSX : 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}.${format}"`)
        .send(file as never);
    },
  );

  app.get(
    '/api/v1/reports/ii06a/dossiers',
    {
      schema: {
        tags: ['reports'],
        summary: 'Các hồ sơ được tính vào một chỉ tiêu của Biểu II.06a (cùng kỳ, phạm vi và cách nhóm)',
        querystring: Ii06aDrillQuery,
        response: { 200: Ii06aDrillResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const ask = ii06aAsk(q);
      const scope = await overviewScope(deps, actor, q.agencyCode);
      return getIi06aDossiers(
        deps,
        { ...scope, map: q.map ?? 'today' },
        { ...ask, cell: q.cell, key: q.key, page: q.page ?? 1, pageSize: q.pageSize ?? 50 },
      );
    },
  );
}

/** The agencies a report starts from, named. */
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
