// A read that failed: the error in the interface's words and a button that asks again. The same
// alert on every page, so a failure reads (and is tested) alike everywhere.
import { errorText } from './errors.ts';
import { useI18n } from './i18n/i18n.tsx';

export function ReadError({
  read,
}: {
  read: { isError: boolean; error: unknown; refetch: () => Promise<unknown> };
}) {
  const { t } = useI18n();
  if (!read.isError) return null;
  return (
    <div className="inline-error" role="alert">
      <p>{errorText(t, read.error)}</p>
      <button type="button" className="button" onClick={() => void read.refetch()}>
        {t.errors.retry}
      </button>
    </div>
  );
}
