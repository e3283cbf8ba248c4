// Previous / "page n of m" / next, for any paged list. Renders nothing for a single page.
import { useI18n } from './i18n/i18n.tsx';

export function Pager({
  label,
  page,
  pages,
  onPage,
}: {
  label: string;
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="button"
        disabled={page <= 1}
        onClick={() => onPage(Math.max(1, page - 1))}
      >
        {t.portal.previous}
      </button>
      <span className="pager-status">{t.portal.pageOf(page, pages)}</span>
      <button
        type="button"
        className="button"
        disabled={page >= pages}
        onClick={() => onPage(Math.min(pages, page + 1))}
      >
        {t.portal.next}
      </button>
    </nav>
  );
}
