// The applicant's document store over HTTP: the citizen's own records and their files, and the desk
// officer's lookup of an applicant's records (docs/domain/documents.md).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import { fail } from './documents.errors.ts';
import {
  ApplicantDocumentList,
  ApplicantDocumentParams,
  ApplicantParams,
  DocumentsQuery,
  OwnDocumentParams,
} from '../../../common/contracts/documents.ts';
import { requireCaller } from '../auth/index.ts';
import { requireCitizen } from '../citizens/index.ts';
import {
  applicantDocumentFile,
  listApplicantDocuments,
  listOwnDocuments,
  ownDocumentFile,
} from './documents.service.ts';
import { sendPrivateDownload } from '../../platform/http/download.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';

const tags = ['documents'];
const errors = errorResponses(400, 401, 403, 404);

const pageOf = (q: { page?: number | undefined; pageSize?: number | undefined }, size: number) => {
  const limit = q.pageSize ?? size;
  return { offset: ((q.page ?? 1) - 1) * limit, limit };
};

export function registerDocumentRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/portal/documents',
    {
      schema: {
        tags,
        summary:
          'Giấy tờ của tôi (kho dữ liệu, công dân): kết quả giải quyết thủ tục đã cấp cho tôi, mới nhất trước',
        security: [{ citizen: [] }],
        querystring: DocumentsQuery,
        response: { 200: ApplicantDocumentList, ...errors },
      },
    },
    async (request) => listOwnDocuments(deps, requireCitizen(request), pageOf(request.query, 20)),
  );

  app.get(
    '/api/v1/portal/documents/:documentId/file',
    {
      schema: {
        tags,
        summary: 'Tải tệp một giấy tờ của tôi (công dân; giấy tờ của người khác: 404)',
        security: [{ citizen: [] }],
        params: OwnDocumentParams,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: { type: 'string', format: 'binary' }, ...errors },
      },
    },
    async (request, reply) => {
      const file = await ownDocumentFile(deps, requireCitizen(request), request.params.documentId);
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.bytes as never);
    },
  );

  app.get(
    '/api/v1/applicants/:idNumber/documents',
    {
      schema: {
        tags,
        summary:
          'Kho dữ liệu của người nộp theo số định danh hoặc mã số thuế (cán bộ một cửa khi tiếp nhận; trong tỉnh; mỗi lần tra cứu được ghi nhật ký)',
        params: ApplicantParams,
        querystring: DocumentsQuery,
        response: { 200: ApplicantDocumentList, ...errors },
      },
    },
    async (request) => {
      const caller = requireCaller(request);
      if (caller.kind !== 'staff') throw fail('DOCUMENT_LOOKUP_STAFF_ONLY');
      return listApplicantDocuments(deps, caller.actor, {
        idNumber: request.params.idNumber,
        page: pageOf(request.query, 50),
        requestId: request.id,
      });
    },
  );

  app.get(
    '/api/v1/applicants/:idNumber/documents/:documentId/file',
    {
      schema: {
        tags,
        summary:
          'Tải tệp một giấy tờ trong kho dữ liệu của người nộp (cán bộ một cửa, trong tỉnh; để xem trước khi dùng lại; mỗi lần mở được ghi nhật ký)',
        params: ApplicantDocumentParams,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: { type: 'string', format: 'binary' }, ...errors },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      if (caller.kind !== 'staff') throw fail('DOCUMENT_LOOKUP_STAFF_ONLY');
      const file = await applicantDocumentFile(deps, caller.actor, {
        idNumber: request.params.idNumber,
        documentId: request.params.documentId,
        requestId: request.id,
      });
      return sendPrivateDownload(reply, file);
    },
  );
}
