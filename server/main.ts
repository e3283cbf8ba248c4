// Entry point: node server/main.ts --role=api|worker|all
//   api     the HTTP API (and the web app when it is built)
//   worker  the background jobs only (outbox delivery to the national portal, reconciliation, inbound
//           fetch); for PostgreSQL deployments, as many processes as wanted
//   all     both in one process: the embedded default. PGlite admits one process per data dir, so with
//           the embedded database the worker must run here (WORKER_IN_API=false turns it off)
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError, type Config } from './config.ts';
import type { DevIdp } from '../simulator/identity-provider.ts';
import { DataDirLockedError } from './db/lock.ts';
import { buildApp } from './app.ts';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { openRuntime, type Runtime } from './bootstrap.ts';
import { scheduledBackup } from './db/backup.ts';
import { runtimePrivilegeProblems } from './db/privileges.ts';
import { jsonLineLog } from './platform/jobs/job-log.ts';
import { startPeriodic, type Periodic } from './platform/jobs/periodic.ts';
import { batchedLogStream } from './platform/log-stream.ts';
import { startSyncJobs, type SyncJobs } from './modules/sync/index.ts';

const ROLES = ['api', 'worker', 'all'] as const;

async function main(): Promise<void> {
  const started = performance.now();
  const { values } = parseArgs({ options: { role: { type: 'string', default: 'all' } } });
  const role = values.role as (typeof ROLES)[number];
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  let config = loadConfig();
  // Demo mode with no identity provider configured: the development one, in this process.
  const idp =
    role !== 'worker' && config.demoMode && config.oidc.issuer === null ? await startDevIdp(config) : null;
  if (idp) config = { ...config, oidc: { ...config.oidc, issuer: idp.url } };
  const runtime = await openRuntime(config);
  // A runtime role that could rewrite the audit trail is reported at every start (docs/operations.md).
  const privilegeProblems = await runtimePrivilegeProblems(runtime.handle);

  if (role === 'worker') {
    const log = jsonLineLog(config.logLevel);
    for (const problem of privilegeProblems) log.warn({ audit: 'privileges' }, problem);
    const jobs = await startSyncJobs(runtime.deps, log);
    let closing = false;
    const shutdown = (signal: string) => {
      if (closing) return;
      closing = true;
      log.info({ signal }, 'shutting down');
      void jobs
        .stop()
        .then(() => runtime.close())
        .then(() => process.exit(0));
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    log.info({ role, database: runtime.handle.driver, seconds }, `motcua worker ready in ${seconds} s`);
    return;
  }

  // Log lines in batches, not a system call each (platform/log-stream.ts).
  const app = await buildApp(runtime.deps, { serveWeb: true, logStream: batchedLogStream() });
  for (const problem of privilegeProblems) app.log.warn({ audit: 'privileges' }, problem);
  let jobs: SyncJobs | null = null;
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    void Promise.all([app.close(), jobs?.stop(), idp?.close(), backups?.stop()])
      .then(() => runtime.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  const backups = scheduleBackups(runtime, app.log);
  if (role === 'all' && config.workerInApi) jobs = await startSyncJobs(runtime.deps, app.log);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  app.log.info(
    {
      role,
      database: runtime.handle.driver,
      demo: config.demoMode,
      seconds,
      worker: jobs !== null,
      identityProvider: config.oidc.issuer,
    },
    `motcua ready on ${config.publicUrl} in ${seconds} s`,
  );
}

/**
 * The embedded database's scheduled backups (server/db/backup.ts), a periodic job that never overlaps
 * itself and that shutdown waits for; PostgreSQL has its own tools.
 */
function scheduleBackups(runtime: Runtime, log: FastifyBaseLogger): Periodic | null {
  const minutes = runtime.deps.config.backupEveryMinutes;
  if (runtime.handle.driver !== 'pglite' || minutes === 0) return null;
  const dir = path.join(runtime.deps.config.dataDir, 'backups');
  return startPeriodic({
    name: 'embedded-backup',
    intervalMs: minutes * 60_000,
    log,
    run: async () => {
      const file = await scheduledBackup(runtime.handle, dir, runtime.deps.clock.now());
      log.info({ file }, 'embedded database backed up');
    },
  });
}

async function startDevIdp(config: Config): Promise<DevIdp> {
  const { startDevIdentityProvider } = await import('../simulator/identity-provider.ts');
  const options = {
    clients: [
      {
        clientId: config.oidc.clientId,
        clientSecret: config.oidc.clientSecret,
        redirectUris: [`${config.publicUrl}/api/v1/citizen/callback`],
      },
    ],
  };
  try {
    return await startDevIdentityProvider({ ...options, port: config.oidc.devIdpPort });
  } catch (err) {
    if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
    return startDevIdentityProvider({ ...options, port: 0 });
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
