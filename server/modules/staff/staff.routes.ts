import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import {
  CreateStaffBody,
  PutGrantsBody,
  ResetPasswordBody,
  ResetPasswordResponse,
  StaffListResponse,
  StaffParams,
  StaffQuery,
  StaffView,
} from '../../../common/contracts/staff.ts';
import { requireActor } from '../auth/index.ts';
import {
  createStaff,
  getStaff,
  listStaff,
  replaceGrants,
  resetStaffPassword,
  setActive,
} from './staff.service.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { uploadedBytes } from '../../platform/http/uploaded-file.ts';
import {
  STAFF_IMPORT_FILE_MAX_BYTES,
  StaffImportQuery,
  StaffImportReport,
} from '../../../common/contracts/staff-import.ts';
import { AGENCY_IMPORT_MEDIA_TYPES } from '../../../common/contracts/org-registry.ts';
import { importStaff } from './staff-import.ts';
import { fail } from './staff.errors.ts';

const fileOf = (request: FastifyRequest): Uint8Array =>
  uploadedBytes(request, AGENCY_IMPORT_MEDIA_TYPES, () => fail('STAFF_IMPORT_MEDIA_TYPE'));

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const tags = ['staff'];

export function registerStaffRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/staff',
    {
      schema: {
        tags,
        summary:
          'Cán bộ có vai trò tại các cơ quan trong phạm vi của người dùng; với agencyCode và role: người giữ vai trò đó tại cơ quan (chọn người được phân công)',
        querystring: StaffQuery,
        response: { 200: StaffListResponse, ...errors },
      },
    },
    async (request) => listStaff(deps, requireActor(request), request.query),
  );

  app.post(
    '/api/v1/staff',
    {
      schema: {
        tags,
        summary: 'Tạo tài khoản cán bộ với mật khẩu ban đầu và vai trò (quản trị đơn vị, quản trị cấp tỉnh)',
        body: CreateStaffBody,
        response: { 201: StaffView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createStaff(deps, requireActor(request), request.body, request.id)),
  );

  app.get(
    '/api/v1/staff/:username',
    {
      schema: {
        tags,
        summary: 'Một cán bộ (trong phạm vi của người dùng)',
        params: StaffParams,
        response: { 200: StaffView, ...errors },
      },
    },
    async (request) => getStaff(deps, requireActor(request), request.params.username),
  );

  app.put(
    '/api/v1/staff/:username/grants',
    {
      schema: {
        tags,
        summary:
          'Thay toàn bộ vai trò của cán bộ; chỉ được giao, thu hồi vai trò tại cơ quan trong phạm vi quản trị',
        params: StaffParams,
        body: PutGrantsBody,
        response: { 200: StaffView, ...errors },
      },
    },
    async (request) =>
      replaceGrants(deps, requireActor(request), {
        username: request.params.username,
        body: request.body,
        requestId: request.id,
      }),
  );

  app.post(
    '/api/v1/staff/:username/password-reset',
    {
      schema: {
        tags,
        summary:
          'Đặt lại mật khẩu của cán bộ (mật khẩu tạm do hệ thống tạo, hiện một lần, hoặc do quản trị đặt); kết thúc các phiên, buộc đổi ở lần đăng nhập sau',
        params: StaffParams,
        body: ResetPasswordBody,
        response: { 200: ResetPasswordResponse, ...errors },
      },
    },
    async (request) =>
      resetStaffPassword(deps, requireActor(request), {
        username: request.params.username,
        password: request.body?.password,
        requestId: request.id,
      }),
  );

  for (const [verb, active, summary] of [
    ['deactivate', false, 'Khóa tài khoản cán bộ (kết thúc các phiên đăng nhập)'],
    ['activate', true, 'Mở khóa tài khoản cán bộ'],
  ] as const) {
    app.post(
      `/api/v1/staff/:username/${verb}`,
      {
        schema: { tags, summary, params: StaffParams, response: { 200: StaffView, ...errors } },
      },
      async (request) =>
        setActive(deps, requireActor(request), {
          username: request.params.username,
          active,
          requestId: request.id,
        }),
    );
  }

  // The staff list arrives as the file's own bytes (CSV or XLSX), whatever its type.
  void root.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: STAFF_IMPORT_FILE_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/staff/import',
      {
        bodyLimit: STAFF_IMPORT_FILE_MAX_BYTES,
        schema: {
          tags,
          summary:
            'Nhập tài khoản cán bộ từ danh sách (CSV hoặc XLSX: tên đăng nhập, họ và tên, vai trò, mã cơ quan; mỗi dòng một vai trò; quản trị đơn vị hoặc cấp tỉnh): chạy thử mặc định; không nhập mật khẩu — tài khoản mới đăng nhập lần đầu sau khi quản trị đặt lại mật khẩu',
          consumes: [...AGENCY_IMPORT_MEDIA_TYPES],
          querystring: StaffImportQuery,
          response: { 200: StaffImportReport, ...errors, ...errorResponses(413, 415) },
        },
      },
      async (request) =>
        importStaff(deps, requireActor(request), {
          bytes: fileOf(request),
          dryRun: request.query.dryRun,
          requestId: request.id,
        }),
    );
  });
}
