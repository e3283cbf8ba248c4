// The adoption monitor over HTTP: the monitor itself (the overview's roles and scope rule), the reasons
// for a legitimate zero (administrators), and the explanation requests (asked by the province's
// administrator, answered by the agency's leader).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { periodProblems } from '../../../common/reports/adoption.ts';
import { PagedQuery } from '../../../common/contracts/common.ts';
import {
  AdoptionQuery,
  AdoptionResponse,
  ExplanationAnswerBody,
  ExplanationBody,
  ExplanationList,
  ExplanationParams,
  ExplanationsQuery,
  ExplanationView,
  IdempotencyHeaders,
  ZeroReasonBody,
  ZeroReasonKey,
  ZeroReasonView,
} from '../../../common/contracts/report-adoption.ts';
import { EXPLANATION_STATES } from '../../../common/reports/adoption.ts';
import { requireActor } from '../auth/index.ts';
import { overviewScope, sendTable } from '../reports/index.ts';
import { adoptionTable } from './adoption-export.ts';
import { fail } from './adoption.errors.ts';
import { getAdoption } from './adoption.monitor.ts';
import {
  answerExplanation,
  listExplanations,
  listOwnExplanations,
  requestExplanation,
} from './adoption.explanations.ts';
import { recordZeroReason, withdrawZeroReason } from './adoption.zero-reasons.ts';

const tags = ['reports'];
const errors = errorResponses(400, 401, 403, 404);
const OwnExplanationsQuery = PagedQuery({ state: Type.Optional(Type.Enum([...EXPLANATION_STATES])) });

export function registerAdoptionRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/reports/adoption',
    {
      schema: {
        tags,
        summary:
          'Theo dõi sử dụng hệ thống: mỗi cơ quan có bộ phận một cửa trong phạm vi, theo đơn vị hành chính — hồ sơ tiếp nhận, giải quyết, trả kết quả trong kỳ, cán bộ đăng nhập và thao tác, tỷ lệ thủ tục có hồ sơ, "chưa sử dụng hệ thống", yêu cầu giải trình, xu hướng 12 tháng',
        querystring: AdoptionQuery,
        produces: [
          'application/json',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'application/pdf',
        ],
        response: { 200: AdoptionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { from, to, agencyCode, map, format = 'json' } = request.query;
      const problems = periodProblems({ from, to }, 'query');
      if (problems.length > 0) throw fail('ADOPTION_INPUT_INVALID', { details: problems });
      const scope = await overviewScope(deps, actor, agencyCode);
      const report = await getAdoption(deps, actor, { ...scope, map: map ?? 'today' }, { from, to });
      if (format === 'json') return report;
      return sendTable(reply, adoptionTable(report, deps.clock.now()), format);
    },
  );

  app.put(
    '/api/v1/reports/adoption/zero-reasons',
    {
      schema: {
        tags,
        summary:
          'Ghi lý do cơ quan không có hồ sơ trong kỳ (ví dụ "Không phát sinh hồ sơ") — quản trị viên cơ quan hoặc cấp tỉnh; ghi lại cho cùng kỳ thì thay lý do; ghi nhật ký',
        body: ZeroReasonBody,
        response: { 200: ZeroReasonView, ...errors },
      },
    },
    async (request) =>
      recordZeroReason(deps, requireActor(request), { body: request.body, requestId: request.id }),
  );

  app.delete(
    '/api/v1/reports/adoption/zero-reasons',
    {
      schema: {
        tags,
        summary: 'Bỏ lý do không có hồ sơ đã ghi cho cơ quan và kỳ; ghi nhật ký',
        querystring: ZeroReasonKey,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await withdrawZeroReason(deps, requireActor(request), { key: request.query, requestId: request.id });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/reports/adoption/explanations',
    {
      schema: {
        tags,
        summary:
          'Quản trị viên cấp tỉnh yêu cầu cơ quan giải trình việc chưa sử dụng hệ thống trong kỳ, có hạn trả lời; Idempotency-Key; ghi nhật ký',
        headers: IdempotencyHeaders,
        body: ExplanationBody,
        response: { 201: ExplanationView, ...errors, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      const view = await requestExplanation(deps, requireActor(request), {
        body: request.body,
        idempotencyKey: request.headers['idempotency-key'],
        requestId: request.id,
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/v1/reports/adoption/explanations',
    {
      schema: {
        tags,
        summary:
          'Các yêu cầu giải trình gửi cơ quan trong phạm vi (như báo cáo tổng quan), mới nhất trước: ai yêu cầu, khi nào, hạn, đã trả lời chưa, quá hạn',
        querystring: ExplanationsQuery,
        response: { 200: ExplanationList, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { agencyCode, ...filter } = request.query;
      const scope = await overviewScope(deps, actor, agencyCode);
      return listExplanations(deps, actor, { scope, filter });
    },
  );

  app.get(
    '/api/v1/reports/adoption/explanations/mine',
    {
      schema: {
        tags,
        summary: 'Các yêu cầu giải trình gửi đến cơ quan mà người dùng là lãnh đạo, mới nhất trước',
        querystring: OwnExplanationsQuery,
        response: { 200: ExplanationList, ...errors },
      },
    },
    async (request) => listOwnExplanations(deps, requireActor(request), request.query),
  );

  app.post(
    '/api/v1/reports/adoption/explanations/:id/answer',
    {
      schema: {
        tags,
        summary:
          'Lãnh đạo cơ quan được yêu cầu trả lời yêu cầu giải trình (một lần); Idempotency-Key; ghi nhật ký',
        params: ExplanationParams,
        headers: IdempotencyHeaders,
        body: ExplanationAnswerBody,
        response: { 200: ExplanationView, ...errors, ...errorResponses(409) },
      },
    },
    async (request) =>
      answerExplanation(deps, requireActor(request), {
        id: request.params.id,
        body: request.body,
        idempotencyKey: request.headers['idempotency-key'],
        requestId: request.id,
      }),
  );
}
