// Entry point: node server/main.ts --role=api|all
//   api  the HTTP API (and the web app when it is built)
//   all  the same, for the embedded single-process default; background workers join here (#7)
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from './config.ts';
import { DataDirLockedError } from './db/lock.ts';
import { buildApp } from './app.ts';
import { openRuntime } from './bootstrap.ts';

const ROLES = ['api', 'all'] as const;

async function main(): Promise<void> {
  const started = performance.now();
  const { values } = parseArgs({ options: { role: { type: 'string', default: 'all' } } });
  const role = values.role as (typeof ROLES)[number];
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const config = loadConfig();
  const runtime = await openRuntime(config);
  const app = await buildApp(runtime.deps, { serveWeb: true });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    void app
      .close()
      .then(() => runtime.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  app.log.info(
    { role, database: runtime.handle.driver, demo: config.demoMode, seconds },
    `motcua ready on ${config.publicUrl} in ${seconds} s`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
