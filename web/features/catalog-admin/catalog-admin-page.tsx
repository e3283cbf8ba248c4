// /quan-tri/thu-tuc: the catalogue for administrators. Search as you type (the public search: folded
// diacritics, any word order, codes), each procedure linking to its versions and workflows.
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../../app/errors.ts';
import { isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { Pager } from '../../app/pager.tsx';
import { procedureAdminPath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { searchProcedures, type ProcedureListItem } from '../catalog/catalog-api.ts';

const DEBOUNCE_MS = 250;
const PAGE_SIZE = 20;

type Loaded = { items: ProcedureListItem[]; total: number; page: number };
type Result =
  | { kind: 'loading'; last: Loaded | null }
  | { kind: 'done'; last: Loaded }
  | { kind: 'error'; error: unknown; last: Loaded | null };

export function CatalogAdminPage() {
  const { t } = useI18n();
  const c = t.catalogAdmin;
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [reloadKey, setReloadKey] = useState(0);
  const [result, setResult] = useState<Result>({ kind: 'loading', last: null });
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setResult((r) => ({ kind: 'loading', last: r.last }));
    const words = q.trim();
    const timer = window.setTimeout(() => {
      searchProcedures(
        { q: words.length >= 2 ? words : undefined, page, pageSize: PAGE_SIZE },
        controller.signal,
      )
        .then((res) => setResult({ kind: 'done', last: { ...res, page } }))
        .catch((error: unknown) => {
          if (!isAbort(error)) setResult((r) => ({ kind: 'error', error, last: r.last }));
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q, page, reloadKey]);

  const last = result.last;
  const pages = last ? Math.max(1, Math.ceil(last.total / PAGE_SIZE)) : 1;

  return (
    <Page title={c.title} heading={c.title} intro={c.intro} className="catalog-admin-page">
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="catalog-admin-q">{c.searchLabel}</label>
          <p className="hint" id="catalog-admin-q-hint">
            {c.searchHint}
          </p>
          <input
            id="catalog-admin-q"
            type="search"
            value={q}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="catalog-admin-q-hint"
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
        </div>
      </form>
      <section aria-labelledby="catalog-admin-results">
        <h2 id="catalog-admin-results" className="section-heading" tabIndex={-1} ref={resultsHeading}>
          {c.resultsHeading}
        </h2>
        <p className="muted" role="status">
          {result.kind === 'loading' ? t.loading : result.kind === 'done' ? c.count(result.last.total) : ''}
        </p>
        {result.kind === 'error' ? (
          <div className="inline-error" role="alert">
            <p>{errorText(t, result.error)}</p>
            <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
              {t.errors.retry}
            </button>
          </div>
        ) : null}
        {last && last.items.length > 0 ? (
          <table className="table catalog-admin-table">
            <caption className="visually-hidden">{c.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.columns.code}</th>
                <th scope="col">{c.columns.name}</th>
                <th scope="col">{c.columns.field}</th>
              </tr>
            </thead>
            <tbody>
              {last.items.map((p) => (
                <tr key={p.code}>
                  <td data-label={c.columns.code}>
                    <span className="code">{p.code}</span>
                  </td>
                  <th scope="row" data-label={c.columns.name}>
                    <Link to={procedureAdminPath(p.code)}>{p.name}</Link>
                  </th>
                  <td data-label={c.columns.field}>{p.field?.name ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <Pager
          label={c.pager}
          page={last?.page ?? page}
          pages={pages}
          onPage={(p) => {
            setPage(p);
            resultsHeading.current?.focus();
          }}
        />
      </section>
    </Page>
  );
}
