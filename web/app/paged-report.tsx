// A report's rows a page at a time (the catalogue and agency code list imports): "Hiện" with its
// filters above — another filter starts again at page 1 —, the page's rows (drawn by the owner) or the
// words for none, and the pager below, which brings the focus back to the report's heading.
import { useState, type ReactNode, type RefObject } from 'react';
import { SelectFilter } from './field-frame.tsx';
import { Pager } from './pager.tsx';
import { pageOfRows } from './paging.ts';

export type PagedReportProps<F extends string, R> = {
  /** The filter's id. */
  id: string;
  label: string;
  /** The filters, the first shown at first. */
  filters: readonly F[];
  filterLabel: (filter: F) => string;
  rowsOf: (filter: F) => readonly R[];
  /** What is said when a filter keeps no row. */
  none: string;
  /** The pager's name. */
  pager: string;
  heading: RefObject<HTMLHeadingElement | null>;
  children: (rows: R[]) => ReactNode;
};

export function PagedReport<F extends string, R>(props: PagedReportProps<F, R>) {
  const [filter, setFilter] = useState<F>(props.filters[0]!);
  const [page, setPage] = useState(1);
  const shown = pageOfRows(props.rowsOf(filter), page);
  return (
    <>
      <SelectFilter
        id={props.id}
        label={props.label}
        value={filter}
        options={props.filters.map((f) => ({ value: f, label: props.filterLabel(f) }))}
        onChange={(f) => {
          setFilter(f);
          setPage(1);
        }}
      />
      {shown.rows.length === 0 ? <p>{props.none}</p> : props.children(shown.rows)}
      <Pager label={props.pager} page={page} pages={shown.pages} onPage={setPage} heading={props.heading} />
    </>
  );
}
