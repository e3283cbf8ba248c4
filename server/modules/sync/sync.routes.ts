import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import {
  InboundDossierList,
  InboundDossierView,
  InboundParams,
  InboundQuery,
  MessageParams,
  RedriveQuery,
  RedriveResponse,
  SyncMessageList,
  SyncMessageView,
  SyncMessagesQuery,
  SyncStatusQuery,
  SyncStatusResponse,
} from '../../../common/contracts/sync.ts';
import type { Actor } from '../../platform/actor.ts';
import { requireActor } from '../auth/index.ts';
import {
  getSyncStatus,
  listInbound,
  listMessages,
  redriveMessage,
  redriveTopic,
  requireSyncOperator,
  retryInbound,
  requireSyncViewer,
} from './sync.service.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { registerPortalFileRoutes } from './portal-files.routes.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['sync'];

/** The signed-in caller, when they may watch the sync. */
function viewer(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  requireSyncViewer(actor);
  return actor;
}

/** The signed-in caller, when they may act on the sync. */
function operator(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  requireSyncOperator(actor);
  return actor;
}

export function registerSyncRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  registerPortalFileRoutes(root, deps);

  app.get(
    '/api/v1/sync/status',
    {
      schema: {
        tags,
        summary:
          'Tình trạng đồng bộ với Cổng DVCQG: chờ gửi, đã gửi, lỗi, dừng, tỷ lệ đã đồng bộ theo cơ quan',
        querystring: SyncStatusQuery,
        response: { 200: SyncStatusResponse, ...errors },
      },
    },
    async (request) => getSyncStatus(deps, viewer(request), request.query.topic),
  );

  app.get(
    '/api/v1/sync/messages',
    {
      schema: {
        tags,
        summary: 'Thông điệp đồng bộ theo trạng thái (mặc định: đã dừng sau số lần thử tối đa)',
        querystring: SyncMessagesQuery,
        response: { 200: SyncMessageList, ...errors },
      },
    },
    async (request) => {
      operator(request);
      const q = request.query;
      return listMessages(deps, {
        status: q.status ?? 'dead',
        topic: q.topic,
        key: q.key,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 50,
      });
    },
  );

  app.post(
    '/api/v1/sync/messages/:id/redrive',
    {
      schema: {
        tags,
        summary: 'Đẩy lại một thông điệp đã dừng (ghi nhật ký)',
        params: MessageParams,
        response: { 200: SyncMessageView, ...errors },
      },
    },
    async (request) => redriveMessage(deps, operator(request), request.params.id, request.id),
  );

  app.post(
    '/api/v1/sync/redrive',
    {
      schema: {
        tags,
        summary: 'Đẩy lại mọi thông điệp đã dừng của một chủ đề (ghi nhật ký)',
        querystring: RedriveQuery,
        response: { 200: RedriveResponse, ...errors },
      },
    },
    async (request) => redriveTopic(deps, operator(request), request.query.topic, request.id),
  );

  app.get(
    '/api/v1/sync/inbound',
    {
      schema: {
        tags,
        summary:
          'Hồ sơ nhận từ Cổng DVCQG theo trạng thái (mới, tạm giữ, đã tiếp nhận, bị từ chối), kèm lý do; không kèm thông tin cá nhân',
        querystring: InboundQuery,
        response: { 200: InboundDossierList, ...errors },
      },
    },
    async (request) => {
      const actor = viewer(request);
      const q = request.query;
      return listInbound(deps, actor, { status: q.status, page: q.page ?? 1, pageSize: q.pageSize ?? 50 });
    },
  );

  app.post(
    '/api/v1/sync/inbound/:id/retry',
    {
      schema: {
        tags,
        summary:
          'Tiếp nhận lại ngay một hồ sơ đang tạm giữ (sau khi đã bổ sung danh mục thủ tục); ghi nhật ký',
        params: InboundParams,
        response: { 200: InboundDossierView, ...errors },
      },
    },
    async (request) => retryInbound(deps, operator(request), request.params.id, request.id),
  );
}
