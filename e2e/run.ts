// `npm run test:e2e`: build the web app, start the real product on a free port with a fresh
// embedded database, run the browser journeys (node:test, its summary at the end), then stop the
// server and remove the database — also when something fails or the run is interrupted.
//   node e2e/run.ts [filter ...]   runs only the journey files whose path contains a filter
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startVgcaPlugin, type VgcaPlugin } from '../simulator/vgca-plugin.ts';
import { createTokenIssuer } from '../simulator/vgca-token.ts';
import { ensureWebBuild } from '../web/build.ts';
import { CHROMIUM_PATH } from './support/chromium.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
// The demo's first start imports the national catalogue: about 20 s on a quiet machine, minutes on a
// loaded one (E2E_READY_SECONDS lengthens the wait; a start that never ends still fails).
const READY_TIMEOUT_MS = Number(process.env.E2E_READY_SECONDS ?? '180') * 1000;
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitReady(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`the server exited with code ${server.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

function stop(child: ChildProcess | null, graceMs = 10_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function journeyFiles(filters: string[]): string[] {
  const files = fs
    .globSync('e2e/journeys/**/*.test.ts', { cwd: ROOT })
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  return filters.length === 0 ? files : files.filter((f) => filters.some((x) => f.includes(x)));
}

let server: ChildProcess | null = null;
let plugin: VgcaPlugin | null = null;
let tests: ChildProcess | null = null;
let dataDir: string | null = null;
let cleaned = false;

async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  await stop(tests, 2000);
  await stop(server);
  await plugin?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\ne2e: ${signal}, stopping`);
    void cleanUp().then(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const files = journeyFiles(process.argv.slice(2));
  if (files.length === 0) {
    console.error('e2e: no journey file matched');
    return 1;
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    console.error(`e2e: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
    return 1;
  }

  const build = await ensureWebBuild({ log: (line) => console.log(`e2e: ${line}`) });
  if (!build.built) console.log('e2e: web/dist is up to date');

  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-'));
  // The officer's PC: the VGCA signing plugin's stand-in, its tokens issued under a root the server
  // trusts (beside the demo root); journeys put a token in their leader's name (POST /_sim/token).
  const issuer = await createTokenIssuer();
  plugin = await startVgcaPlugin({ issuer });
  const pluginRoot = path.join(dataDir, 'vgca-stand-in-root.pem');
  fs.writeFileSync(pluginRoot, issuer.rootPem);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let serverOutput = '';
  server = spawn(process.execPath, ['server/main.ts', '--role=all'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      // A fresh embedded database, whatever the surrounding environment points at.
      DATABASE_URL: '',
      DEMO_MODE: 'true',
      LOG_LEVEL: 'warn',
      // The demo staff work in Hà Nội; the header and the titles name it (#14).
      PROVINCE_NAME: 'Thành phố Hà Nội',
      VGCA_PLUGIN_URL: plugin.url,
      SIGNING_TRUST_ROOTS: pluginRoot,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    serverOutput = (serverOutput + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);

  console.log(`e2e: starting the server on ${baseUrl} (fresh database in ${dataDir})…`);
  await waitReady(baseUrl, server, () => serverOutput);
  console.log(`e2e: server ready after ${elapsed()}; running ${files.length} journey files`);

  tests = spawn(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-timeout=60000',
      `--test-concurrency=${process.env.E2E_CONCURRENCY ?? '3'}`,
      ...files,
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: baseUrl,
        CHROMIUM_PATH,
        E2E_VGCA_CONTROL: `http://127.0.0.1:${plugin.port}`,
      },
    },
  );
  const code = await new Promise<number>((resolve) =>
    tests!.once('exit', (c, s) => resolve(c ?? (s ? 1 : 0))),
  );
  if (code !== 0 && serverOutput.trim())
    console.error(`e2e: server output (last lines):\n${serverOutput.slice(-4000)}`);
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanUp();
}
console.log(`e2e: finished in ${elapsed()}`);
process.exit(exitCode);
