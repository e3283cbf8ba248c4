import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';
import { AgencyCode, IsoDate } from '../../../common/contracts/common.ts';
import {
  ActionHeaders,
  ActionParams,
  AllowedActionsResponse,
  ApplicantDossierView,
  CreateHeaders,
  DossierChanges,
  DossierCodeParams,
  DossierListResponse,
  DossierReadView,
  DossierView,
  DossiersQuery,
  IncompleteEnvelope,
  IntakeBody,
  IntakeNextStep,
  IntakeNextStepQuery,
  OnlineSubmissionBody,
  OwnDossierList,
  OwnDossiersQuery,
  PublicDossier,
  PublicLookupQuery,
  ReceivableAgencies,
  ReceivableAgenciesQuery,
  WorklistCounts,
  WorklistExportQuery,
} from '../../../common/contracts/dossiers.ts';
import {
  BulkActionBody,
  BulkActionParams,
  BulkActionResult,
  WorklistOptions,
  WorklistPreferences,
  WorklistPreferencesResponse,
} from '../../../common/contracts/worklists.ts';
import { EXPORT_ROW_LIMIT } from '../../../common/dossiers/worklists.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { Type } from 'typebox';
import { requireActor, requireCaller } from '../auth/index.ts';
import { DOSSIER_SLIP_KINDS, dossierSlip, trackingBook } from './dossier-slips.ts';
import { attachmentFile, listAttachments } from './dossier-attachments.ts';
import { AttachmentParams, DossierAttachments } from '../../../common/contracts/dossier-attachments.ts';
import { actionsFor, performAction } from './actions/actions.service.ts';
import { receiveAtDesk } from './intake/desk-intake.service.ts';
import { submitOnline } from './intake/online-submission.service.ts';
import { receivableAgencies } from './intake/receivable-agencies.ts';
import { intakeNextStep } from './intake/intake-next-step.ts';
import { getDossier } from './views/present-dossier.ts';
import { countWorklists, listDossiers } from './views/worklists.ts';
import { changesSinceSignIn } from './views/changes.ts';
import { exportWorklist } from './views/worklist-export.ts';
import { readPreferences, savePreferences, worklistOptions } from './views/worklist-preferences.ts';
import { performBulkAction } from './actions/bulk-actions.ts';
import { listOwnDossiers } from './views/own-dossiers.ts';
import { publicLookup } from './views/public-lookup.ts';
import { fail } from './dossiers.errors.ts';
import { requireCitizen } from '../citizens/index.ts';
import { sendPrivateDownload } from '../../platform/http/download.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['dossiers'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerDossierRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/dossiers',
    {
      schema: {
        tags,
        summary:
          'Tiếp nhận hồ sơ tại quầy (cán bộ một cửa). Thiếu thành phần → 422 kèm phiếu yêu cầu bổ sung',
        headers: CreateHeaders,
        body: IntakeBody,
        response: { 201: DossierView, 422: IncompleteEnvelope, ...errors },
      },
    },
    async (request, reply) => {
      const dossier = await receiveAtDesk(deps, requireActor(request), {
        intake: request.body,
        idempotencyKey: request.headers['idempotency-key'],
        requestId: request.id,
      });
      return reply.status(201).send(dossier);
    },
  );

  app.post(
    '/api/v1/portal/dossiers',
    {
      schema: {
        tags,
        summary:
          'Nộp hồ sơ trực tuyến (công dân đã đăng nhập): hồ sơ ở trạng thái “Mới nộp” chờ cán bộ một cửa tiếp nhận',
        headers: CreateHeaders,
        body: OnlineSubmissionBody,
        response: { 201: ApplicantDossierView, ...errors },
      },
    },
    async (request, reply) => {
      const citizen = requireCitizen(request);
      if (deps.config.citizenPortal.mode === 'national') throw fail('DOSSIER_PORTAL_NATIONAL');
      const { dossier } = await submitOnline(
        deps,
        { kind: 'citizen', citizen },
        {
          submission: request.body,
          idempotencyKey: request.headers['idempotency-key'],
          requestId: request.id,
        },
      );
      return reply.status(201).send(dossier);
    },
  );

  app.get(
    '/api/v1/portal/dossiers',
    {
      schema: {
        tags,
        summary: 'Hồ sơ của tôi (công dân): hồ sơ tôi đứng tên hoặc đã nộp',
        querystring: OwnDossiersQuery,
        response: { 200: OwnDossierList, ...errors },
      },
    },
    async (request) => {
      const citizen = requireCitizen(request);
      const q = request.query;
      const pageSize = q.pageSize ?? 20;
      return listOwnDossiers(deps, citizen, {
        status: q.status,
        offset: ((q.page ?? 1) - 1) * pageSize,
        limit: pageSize,
      });
    },
  );

  app.get(
    '/api/v1/dossiers',
    {
      schema: {
        tags,
        summary: 'Danh sách hồ sơ theo danh mục công việc, trong phạm vi người dùng',
        querystring: DossiersQuery,
        response: { 200: DossierListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { page, pageSize = 50, ...q } = request.query;
      return listDossiers(deps, actor, { ...q, offset: ((page ?? 1) - 1) * pageSize, limit: pageSize });
    },
  );

  app.get(
    '/api/v1/dossiers/export',
    {
      schema: {
        tags,
        summary: `Xuất Excel danh sách hồ sơ theo đúng bộ lọc và thứ tự của danh mục công việc (tối đa ${EXPORT_ROW_LIMIT} hồ sơ; nhiều hơn: 422)`,
        querystring: WorklistExportQuery,
        produces: [XLSX],
        response: { 200: { type: 'string', format: 'binary' }, ...errors, ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      const file = await exportWorklist(deps, requireActor(request), request.query);
      const day = vnDate(deps.clock.now()).replace(/-/g, '');
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="danh-sach-ho-so-${day}.xlsx"`)
        .send(file as never);
    },
  );

  app.get(
    '/api/v1/dossiers/worklist-preferences',
    {
      schema: {
        tags,
        summary: 'Bộ lọc và cách sắp xếp danh mục công việc người dùng đã lưu (null: chưa lưu)',
        response: { 200: WorklistPreferencesResponse, ...errors },
      },
    },
    async (request) => readPreferences(deps, requireActor(request)),
  );

  app.put(
    '/api/v1/dossiers/worklist-preferences',
    {
      schema: {
        tags,
        summary: 'Lưu bộ lọc và cách sắp xếp danh mục công việc của người dùng (mở lại danh mục sẽ dùng)',
        body: WorklistPreferences,
        response: { 200: WorklistPreferencesResponse, ...errors },
      },
    },
    async (request) => savePreferences(deps, requireActor(request), request.body),
  );

  app.get(
    '/api/v1/dossiers/worklist-options',
    {
      schema: {
        tags,
        summary:
          'Lựa chọn của bộ lọc danh mục công việc: thủ tục các cơ quan trong phạm vi cung cấp, lĩnh vực, cơ quan trong phạm vi',
        response: { 200: WorklistOptions, ...errors },
      },
    },
    async (request) => worklistOptions(deps, requireActor(request)),
  );

  app.post(
    '/api/v1/dossiers/bulk-actions/:action',
    {
      schema: {
        tags,
        summary:
          'Thao tác hàng loạt (nhận xử lý, phân công, chuyển bước, trả kết quả): thực hiện riêng từng hồ sơ với phiên bản của nó; kết quả nêu từng hồ sơ thành công hay bị từ chối và lý do',
        params: BulkActionParams,
        headers: CreateHeaders,
        body: BulkActionBody,
        response: { 200: BulkActionResult, ...errors },
      },
    },
    async (request) =>
      performBulkAction(deps, requireActor(request), {
        action: request.params.action,
        body: request.body,
        idempotencyKey: request.headers['idempotency-key'],
        requestId: request.id,
        log: request.log,
      }),
  );

  app.get(
    '/api/v1/dossiers/intake-agencies',
    {
      schema: {
        tags,
        summary: 'Cơ quan mà bộ phận một cửa của cán bộ được tiếp nhận hồ sơ của thủ tục này',
        querystring: ReceivableAgenciesQuery,
        response: { 200: ReceivableAgencies, ...errors },
      },
    },
    async (request) => receivableAgencies(deps, requireActor(request), request.query.procedure),
  );

  app.get(
    '/api/v1/dossiers/intake-next-step',
    {
      schema: {
        tags,
        summary: 'Bước tiếp theo của hồ sơ tiếp nhận tại quầy và những người nhận được bước đó',
        querystring: IntakeNextStepQuery,
        response: { 200: IntakeNextStep, ...errors },
      },
    },
    async (request) =>
      intakeNextStep(deps, requireActor(request), {
        ...request.query,
        channel: request.query.channel ?? 'direct',
      }),
  );

  app.get(
    '/api/v1/dossiers/counts',
    {
      schema: {
        tags,
        summary: 'Số hồ sơ trong từng danh mục công việc của người dùng',
        response: { 200: WorklistCounts, ...errors },
      },
    },
    async (request) => countWorklists(deps, requireActor(request)),
  );

  app.get(
    '/api/v1/dossiers/changes',
    {
      schema: {
        tags,
        summary: 'Hồ sơ trong phạm vi người dùng có thao tác của người khác từ lần đăng nhập trước',
        response: { 200: DossierChanges, ...errors },
      },
    },
    async (request) => changesSinceSignIn(deps, requireActor(request)),
  );

  app.get(
    '/api/v1/dossiers/:code',
    {
      schema: {
        tags,
        summary:
          'Hồ sơ: trạng thái, các bước và hạn, lịch sử xử lý (công dân: không kèm thông tin cán bộ xử lý)',
        params: DossierCodeParams,
        response: { 200: DossierReadView, ...errors },
      },
    },
    async (request) => getDossier(deps, requireCaller(request), request.params.code),
  );

  app.get(
    '/api/v1/dossiers/:code/actions',
    {
      schema: {
        tags,
        summary: 'Các thao tác người dùng được làm với hồ sơ lúc này, kèm các trường cần nhập',
        params: DossierCodeParams,
        response: { 200: AllowedActionsResponse, ...errors },
      },
    },
    async (request) => actionsFor(deps, requireCaller(request), request.params.code),
  );

  app.post(
    '/api/v1/dossiers/:code/actions/:action',
    {
      schema: {
        tags,
        summary: 'Thực hiện một thao tác (If-Match: phiên bản hồ sơ; Idempotency-Key để gửi lại an toàn)',
        params: ActionParams,
        headers: ActionHeaders,
        body: Type.Object({}, { additionalProperties: true }),
        response: { 200: DossierReadView, ...errors },
      },
    },
    async (request) =>
      performAction(deps, requireCaller(request), {
        code: request.params.code,
        kind: request.params.action,
        input: request.body,
        ifMatch: Number(request.headers['if-match'].replace(/"/g, '')),
        idempotencyKey: request.headers['idempotency-key'],
        requestId: request.id,
      }),
  );

  app.get(
    '/api/v1/dossiers/:code/attachments',
    {
      schema: {
        tags,
        summary:
          'Giấy tờ của hồ sơ: thành phần đã nộp (hình thức, tệp), giấy tờ bổ sung và kết quả giải quyết, kèm thông tin tệp',
        params: DossierCodeParams,
        response: { 200: DossierAttachments, ...errors },
      },
    },
    async (request) => listAttachments(deps, requireCaller(request), request.params.code),
  );

  app.get(
    '/api/v1/dossiers/:code/attachments/:fileId',
    {
      schema: {
        tags,
        summary:
          'Tải một tệp của hồ sơ (cán bộ xem được hồ sơ, người nộp; tệp hồ sơ không có: 404; mỗi lần cán bộ mở được ghi nhật ký)',
        params: AttachmentParams,
        querystring: Type.Object(
          {
            inline: Type.Optional(
              Type.Boolean({ description: 'Để xem ngay trong trang hồ sơ (không tải về); mặc định tải về' }),
            ),
          },
          { additionalProperties: false },
        ),
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: { type: 'string', format: 'binary' }, ...errors },
      },
    },
    async (request, reply) => {
      const file = await attachmentFile(deps, requireCaller(request), {
        code: request.params.code,
        fileId: request.params.fileId,
        requestId: request.id,
      });
      return sendPrivateDownload(reply, file, { inline: request.query.inline });
    },
  );

  app.get(
    '/api/v1/dossiers/:code/slips/:kind',
    {
      schema: {
        tags,
        summary: 'Phiếu của hồ sơ dưới dạng PDF (Mẫu theo Thông tư 01/2018 hoặc 03/2025 theo ngày tiếp nhận)',
        params: Type.Object(
          { code: DossierCodeParams.properties.code, kind: Type.Enum(DOSSIER_SLIP_KINDS) },
          { additionalProperties: false },
        ),
        produces: ['application/pdf'],
        response: { 200: { type: 'string', format: 'binary' }, ...errors, ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      const pdf = await dossierSlip(deps, requireCaller(request), request.params.code, request.params.kind);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${request.params.code}-${request.params.kind}.pdf"`)
        .send(pdf as never);
    },
  );

  app.get(
    '/api/v1/desks/:agencyCode/tracking-book',
    {
      schema: {
        tags,
        summary: 'Sổ theo dõi hồ sơ của bộ phận một cửa trong một khoảng ngày (PDF hoặc XLSX)',
        params: Type.Object({ agencyCode: AgencyCode }, { additionalProperties: false }),
        querystring: Type.Object(
          { from: IsoDate, to: IsoDate, format: Type.Optional(Type.Enum(['pdf', 'xlsx'] as const)) },
          { additionalProperties: false },
        ),
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: { type: 'string', format: 'binary' }, ...errors, ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'pdf';
      const file = await trackingBook(deps, requireActor(request), {
        agencyCode: request.params.agencyCode,
        period: request.query,
        format,
      });
      const type =
        format === 'xlsx'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'application/pdf';
      return reply
        .type(type)
        .header(
          'content-disposition',
          `attachment; filename="so-theo-doi-${request.params.agencyCode}-${request.query.from}.${format}"`,
        )
        .send(file as never);
    },
  );

  app.get(
    '/api/v1/public/dossiers/:code',
    {
      schema: {
        tags,
        summary:
          'Tra cứu hồ sơ theo mã (công khai): trạng thái, ngày, nơi tiếp nhận; thủ tục và tên người nộp (được che) khi có thêm 4 số cuối số định danh hoặc số điện thoại',
        security: [],
        params: Type.Object(
          { code: Type.String({ minLength: 1, maxLength: 40 }) },
          { additionalProperties: false },
        ),
        querystring: PublicLookupQuery,
        response: { 200: PublicDossier, ...errorResponses(404, 429) },
      },
      config: rateLimited({
        max: 30,
        windowMs: 60_000,
        refuse: (headers) => fail('DOSSIER_LOOKUP_TOO_MANY', { headers }),
      }),
    },
    async (request) => {
      const found = await publicLookup(deps, request.params.code.trim().toUpperCase(), request.query.digits);
      // One answer for a code that does not exist and one that cannot be shown.
      if (!found) throw fail('DOSSIER_LOOKUP_NOT_FOUND');
      return found;
    },
  );
}
