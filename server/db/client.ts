// One Kysely code path over node-postgres (production) and PGlite (embedded default).
// Both return int8/bigserial as strings (PGlite would give numbers), numeric as strings and
// date as 'YYYY-MM-DD' (no time-zone shift through a JS Date).
import { createHash } from 'node:crypto';
import {
  CompiledQuery,
  Kysely,
  PGliteDialect,
  PostgresDialect,
  type Compilable,
  type QueryResult,
  type RawBuilder,
} from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { DB } from './schema.ts';
import { acquireDataDirLock } from './lock.ts';
import { WriteWatch } from './write-watch.ts';

export type Database = Kysely<DB>;

export type DbHandle = {
  db: Database;
  driver: 'pg' | 'pglite';
  /** The embedded instance, for dumps in tests and backups. */
  pglite?: PGlite;
  /** This process's writes, table by table, for the short caches (write-watch.ts). */
  writes: WriteWatch;
  close: () => Promise<void>;
};

const PG_INT8 = 20;
const PG_DATE = 1082;

export type OpenOptions =
  | { databaseUrl: string; poolSize?: number }
  | { dataDir: string | null; loadDataDir?: Blob | File; lock?: boolean };

/** SQL text → statement name, for the queries made by `preparedQuery`. */
const statementNames = new Map<string, string>();

/**
 * A hot query of one fixed shape, built and compiled once per process instead of on every call, and
 * run on PostgreSQL as a named (prepared) statement, which each pooled connection parses and plans
 * once: the public lookup's four-table join spent most of its PostgreSQL time in planning, and a
 * quarter of the server's in Kysely building and compiling it (docs/benchmarks.md, lookup). PGlite runs
 * it as any other query: one code path, the naming is the driver's business.
 * `build` must pass its arguments as the query's parameters, each once and in order (checked on the
 * first call), and the plan must not depend on their values (a unique key, say): after five runs
 * PostgreSQL may keep one generic plan.
 */
export function preparedQuery<A extends unknown[], R>(
  name: string,
  build: (db: Kysely<DB>, ...args: A) => Compilable<R>,
): (db: Kysely<DB>, ...args: A) => Promise<R[]> {
  let text: string | null = null;
  return async (db, ...args) => {
    if (text === null) {
      const compiled = build(db, ...args).compile();
      const same =
        compiled.parameters.length === args.length && compiled.parameters.every((p, i) => p === args[i]);
      if (!same) throw new Error(`prepared query ${name}: its parameters must be its arguments, in order`);
      if ([...statementNames.values()].includes(name)) throw new Error(`prepared query ${name} twice`);
      text = compiled.sql;
      statementNames.set(text, name);
    }
    return (await db.executeQuery<R>(CompiledQuery.raw(text, args))).rows;
  };
}

/** Statement texts `namedByText` named; past this many, texts run unnamed (a shape per value is a bug). */
const MAX_TEXT_NAMES = 200;

/**
 * Runs a query of few shapes (the text varies only with the number of rows it writes, say) as a named
 * statement named after its text, so each pooled connection parses it once, and PostgreSQL may keep one
 * plan of it, as for `preparedQuery`: for a hot write whose parse and plan cost as much as its rows.
 * The query is built and compiled as usual; PGlite runs it as any other.
 */
export async function executeNamed<R>(
  db: Kysely<DB>,
  query: Compilable<R> | RawBuilder<R>,
): Promise<QueryResult<R>> {
  const compiled = 'isRawBuilder' in query ? query.compile(db) : query.compile();
  if (!statementNames.has(compiled.sql) && statementNames.size < MAX_TEXT_NAMES) {
    statementNames.set(
      compiled.sql,
      `t-${createHash('sha1').update(compiled.sql).digest('hex').slice(0, 20)}`,
    );
  }
  return db.executeQuery(compiled);
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const unnamedQuery = Object.getOwnPropertyDescriptor(pg.Client.prototype, 'query')!.value as Query;

/** A pg client that sends the texts of `preparedQuery` as named statements (Kysely sends text, values). */
class NamingClient extends pg.Client {}
Object.defineProperty(NamingClient.prototype, 'query', {
  value: function query(this: pg.Client, ...args: unknown[]): unknown {
    const [text, values] = args;
    const name = typeof text === 'string' && args.length === 2 ? statementNames.get(text) : undefined;
    return name === undefined
      ? unnamedQuery.apply(this, args)
      : unnamedQuery.call(this, { name, text, values });
  },
  writable: true,
  configurable: true,
});

export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  if ('databaseUrl' in options) {
    pg.types.setTypeParser(PG_INT8, (v) => v);
    pg.types.setTypeParser(PG_DATE, (v) => v);
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      Client: NamingClient,
    });
    pool.on('error', () => {
      // an idle client lost its connection; the pool replaces it on the next checkout
    });
    const writes = new WriteWatch();
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [writes] });
    return { db, driver: 'pg', writes, close: () => db.destroy() };
  }
  const release =
    options.dataDir !== null && options.lock !== false ? acquireDataDirLock(options.dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      ...(options.dataDir !== null ? { dataDir: `${options.dataDir}/pgdata` } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm, fuzzystrmatch },
      parsers: { [PG_INT8]: (v: string) => v, [PG_DATE]: (v: string) => v },
    });
    const writes = new WriteWatch();
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }), plugins: [writes] });
    return {
      db,
      driver: 'pglite',
      pglite,
      writes,
      close: async () => {
        await db.destroy();
        // Kysely opens its driver on the first query: a handle that ran none must close PGlite itself
        // (an open file-backed PGlite keeps the process alive).
        if (!pglite.closed) await pglite.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
