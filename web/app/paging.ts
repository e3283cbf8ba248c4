// A long list shown a page at a time in the browser (the imports' reports): which rows a page holds.
export const REPORT_PAGE_SIZE = 50;

/** One page of rows (from 1; a page past the end shows the last) and how many pages there are. */
export function pageOfRows<T>(rows: readonly T[], page: number): { rows: T[]; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / REPORT_PAGE_SIZE));
  const at = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((at - 1) * REPORT_PAGE_SIZE, at * REPORT_PAGE_SIZE), pages };
}
