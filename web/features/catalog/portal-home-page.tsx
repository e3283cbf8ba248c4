// /cong-dich-vu-cong: the public portal's home. A procedure search that answers as the visitor types
// (debounced; the server folds diacritics and ignores word order), filters by level and online
// service, pages of results. The search lives in the address (?q=&level=&online=&page=), so the
// back button from a procedure returns to the same results; it is written with replaceState, not
// through the router, so typing neither adds history entries nor moves focus.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useRef, useState, type FormEvent } from 'react';
import { IMPLEMENTING_LEVELS, ONLINE_LEVELS } from '../../../common/catalog/procedure.ts';
import { SelectFilter } from '../../app/field-frame.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Pager } from '../../app/pager.tsx';
import { Page } from '../../app/page.tsx';
import { calendarPath, PATHS } from '../../app/paths.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { currentYear } from '../calendar/vn-time.ts';
import { catalogQueries, PORTAL_PAGE_SIZE } from './catalog-api.ts';
import { portalAddress, portalStatus, readFilters } from './portal-filters.ts';
import { ProcedureCard } from './procedure-card.tsx';
import { PublicDashboardCard } from '../citizen/public-dashboard-link.tsx';

const DEBOUNCE_MS = 250;
const MIN_LENGTH = 2;

export function PortalHomePage() {
  const { t } = useI18n();
  const { location } = useRouter();
  const [initial] = useState(() => readFilters(location.search));
  const [text, setText] = useState(initial.q);
  const [query, setQuery] = useState(initial.q.trim());
  const [level, setLevel] = useState(initial.level);
  const [online, setOnline] = useState(initial.online);
  const [page, setPage] = useState(initial.page);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  // Typing settles into the query after a short pause; a new query starts at page 1.
  useEffect(() => {
    const next = text.trim();
    if (next === query) return;
    const timer = window.setTimeout(() => {
      setQuery(next);
      setPage(1);
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, query]);

  const result = useQuery({
    ...catalogQueries.search({
      q: query.length >= MIN_LENGTH ? query : undefined,
      level: level || undefined,
      online: online || undefined,
      page,
      pageSize: PORTAL_PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  // Deferred: React renders the cards in slices that leave the phone's main thread free.
  const loaded = useDeferredValue(result.data);

  // The address follows what is typed at once (not the debounced query), so that leaving for a
  // procedure before the pause and coming back still restores the words typed.
  useEffect(() => {
    const address = portalAddress(PATHS.portal, { q: text, level, online, page });
    // Not when it is already there (the first render): replaceState costs a same-document navigation.
    const here = window.location.pathname + window.location.search;
    if (window.location.pathname === PATHS.portal && here !== address) {
      window.history.replaceState(null, '', address);
    }
  }, [text, level, online, page]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = text.trim();
    if (next !== query) {
      setQuery(next);
      setPage(1);
    }
  };

  const pages = loaded ? Math.max(1, Math.ceil(loaded.total / PORTAL_PAGE_SIZE)) : 1;
  const status = result.isFetching
    ? t.portal.searching
    : result.isError || !loaded
      ? ''
      : portalStatus(t, loaded, page, PORTAL_PAGE_SIZE);

  return (
    <Page title={t.portal.title} heading={t.portal.heading} intro={t.portal.intro} className="portal">
      <section className="panel portal-search" aria-labelledby="portal-search-heading">
        <h2 id="portal-search-heading" className="panel-heading">
          {t.portal.searchHeading}
        </h2>
        <form role="search" className="search-form" onSubmit={onSubmit}>
          <label htmlFor="procedure-search-input">{t.portal.searchLabel}</label>
          <p className="hint" id="procedure-search-hint">
            {t.portal.searchHint}
          </p>
          <input
            id="procedure-search-input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="procedure-search-hint"
            aria-controls="procedure-results"
          />
          <div className="filter-row">
            <SelectFilter
              id="procedure-level"
              className="field-inline"
              label={t.portal.level}
              value={level}
              options={[
                { value: '', label: t.portal.any },
                ...IMPLEMENTING_LEVELS.map((l) => ({ value: l, label: t.catalog.levels[l] })),
              ]}
              onChange={(next) => {
                setLevel(next);
                setPage(1);
              }}
            />
            <SelectFilter
              id="procedure-online"
              className="field-inline"
              label={t.portal.online}
              value={online}
              options={[
                { value: '', label: t.portal.any },
                ...ONLINE_LEVELS.map((l) => ({ value: l, label: t.catalog.onlineLevels[l] })),
              ]}
              onChange={(next) => {
                setOnline(next);
                setPage(1);
              }}
            />
          </div>
        </form>
      </section>

      <section
        aria-labelledby="procedure-results-heading"
        aria-busy={result.isFetching}
        className={loaded ? undefined : 'pending'}
      >
        <h2 id="procedure-results-heading" className="section-heading" tabIndex={-1} ref={resultsHeading}>
          {t.portal.resultsHeading}
        </h2>
        <p className="search-status" role="status">
          {status}
        </p>
        <ReadError read={result} />
        <ul className="procedure-list" id="procedure-results">
          {loaded?.items.map((p) => (
            <ProcedureCard key={p.code} procedure={p} />
          ))}
        </ul>
        <Pager
          label={t.portal.pagination}
          page={page}
          pages={pages}
          onPage={setPage}
          heading={resultsHeading}
          scroll
        />
      </section>

      {/* Shown once the first results are in, so that they do not push it down. */}
      {loaded || result.isError ? (
        <section aria-labelledby="portal-more-heading">
          <h2 id="portal-more-heading" className="section-heading">
            {t.portal.moreHeading}
          </h2>
          <ul className="card-list">
            <li className="card">
              <Link to={PATHS.lookup} className="card-link">
                {t.citizen.portalLinks.lookup}
              </Link>
              <p className="card-hint">{t.citizen.portalLinks.lookupHint}</p>
            </li>
            <li className="card">
              <Link to={PATHS.feedbackSend} className="card-link">
                {t.citizen.portalLinks.feedback}
              </Link>
              <p className="card-hint">{t.citizen.portalLinks.feedbackHint}</p>
            </li>
            <li className="card">
              <Link to={PATHS.feedbackPublished} className="card-link">
                {t.citizen.portalLinks.feedbackPublished}
              </Link>
              <p className="card-hint">{t.citizen.portalLinks.feedbackPublishedHint}</p>
            </li>
            <li className="card">
              <Link to={PATHS.feedbackLookup} className="card-link">
                {t.citizen.portalLinks.feedbackLookup}
              </Link>
              <p className="card-hint">{t.citizen.portalLinks.feedbackLookupHint}</p>
            </li>
            <li className="card">
              <Link to={PATHS.verify} className="card-link">
                {t.verify.nav}
              </Link>
              <p className="card-hint">{t.verify.cardHint}</p>
            </li>
            <li className="card">
              <Link to={PATHS.myDossiers} className="card-link">
                {t.citizen.portalLinks.mine}
              </Link>
              <p className="card-hint">{t.citizen.portalLinks.mineHint}</p>
            </li>
            <li className="card">
              <Link to={calendarPath(currentYear())} className="card-link">
                {t.portal.calendarLink}
              </Link>
              <p className="card-hint">{t.portal.calendarHint}</p>
            </li>
            <li className="card">
              <Link to={PATHS.dueTime} className="card-link">
                {t.portal.dueLink}
              </Link>
              <p className="card-hint">{t.portal.dueHint}</p>
            </li>
            <PublicDashboardCard />
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
