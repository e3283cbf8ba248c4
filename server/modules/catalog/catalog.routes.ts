import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import {
  CodeParams,
  CodeVersionParams,
  DraftEditorResponse,
  SaveDraftContentBody,
  SaveDraftContentResponse,
  Flag,
  FormValidatorModule,
  FormValidatorQuery,
  ImportBody,
  ImportQuery,
  ImportReport,
  NotModified,
  OfferingsBody,
  OfferingsResponse,
  ProcedureDetail,
  ProceduresQuery,
  PUBLISHED_LIST_MEDIA_TYPES,
  PublishedListReport,
  ProceduresResponse,
  PutWorkflowBody,
  UpdateDraftBody,
  ValidateFormBody,
  ValidateFormResponse,
  VersionState,
  VersionsResponse,
  WorkflowQuery,
  WorkflowResponse,
} from '../../../common/contracts/catalog.ts';
import { Type } from 'typebox';

import { requireActor } from '../auth/index.ts';
import { getProcedure, listProcedures, listVersions } from './catalog.service.ts';
import { exportCatalogue, importCatalogue } from './catalog-import.service.ts';
import { importPublishedList, PUBLISHED_LIST_MAX_BYTES } from './catalog-published-list.ts';
import { fileRoutes, uploadedBytes } from '../../platform/http/uploaded-file.ts';
import { fail } from './catalog.errors.ts';
import { getFormValidatorModule, validateDeclaration } from './catalog-forms.service.ts';
import {
  createDraft,
  publishVersion,
  retireVersion,
  updateDraft,
  type VersionChange,
} from './catalog-versions.service.ts';
import { getDraftEditor, saveDraftContent } from './catalog-editor.service.ts';
import { setOfferings } from './catalog-offerings.service.ts';
import { getReceivableAnywhere, setReceivableAnywhere } from './catalog-receivable.service.ts';
import { getWorkflow, putWorkflow } from './catalog-workflows.service.ts';
import { requireCatalogueEditor } from './catalog.policy.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';

const ReceivableAnywhere = Type.Object(
  {
    provinces: Type.Array(
      Type.Object({ provinceCode: Type.String(), since: Type.String() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const tags = ['catalog'];

/** Whether an If-None-Match header names `etag` (weak comparison, as for GET; `*` matches anything). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** The version a request names (`…/versions/:version`), with the request's id for the audit. */
function versionChange(request: { params: { code: string; version: number }; id: string }): VersionChange {
  return { code: request.params.code, version: request.params.version, requestId: request.id };
}

export function registerCatalogRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/procedures',
    {
      schema: {
        tags,
        summary: 'Tìm thủ tục hành chính (công khai; không phân biệt dấu, không theo thứ tự từ)',
        security: [],
        querystring: ProceduresQuery,
        response: { 200: ProceduresResponse, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const pageSize = q.pageSize ?? 20;
      return listProcedures(deps, { ...q, offset: ((q.page ?? 1) - 1) * pageSize, limit: pageSize });
    },
  );

  app.get(
    '/api/v1/procedures/export',
    {
      schema: {
        tags,
        summary: 'Xuất danh mục (định dạng tệp nhập) — các phiên bản đang áp dụng',
        security: [],
        response: {
          200: Type.Object({ procedures: Type.Array(Type.Object({}, { additionalProperties: true })) }),
        },
      },
    },
    async () => exportCatalogue(deps),
  );

  app.post(
    '/api/v1/procedures/import',
    {
      schema: {
        tags,
        summary: 'Nhập danh mục; mặc định chỉ chạy thử (dryRun=true)',
        querystring: ImportQuery,
        body: ImportBody,
        response: { 200: ImportReport, ...errors },
      },
      // The national catalogue as the dataset ships it is 48 MB of JSON.
      bodyLimit: 64 * 1024 * 1024,
    },
    async (request) => {
      const actor = requireActor(request);
      requireCatalogueEditor(actor);
      return importCatalogue(deps, { userId: actor.userId, label: actor.username }, request.body, {
        dryRun: request.query.dryRun ?? true,
        requestId: request.id,
      });
    },
  );

  // The province's published list arrives as the file's own bytes (XLSX or CSV).
  fileRoutes(root, PUBLISHED_LIST_MAX_BYTES, (scope) => {
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/procedures/import/published-list',
      {
        bodyLimit: PUBLISHED_LIST_MAX_BYTES,
        schema: {
          tags,
          summary:
            'Nhập danh sách thủ tục tỉnh công bố (XLSX hoặc CSV: Mã TTHC, và nếu có Tên thủ tục, Lĩnh vực, Cấp thực hiện, Số quyết định công bố, Ngày hiệu lực): mỗi dòng lấy bản ghi của danh mục quốc gia với số và ngày hiệu lực của quyết định; mặc định chỉ chạy thử (dryRun=true)',
          consumes: [...PUBLISHED_LIST_MEDIA_TYPES],
          querystring: ImportQuery,
          response: { 200: PublishedListReport, ...errors, ...errorResponses(413, 415) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        requireCatalogueEditor(actor);
        const bytes = uploadedBytes(request, PUBLISHED_LIST_MEDIA_TYPES, () =>
          fail('CATALOG_PUBLISHED_LIST_MEDIA_TYPE'),
        );
        return importPublishedList(
          deps,
          { userId: actor.userId, label: actor.username },
          { bytes, dryRun: request.query.dryRun ?? true, requestId: request.id },
        );
      },
    );
  });

  app.get(
    '/api/v1/procedures/:code',
    {
      schema: {
        tags,
        summary:
          'Thủ tục (phiên bản đang áp dụng): thành phần hồ sơ, trường hợp, tờ khai, thời hạn, phí, nơi thực hiện',
        security: [],
        params: CodeParams,
        response: { 200: ProcedureDetail, ...errors },
      },
    },
    async (request) => getProcedure(deps, request.params.code, undefined, 'public'),
  );

  app.post(
    '/api/v1/procedures/:code/form/validate',
    {
      schema: {
        tags,
        summary: 'Kiểm tra dữ liệu tờ khai theo biểu mẫu của thủ tục (công khai)',
        security: [],
        params: CodeParams,
        body: ValidateFormBody,
        response: { 200: ValidateFormResponse, ...errors },
      },
    },
    async (request) => validateDeclaration(deps, request.params.code, request.body.formData),
  );

  app.get(
    '/api/v1/procedures/:code/form/validator.js',
    {
      schema: {
        tags,
        summary: 'Bộ kiểm tra tờ khai chạy trong trình duyệt (mã Ajv sinh sẵn, mô-đun ES; công khai)',
        description:
          'Cùng quy tắc với máy chủ (POST …/form/validate), không cần `eval` nên chạy được dưới CSP ' +
          "script-src 'self'. Mặc định là phiên bản đang áp dụng; `version` chọn phiên bản khác (bản nháp: " +
          'chỉ cán bộ đã đăng nhập). ETag theo phiên bản; If-None-Match trùng → 304.',
        security: [],
        params: CodeParams,
        querystring: FormValidatorQuery,
        response: {
          200: {
            description: 'Mô-đun ES của bộ kiểm tra',
            content: { 'text/javascript': { schema: FormValidatorModule } },
          },
          304: NotModified,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const found = await getFormValidatorModule(deps, request.actor ?? null, {
        code: request.params.code,
        version: request.query.version,
      });
      // Kept by the browser and revalidated by its ETag: a newly published version changes the answer.
      reply.header('etag', found.etag).header('cache-control', 'public, no-cache');
      if (matchesEtag(request.headers['if-none-match'], found.etag)) return reply.code(304).send(undefined);
      return reply.type('text/javascript; charset=utf-8').send(found.source);
    },
  );

  app.get(
    '/api/v1/procedures/:code/versions',
    {
      schema: {
        tags,
        summary: 'Các phiên bản của thủ tục',
        params: CodeParams,
        response: { 200: VersionsResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return listVersions(deps, request.params.code);
    },
  );

  app.get(
    '/api/v1/procedures/:code/versions/:version',
    {
      schema: {
        tags,
        summary: 'Một phiên bản của thủ tục (kể cả bản nháp)',
        params: CodeVersionParams,
        response: { 200: ProcedureDetail, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return getProcedure(deps, request.params.code, request.params.version);
    },
  );

  app.post(
    '/api/v1/procedures/:code/versions',
    {
      schema: {
        tags,
        summary: 'Tạo bản nháp từ phiên bản đang áp dụng (quản trị cấp tỉnh)',
        params: CodeParams,
        response: { 201: VersionState, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createDraft(deps, requireActor(request), {
          code: request.params.code,
          requestId: request.id,
        }),
      ),
  );

  app.put(
    '/api/v1/procedures/:code/versions/:version',
    {
      schema: {
        tags,
        summary: 'Sửa bản nháp (bản ghi theo định dạng tệp danh mục, và tờ khai)',
        params: CodeVersionParams,
        body: UpdateDraftBody,
        response: {
          200: Type.Object({
            version: Type.Integer(),
            status: Type.String(),
            issues: Type.Array(Type.Object({}, { additionalProperties: true })),
            flags: Type.Array(Flag),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      updateDraft(deps, requireActor(request), { ...request.body, ...versionChange(request) }),
  );

  app.get(
    '/api/v1/procedures/:code/versions/:version/editor',
    {
      schema: {
        tags,
        summary:
          'Nội dung sửa được của một phiên bản (trường hợp, giấy tờ, phí, thời hạn, kết quả, tờ khai, mức độ trực tuyến), các vấn đề còn lại và phiên bản đang áp dụng để so sánh',
        params: CodeVersionParams,
        response: { 200: DraftEditorResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return getDraftEditor(deps, { code: request.params.code, version: request.params.version });
    },
  );

  app.put(
    '/api/v1/procedures/:code/versions/:version/content',
    {
      schema: {
        tags,
        summary:
          'Lưu nội dung bản nháp (được lưu cả khi còn thiếu); trả lời các vấn đề còn lại, mỗi vấn đề theo đường dẫn',
        params: CodeVersionParams,
        body: SaveDraftContentBody,
        response: { 200: SaveDraftContentResponse, ...errors },
      },
    },
    async (request) =>
      saveDraftContent(deps, requireActor(request), {
        ...versionChange(request),
        content: request.body.content,
      }),
  );

  app.post(
    '/api/v1/procedures/:code/versions/:version/publish',
    {
      schema: {
        tags,
        summary:
          'Công bố bản nháp; phiên bản cũ bị bãi bỏ (nội dung phải đủ: mọi vấn đề chặn được nêu theo đường dẫn; quy trình phải khớp thời hạn)',
        params: CodeVersionParams,
        response: { 200: VersionState, ...errors },
      },
    },
    async (request) => publishVersion(deps, requireActor(request), versionChange(request)),
  );

  app.post(
    '/api/v1/procedures/:code/versions/:version/retire',
    {
      schema: {
        tags,
        summary: 'Bãi bỏ phiên bản đang áp dụng',
        params: CodeVersionParams,
        response: { 200: VersionState, ...errors },
      },
    },
    async (request) => retireVersion(deps, requireActor(request), versionChange(request)),
  );

  app.put(
    '/api/v1/procedures/:code/offerings',
    {
      schema: {
        tags,
        summary: 'Các cơ quan thực hiện thủ tục trong tỉnh (quản trị cấp tỉnh)',
        params: CodeParams,
        body: OfferingsBody,
        response: { 200: OfferingsResponse, ...errors },
      },
    },
    async (request) =>
      setOfferings(deps, requireActor(request), {
        code: request.params.code,
        agencyCodes: request.body.agencyCodes,
        requestId: request.id,
      }),
  );

  app.get(
    '/api/v1/procedures/:code/workflow',
    {
      schema: {
        tags,
        summary: 'Quy trình nội bộ của thủ tục tại một cơ quan, với cơ quan thực hiện từng bước',
        params: CodeParams,
        querystring: WorkflowQuery,
        response: { 200: WorkflowResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return getWorkflow(deps, request.params.code, {
        agencyCode: request.query.agencyCode,
        channel: request.query.channel ?? 'direct',
        procedureVersion: request.query.procedureVersion,
      });
    },
  );

  app.put(
    '/api/v1/procedures/:code/workflow',
    {
      schema: {
        tags,
        summary: 'Đặt quy trình nội bộ (quản trị đơn vị cho cơ quan mình; quản trị cấp tỉnh cho mọi cơ quan)',
        params: CodeParams,
        body: PutWorkflowBody,
        response: { 200: Type.Object({ version: Type.Integer() }), ...errors },
      },
    },
    async (request) =>
      putWorkflow(deps, requireActor(request), {
        ...request.body,
        code: request.params.code,
        requestId: request.id,
      }),
  );

  app.get(
    '/api/v1/procedures/:code/receivable-anywhere',
    {
      schema: {
        tags,
        summary:
          'Thủ tục có được tiếp nhận tại bất kỳ bộ phận một cửa nào của tỉnh (không phụ thuộc địa giới hành chính) — trong các tỉnh của người dùng',
        params: CodeParams,
        response: { 200: ReceivableAnywhere, ...errors },
      },
    },
    async (request) => getReceivableAnywhere(deps, requireActor(request), request.params.code),
  );

  app.put(
    '/api/v1/procedures/:code/receivable-anywhere',
    {
      schema: {
        tags,
        summary:
          'Quản trị viên cấp tỉnh công bố (hoặc bỏ) thủ tục được tiếp nhận tại bất kỳ bộ phận một cửa nào của tỉnh mình; ghi nhật ký',
        params: CodeParams,
        body: Type.Object({ receivableAnywhere: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: ReceivableAnywhere, ...errors },
      },
    },
    async (request) =>
      setReceivableAnywhere(deps, requireActor(request), {
        code: request.params.code,
        receivableAnywhere: request.body.receivableAnywhere,
        requestId: request.id,
      }),
  );
}
