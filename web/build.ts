// Node side of the web app: build web/dist with Vite when it is missing or older than its sources
// (anything under web/ or common/). Used by scripts/start.ts and e2e/run.ts.
import fs from 'node:fs';
import path from 'node:path';
import type * as Vite from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..');
export const WEB_DIR = path.join(ROOT, 'web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');
export const WEB_CONFIG = path.join(WEB_DIR, 'vite.config.ts');
const SOURCES = [WEB_DIR, path.join(ROOT, 'common')];
const SKIP = new Set([WEB_DIST, path.join(WEB_DIR, 'node_modules')]);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (SKIP.has(full) || entry.name.startsWith('.')) continue;
    const time = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/** Why web/dist must be rebuilt, or null when it is up to date. */
export function staleReason(): string | null {
  const index = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(index)) return 'web/dist is missing';
  const built = fs.statSync(index).mtimeMs;
  const sources = Math.max(...SOURCES.map(newestMtime));
  return sources > built ? 'sources changed since the last build' : null;
}

export type EnsureResult = { built: boolean; reason: string | null; seconds: number };

export async function ensureWebBuild(
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<EnsureResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const reason = options.force ? 'forced' : staleReason();
  if (reason === null) return { built: false, reason, seconds: 0 };
  const started = performance.now();
  log(`web: building (${reason})…`);
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    throw new Error(
      `web/dist needs a build (${reason}) but Vite is not installed (production install without dev dependencies?). ` +
        'Build it where dev dependencies exist: npm run build:web',
    );
  }
  // Vite sets process.env.NODE_ENV=production for its build; the server that may start next in
  // this process must see the environment it was given.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await vite.build({ configFile: WEB_CONFIG, logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const seconds = (performance.now() - started) / 1000;
  log(`web: built in ${seconds.toFixed(1)} s`);
  return { built: true, reason, seconds };
}
