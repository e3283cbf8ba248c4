// A fresh PostgreSQL database for one bench run, cloned from the tests' seeded template (migrations,
// reference units and agencies, catalogue, demo staff), and dropped afterwards.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { adminUrl, prepareTemplate } from '../../server/test/template.ts';

/** The server to create the bench database on; its template sits beside the tests' one. */
export const BASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchDatabase = { name: string; url: string; drop: () => Promise<void> };

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const template = await prepareTemplate(BASE_URL);
  const name = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: adminUrl(BASE_URL, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: BASE_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * A bench database kept between runs under `name`: created from the template when it does not exist
 * (`fresh`: the caller fills it), reused as it is when it does; never dropped by the bench (drop it with
 * `DROP DATABASE`). For benches whose data takes minutes to generate.
 */
export async function keptBenchDatabase(name: string): Promise<BenchDatabase & { fresh: boolean }> {
  if (!/^bench_keep_[a-z0-9_]+$/.test(name))
    throw new Error(`a kept bench database is named bench_keep_…: ${name}`);
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  let fresh = false;
  try {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (exists.rowCount === 0) {
      const template = await prepareTemplate(BASE_URL);
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      fresh = true;
    }
  } finally {
    await admin.end();
  }
  return { name, url: adminUrl(BASE_URL, name), fresh, drop: async () => {} };
}

/** PostgreSQL's version line and the settings that shape write throughput, for the printed header. */
async function describeServer(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const v = await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    const s = await c.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings
        WHERE name IN ('shared_buffers', 'synchronous_commit', 'max_connections', 'fsync')`,
    );
    const settings = s.rows.map((r) => `${r.name}=${r.setting}${r.unit ?? ''}`).join(', ');
    return `PostgreSQL ${v.rows[0]!.v} (${settings})`;
  } finally {
    await c.end();
  }
}

/** The header line of a bench run: machine, Node, PostgreSQL, and how busy the machine already is. */
export async function describeRun(url: string): Promise<string> {
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  return `${machine}, ${await describeServer(url)}; load average ${os.loadavg()[0]!.toFixed(2)}`;
}
