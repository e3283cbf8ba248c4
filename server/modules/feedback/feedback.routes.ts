// PAKN over HTTP (common/contracts/feedback.ts, docs/domain/feedback.md): the portal's routes (send,
// attach, follow, rate) and the staff's (record, register, record view, actions, files, settings).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import {
  FEEDBACK_ACTION_LABELS,
  FEEDBACK_ACTION_ROLES,
  FEEDBACK_ACTIONS,
  FeedbackActionBodies,
  FeedbackCodeParams,
  FeedbackDetail,
  FeedbackFileParams,
  FeedbackFileUploaded,
  FeedbackList,
  FeedbackListQuery,
  FeedbackRatingBody,
  FeedbackReport,
  FeedbackReportQuery,
  FeedbackRatingResponse,
  FeedbackSettings,
  FeedbackSettingsBody,
  FeedbackSettingsQuery,
  PublicFeedback,
  PublicFeedbackListQuery,
  PublishedFeedbackList,
  RecordFeedbackBody,
  SubmitFeedbackBody,
  SubmitFeedbackResponse,
  type FeedbackAction,
} from '../../../common/contracts/feedback.ts';
import { requireActor } from '../auth/index.ts';
import { extensionOf } from '../files/index.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';
import { sendPrivateDownload } from '../../platform/http/download.ts';
import { fail } from './feedback.errors.ts';
import { recordFeedback, submitFeedback, uploadFeedbackFile } from './feedback-intake.service.ts';
import { takeAction } from './feedback-actions.service.ts';
import {
  feedbackDetail,
  feedbackFile,
  listFeedback,
  publicFeedback,
  rateFeedback,
} from './feedback-views.service.ts';
import { getFeedbackSettings, putFeedbackSettings } from './feedback-settings.service.ts';
import { listPublishedFeedback } from './feedback-public.service.ts';
import { feedbackReport } from './feedback-report.service.ts';

const tags = ['feedback'];
const IfMatch = Type.Object(
  { 'if-match': Type.String({ pattern: '^"?[0-9]{1,9}"?$', maxLength: 11 }) },
  { additionalProperties: true },
);
/** As the dossier routes take it (common/contracts/dossiers.ts CreateHeaders, ActionHeaders). */
const IdempotencyKey = Type.Optional(Type.String({ minLength: 8, maxLength: 200 }));
const SubmitHeaders = Type.Object({ 'idempotency-key': IdempotencyKey }, { additionalProperties: true });
const ActionHeaders = Type.Object(
  { ...IfMatch.properties, 'idempotency-key': IdempotencyKey },
  { additionalProperties: true },
);
const versionOf = (h: string) => Number(h.replace(/"/g, ''));
const tooMany = (headers: Record<string, string>) => fail('FEEDBACK_TOO_MANY', { headers });

/** Per client address: PAKN sent, files attached, ratings and lookups (the public lookup's practice). */
export const FEEDBACK_RATE_LIMITS = {
  submit: { max: 10, windowMs: 60 * 60_000 },
  upload: { max: 20, windowMs: 60 * 60_000 },
  lookup: { max: 60, windowMs: 60_000 },
  rating: { max: 10, windowMs: 60 * 60_000 },
} as const;

export function registerFeedbackRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/feedback',
    {
      schema: {
        tags,
        summary:
          'Gửi phản ánh, kiến nghị (công dân đã đăng nhập, hoặc ghi rõ họ tên, số điện thoại, thư điện tử); trả về mã PAKN.yyyyMMdd.số; Idempotency-Key để gửi lại an toàn',
        security: [],
        headers: SubmitHeaders,
        body: SubmitFeedbackBody,
        response: { 201: SubmitFeedbackResponse, ...errorResponses(400, 403, 409, 415, 429) },
      },
      config: rateLimited({ ...FEEDBACK_RATE_LIMITS.submit, refuse: tooMany }),
    },
    async (request, reply) =>
      reply.status(201).send(
        await submitFeedback(deps, request.citizen, {
          body: request.body,
          idempotencyKey: request.headers['idempotency-key'],
        }),
      ),
  );

  app.get(
    '/api/v1/public/feedback',
    {
      schema: {
        tags,
        summary:
          'Các phản ánh, kiến nghị đã được trả lời công khai (mới nhất trước, 20 mỗi trang): tìm theo từ, có dấu hoặc không dấu; lọc theo cơ quan; không có thông tin cá nhân của người gửi',
        security: [],
        querystring: PublicFeedbackListQuery,
        response: { 200: PublishedFeedbackList, ...errorResponses(400, 429) },
      },
      config: rateLimited({ ...FEEDBACK_RATE_LIMITS.lookup, refuse: tooMany }),
    },
    async (request) => listPublishedFeedback(deps, request.query),
  );

  app.post(
    '/api/v1/public/feedback/files',
    {
      schema: {
        tags,
        summary:
          'Tải lên một tệp đính kèm phản ánh, kiến nghị (JPEG, PNG, PDF; tối đa 10 MB) — multipart/form-data, trường "file"; mã tải lên dùng được trong 1 giờ',
        security: [],
        consumes: ['multipart/form-data'],
        response: { 201: FeedbackFileUploaded, ...errorResponses(400, 413, 415, 429) },
      },
      config: rateLimited({ ...FEEDBACK_RATE_LIMITS.upload, refuse: tooMany }),
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw fail('FEEDBACK_FILE_MISSING', {
          details: [{ path: 'file', message: 'Cần multipart/form-data.' }],
        });
      let part;
      try {
        part = await request.file();
      } catch {
        throw fail('FEEDBACK_FILE_MISSING', {
          details: [{ path: 'file', message: 'Dữ liệu multipart không hợp lệ.' }],
        });
      }
      if (!part || part.fieldname !== 'file')
        throw fail('FEEDBACK_FILE_MISSING', {
          details: [{ path: 'file', message: 'Cần một tệp trong trường "file".' }],
        });
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch {
        throw fail('FEEDBACK_FILE_TOO_LARGE', { details: [{ path: 'file', message: 'Tối đa 10 MB.' }] });
      }
      if (bytes.length === 0)
        throw fail('FEEDBACK_FILE_MISSING', {
          details: [{ path: 'file', message: 'Tệp không có nội dung.' }],
        });
      const stored = await uploadFeedbackFile(deps, request.citizen, { bytes, name: part.filename || null });
      return reply.status(201).send(stored);
    },
  );

  app.get(
    '/api/v1/public/feedback/:code',
    {
      schema: {
        tags,
        summary:
          'Tra cứu phản ánh, kiến nghị theo mã (công khai): trạng thái, hạn; nội dung và câu trả lời khi đã công khai; không có thông tin cá nhân của người gửi',
        security: [],
        params: FeedbackCodeParams,
        response: { 200: PublicFeedback, ...errorResponses(400, 404, 429) },
      },
      config: rateLimited({ ...FEEDBACK_RATE_LIMITS.lookup, refuse: tooMany }),
    },
    async (request) => publicFeedback(deps, request.params.code),
  );

  app.post(
    '/api/v1/public/feedback/:code/rating',
    {
      schema: {
        tags,
        summary:
          'Người gửi đánh giá câu trả lời (Rất hài lòng, Hài lòng, Không hài lòng) sau khi đã được trả lời; một lần (đã đánh giá: 409)',
        security: [],
        params: FeedbackCodeParams,
        body: FeedbackRatingBody,
        response: { 201: FeedbackRatingResponse, ...errorResponses(400, 403, 404, 409, 429) },
      },
      config: rateLimited({ ...FEEDBACK_RATE_LIMITS.rating, refuse: tooMany }),
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await rateFeedback(deps, request.citizen, { code: request.params.code, body: request.body })),
  );

  app.post(
    '/api/v1/feedback/recorded',
    {
      schema: {
        tags,
        summary:
          'Cán bộ một cửa hoặc lãnh đạo ghi nhận phản ánh, kiến nghị nhận qua điện thoại, văn bản, thư điện tử hoặc trực tiếp; Idempotency-Key để gửi lại an toàn',
        headers: SubmitHeaders,
        body: RecordFeedbackBody,
        response: { 201: SubmitFeedbackResponse, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await recordFeedback(deps, requireActor(request), {
          body: request.body,
          idempotencyKey: request.headers['idempotency-key'],
        }),
      ),
  );

  app.get(
    '/api/v1/feedback',
    {
      schema: {
        tags,
        summary:
          'Sổ theo dõi phản ánh, kiến nghị của các cơ quan trong phạm vi: lọc theo trạng thái, cơ quan, quá hạn / sắp đến hạn; tổng số theo trạng thái',
        querystring: FeedbackListQuery,
        response: { 200: FeedbackList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listFeedback(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/feedback/settings',
    {
      schema: {
        tags,
        summary: 'Thời hạn xử lý phản ánh, kiến nghị của tỉnh theo loại (quản trị cấp tỉnh)',
        querystring: FeedbackSettingsQuery,
        response: { 200: FeedbackSettings, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => getFeedbackSettings(deps, requireActor(request), request.query.provinceCode),
  );

  app.put(
    '/api/v1/feedback/settings',
    {
      schema: {
        tags,
        summary:
          'Đặt thời hạn trả lời (5, 7 hoặc 10 ngày làm việc), thời hạn khẩn (giờ làm việc) và thời hạn chuyển (If-Match: phiên bản)',
        querystring: FeedbackSettingsQuery,
        headers: IfMatch,
        body: FeedbackSettingsBody,
        response: { 200: FeedbackSettings, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) =>
      putFeedbackSettings(deps, requireActor(request), {
        provinceCode: request.query.provinceCode,
        body: request.body,
        ifMatch: versionOf(request.headers['if-match']),
        requestId: request.id,
      }),
  );

  app.get(
    '/api/v1/feedback/:code',
    {
      schema: {
        tags,
        summary:
          'Toàn bộ hồ sơ phản ánh, kiến nghị cho cán bộ trong phạm vi: người gửi, nội dung, phân loại, chuyển, giao, dự thảo, trả lời, lịch sử, hạn, các thao tác được làm',
        params: FeedbackCodeParams,
        response: { 200: FeedbackDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => feedbackDetail(deps, requireActor(request), request.params.code),
  );

  app.get(
    '/api/v1/feedback/:code/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Tệp của phản ánh, kiến nghị (cán bộ trong phạm vi, hoặc công dân đã gửi)',
        params: FeedbackFileParams,
        response: errorResponses(400, 401, 404),
      },
    },
    async (request, reply) => {
      if (!request.actor && !request.citizen)
        throw fail('FEEDBACK_NOT_FOUND', { params: { code: request.params.code } });
      const actor = request.actor ? requireActor(request) : null;
      const file = await feedbackFile(deps, { actor, citizen: request.citizen }, request.params);
      return sendPrivateDownload(reply, {
        ...file,
        fileName: `${request.params.code}-${request.params.fileId.slice(0, 8)}.${extensionOf(file.mediaType)}`,
      });
    },
  );

  app.get(
    '/api/v1/reports/feedback',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Phản ánh, kiến nghị tiếp nhận trong kỳ theo cơ quan trong phạm vi: đã tiếp nhận, trả lời đúng hạn, trễ hạn, đang quá hạn, không tiếp nhận, đã chuyển, mức độ hài lòng',
        querystring: FeedbackReportQuery,
        response: { 200: FeedbackReport, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => feedbackReport(deps, requireActor(request), request.query),
  );

  for (const action of FEEDBACK_ACTIONS) registerAction(root, deps, action);
}

function registerAction(root: FastifyInstance, deps: Deps, action: FeedbackAction): void {
  root.withTypeProvider<TypeBoxTypeProvider>().post(
    `/api/v1/feedback/:code/actions/${action}`,
    {
      schema: {
        tags,
        summary: `${FEEDBACK_ACTION_LABELS[action]} (${FEEDBACK_ACTION_ROLES[action].join(', ')}; If-Match: phiên bản; Idempotency-Key để gửi lại an toàn)`,
        params: FeedbackCodeParams,
        headers: ActionHeaders,
        body: FeedbackActionBodies[action],
        response: { 200: FeedbackDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      takeAction(deps, requireActor(request), {
        code: request.params.code,
        action,
        body: request.body,
        ifMatch: versionOf(request.headers['if-match']),
        idempotencyKey: request.headers['idempotency-key'],
        requestId: request.id,
      }),
  );
}
