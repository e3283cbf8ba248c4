// Lists answer one page and how many rows the whole filter matches; both come from one filtered query.
import type { SelectQueryBuilder } from 'kysely';

/**
 * `page` selects, orders and pages `query`; the total counts every row `query` (FROM and WHERE)
 * matches. Both are read at once.
 */
export async function pageWithTotal<DB, TB extends keyof DB, Row>(
  query: SelectQueryBuilder<DB, TB, object>,
  page: (query: SelectQueryBuilder<DB, TB, object>) => Promise<Row[]>,
): Promise<{ rows: Row[]; total: number }> {
  const [rows, count] = await Promise.all([
    page(query),
    // the builder cannot name the count's column for a query of any database: say it
    query
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .$castTo<{ n: string }>()
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
