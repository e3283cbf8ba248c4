// buildApp(deps): the Fastify instance with every route, no listen (tests use app.inject()).
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifySchema } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { Deps } from './deps.ts';
import { answerFrameworkError, installErrorHandling } from './platform/http/error-handler.ts';
import { installStorableInput } from './platform/http/storable-input.ts';
import { refuseUndeclaredBody, validatorCompiler } from './platform/http/validation.ts';
import { fail } from './platform/platform.errors.ts';
import { installSecurity } from './platform/http/security.ts';
import { installCompression } from './platform/http/compression.ts';
import { installRateLimit } from './platform/http/rate-limit.ts';
import { installMetrics } from './platform/http/metrics.ts';
import { OneLineRequestLog } from './platform/http/request-log.ts';
import { registerHealthRoutes } from './platform/http/health.routes.ts';
import { installAuth, registerAuthRoutes } from './modules/auth/index.ts';
import { installCitizenSessions, registerCitizenRoutes } from './modules/citizens/index.ts';
import { registerOrgRoutes } from './modules/org/index.ts';
import { registerCalendarRoutes } from './modules/calendar/index.ts';
import { registerCatalogRoutes } from './modules/catalog/index.ts';
import { registerFileRoutes } from './modules/files/index.ts';
import { registerDossierRoutes, signableDossier } from './modules/dossiers/index.ts';
import { registerSyncRoutes } from './modules/sync/index.ts';
import { registerPaymentRoutes } from './modules/payments/index.ts';
import { registerAdoptionRoutes } from './modules/adoption/index.ts';
import { registerKpiRoutes, registerReportRoutes } from './modules/reports/index.ts';
import { registerStaffRoutes } from './modules/staff/index.ts';
import { registerDocumentRoutes } from './modules/documents/index.ts';
import { registerRatingRoutes } from './modules/ratings/index.ts';
import { registerReorganisationRoutes } from './modules/reorganisations/index.ts';
import { registerDeploymentRoutes } from './modules/deployment/index.ts';
import { registerImportRoutes } from './modules/imports/index.ts';
import { registerNotificationMetrics, registerNotificationRoutes } from './modules/notifications/index.ts';
import { registerFeedbackRoutes } from './modules/feedback/index.ts';
import { registerSignatureRoutes } from './modules/signatures/index.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
export const WEB_DIST = path.resolve(import.meta.dirname, '../web/dist');

export type RegisteredRoute = { method: string; url: string; schema: FastifySchema | undefined };
const registered = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route `app` registered (each method apart), whatever its plugin: the route fuzz walks them all. */
export const routesOf = (app: FastifyInstance): readonly RegisteredRoute[] => registered.get(app) ?? [];

export type BuildOptions = {
  serveWeb?: boolean;
  /** Where log lines go; pino's own write per line to standard output when not given (the tests). */
  logStream?: { write: (line: string) => void };
};

export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    bodyLimit: config.bodyLimitBytes,
    // Only the listed proxies' X-Forwarded-For is believed; with none, the socket's peer is the client.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    requestIdHeader: false,
    // One line per request instead of Fastify's two (platform/http/request-log.ts).
    logController: new OneLineRequestLog(),
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    logger: {
      level: config.logLevel,
      // No personal data in logs: no query strings (they can hold ID numbers), no bodies, no cookies.
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          method: req.method,
          path: req.url.split('?')[0],
          id: req.id,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    routerOptions: { maxParamLength: 200 },
    // A malformed percent-encoding or an over-long path parameter, refused by the router itself.
    frameworkErrors: answerFrameworkError,
  });

  const routes: RegisteredRoute[] = [];
  registered.set(app, routes);
  // An API route without a query schema takes no query parameters, and a write route without a body
  // schema no body fields: unknown ones are named, not ignored.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/')) {
      route.schema ??= {};
      route.schema.querystring ??= { type: 'object', properties: {}, additionalProperties: false };
      // (A multipart route reads its parts itself: a JSON body there is its own 415.)
      if (!route.schema.body && !route.schema.consumes?.includes('multipart/form-data')) {
        const own = route.preValidation;
        route.preValidation = [
          ...(own ? [own].flat() : []),
          async (request: FastifyRequest) => refuseUndeclaredBody(request),
        ];
      }
    }
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, schema: route.schema });
  });
  app.setValidatorCompiler(validatorCompiler());
  installErrorHandling(app);
  installStorableInput(app);
  installSecurity(app, config.publicUrl, config.nodeEnv === 'production', [config.vgcaPluginUrl]);
  installCompression(app);
  await installRateLimit(app);
  const registry = installMetrics(app);
  await app.register(cookie);
  installAuth(app, deps);
  installCitizenSessions(app, deps);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'motcua API',
        description:
          'Hệ thống thông tin một cửa điện tử — API. Lỗi luôn có dạng { error: { code, message, details?, requestId } }.',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' },
          citizen: { type: 'apiKey', in: 'cookie', name: 'motcua_citizen' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  if (config.apiDocs) await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: false });

  registerHealthRoutes(app, deps, registry);
  registerAuthRoutes(app, deps);
  registerCitizenRoutes(app, deps);
  registerOrgRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  await registerFileRoutes(app, deps);
  registerDossierRoutes(app, deps);
  registerSyncRoutes(app, deps);
  registerPaymentRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerAdoptionRoutes(app, deps);
  registerKpiRoutes(app, deps);
  registerStaffRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerRatingRoutes(app, deps);
  registerReorganisationRoutes(app, deps);
  registerDeploymentRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerNotificationMetrics(registry, deps);
  registerFeedbackRoutes(app, deps);
  registerSignatureRoutes(app, deps, signableDossier);

  if (config.apiDocs) app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (options.serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    const assets = path.join(WEB_DIST, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      // An array: with preCompressed, @fastify/static finds the index of `/` only in an array.
      index: ['index.html'],
      // The build writes a .br and a .gz beside each text file (web/vite.config.ts); a browser that
      // accepts one gets it.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      // Files under assets/ are named after a hash of their content: kept for a year. The rest
      // (index.html names the current assets) is revalidated on every visit.
      setHeaders: (reply, file) => {
        reply.header(
          'cache-control',
          file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) {
        throw fail('ROUTE_NOT_FOUND');
      }
      const rel = decodeURIComponent(request.url.split('?')[0]!);
      const file = path.join(WEB_DIST, path.normalize(rel));
      if (file.startsWith(WEB_DIST + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(path.relative(WEB_DIST, file));
      }
      // A missing asset is a 404, not the shell: a tab opened before a new version was deployed
      // asks for chunks that no longer exist, and must fail as such (the app then offers a reload).
      if (rel.startsWith('/assets/')) throw fail('ROUTE_NOT_FOUND');
      // Single-page app: every other page is the shell.
      return reply.sendFile('index.html');
    });
  }

  return app;
}
