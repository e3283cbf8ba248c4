// Imports over HTTP: the file is the request's body (JSON lines streamed, a workbook read whole), the
// run goes on in this process after the 202, and the screen follows it by GET (issue #17 contract).
import type { Readable } from 'node:stream';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import {
  DossierImportQuery,
  ImportCreated,
  ImportList,
  ImportParams,
  ImportQuery,
  ImportView,
} from '../../../common/contracts/imports.ts';
import { requireActor } from '../auth/index.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { fail } from './imports.errors.ts';
import { createImport, importScope, runImport, wallClock } from './imports.service.ts';
import { getImport, importSummary, listImports } from './imports.views.ts';
import { XLSX_MAX_BYTES, dossierTemplateXlsx, streamLines, xlsxLines } from './import-sources.ts';

const tags = ['imports'];
const streams = new WeakMap<FastifyRequest, Readable>();
const errors = errorResponses(400, 401, 403);

async function readWhole(stream: Readable, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > max) throw fail('IMPORT_FILE_TOO_LARGE', { params: { limit: `${max / 1024 ** 2} MB` } });
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}

/**
 * The runs an app has going after their answers: when it closes, each stops after its batch (its
 * lease given back: a resume goes on from there). A run that cannot go on is marked failed by
 * runImport itself.
 */
function backgroundRuns(deps: Deps) {
  const running = new Set<Promise<unknown>>();
  let closing = false;
  return {
    start(id: string, log: FastifyBaseLogger): void {
      const run = runImport(deps, id, () => !closing).then(
        (outcome) => log.info({ importId: id, outcome }, 'import run ended'),
        (err: unknown) => log.error({ err, importId: id }, 'import run stopped'),
      );
      running.add(run);
      void run.finally(() => running.delete(run));
    },
    async close(): Promise<void> {
      closing = true;
      await Promise.all(running);
    },
  };
}

export function registerImportRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const runs = backgroundRuns(deps);
  root.addHook('onClose', () => runs.close());

  // The file arrives as the body's own bytes, whatever its declared type, and is read as a stream.
  void root.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // The stream is kept aside, not made the body: the edge checks (storable input, undeclared
    // bodies) read parsed bodies, and this one is read by the handler as it streams in.
    scope.addContentTypeParser('*', (request, payload, done) => {
      streams.set(request, payload);
      done(null, undefined);
    });
    const files = scope.withTypeProvider<TypeBoxTypeProvider>();
    files.post(
      '/api/v1/imports/dossiers',
      {
        schema: {
          tags,
          summary:
            'Nhập hồ sơ từ hệ thống cũ (quản trị cấp tỉnh hoặc đơn vị): thân yêu cầu là tệp — JSON lines theo bản ghi đồng bộ DVCQG (format=dvcqg), bản xuất OpenCPS (opencps) hoặc mẫu Excel (xlsx); mặc định chạy thử (dryRun=true, không ghi gì ngoài báo cáo); trả 202 và mã lần nhập để theo dõi',
          querystring: DossierImportQuery,
          response: { 202: ImportCreated, ...errors, ...errorResponses(413) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (importScope(actor).length === 0) throw fail('IMPORT_ADMINS_ONLY');
        const format = request.query.format ?? 'dvcqg';
        const body = streams.get(request);
        if (body === undefined)
          throw fail('IMPORT_FILE_INVALID', {
            details: [{ path: 'body', message: 'Thiếu tệp nhập (thân yêu cầu).' }],
          });
        const lines =
          format === 'xlsx' ? await xlsxLines(await readWhole(body, XLSX_MAX_BYTES)) : streamLines(body);
        const id = await createImport(deps, actor, {
          kind: 'dossiers',
          format,
          dryRun: request.query.dryRun !== 'false',
          fileName: request.query.fileName ?? null,
          lines,
          requestId: request.id,
        });
        runs.start(id, request.log);
        return reply.status(202).send({ id });
      },
    );
  });

  app.get(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary:
          'Các lần nhập dữ liệu người dùng được xem (của mình, hoặc trong tỉnh với quản trị cấp tỉnh), mới nhất trước',
        response: { 200: ImportList, ...errors },
      },
    },
    async (request) => ({ items: await listImports(deps, requireActor(request)) }),
  );

  app.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags,
        summary:
          'Tiến độ một lần nhập (đã xử lý, chấp nhận, từ chối, số bản ghi mỗi giây, thời gian còn lại) và một trang báo cáo từng bản ghi (dòng, mã, kết quả, lý do)',
        params: ImportParams,
        querystring: ImportQuery,
        response: { 200: ImportView, ...errors, ...errorResponses(404) },
      },
    },
    async (request) => getImport(deps, requireActor(request), { id: request.params.id, ...request.query }),
  );

  app.get(
    '/api/v1/imports/:id/summary.csv',
    {
      schema: {
        tags,
        summary: 'Tải bản tổng hợp một lần nhập (CSV UTF-8): các con số và từng bản ghi với kết quả, lý do',
        params: ImportParams,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errors, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const summary = await importSummary(deps, requireActor(request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${summary.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(summary.stream as never);
    },
  );

  app.post(
    '/api/v1/imports/:id/resume',
    {
      schema: {
        tags,
        summary:
          'Tiếp tục một lần nhập bị dừng giữa chừng, từ lô chưa ghi (khi không tiến trình nào đang chạy nó)',
        params: ImportParams,
        response: { 202: ImportCreated, ...errors, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const view = await getImport(deps, actor, { id: request.params.id, pageSize: 1 });
      const lease = await deps.db
        .selectFrom('imports')
        .select('locked_until')
        .where('import_id', '=', view.id)
        .executeTakeFirstOrThrow();
      if (
        view.state !== 'running' ||
        (lease.locked_until !== null && new Date(lease.locked_until) > wallClock())
      )
        throw fail('IMPORT_NOT_RESUMABLE');
      runs.start(view.id, request.log);
      return reply.status(202).send({ id: view.id });
    },
  );

  app.get(
    '/api/v1/imports/templates/dossiers.xlsx',
    {
      schema: {
        tags,
        summary:
          'Mẫu Excel nhập hồ sơ (quản trị): trang HoSo một hồ sơ một dòng theo trường DVCQG, các trang danh sách nối bằng MaHoSo',
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: Type.String(), ...errors },
      },
    },
    async (request, reply) => {
      if (importScope(requireActor(request)).length === 0) throw fail('IMPORT_ADMINS_ONLY');
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="mau-nhap-ho-so.xlsx"')
        .send((await dossierTemplateXlsx(deps.clock.now())) as never);
    },
  );
}
