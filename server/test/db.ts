// A fresh database for one test file, cloned from the run's template (see template.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { directoryFileStore } from '../platform/file-store.ts';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../db/client.ts';
import { openRuntime, type Runtime } from '../bootstrap.ts';
import { buildApp } from '../app.ts';
import type { Clock } from '../platform/clock.ts';
import { adminUrl, prepareTemplate, testConfig } from './template.ts';
import type { Config } from '../config.ts';

/** `filesDir`: the directory of the runtime's file store (removed on close). */
export type TestRuntime = Runtime & { app: FastifyInstance; filesDir: string };

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
  return {
    ...rt,
    app,
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
