// GET /api/v1/portal-files/:code/:fileId?expires=&signature= — a file of a dossier, for the national
// portal, by the signed link an E1 record carried (portal-file-links.ts). Public: the link is the
// permission. A link not made for this dossier and file, or expired, is 403 naming the parameter; a file
// the dossier does not hold is 404. Each download is audited on the dossier's receiving agency's chain.
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import { appendAudit } from '../../platform/audit.ts';
import { sendPrivateDownload } from '../../platform/http/download.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { extensionOf } from '../files/index.ts';
import { PORTAL_FILE_PATH, portalFileLinkProblem } from './portal-file-links.ts';
import { fail } from './sync.errors.ts';

const Params = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    fileId: Type.String({ pattern: '^[0-9a-f-]{36}$' }),
  },
  { additionalProperties: false },
);
const Query = Type.Object(
  {
    expires: Type.Integer({ minimum: 0, maximum: 99_999_999_999 }),
    signature: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  },
  { additionalProperties: false },
);

/** Every file a dossier's components, supplements and results hold. */
function filesOf(row: { components: unknown; state: unknown }): Set<string> {
  const ids = new Set<string>();
  for (const c of (row.components ?? []) as { fileIds?: string[] }[])
    for (const f of c.fileIds ?? []) ids.add(f);
  const state = (row.state ?? {}) as { resultDocuments?: { fileId?: string | null }[] };
  for (const r of state.resultDocuments ?? []) if (r.fileId) ids.add(r.fileId);
  return ids;
}

export function registerPortalFileRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    `${PORTAL_FILE_PATH}/:code/:fileId`,
    {
      schema: {
        tags: ['sync'],
        summary:
          'Tệp của hồ sơ cho Cổng DVCQG tải về, theo đường dẫn có chữ ký và thời hạn đã gửi kèm bản ghi E1',
        security: [],
        params: Params,
        querystring: Query,
        response: errorResponses(400, 403, 404),
      },
    },
    async (request, reply) => {
      const { code, fileId } = request.params;
      const { expires, signature } = request.query;
      const problem = portalFileLinkProblem(
        deps.config.secretKey,
        { code, fileId, expires, signature },
        deps.clock.now(),
      );
      if (problem === 'signature')
        throw fail('PORTAL_FILE_LINK_INVALID', {
          details: [
            { path: 'querystring/signature', message: 'Chữ ký không khớp với hồ sơ, tệp và thời hạn.' },
          ],
        });
      if (problem === 'expired')
        throw fail('PORTAL_FILE_LINK_EXPIRED', {
          details: [{ path: 'querystring/expires', message: 'Đường dẫn đã hết hạn.' }],
        });
      const row = await deps.db
        .selectFrom('dossiers')
        .select(['dossier_id', 'receiving_agency_id', 'components', 'state'])
        .where('code', '=', code)
        .executeTakeFirst();
      const file =
        row && filesOf(row).has(fileId)
          ? await deps.db
              .selectFrom('files')
              .select(['media_type'])
              .where('file_id', '=', fileId)
              .executeTakeFirst()
          : undefined;
      const bytes = file ? await deps.files.get(fileId) : null;
      if (!row || !file || bytes === null) throw fail('PORTAL_FILE_NOT_FOUND', { params: { code } });
      await deps.db.transaction().execute((trx) =>
        appendAudit(
          trx,
          { userId: null, label: 'Cổng DVCQG' },
          {
            action: 'dossier-file.fetched-by-portal',
            entityType: 'dossier',
            entityId: row.dossier_id,
            details: { code, fileId },
            requestId: request.id,
            chain: row.receiving_agency_id,
          },
          deps.clock.now(),
        ),
      );
      return sendPrivateDownload(reply, {
        bytes,
        mediaType: file.media_type,
        fileName: `${code}-${fileId.slice(0, 8)}.${extensionOf(file.media_type)}`,
      });
    },
  );
}
