// The outbox worker as production runs it on PostgreSQL: a child `node server/main.ts --role=worker`
// (NODE_ENV=production, the default worker settings unless `env` overrides them, logging at info to a
// discarded stdout), delivering to the portal at `portalUrl` over HTTP. Ready when it logs so.
// BENCH_PROFILE_DIR=dir adds --cpu-prof to the child: the profile lands in dir when it exits.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type WorkerProcess = { pid: number; stop: () => Promise<void> };

export async function startWorkerProcess(options: {
  databaseUrl: string;
  portalUrl: string;
  portalSecret: string;
  env?: Record<string, string>;
}): Promise<WorkerProcess> {
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, 'server/main.ts', '--role=worker'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      SECRET_KEY: randomBytes(32).toString('hex'),
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      PORTAL_BASE_URL: options.portalUrl,
      PORTAL_SECRET: options.portalSecret,
      // Only delivery is measured: no reconciliation or inbound fetch during the run.
      SYNC_RECONCILE_MINUTES: '0',
      SYNC_INBOUND_SECONDS: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const lines = readline.createInterface({ input: child.stdout });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker not ready in 120 s')), 120_000);
    lines.on('line', (line) => {
      if (line.includes('worker ready')) {
        clearTimeout(timer);
        resolve();
      }
      if (line.includes('"level":50') || line.includes('"level":40')) console.error(`[worker] ${line}`);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code} before it was ready`));
    });
  });
  return {
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
