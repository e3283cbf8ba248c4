// A citizen's list, paged: its heading (where focus goes on a new page, so that the reader starts the
// new page from its top: app/pager.tsx), the status line and the read's failure.
import type { RefObject } from 'react';
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
