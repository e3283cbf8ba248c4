// A fresh database for one test file, cloned from the run's template (see template.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { directoryFileStore } from '../platform/file-store.ts';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { ORIGIN } from './http.ts';
import { openDatabase } from '../db/client.ts';
import { openRuntime, type Runtime } from '../bootstrap.ts';
import { buildApp } from '../app.ts';
import type { Clock } from '../platform/clock.ts';
import { adminUrl, prepareTemplate, testConfig } from './template.ts';
import type { Config } from '../config.ts';

export type TestRuntime = Runtime & {
  /** The app as a browser reaches it (see `asBrowser`). */
  app: FastifyInstance;
  /** The app's own inject: sends exactly the headers given. */
  injectBare: Inject;
  /** The directory of the runtime's file store (removed on close). */
  filesDir: string;
};

type Inject = (opts: InjectOptions | string) => Promise<LightMyRequestResponse>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Makes `app.inject` send what a browser sends: a write carrying a cookie gets the page's Origin
 * unless the test gave an Origin or Sec-Fetch-Site itself (the server refuses a cookie write with
 * neither; platform/http/security.ts). The returned function is the app's own inject.
 */
function asBrowser(app: FastifyInstance): Inject {
  const own = app.inject.bind(app);
  const bare: Inject = (opts) => own(opts);
  const browser: Inject = (opts) => {
    if (typeof opts === 'string') return bare(opts);
    const headers: Record<string, string | string[] | number | undefined> = { ...opts.headers };
    const names = new Set(Object.keys(headers).map((h) => h.toLowerCase()));
    const method = (opts.method ?? 'GET').toUpperCase();
    if (
      !SAFE_METHODS.has(method) &&
      names.has('cookie') &&
      !names.has('origin') &&
      !names.has('sec-fetch-site')
    ) {
      headers.origin = ORIGIN;
    }
    return bare({ ...opts, headers });
  };
  // The tests call inject with options (or a URL), never the chained form.
  app.inject = browser as FastifyInstance['inject'];
  return bare;
}

export async function createTestRuntime(
  options: { clock?: Clock; config?: Partial<Config> } = {},
): Promise<TestRuntime> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const template = process.env.MOTCUA_TEST_TEMPLATE ?? (await prepareTemplate(databaseUrl));
  let dropDatabase: (() => Promise<void>) | null = null;
  let config = { ...testConfig(null), ...options.config };
  let handle;
  if (!databaseUrl) {
    const data = fs.readFileSync(template);
    handle = await openDatabase({ dataDir: null, loadDataDir: new Blob([data]) });
  } else {
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await admin.end();
    const url = adminUrl(databaseUrl, name);
    config = { ...testConfig(url), ...options.config };
    handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  }
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-files-'));
  const rt = await openRuntime(config, {
    handle,
    migrate: false,
    seed: false,
    files: directoryFileStore(filesDir),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const app = await buildApp(rt.deps);
  await app.ready();
  const injectBare = asBrowser(app);
  return {
    ...rt,
    app,
    injectBare,
    filesDir,
    close: async () => {
      await app.close();
      await rt.close();
      if (dropDatabase) await dropDatabase();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(
  start: string | Date,
): Clock & { set: (d: string | Date) => void; advance: (ms: number) => void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (d) => {
      now = new Date(d);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}
