// A citizen's list, paged: its heading (where focus goes on a new page, so that the reader starts the
// new page from its top), the status line and the read's failure; then the pager.
import type { RefObject } from 'react';
import { Pager } from '../../app/pager.tsx';
import { ReadError } from '../../app/read-error.tsx';

export function ListHead({
  id,
  heading,
  headingRef,
  status,
  read,
}: {
  id: string;
  heading: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  status: string;
  read: Parameters<typeof ReadError>[0]['read'];
}) {
  return (
    <>
      <h2 id={id} className="section-heading" tabIndex={-1} ref={headingRef}>
        {heading}
      </h2>
      <p className="search-status" role="status">
        {status}
      </p>
      <ReadError read={read} />
    </>
  );
}

export function ListPager({
  label,
  page,
  pages,
  heading,
  onPage,
}: {
  label: string;
  page: number;
  pages: number;
  heading: RefObject<HTMLHeadingElement | null>;
  onPage: (page: number) => void;
}) {
  return (
    <Pager
      label={label}
      page={page}
      pages={pages}
      onPage={(n) => {
        onPage(n);
        heading.current?.focus({ preventScroll: true });
        heading.current?.scrollIntoView({ block: 'start' });
      }}
    />
  );
}
