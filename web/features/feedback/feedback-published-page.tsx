// /cong-dich-vu-cong/phan-anh-kien-nghi: the feedback and petitions answered and published, for anyone
// (GET /public/feedback): newest answer first, 20 a page, searched with or without diacritics (300 ms
// after typing). Each shows its subject, content, agency and the answer — never the sender's phone,
// e-mail or address, their name only when they agreed. The words and the page live in the address
// (?q=&trang=), so a search can be shared and Back returns to it.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { feedbackLookupPath, PATHS } from '../../app/paths.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link } from '../../app/router.tsx';
import { useDebounced } from '../../app/use-debounced.ts';
import { formatInstant } from '../calendar/vn-time.ts';
import { feedbackQueries, type PublishedFeedbackList } from './feedback-api.ts';
import { useFeedbackWords } from './feedback-fields.tsx';
import { pageCount, publishedFilters, publishedSearch, type PublishedFilters } from './feedback-rules.ts';
import '../citizen/citizen.css';
import './feedback.css';

type Item = PublishedFeedbackList['items'][number];

function PublishedItem({ item }: { item: Item }) {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const p = w.published;
  const when = (iso: string) => <time dateTime={iso}>{formatInstant(t, iso)}</time>;
  const heading = `fb-pub-${item.code}`;
  return (
    <article className="feedback-published-item" aria-labelledby={heading}>
      <h2 id={heading} className="subsection-heading" lang="vi">
        {item.subject}
      </h2>
      <p className="feedback-meta">
        <Link to={feedbackLookupPath(item.code)} className="code">
          {item.code}
        </Link>
        {' · '}
        {w.kinds[item.kind]}
        {' · '}
        {p.receivedAt} {when(item.receivedAt)}
        {' · '}
        {p.agency}: <span lang="vi">{item.agency.name}</span>
        {item.senderName ? (
          <>
            {' · '}
            {p.senderName}: <span lang="vi">{item.senderName}</span>
          </>
        ) : null}
      </p>
      <p className="feedback-text" lang="vi">
        {item.content}
      </p>
      <section className="feedback-answer" aria-label={p.answer(item.answer.agency.name)}>
        <h3 className="feedback-answer-heading">
          <span lang="vi">{p.answer(item.answer.agency.name)}</span>
        </h3>
        <p className="feedback-meta">
          {p.answeredAt} {when(item.answer.answeredAt)}
        </p>
        <p className="feedback-text" lang="vi">
          {item.answer.text}
        </p>
      </section>
    </article>
  );
}

export function FeedbackPublishedPage() {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const p = w.published;
  const [filters, setFilters] = useState<PublishedFilters>(() => publishedFilters(window.location.search));
  const q = useDebounced(filters.q, 300);
  const ask = { q: q.trim() === '' ? undefined : q.trim(), page: filters.page };

  useEffect(() => {
    const next = `${PATHS.feedbackPublished}${publishedSearch({ q, page: filters.page })}`;
    if (window.location.pathname === PATHS.feedbackPublished) window.history.replaceState(null, '', next);
  }, [q, filters.page]);

  const read = useQuery({ ...feedbackQueries.published(ask), placeholderData: keepPreviousData });
  const data = read.data;
  const pages = data ? pageCount(data.total, data.pageSize) : 1;
  const go = (page: number) => {
    setFilters((f) => ({ ...f, page }));
    document.getElementById('fb-pub-results')?.focus();
  };

  return (
    <Page title={p.title} heading={p.title} intro={p.intro} className="citizen-page">
      <ul className="page-links">
        <li>
          <Link to={PATHS.feedbackSend}>{p.send}</Link>
        </li>
        <li>
          <Link to={PATHS.feedbackLookup}>{w.lookup.title}</Link>
        </li>
      </ul>
      <form role="search" aria-label={p.search} className="lookup-form" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="fb-pub-q">{p.search}</label>
          <p className="hint" id="fb-pub-q-hint">
            {p.searchHint}
          </p>
          <input
            id="fb-pub-q"
            type="search"
            maxLength={100}
            value={filters.q}
            aria-describedby="fb-pub-q-hint"
            onChange={(e) => setFilters({ q: e.target.value, page: 1 })}
          />
        </div>
      </form>
      <section
        id="fb-pub-results"
        tabIndex={-1}
        aria-busy={read.isFetching}
        aria-label={p.results}
        className="feedback-published"
      >
        <p role="status" className="table-count">
          {read.isFetching ? t.loading : data ? (data.total === 0 ? p.empty : p.count(data.total)) : ''}
        </p>
        <ReadError read={read} />
        {data?.items.map((item) => (
          <PublishedItem key={item.code} item={item} />
        ))}
        {data && pages > 1 ? (
          <nav className="pager" aria-label={p.pagination}>
            <button
              type="button"
              className="button"
              disabled={filters.page <= 1}
              onClick={() => go(filters.page - 1)}
            >
              {p.prev}
            </button>
            <span className="pager-status">{p.page(filters.page, pages)}</span>
            <button
              type="button"
              className="button"
              disabled={filters.page >= pages}
              onClick={() => go(filters.page + 1)}
            >
              {p.next}
            </button>
          </nav>
        ) : null}
      </section>
    </Page>
  );
}
