// Previous / "page n of m" / next, for any paged list. Renders nothing for a single page.
// With `heading`, focus moves to the list's heading on a new page, so that the reader starts it from
// its top; `scroll` also brings the heading to the top of the window (long lists under a search).
import type { RefObject } from 'react';
import { useI18n } from './i18n/i18n.tsx';

export function Pager({
  label,
  page,
  pages,
  onPage,
  heading,
  scroll = false,
}: {
  label: string;
  page: number;
  pages: number;
  onPage: (page: number) => void;
  heading?: RefObject<HTMLHeadingElement | null>;
  scroll?: boolean;
}) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  const go = (next: number) => {
    onPage(next);
    if (!scroll) heading?.current?.focus();
    else {
      heading?.current?.focus({ preventScroll: true });
      heading?.current?.scrollIntoView({ block: 'start' });
    }
  };
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button" disabled={page <= 1} onClick={() => go(Math.max(1, page - 1))}>
        {t.portal.previous}
      </button>
      <span className="pager-status">{t.portal.pageOf(page, pages)}</span>
      <button
        type="button"
        className="button"
        disabled={page >= pages}
        onClick={() => go(Math.min(pages, page + 1))}
      >
        {t.portal.next}
      </button>
    </nav>
  );
}
