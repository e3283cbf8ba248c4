// The result register and the public verification over HTTP (#19; docs/domain/signatures-product.md).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import {
  CreateSigningSession,
  PluginUploadAnswer,
  SigningOptions,
  SigningSessionParams,
  SigningSessionTokenQuery,
  SigningSessionView,
  ResultRegisterPage,
  ResultRegisterParams,
  ResultRegisterQuery,
  ResultTokenParams,
  VerifyAnswer,
  VerifyResultAnswer,
} from '../../../common/contracts/signing.ts';
import { vnDate } from '../../../common/time/vn-time.ts';
import { requireActor } from '../auth/index.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';
import { sendPrivateDownload } from '../../platform/http/download.ts';
import { isSigningError } from '../../platform/signing/index.ts';
import { listResultRegister } from './result-register.ts';
import { verifyDocument, verifyResultToken } from './verification.ts';
import { fail } from './signatures.errors.ts';
import { DossierCodeParams } from '../../../common/contracts/dossiers.ts';
import {
  acceptPluginUpload,
  createSigningSession,
  getSigningSession,
  sessionFile,
  signingOptions,
  type SignableDossierOf,
} from './signing-sessions.ts';

const tags = ['signatures'];
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

/** The one PDF of a multipart body (any field name; text fields are ignored), at most 20 MB. */
export async function uploadedPdf(request: FastifyRequest): Promise<{ bytes: Buffer; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw fail('SIGNATURES_FILE_MISSING', { details: [{ path: 'file', message: 'Gửi tệp dạng multipart/form-data.' }] });
  }
  const fields: Record<string, string> = {};
  let bytes: Buffer | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_VERIFY_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 1000 } })) {
      if (part.type === 'file') {
        bytes = await part.toBuffer();
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch {
    throw fail('SIGNATURES_FILE_UNREADABLE', { details: [{ path: 'file', message: 'Tối đa một tệp PDF 20 MB.' }] });
  }
  if (bytes === null || bytes.length === 0) {
    throw fail('SIGNATURES_FILE_MISSING', { details: [{ path: 'file', message: 'Cần một tệp PDF.' }] });
  }
  return { bytes, fields };
}

/** A library error on a damaged PDF is the caller's file, never a 500. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isSigningError(err)) throw err;
    if (err instanceof Error && err.name === 'AppError') throw err;
    throw fail('SIGNATURES_NOT_PDF', { details: [{ path: 'file', message: 'Không đọc được tệp PDF.' }] });
  }
}

export function registerSignatureRoutes(root: FastifyInstance, deps: Deps, of: SignableDossierOf): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const limited = (max: number) =>
    rateLimited({ max, windowMs: 60_000, refuse: (headers) => fail('SIGNATURES_VERIFY_TOO_MANY', { headers }) });

  app.get(
    '/api/v1/agencies/:code/result-register',
    {
      schema: {
        tags,
        summary: 'Sổ văn bản kết quả của cơ quan theo năm (lãnh đạo, thanh tra, quản trị cấp tỉnh trong phạm vi)',
        params: ResultRegisterParams,
        querystring: ResultRegisterQuery,
        response: { 200: ResultRegisterPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      return listResultRegister(deps, actor, {
        code: request.params.code,
        year: q.year ?? Number(vnDate(deps.clock.now()).slice(0, 4)),
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 50,
      });
    },
  );

  app.post(
    '/api/v1/public/verify',
    {
      schema: {
        tags,
        summary: 'Kiểm tra chữ ký số của một tệp PDF (công khai; multipart, một tệp ≤ 20 MB)',
        security: [],
        consumes: ['multipart/form-data'],
        response: { 200: VerifyAnswer, ...errorResponses(400, 413, 415, 422, 429) },
      },
      config: limited(20),
    },
    async (request) => {
      const { bytes } = await uploadedPdf(request);
      return guarded(() => verifyDocument(deps, bytes));
    },
  );

  app.get(
    '/api/v1/public/verify/results/:token',
    {
      schema: {
        tags,
        summary: 'Xác thực văn bản kết quả theo mã trên mã QR (công khai), kèm đường dẫn tải bản đã ký',
        security: [],
        params: ResultTokenParams,
        response: { 200: VerifyResultAnswer, ...errorResponses(400, 404, 429) },
      },
      config: limited(60),
    },
    async (request) => (await verifyResultToken(deps, request.params.token)).answer,
  );

  app.get(
    '/api/v1/public/verify/results/:token/file',
    {
      schema: {
        tags,
        summary: 'Tải văn bản kết quả đã ký số theo mã trên mã QR (công khai)',
        security: [],
        params: ResultTokenParams,
        produces: ['application/pdf'],
        response: { 200: { type: 'string', format: 'binary' }, ...errorResponses(400, 404, 429) },
      },
      config: limited(60),
    },
    async (request, reply) => {
      const { answer, bytes } = await verifyResultToken(deps, request.params.token);
      return sendPrivateDownload(reply, { bytes, mediaType: 'application/pdf', fileName: answer.fileName });
    },
  );

  app.get(
    '/api/v1/dossiers/:code/signing-options',
    {
      schema: {
        tags,
        summary: 'Cách ký số kết quả người phê duyệt được dùng cho hồ sơ này, và số tiếp theo trong sổ',
        params: DossierCodeParams,
        response: { 200: SigningOptions, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => signingOptions(deps, requireActor(request), { code: request.params.code, of }),
  );

  app.post(
    '/api/v1/dossiers/:code/signing-sessions',
    {
      schema: {
        tags,
        summary:
          'Ký số dự thảo kết quả (PDF đã tải lên) trước khi phê duyệt: con dấu của cơ quan, ký số từ xa, hoặc USB token qua VGCA plugin',
        params: DossierCodeParams,
        body: CreateSigningSession,
        response: { 201: SigningSessionView, ...errorResponses(400, 401, 403, 404, 422, 503) },
      },
    },
    async (request, reply) => {
      const view = await createSigningSession(deps, requireActor(request), {
        code: request.params.code,
        body: request.body,
        of,
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/v1/signing/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Một phiên ký số của chính người mở phiên (trạng thái, tệp đã ký, các chữ ký)',
        params: SigningSessionParams,
        response: { 200: SigningSessionView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => getSigningSession(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/signing/sessions/:id/file',
    {
      schema: {
        tags,
        summary: 'Tệp cần ký của phiên (VGCA plugin tải về; mã phiên trong ?token=)',
        security: [],
        params: SigningSessionParams,
        querystring: SigningSessionTokenQuery,
        produces: ['application/pdf'],
        response: { 200: { type: 'string', format: 'binary' }, ...errorResponses(400, 403, 404, 409, 429) },
      },
      config: limited(60),
    },
    async (request, reply) => {
      const file = await sessionFile(deps, { id: request.params.id, token: request.query.token });
      return sendPrivateDownload(reply, { bytes: file.bytes, mediaType: 'application/pdf', fileName: file.fileName });
    },
  );

  app.post(
    '/api/v1/signing/sessions/:id/signed',
    {
      schema: {
        tags,
        summary:
          'Nhận tệp đã ký số từ VGCA plugin (FileUploadHandler): multipart, một tệp PDF; mã phiên trong ?token= hoặc trường sessionToken/SessionId',
        security: [],
        params: SigningSessionParams,
        querystring: SigningSessionTokenQuery,
        consumes: ['multipart/form-data'],
        response: { 200: PluginUploadAnswer, ...errorResponses(400, 403, 404, 409, 429) },
      },
      config: limited(30),
    },
    async (request) => {
      const { bytes, fields } = await uploadedPdf(request);
      const token = request.query.token ?? fields.sessionToken ?? fields.SessionId;
      return guarded(() => acceptPluginUpload(deps, { id: request.params.id, token, bytes, of }));
    },
  );
}
