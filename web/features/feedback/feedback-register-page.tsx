// /phan-anh-kien-nghi: the staff's register of feedback (GET /feedback): the counts (all, overdue, due
// soon: buttons that filter), a status filter and search by code or subject (300 ms after typing), 50
// rows a page with "Xem thêm" (the server's cursor). The filters live in the address (replaceState:
// typing adds no history entry), so the register can be shared and Back returns to it as it was.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useDebounced } from '../../app/use-debounced.ts';
import { FEEDBACK_STATUSES } from '../../../common/feedback/vocabulary.ts';
import { feedbackQueries, listFeedback } from './feedback-api.ts';
import { useFeedbackWords } from './feedback-fields.tsx';
import { FeedbackRegisterTable } from './feedback-register-table.tsx';
import { registerAsk, registerFilters, registerSearch, type RegisterFilters } from './feedback-rules.ts';

const STATUSES = FEEDBACK_STATUSES;
const RECORDERS = ['desk-officer', 'leader'];
const REPORT_READERS = ['leader', 'unit-admin', 'province-admin', 'auditor'];

export function FeedbackRegisterPage() {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const r = w.staff.register;
  const { session } = useSession();
  const roles = session.status === 'signed-in' ? session.user.roles.map((x) => x.role as string) : [];
  const [filters, setFilters] = useState<RegisterFilters>(() =>
    registerFilters(window.location.search, STATUSES),
  );
  const q = useDebounced(filters.q, 300);
  const ask = registerAsk({ ...filters, q });

  useEffect(() => {
    const next = `${PATHS.feedbackRegister}${registerSearch({ ...filters, q })}`;
    if (window.location.pathname === PATHS.feedbackRegister) window.history.replaceState(null, '', next);
  }, [filters, q]);

  const read = useInfiniteQuery({
    queryKey: [...feedbackQueries.all, 'register', ask] as const,
    queryFn: ({ pageParam, signal }) => listFeedback({ ...ask, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = read.data?.pages.flatMap((p) => p.items) ?? [];
  const totals = read.data?.pages[0]?.totals;
  const change = (patch: Partial<RegisterFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const dueButtons = [
    ['', r.all(totals?.all ?? 0)],
    ['overdue', r.overdue(totals?.overdue ?? 0)],
    ['due-soon', r.dueSoon(totals?.dueSoon ?? 0)],
  ] as const;

  return (
    <Page title={r.title} heading={r.title} intro={r.intro}>
      <ul className="page-links">
        {roles.some((x) => RECORDERS.includes(x)) ? (
          <li>
            <Link to={PATHS.feedbackRecord}>{r.record}</Link>
          </li>
        ) : null}
        {roles.includes('province-admin') ? (
          <li>
            <Link to={PATHS.feedbackSettings}>{r.settings}</Link>
          </li>
        ) : null}
        {roles.some((x) => REPORT_READERS.includes(x)) ? (
          <li>
            <Link to={PATHS.reportFeedback}>{r.report}</Link>
          </li>
        ) : null}
      </ul>
      <nav className="worklist-tabs" aria-label={r.counts}>
        <ul>
          {dueButtons.map(([due, label]) => (
            <li key={due}>
              <button
                type="button"
                className="worklist-tab"
                aria-pressed={filters.due === due}
                onClick={() => change({ due })}
              >
                {label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <form
        className="worklist-filters filter-row"
        role="search"
        aria-label={r.filters}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="fb-filter-status">{r.status}</label>
          <select
            id="fb-filter-status"
            value={filters.status}
            onChange={(e) => change({ status: e.target.value as RegisterFilters['status'] })}
          >
            <option value="">{r.allStatuses}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {w.statuses[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fb-filter-q">{r.search}</label>
          <p className="hint" id="fb-filter-q-hint">
            {r.searchHint}
          </p>
          <input
            id="fb-filter-q"
            type="search"
            maxLength={100}
            value={filters.q}
            aria-describedby="fb-filter-q-hint"
            onChange={(e) => change({ q: e.target.value })}
          />
        </div>
      </form>
      <section aria-busy={read.isFetching} aria-label={r.caption}>
        <p role="status" className="table-count">
          {read.isFetching && !read.isFetchingNextPage
            ? t.loading
            : read.data
              ? rows.length === 0
                ? r.empty
                : r.count(rows.length, countOf(totals, filters) ?? rows.length)
              : ''}
        </p>
        <ReadError read={read} />
        {rows.length > 0 ? <FeedbackRegisterTable rows={rows} /> : null}
        {read.hasNextPage ? (
          <button
            type="button"
            className="button"
            aria-disabled={read.isFetchingNextPage || undefined}
            onClick={() => void read.fetchNextPage()}
          >
            {read.isFetchingNextPage ? t.loading : r.more}
          </button>
        ) : null}
      </section>
    </Page>
  );
}

/** How many the filters match: the totals are over everything but status and due, so narrow by them. */
function countOf(
  totals: { all: number; byStatus: Record<string, number>; overdue: number; dueSoon: number } | undefined,
  f: RegisterFilters,
): number | null {
  if (!totals) return null;
  if (f.due === 'overdue' && !f.status) return totals.overdue;
  if (f.due === 'due-soon' && !f.status) return totals.dueSoon;
  if (f.status && !f.due) return totals.byStatus[f.status] ?? 0;
  if (!f.status && !f.due) return totals.all;
  return null;
}
