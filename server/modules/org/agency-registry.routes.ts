// The agency registry over HTTP (#16.2): one agency read and changed, its receiving points, and the
// import of the province's codes (the file's bytes as the body: text/csv or .xlsx, at most 5 MB).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import {
  AGENCY_IMPORT_FILE_MAX_BYTES,
  AGENCY_IMPORT_MEDIA_TYPES,
  AgencyClosureBody,
  AgencyDetail,
  AgencyImportPlanView,
  AgencyImportQuery,
  AgencyParams,
  CreateAgencyBody,
  DeskBody,
  DeskList,
  DeskParams,
  DeskView,
  UpdateAgencyBody,
} from '../../../common/contracts/org-registry.ts';
import { requireActor } from '../auth/index.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { fileRoutes, uploadedBytes } from '../../platform/http/uploaded-file.ts';
import { fail } from './org.errors.ts';
import { createAgency, getAgency, updateAgency } from './agency-registry.service.ts';
import { closeAgency } from './agency-closure.service.ts';
import { addDesk, deleteDesk, listDesks, renameDesk } from './agency-desks.service.ts';
import { applyAgencyImport, dryRunAgencyImport } from './agency-registry.import.ts';

const tags = ['org'];
const errors = errorResponses(400, 401, 403, 404, 409);

const fileOf = (request: FastifyRequest): Uint8Array =>
  uploadedBytes(request, AGENCY_IMPORT_MEDIA_TYPES, () => fail('ORG_AGENCY_IMPORT_MEDIA_TYPE'));

export function registerAgencyRegistryRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/agencies',
    {
      schema: {
        tags,
        summary:
          'Tạo cơ quan (quản trị cấp tỉnh): mã định danh dạng QCVN 102:2016 hoặc QĐ 20/2020 thuộc mã cấp 1 của tỉnh, đơn vị hành chính đang có hiệu lực, cơ quan cấp trên đang hoạt động; có bộ phận tiếp nhận nếu hasDesk; ghi nhật ký',
        body: CreateAgencyBody,
        response: { 201: AgencyDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createAgency(deps, requireActor(request), { body: request.body, requestId: request.id })),
  );

  app.get(
    '/api/v1/agencies/:code',
    {
      schema: {
        tags,
        summary:
          'Một cơ quan: mã định danh (dạng, cấp), loại, đơn vị, cơ quan cấp trên, bộ phận tiếp nhận, và những gì người dùng được thay đổi',
        params: AgencyParams,
        response: { 200: AgencyDetail, ...errors },
      },
    },
    async (request) => getAgency(deps, requireActor(request), request.params.code),
  );

  app.patch(
    '/api/v1/agencies/:code',
    {
      schema: {
        tags,
        summary:
          'Đổi tên (quản trị đơn vị hoặc cấp tỉnh), đổi mã định danh hoặc chuyển sang cơ quan cấp trên khác (quản trị cấp tỉnh); mã hồ sơ đã cấp giữ mã cũ; ghi nhật ký từng thay đổi',
        params: AgencyParams,
        body: UpdateAgencyBody,
        response: { 200: AgencyDetail, ...errors },
      },
    },
    async (request) =>
      updateAgency(deps, requireActor(request), {
        code: request.params.code,
        body: request.body,
        requestId: request.id,
      }),
  );

  app.post(
    '/api/v1/agencies/:code/closure',
    {
      schema: {
        tags,
        summary:
          'Đóng cơ quan từ ngày closedOn (quản trị cấp tỉnh); từ chối khi còn hồ sơ đang giải quyết (bàn giao bằng POST /api/v1/reorganisations), cơ quan trực thuộc hoặc vai trò cán bộ; ghi nhật ký',
        params: AgencyParams,
        body: AgencyClosureBody,
        response: { 200: AgencyDetail, ...errors },
      },
    },
    async (request) =>
      closeAgency(deps, requireActor(request), {
        code: request.params.code,
        closedOn: request.body.closedOn,
        requestId: request.id,
      }),
  );

  app.get(
    '/api/v1/agencies/:code/desks',
    {
      schema: {
        tags,
        summary: 'Các bộ phận tiếp nhận và trả kết quả của một cơ quan',
        params: AgencyParams,
        response: { 200: DeskList, ...errors },
      },
    },
    async (request) => listDesks(deps, requireActor(request), request.params.code),
  );

  app.post(
    '/api/v1/agencies/:code/desks',
    {
      schema: {
        tags,
        summary: 'Thêm bộ phận tiếp nhận cho cơ quan (quản trị đơn vị hoặc cấp tỉnh); ghi nhật ký',
        params: AgencyParams,
        body: DeskBody,
        response: { 201: DeskView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await addDesk(deps, requireActor(request), {
          code: request.params.code,
          name: request.body.name,
          requestId: request.id,
        }),
      ),
  );

  app.patch(
    '/api/v1/desks/:id',
    {
      schema: {
        tags,
        summary: 'Đổi tên bộ phận tiếp nhận (quản trị đơn vị hoặc cấp tỉnh); ghi nhật ký',
        params: DeskParams,
        body: DeskBody,
        response: { 200: DeskView, ...errors },
      },
    },
    async (request) =>
      renameDesk(deps, requireActor(request), {
        id: request.params.id,
        name: request.body.name,
        requestId: request.id,
      }),
  );

  app.delete(
    '/api/v1/desks/:id',
    {
      schema: {
        tags,
        summary:
          'Bỏ bộ phận tiếp nhận (quản trị đơn vị hoặc cấp tỉnh); không bỏ được bộ phận cuối cùng khi cơ quan còn cán bộ một cửa; ghi nhật ký',
        params: DeskParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteDesk(deps, requireActor(request), { id: request.params.id, requestId: request.id });
      return reply.status(204).send(null);
    },
  );

  // The code list arrives as the file's own bytes, whatever its type; the handler takes CSV and XLSX.
  fileRoutes(root, AGENCY_IMPORT_FILE_MAX_BYTES, (scope) => {
    const files = scope.withTypeProvider<TypeBoxTypeProvider>();
    const importSchema = (summary: string) => ({
      tags,
      summary,
      consumes: [...AGENCY_IMPORT_MEDIA_TYPES],
      querystring: AgencyImportQuery,
      response: { 200: AgencyImportPlanView, ...errors, ...errorResponses(413, 415) },
    });
    files.post(
      '/api/v1/agencies/import/dry-run',
      {
        bodyLimit: AGENCY_IMPORT_FILE_MAX_BYTES,
        schema: importSchema(
          'Chạy thử nhập danh sách mã định danh của tỉnh (CSV hoặc XLSX: mã, tên, mã cấp trên, cấp, mã cũ; quản trị cấp tỉnh): từng dòng sẽ tạo, đổi mã, chuyển, đổi tên, giữ nguyên hay lỗi và vì sao; không ghi gì',
        ),
      },
      async (request) =>
        dryRunAgencyImport(deps, requireActor(request), {
          bytes: fileOf(request),
          provinceCode: request.query.provinceCode,
        }),
    );
    files.post(
      '/api/v1/agencies/import',
      {
        bodyLimit: AGENCY_IMPORT_FILE_MAX_BYTES,
        schema: importSchema(
          'Nhập danh sách mã định danh của tỉnh: lập lại kế hoạch trong giao dịch; còn dòng lỗi thì từ chối cả danh sách (nêu từng dòng), không lỗi thì áp dụng mọi dòng cùng lúc, ghi một mục nhật ký liệt kê các thay đổi',
        ),
      },
      async (request) =>
        applyAgencyImport(deps, requireActor(request), {
          bytes: fileOf(request),
          provinceCode: request.query.provinceCode,
          requestId: request.id,
        }),
    );
  });
}
