// One migrated and seeded database per test run, cloned for each test file:
// PGlite: a dumped data dir loaded into a fresh in-memory instance (≈0.5 s instead of ≈4 s + seeding);
// PostgreSQL: a template database copied with CREATE DATABASE … TEMPLATE.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { parseConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { openRuntime } from '../bootstrap.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TMP = path.join(ROOT, '.tmp');

/** Changes whenever anything that shapes the seeded database changes. */
export function schemaFingerprint(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (!entry.name.endsWith('.test.ts')) h.update(p).update(fs.readFileSync(p));
    }
  };
  walk(path.join(ROOT, 'server/db'));
  walk(path.join(ROOT, 'server/modules/auth'));
  walk(path.join(ROOT, 'server/modules/catalog'));
  walk(path.join(ROOT, 'common/catalog'));
  // The national schedule recorded at start-up (server/modules/calendar/national-schedule.ts).
  walk(path.join(ROOT, 'common/working-time'));
  walk(path.join(ROOT, 'server/modules/calendar'));
  return h.digest('hex').slice(0, 12);
}

/** The least a production start needs (a database and a long secret); tests add the variable under test. */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://x@db/motcua',
  SECRET_KEY: 'k'.repeat(40),
};

export function testConfig(databaseUrl: string | null) {
  return parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl ?? '',
    DEMO_MODE: 'true',
    LOG_LEVEL: 'silent',
  });
}

export function adminUrl(databaseUrl: string, database: string): string {
  const u = new URL(databaseUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Prepares the template and returns the value tests read from MOTCUA_TEST_TEMPLATE. */
export async function prepareTemplate(databaseUrl: string | undefined): Promise<string> {
  const fp = schemaFingerprint();
  if (!databaseUrl) {
    const file = path.join(TMP, `test-template-${fp}.tar`);
    if (fs.existsSync(file)) return file;
    fs.mkdirSync(TMP, { recursive: true });
    const handle = await openDatabase({ dataDir: null });
    const rt = await openRuntime(testConfig(null), { handle });
    if (!handle.pglite) throw new Error('PGlite handle does not expose the instance');
    const blob = await handle.pglite.dumpDataDir('none');
    fs.writeFileSync(`${file}.part`, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(`${file}.part`, file);
    await rt.close();
    for (const old of fs.readdirSync(TMP)) {
      if (old.startsWith('test-template-') && old !== path.basename(file))
        fs.rmSync(path.join(TMP, old), { force: true });
    }
    return file;
  }
  const base = new URL(databaseUrl).pathname.slice(1) || 'postgres';
  const template = `${base}_tpl_${fp}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`DROP DATABASE IF EXISTS "${template}_building"`);
      await admin.query(`CREATE DATABASE "${template}_building"`);
      const rt = await openRuntime(testConfig(adminUrl(databaseUrl, `${template}_building`)));
      await rt.close();
      await admin.query(`ALTER DATABASE "${template}_building" RENAME TO "${template}"`);
    }
  } finally {
    await admin.end();
  }
  return template;
}
