// A failed read of a page about one thing (a procedure, a workflow): "not found" in the page's own
// words for a 404, else the error in words; "Thử lại" asks again.
import { errorText } from './errors.ts';
import { ApiError } from './http.ts';
import { useI18n } from './i18n/i18n.tsx';

export function NotFoundOrError({
  read,
  notFound,
}: {
  read: { error: unknown; refetch: () => Promise<unknown> };
  notFound: string;
}) {
  const { t } = useI18n();
  return (
    <div className="inline-error" role="alert">
      <p>
        {read.error instanceof ApiError && read.error.status === 404 ? notFound : errorText(t, read.error)}
      </p>
      <button type="button" className="button" onClick={() => void read.refetch()}>
        {t.errors.retry}
      </button>
    </div>
  );
}
