// /ho-so: the staff worklists. One button per list (GET /dossiers/counts gives their counts), a
// search by applicant name or dossier code (the server folds diacritics), the dossiers in a table
// with their due time (overdue and due-soon marked), paging. The list, the words and the page are
// kept in the address with replaceState (as the portal does): Back from a dossier restores them.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { WORKLIST_VALUES } from '../../../common/contracts/dossiers.ts';
import { DOSSIER_STATUSES, type DossierStatus } from '../../../common/dossiers/index.ts';
import { withQuery } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Pager } from '../../app/pager.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { dossierPath, PATHS } from '../../app/paths.ts';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { TableHead } from '../../app/ui/table-head.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { dossierQueries, WORKLIST_PAGE_SIZE, type DossierListItem, type Worklist } from './dossiers-api.ts';
import { statusLabel } from './dossier-format.ts';

const DEBOUNCE_MS = 300;
const DEFAULT_LIST: Worklist = 'agency';
const DAY_MS = 24 * 60 * 60 * 1000;

const isWorklist = (v: string | null): v is Worklist =>
  v !== null && (WORKLIST_VALUES as readonly string[]).includes(v);

function readQuery(search: string): { list: Worklist; q: string; page: number } {
  const p = new URLSearchParams(search);
  const list = p.get('ds');
  const page = Number(p.get('trang'));
  return {
    list: isWorklist(list) ? list : DEFAULT_LIST,
    q: p.get('q') ?? '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export type DueState = 'overdue' | 'due-soon' | 'on-time' | 'none';

/** Overdue or due within a day, only while the legal clock runs (not paused, not finished). */
export function dueState(status: string, due: string | null, now = Date.now()): DueState {
  const info = DOSSIER_STATUSES[status as DossierStatus] as
    (typeof DOSSIER_STATUSES)[DossierStatus] | undefined;
  if (!due || info?.clock !== 'running') return 'none';
  const left = new Date(due).getTime() - now;
  if (left < 0) return 'overdue';
  return left < DAY_MS ? 'due-soon' : 'on-time';
}

export function DueCell({ t, status, due }: { t: Messages; status: string; due: string | null }) {
  if (!due) return <span className="muted">{t.dossiers.noDue}</span>;
  const state = dueState(status, due);
  return (
    <>
      <span className={`due due-${state}`}>{formatInstant(t, due)}</span>
      {state === 'overdue' || state === 'due-soon' ? (
        <>
          {' '}
          <span className={`tag tag-${state}`}>{t.dossiers.dueState[state]}</span>
        </>
      ) : null}
    </>
  );
}

function DossierTable({ t, items, caption }: { t: Messages; items: DossierListItem[]; caption: string }) {
  const c = t.dossiers.columns;
  return (
    <table className="table dossier-table">
      <caption className="visually-hidden">{caption}</caption>
      <TableHead columns={[c.code, c.applicant, c.procedure, c.received, c.due, c.status, c.agency]} />
      <tbody>
        {items.map((d) => {
          const due = d.extendedDueAt ?? d.dueAt;
          return (
            <tr key={d.code} className={`due-row-${dueState(d.status, due)}`}>
              <th scope="row" data-label={c.code}>
                <Link to={dossierPath(d.code)} className="code dossier-code">
                  {d.code}
                </Link>
              </th>
              <td data-label={c.applicant} lang="vi">
                {d.applicantName}
              </td>
              <td data-label={c.procedure}>
                <span className="code">{d.procedureCode}</span>
              </td>
              <td data-label={c.received}>
                {d.receivedAt ? (
                  formatInstant(t, d.receivedAt)
                ) : (
                  <span className="muted">{t.dossiers.notReceived}</span>
                )}
              </td>
              <td data-label={c.due}>
                <DueCell t={t} status={d.status} due={due} />
              </td>
              <td data-label={c.status}>
                <span className={`status status-${d.status}`}>{statusLabel(t, d.status)}</span>
              </td>
              <td data-label={c.agency} lang="vi">
                {d.currentAgency.name}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function WorklistPage() {
  const { t } = useI18n();
  const { location } = useRouter();
  const [initial] = useState(() => readQuery(location.search));
  const [list, setList] = useState<Worklist>(initial.list);
  const [text, setText] = useState(initial.q);
  const [query, setQuery] = useState(initial.q.trim());
  const [page, setPage] = useState(initial.page);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // The counts only decorate the buttons: a failure shows '…' and the lists still work.
  const counts = useQuery(dossierQueries.counts()).data;
  // The rows of the last answer stay on screen while the next page or list loads.
  const result = useQuery({
    ...dossierQueries.list({ list, q: query.slice(0, 100) || undefined, page, pageSize: WORKLIST_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    const next = text.trim();
    if (next === query) return;
    const timer = window.setTimeout(() => {
      setQuery(next);
      setPage(1);
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, query]);

  useEffect(() => {
    const address = withQuery(PATHS.dossiers, {
      ds: list === DEFAULT_LIST ? undefined : list,
      q: text.trim() || undefined,
      trang: page > 1 ? page : undefined,
    });
    if (window.location.pathname === PATHS.dossiers) window.history.replaceState(null, '', address);
  }, [list, text, page]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = text.trim();
    if (next !== query) {
      setQuery(next);
      setPage(1);
    }
  };

  const loaded = result.data;
  const pages = loaded ? Math.max(1, Math.ceil(loaded.total / WORKLIST_PAGE_SIZE)) : 1;
  const status = readStatus(result, t.loading, (data) => {
    const from = (page - 1) * WORKLIST_PAGE_SIZE + 1;
    if (data.total > 0) return t.dossiers.found(data.total, from, from + data.items.length - 1);
    return query ? t.dossiers.noneFound : t.dossiers.empty;
  });

  return (
    <Page title={t.dossiers.worklistTitle} heading={t.dossiers.worklistTitle} className="worklist-page">
      <p className="page-actions">
        <Link to={PATHS.intake} className="button button-primary">
          {t.dossiers.intakeLink}
        </Link>
      </p>
      <nav className="worklist-tabs" aria-label={t.dossiers.listsLabel}>
        <ul>
          {WORKLIST_VALUES.map((w) => (
            <li key={w}>
              <button
                type="button"
                className="worklist-tab"
                aria-pressed={w === list}
                onClick={() => {
                  setList(w);
                  setPage(1);
                }}
              >
                {t.dossiers.lists[w]}
                <span className="worklist-count">
                  <span className="visually-hidden">: </span>
                  {counts ? counts[w] : '…'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <form role="search" className="search-form worklist-search" onSubmit={onSubmit}>
        <label htmlFor="dossier-search">{t.dossiers.searchLabel}</label>
        <div className="search-row">
          <input
            id="dossier-search"
            type="search"
            value={text}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button">
            {t.dossiers.search}
          </button>
        </div>
      </form>
      <section aria-labelledby="dossier-results-heading" aria-busy={result.isFetching}>
        <h2 id="dossier-results-heading" className="section-heading" tabIndex={-1} ref={resultsHeading}>
          {t.dossiers.lists[list]}
        </h2>
        <p className="search-status" role="status">
          {status}
        </p>
        <ReadError read={result} />
        {loaded && loaded.items.length > 0 ? (
          <DossierTable t={t} items={loaded.items} caption={t.dossiers.lists[list]} />
        ) : null}
        <Pager
          label={t.dossiers.pagination}
          page={page}
          pages={pages}
          onPage={setPage}
          heading={resultsHeading}
          scroll
        />
      </section>
    </Page>
  );
}
