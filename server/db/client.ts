// One Kysely code path over node-postgres (production) and PGlite (embedded default).
// Both return int8/bigserial as strings (PGlite would give numbers), numeric as strings and
// date as 'YYYY-MM-DD' (no time-zone shift through a JS Date).
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { DB } from './schema.ts';
import { acquireDataDirLock } from './lock.ts';

export type Database = Kysely<DB>;

export type DbHandle = {
  db: Database;
  driver: 'pg' | 'pglite';
  /** The embedded instance, for dumps in tests and backups. */
  pglite?: PGlite;
  close: () => Promise<void>;
};

const PG_INT8 = 20;
const PG_DATE = 1082;

export type OpenOptions =
  | { databaseUrl: string; poolSize?: number }
  | { dataDir: string | null; loadDataDir?: Blob | File; lock?: boolean };

export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  if ('databaseUrl' in options) {
    pg.types.setTypeParser(PG_INT8, (v) => v);
    pg.types.setTypeParser(PG_DATE, (v) => v);
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => {
      // an idle client lost its connection; the pool replaces it on the next checkout
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, driver: 'pg', close: () => db.destroy() };
  }
  const release =
    options.dataDir !== null && options.lock !== false ? acquireDataDirLock(options.dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      ...(options.dataDir !== null ? { dataDir: `${options.dataDir}/pgdata` } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers: { [PG_INT8]: (v: string) => v, [PG_DATE]: (v: string) => v },
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      driver: 'pglite',
      pglite,
      close: async () => {
        await db.destroy();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
