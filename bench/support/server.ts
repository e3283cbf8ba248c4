// The server under test as production runs it: a child `node server/main.ts --role=api` on loopback,
// NODE_ENV=production against PostgreSQL, behind a (pretend) reverse proxy on loopback (TRUST_PROXY=127.0.0.1), with
// the default request logging (info, to a discarded stdout).
// BENCH_PROFILE_DIR=dir adds --cpu-prof to the child: the profile lands in dir when it exits.
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export type ServerUnderTest = { origin: string; pid: number; stop: () => Promise<void> };

export async function startServer(databaseUrl: string): Promise<ServerUnderTest> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  if (process.env.BENCH_NODE_ARGS) nodeArgs.push(...process.env.BENCH_NODE_ARGS.split(' '));
  const child = spawn(process.execPath, [...nodeArgs, 'server/main.ts', '--role=api'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: origin,
      SECRET_KEY: randomBytes(32).toString('hex'),
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      TRUST_PROXY: '127.0.0.1',
      WORKER_IN_API: 'false',
    },
    stdio: [
      'ignore',
      process.env.BENCH_STDOUT ? fs.openSync(process.env.BENCH_STDOUT, 'w') : 'ignore',
      'inherit',
    ],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const t0 = performance.now();
  for (;;) {
    try {
      if ((await fetch(`${origin}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready`);
    if (performance.now() - t0 > 120_000) {
      child.kill('SIGKILL');
      throw new Error('server not ready in 120 s');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    origin,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
