// The notifications' routes (issue #18): a dossier's messages, a province's templates and channels,
// the operators' health view, and the providers' delivery reports (public, authenticated as the
// providers do). Contract: common/contracts/notifications.ts.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import {
  ChannelSettings,
  DossierNotificationsResponse,
  NotificationsHealthResponse,
  PreviewBody,
  PreviewResponse,
  ProvinceQuery,
  PutChannelsBody,
  PutTemplateBody,
  TemplateListResponse,
  TemplateParams,
  TemplateView,
} from '../../../common/contracts/notifications.ts';
import { DossierCodeParams } from '../../../common/contracts/dossiers.ts';
import { requireActor, requireCaller } from '../auth/index.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import {
  deleteTemplate,
  dossierNotifications,
  getChannels,
  listTemplates,
  notificationsHealth,
  previewTemplate,
  putChannels,
  putTemplate,
} from './notifications.service.ts';
import { smsCallback, zaloCallback } from './callbacks.ts';
import { getPreferences, putPreferences } from './staff-preferences.ts';
import {
  NotificationPreferences,
  NotificationPreferencesBody,
} from '../../../common/contracts/staff-notifications.ts';
import { registerDemoInboxRoute } from './demo-inbox.ts';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['notifications'];
const CallbackAnswer = Type.Object({ ok: Type.Boolean(), outcome: Type.String() });
const Field = Type.Optional(Type.String({ maxLength: 100 }));
/** The eSMS delivery report's parameters (and our secret); any other parameter is refused. */
const SmsCallbackQuery = Type.Object(
  {
    secret: Field,
    SMSID: Field,
    SendStatus: Field,
    SendSuccess: Field,
    SendFailed: Field,
    TypeId: Field,
    telcoid: Field,
    phonenumber: Field,
    RequestId: Field,
  },
  { additionalProperties: false },
);

export function registerNotificationRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/dossiers/:code/notifications',
    {
      schema: {
        tags,
        summary: 'Thông báo đã gửi cho người nộp hồ sơ và tình trạng gửi (cán bộ xem được hồ sơ; người nộp)',
        params: DossierCodeParams,
        response: { 200: DossierNotificationsResponse, ...errors },
      },
    },
    async (request) => dossierNotifications(deps, requireCaller(request), request.params.code),
  );

  app.get(
    '/api/v1/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Lựa chọn nhận thông báo công việc của tôi (cán bộ)',
        response: { 200: NotificationPreferences, ...errors },
      },
    },
    async (request) => getPreferences(deps, requireActor(request)),
  );

  app.put(
    '/api/v1/me/notification-preferences',
    {
      schema: {
        tags,
        summary:
          'Đặt lựa chọn nhận thông báo công việc: tắt, ngay khi có việc, hoặc tóm tắt hằng ngày lúc dailyAt (giờ Việt Nam)',
        body: NotificationPreferencesBody,
        response: { 200: NotificationPreferences, ...errors },
      },
    },
    async (request) => putPreferences(deps, requireActor(request), request.body, request.id),
  );

  app.get(
    '/api/v1/notification-templates',
    {
      schema: {
        tags,
        summary: 'Mẫu thông báo của tỉnh theo sự kiện và kênh (mặc định và mẫu riêng của tỉnh)',
        querystring: ProvinceQuery,
        response: { 200: TemplateListResponse, ...errors },
      },
    },
    async (request) => listTemplates(deps, requireActor(request), request.query.provinceCode),
  );

  app.post(
    '/api/v1/notification-templates/preview',
    {
      schema: {
        tags,
        summary: 'Xem trước một mẫu thông báo với dữ liệu mẫu',
        body: PreviewBody,
        response: { 200: PreviewResponse, ...errors },
      },
    },
    async (request) => previewTemplate(deps, requireActor(request), request.body),
  );

  app.put(
    '/api/v1/notification-templates/:event/:channel',
    {
      schema: {
        tags,
        summary: 'Đặt mẫu riêng của tỉnh cho một sự kiện và kênh',
        params: TemplateParams,
        querystring: ProvinceQuery,
        body: PutTemplateBody,
        response: { 200: TemplateView, ...errors },
      },
    },
    async (request) =>
      putTemplate(
        deps,
        requireActor(request),
        { code: request.query.provinceCode, ...request.params, requestId: request.id },
        request.body,
      ),
  );

  app.delete(
    '/api/v1/notification-templates/:event/:channel',
    {
      schema: {
        tags,
        summary: 'Bỏ mẫu riêng của tỉnh (dùng lại mẫu mặc định)',
        params: TemplateParams,
        querystring: ProvinceQuery,
        response: { 200: TemplateView, ...errors },
      },
    },
    async (request) =>
      deleteTemplate(deps, requireActor(request), {
        code: request.query.provinceCode,
        ...request.params,
        requestId: request.id,
      }),
  );

  app.get(
    '/api/v1/notification-channels',
    {
      schema: {
        tags,
        summary: 'Các kênh gửi thông báo của tỉnh và tên định danh SMS',
        querystring: ProvinceQuery,
        response: { 200: ChannelSettings, ...errors },
      },
    },
    async (request) => getChannels(deps, requireActor(request), request.query.provinceCode),
  );

  app.put(
    '/api/v1/notification-channels',
    {
      schema: {
        tags,
        summary: 'Bật, tắt các kênh gửi thông báo của tỉnh; tên định danh SMS',
        querystring: ProvinceQuery,
        body: PutChannelsBody,
        response: { 200: ChannelSettings, ...errors },
      },
    },
    async (request) =>
      putChannels(deps, requireActor(request), {
        code: request.query.provinceCode,
        body: request.body,
        requestId: request.id,
      }),
  );

  app.get(
    '/api/v1/notifications/health',
    {
      schema: {
        tags,
        summary: 'Tình trạng các kênh gửi thông báo: lỗi liên tiếp, cảnh báo, số tin theo trạng thái',
        response: { 200: NotificationsHealthResponse, ...errors },
      },
    },
    async (request) => notificationsHealth(deps, requireActor(request)),
  );

  registerDemoInboxRoute(root, deps);

  // The SMS provider's delivery report: GET, authenticated by the secret in the URL we gave it.
  app.get(
    '/api/v1/notifications/callbacks/sms',
    {
      schema: {
        tags,
        summary:
          'Báo cáo gửi tin SMS của nhà cung cấp (GET, khóa bí mật trong đường dẫn); không cần đăng nhập',
        security: [],
        querystring: SmsCallbackQuery,
        response: { 200: CallbackAnswer, ...errors },
      },
    },
    async (request) => {
      const outcome = await smsCallback(deps, request.query, request.log);
      return { ok: true, outcome };
    },
  );

  // The ZNS webhook: the body is taken as text, so that its MAC is computed over the bytes received.
  void root.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/notifications/callbacks/zalo',
      {
        bodyLimit: 64 * 1024,
        schema: {
          tags,
          summary: 'Webhook của Zalo ZNS báo tin đã đến người nhận (X-ZEvent-Signature); không cần đăng nhập',
          security: [],
          response: { 200: CallbackAnswer, ...errors },
        },
      },
      async (request) => {
        const raw = typeof request.body === 'string' ? request.body : '';
        const signature = String(request.headers['x-zevent-signature'] ?? '');
        const outcome = await zaloCallback(deps, raw, signature, request.log);
        return { ok: true, outcome };
      },
    );
  });
}
