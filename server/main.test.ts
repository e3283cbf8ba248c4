// The product as a user starts it: a real process, real HTTP, a fresh data dir; a second process
// on the same embedded data dir is refused with a clear message; a reopen is fast.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { adminUrl } from './test/template.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-main-'));
const children: ChildProcess[] = [];
let dropDb: (() => Promise<void>) | null = null;

after(async () => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (dropDb) await dropDb();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function databaseUrlForChild(): Promise<string> {
  const base = process.env.DATABASE_URL;
  if (!base) return '';
  const name = `main_${process.pid}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  dropDb = async () => {
    const d = new pg.Client({ connectionString: base });
    await d.connect();
    await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await d.end();
  };
  return adminUrl(base, name);
}

function start(port: number, databaseUrl: string) {
  const child = spawn(process.execPath, ['server/main.ts', '--role=all'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      DEMO_MODE: 'true',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitReady(
  port: number,
  exited: Promise<number | null>,
  output: () => string,
): Promise<number> {
  const t0 = performance.now();
  let done = false;
  void exited.then(() => (done = true));
  while (performance.now() - t0 < 120_000) {
    if (done) throw new Error(`server exited early:\n${output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready in time:\n${output()}`);
}

test('npm start brings the product up on a fresh database, then reopens it', async () => {
  const databaseUrl = await databaseUrlForChild();
  const port = await freePort();
  const first = start(port, databaseUrl);
  await waitReady(port, first.exited, first.output);
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-admin', password: 'demo' }),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const units = await fetch(`http://127.0.0.1:${port}/api/v1/units?level=1`, { headers: { cookie } });
  assert.deepEqual(
    ((await units.json()) as { items: { name: string }[] }).items.map((u) => u.name),
    ['Thành phố Hà Nội'],
  );

  if (!databaseUrl) {
    const second = start(await freePort(), '');
    const code = await second.exited;
    assert.equal(code, 1);
    assert.match(second.output(), /in use by another motcua process \(pid \d+\)/);
  }

  first.child.kill('SIGTERM');
  assert.equal(await first.exited, 0);
  if (!databaseUrl) assert.equal(fs.existsSync(path.join(dataDir, 'motcua.lock')), false);

  const again = start(port, databaseUrl);
  await waitReady(port, again.exited, again.output);
  // /readyz answers as soon as the server listens; the ready line follows once the worker has started.
  for (let i = 0; i < 100 && !/motcua ready on/.test(again.output()); i++)
    await new Promise((r) => setTimeout(r, 100));
  assert.match(again.output(), /motcua ready on/);
  again.child.kill('SIGTERM');
  assert.equal(await again.exited, 0);
});
