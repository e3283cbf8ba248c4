// The citizen portal's figures (issue #6): the JavaScript the portal home and a procedure page load
// on first load, gzipped, and Lighthouse 13 (mobile profile, its default: a Moto G Power on slow 4G,
// simulated throttling) on both pages, against the product as `npm start` runs it — the built app
// served by `server/main.ts` on a fresh embedded database. Debian's Chromium, never a downloaded one.
// As a reference, the same sum over every script in the build (what a desk session may load, lazily).
// Run: node_modules/.bin/node bench/web.ts [Lighthouse runs per page, default 2]
// Reports land in .tmp/lighthouse/<page>-<run>.json (open them in https://googlechrome.github.io/lighthouse/viewer/).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn, type ChildProcess } from 'node:child_process';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../e2e/support/chromium.ts';
import { ensureWebBuild, WEB_DIST } from '../web/build.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const REPORT_DIR = path.join(ROOT, '.tmp', 'lighthouse');
const runs = Number(process.argv[2] ?? 2);
const PAGES = [
  { name: 'portal-home', path: '/cong-dich-vu-cong', ready: '.procedure-card' },
  { name: 'procedure', path: '/thu-tuc/1.001193', ready: 'h1' },
] as const;
const TARGETS = { firstLoadKb: 150, performance: 90, accessibility: 95 };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startProduct(): Promise<{ origin: string; child: ChildProcess; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-web-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // No demo mode: it would start the portal simulator and the identity provider on fixed ports; the
  // reference and catalogue seeds (the procedures) run without it.
  const child = spawn(process.execPath, ['server/main.ts', '--role=api'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: origin,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DEMO_MODE: 'false',
      WORKER_IN_API: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const t0 = performance.now();
  for (;;) {
    try {
      if ((await fetch(`${origin}/readyz`)).ok) return { origin, child, dataDir };
    } catch {
      // not listening yet
    }
    const failure =
      child.exitCode !== null
        ? `server exited with ${child.exitCode} before it was ready`
        : performance.now() - t0 > 120_000
          ? 'server not ready in 120 s'
          : null;
    if (failure) {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new Error(failure);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

type Scripts = { total: number; files: { name: string; gz: number }[] };

/** The scripts a first visit loads until the network is quiet: each body gzipped (-9), summed. */
async function firstLoadScripts(origin: string, pagePath: string, ready: string): Promise<Scripts> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const pending: Promise<{ name: string; gz: number }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      const name = new URL(response.url()).pathname;
      pending.push(response.body().then((body) => ({ name, gz: gz(body) })));
    });
    await page.goto(origin + pagePath, { waitUntil: 'networkidle' });
    await page.locator(ready).first().waitFor();
    const files = await Promise.all(pending);
    return { total: files.reduce((sum, f) => sum + f.gz, 0), files };
  } finally {
    await browser.close();
  }
}

function allBuiltScripts(): number {
  const dir = path.join(WEB_DIST, 'assets');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gz(fs.readFileSync(path.join(dir, f))), 0);
}

type Figures = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Lighthouse's measure of the machine's speed during the run; below 1,000 it warns of a slow host. */
  benchmarkIndex: number;
  failing: string[];
};

async function runLighthouse(url: string, reportName: string): Promise<Figures> {
  const chrome = await launchChrome({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    fs.mkdirSync(REPORT_DIR, { recursive: true });
    fs.writeFileSync(path.join(REPORT_DIR, `${reportName}.json`), JSON.stringify(result.lhr));
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const numeric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    // Audits of the accessibility and best-practices categories that failed, to fix or to explain.
    const failing = ['accessibility', 'best-practices'].flatMap((c) =>
      (categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${c}: ${ref.id}`),
    );
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      fcp: numeric('first-contentful-paint'),
      lcp: numeric('largest-contentful-paint'),
      tbt: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      benchmarkIndex: result.lhr.environment.benchmarkIndex,
      failing,
    };
  } finally {
    chrome.kill();
  }
}

const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');

const build = await ensureWebBuild({ log: (line) => console.log(line) });
if (!build.built) console.log('web: web/dist is up to date');
const load = os.loadavg().map((x) => x.toFixed(2));
console.log(`load average ${load.join(' ')}, ${os.cpus().length} cores`);
const { origin, child, dataDir } = await startProduct();
try {
  console.log(`product ready on ${origin} (fresh embedded database)\n`);
  for (const page of PAGES) {
    const scripts = await firstLoadScripts(origin, page.path, page.ready);
    const ok = scripts.total / 1024 <= TARGETS.firstLoadKb;
    console.log(
      `${page.path}: first-load JS ${kb(scripts.total)} KB gz in ${scripts.files.length} files ` +
        `(${scripts.files.map((f) => `${path.basename(f.name)} ${kb(f.gz)}`).join(', ')})` +
        `   target ≤ ${TARGETS.firstLoadKb} KB  ${mark(ok)}`,
    );
  }
  console.log(`reference: every script in the build, ${kb(allBuiltScripts())} KB gz\n`);

  for (const page of PAGES) {
    for (let run = 1; run <= runs; run++) {
      const f = await runLighthouse(origin + page.path, `${page.name}-${run}`);
      console.log(
        `${page.path} run ${run}: performance ${f.performance} ${mark(f.performance >= TARGETS.performance)}, ` +
          `accessibility ${f.accessibility} ${mark(f.accessibility >= TARGETS.accessibility)}, ` +
          `best practices ${f.bestPractices}; FCP ${(f.fcp / 1000).toFixed(2)} s, LCP ${(f.lcp / 1000).toFixed(2)} s, ` +
          `TBT ${Math.round(f.tbt)} ms, CLS ${f.cls.toFixed(3)} (benchmark index ${Math.round(f.benchmarkIndex)})`,
      );
      for (const failing of f.failing) console.log(`    failing ${failing}`);
    }
  }
  console.log(
    `\ntargets: first-load JS ≤ ${TARGETS.firstLoadKb} KB gz, performance ≥ ${TARGETS.performance}, ` +
      `accessibility ≥ ${TARGETS.accessibility} (Lighthouse mobile); reports in ${path.relative(ROOT, REPORT_DIR)}/`,
  );
} finally {
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
}
