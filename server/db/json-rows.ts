// Many rows in one statement with one parameter: the rows as a JSON array, expanded by PostgreSQL's
// json_populate_recordset into the table's own row type (so each value is read as its column's type:
// ISO strings as timestamps, nested objects and arrays as jsonb). For bulk writes (an import's batch),
// where a multi-row VALUES list would bind thousands of parameters — compiled, sent and parsed one by
// one — and would need every jsonb value stringified first.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

type Row<T extends keyof DB> = { [K in keyof DB[T] & string]?: unknown };

/**
 * Inserts `rows` (each with the same columns) into `table`; answers the `returning` columns of each
 * inserted row, in no promised order. A JSON null is the column's NULL (never its default).
 */
export async function insertJsonRows<T extends keyof DB, R extends keyof DB[T] & string = never>(
  db: Kysely<DB> | Transaction<DB>,
  table: T,
  rows: Row<T>[],
  returning: R[] = [],
): Promise<{ [K in R]: string }[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const list = sql.join(columns.map((c) => sql.ref(c)));
  const back =
    returning.length === 0
      ? sql``
      : sql` RETURNING ${sql.join(returning.map((c) => sql`${sql.ref(c)}::text AS ${sql.ref(c)}`))}`;
  const { rows: out } = await sql<{ [K in R]: string }>`INSERT INTO ${sql.table(String(table))} (${list})
    SELECT ${list} FROM json_populate_recordset(NULL::${sql.table(String(table))}, ${JSON.stringify(rows)}::json)${back}`.execute(
    db,
  );
  return out;
}
