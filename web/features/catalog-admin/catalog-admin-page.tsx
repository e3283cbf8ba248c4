// /quan-tri/thu-tuc: the catalogue for administrators. Search as you type (the public search: folded
// diacritics, any word order, codes), each procedure linking to its versions and workflows; for a
// province administrator, the import of a catalogue file below it (catalogue-import.tsx).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { Pager } from '../../app/pager.tsx';
import { procedureAdminPath } from '../../app/paths.ts';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useDebounced } from '../../app/use-debounced.ts';
import { catalogQueries } from '../catalog/catalog-api.ts';
import { CatalogueImportSection } from './catalogue-import.tsx';

const DEBOUNCE_MS = 250;
const PAGE_SIZE = 20;

export function CatalogAdminPage() {
  const { t } = useI18n();
  const c = t.catalogAdmin;
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const words = useDebounced(q.trim(), DEBOUNCE_MS);
  const result = useQuery({
    ...catalogQueries.search({ q: words.length >= 2 ? words : undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const typing = words !== q.trim();
  const { session } = useSession();
  // Only a province administrator changes the catalogue (the server's catalog.policy.ts).
  const isProvinceAdmin =
    session.status === 'signed-in' && session.user.roles.some((r) => r.role === 'province-admin');

  const last = result.data;
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
          {typing ? t.loading : readStatus(result, t.loading, (data) => c.count(data.total))}
        </p>
        <ReadError read={result} />
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
                    <Link to={procedureAdminPath(p.code)} lang="vi">
                      {p.name}
                    </Link>
                  </th>
                  <td data-label={c.columns.field} lang="vi">
                    {p.field?.name ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <Pager label={c.pager} page={page} pages={pages} onPage={setPage} heading={resultsHeading} />
      </section>
      {isProvinceAdmin ? <CatalogueImportSection /> : null}
    </Page>
  );
}
