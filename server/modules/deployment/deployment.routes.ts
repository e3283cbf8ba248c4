// The deployment's own face to the web app: the province it serves and its emblem (#14), public, as
// every page (the sign-in page and the citizen portal too) shows them in its header. The emblem is an
// image the province supplies (PROVINCE_EMBLEM); without one the header shows the name alone.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { NotModified } from '../../../common/contracts/catalog.ts';
import { DeploymentInfo, EMBLEM_PATH } from '../../../common/contracts/deployment.ts';
import { EMBLEM_TYPES } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { errorResponses } from '../../platform/http/route-errors.ts';
import { fail } from './deployment.errors.ts';

const tags = ['deployment'];

type Emblem = { bytes: Buffer; type: string; etag: string };

/** The configured emblem's bytes, read once; null (and a warning) when the file cannot be read. */
function readEmblem(app: FastifyInstance, file: string | null): Emblem | null {
  if (file === null) return null;
  const type = EMBLEM_TYPES[path.extname(file).toLowerCase() as keyof typeof EMBLEM_TYPES];
  try {
    const bytes = fs.readFileSync(file);
    const etag = `"${bytes.length.toString(16)}-${fs.statSync(file).mtimeMs.toString(16)}"`;
    return { bytes, type, etag };
  } catch (error) {
    app.log.warn(
      { file, reason: error instanceof Error ? error.message : String(error) },
      'PROVINCE_EMBLEM cannot be read: the header shows the province name alone',
    );
    return null;
  }
}

export function registerDeploymentRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const emblem = readEmblem(root, deps.config.province.emblemPath);

  app.get(
    '/api/v1/deployment',
    {
      schema: {
        tags,
        summary: 'Tỉnh, thành phố triển khai hệ thống: tên và biểu trưng hiển thị ở đầu trang',
        response: { 200: DeploymentInfo },
      },
    },
    async () => ({
      province: { name: deps.config.province.name, emblemUrl: emblem ? EMBLEM_PATH : null },
      signingPluginUrl: deps.config.vgcaPluginUrl,
    }),
  );

  app.get(
    EMBLEM_PATH,
    {
      schema: {
        tags,
        summary: 'Biểu trưng của tỉnh (SVG hoặc PNG), khi đã được cấu hình',
        produces: ['image/svg+xml', 'image/png'],
        response: {
          200: { type: 'string', format: 'binary' },
          304: NotModified,
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      if (!emblem) throw fail('DEPLOYMENT_EMBLEM_NOT_CONFIGURED');
      reply.header('etag', emblem.etag).header('cache-control', 'public, no-cache');
      if (request.headers['if-none-match'] === emblem.etag) return reply.code(304).send(undefined);
      return reply.type(emblem.type).send(emblem.bytes as never);
    },
  );
}
