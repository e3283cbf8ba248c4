// npm start time to ready: fresh data dir (initdb + migrations + reference and demo seeds) and reopen.
// Raw ceiling in the same run: PGlite alone creating and reopening an empty data dir.
// Run: node bench/startup.ts [runs=3]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';

const ROOT = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 3);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function timeToReady(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['server/main.ts', '--role=all'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return (performance.now() - t0) / 1000;
      } catch {
        // not yet
      }
      if (performance.now() - t0 > 120_000) throw new Error('not ready in 120 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

async function rawPglite(dir: string): Promise<number> {
  const t0 = performance.now();
  const db = await PGlite.create({ dataDir: dir });
  await db.query('SELECT 1');
  await db.close();
  return (performance.now() - t0) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fresh: number[] = [];
const reopen: number[] = [];
const rawFresh: number[] = [];
const rawReopen: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
  fresh.push(await timeToReady(dir));
  reopen.push(await timeToReady(dir));
  fs.rmSync(dir, { recursive: true, force: true });
  const raw = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-bench-'));
  rawFresh.push(await rawPglite(raw));
  rawReopen.push(await rawPglite(raw));
  fs.rmSync(raw, { recursive: true, force: true });
}
const f = (xs: number[]) => `${median(xs).toFixed(2)} s (runs: ${xs.map((x) => x.toFixed(2)).join(', ')})`;
console.log(`npm start to ready, fresh data dir : ${f(fresh)}   target ≤ 10 s`);
console.log(`npm start to ready, reopen         : ${f(reopen)}   target ≤ 3 s`);
console.log(`raw PGlite create (initdb) ceiling : ${f(rawFresh)}`);
console.log(`raw PGlite reopen ceiling          : ${f(rawReopen)}`);
