// Reorganisations over HTTP: preview and apply a plan (province administrators), read them, and the
// successor's acknowledgement of a hand-over.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import {
  HandoverParams,
  HandoverView,
  ReorganisationList,
  ReorganisationParams,
  ReorganisationPlan,
  ReorganisationPreview,
  ReorganisationView,
} from '../../../common/contracts/reorganisations.ts';
import { requireActor } from '../auth/index.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { applyReorganisation } from './reorganisation.apply.ts';
import {
  acknowledgeHandover,
  getReorganisation,
  listReorganisations,
  previewReorganisation,
} from './reorganisations.service.ts';

const tags = ['org'];
const errors = errorResponses(400, 401, 403);

export function registerReorganisationRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/reorganisations/preview',
    {
      schema: {
        tags,
        summary:
          'Xem trước một đợt sắp xếp (sáp nhập, chia tách): bao nhiêu hồ sơ đang giải quyết, phân quyền cán bộ, thủ tục, quy trình và bộ phận một cửa sẽ chuyển, và chuyển đi đâu; không ghi gì',
        body: ReorganisationPlan,
        response: { 200: ReorganisationPreview, ...errors },
      },
    },
    async (request) => previewReorganisation(deps, requireActor(request), request.body),
  );

  app.post(
    '/api/v1/reorganisations',
    {
      schema: {
        tags,
        summary:
          'Thực hiện một đợt sắp xếp trong một giao dịch: đơn vị mới và chấm dứt, cơ quan mới, bàn giao hồ sơ đang giải quyết (giữ mã, hạn và lịch sử), phân quyền, thủ tục, quy trình và bộ phận một cửa cho cơ quan kế thừa; ghi nhật ký; lỗi thì không thay đổi gì',
        body: ReorganisationPlan,
        response: { 201: ReorganisationView, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const applied = await applyReorganisation(deps, actor, { plan: request.body, requestId: request.id });
      return reply.status(201).send(await getReorganisation(deps, actor, applied.reorganisationId));
    },
  );

  app.get(
    '/api/v1/reorganisations',
    {
      schema: {
        tags,
        summary: 'Các đợt sắp xếp có bàn giao cho cơ quan trong phạm vi của người dùng, mới nhất trước',
        response: { 200: ReorganisationList, ...errors },
      },
    },
    async (request) => ({ items: await listReorganisations(deps, requireActor(request)) }),
  );

  app.get(
    '/api/v1/reorganisations/:id',
    {
      schema: {
        tags,
        summary: 'Một đợt sắp xếp và các biên bản bàn giao trong phạm vi của người dùng',
        params: ReorganisationParams,
        response: { 200: ReorganisationView, ...errors, ...errorResponses(404) },
      },
    },
    async (request) => getReorganisation(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/reorganisations/:id/handovers/:handoverId/acknowledgement',
    {
      schema: {
        tags,
        summary:
          'Lãnh đạo hoặc quản trị viên của cơ quan nhận bàn giao xác nhận đã nhận hồ sơ, cán bộ, thủ tục được bàn giao; ghi nhật ký; một lần',
        params: HandoverParams,
        response: { 200: HandoverView, ...errors, ...errorResponses(404, 409) },
      },
    },
    async (request) =>
      acknowledgeHandover(deps, requireActor(request), {
        id: request.params.id,
        handoverId: request.params.handoverId,
        requestId: request.id,
      }),
  );
}
