// /cong-dich-vu-cong/ho-so-cua-toi: the signed-in citizen's dossiers (those in their name, and those
// they submitted), newest first: code, procedure, agency, status in the applicant's words, dates and
// the due date; a status filter and pages. Cards rather than a table: read first on a phone.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { DOSSIER_STATUS_KEYS } from '../../../common/dossiers/statuses.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { myDossierPath, PATHS } from '../../app/paths.ts';
import { readStatus } from '../../app/query.ts';
import { Link } from '../../app/router.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { citizenQueries, MY_DOSSIERS_PAGE_SIZE, type DossierStatusValue } from './citizen-api.ts';
import { CitizenGate } from './citizen-gate.tsx';
import { Pager } from '../../app/pager.tsx';
import { ListHead } from './citizen-pager.tsx';
import { citizenStatusLabel } from './citizen-format.ts';
import './citizen.css';
import { Fact } from './fact.tsx';

function MyDossiers() {
  const { t } = useI18n();
  const c = t.citizen.myDossiers;
  const [status, setStatus] = useState<DossierStatusValue | ''>('');
  const [page, setPage] = useState(1);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const result = useQuery({
    ...citizenQueries.myDossiers({ status: status || undefined, page }),
    placeholderData: keepPreviousData,
  });

  const loaded = result.data;
  const pages = loaded ? Math.max(1, Math.ceil(loaded.total / MY_DOSSIERS_PAGE_SIZE)) : 1;
  const statusLine = readStatus(result, t.loading, (data) => {
    if (data.total > 0) return c.count(data.total);
    return status ? c.noneWithStatus : c.none;
  });

  return (
    <>
      <div className="field my-dossiers-filter">
        <label htmlFor="my-dossiers-status">{c.statusFilter}</label>
        <select
          id="my-dossiers-status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as DossierStatusValue | '');
            setPage(1);
          }}
        >
          <option value="">{t.portal.any}</option>
          {DOSSIER_STATUS_KEYS.map((s) => (
            <option key={s} value={s}>
              {citizenStatusLabel(t, s)}
            </option>
          ))}
        </select>
      </div>
      <section aria-labelledby="my-dossiers-heading" aria-busy={result.isFetching}>
        <ListHead
          id="my-dossiers-heading"
          heading={c.listHeading}
          headingRef={listHeading}
          status={statusLine}
          read={result}
        />
        {loaded && loaded.total === 0 && !status ? (
          <p>
            <Link to={PATHS.portal}>{c.findProcedure}</Link>
          </p>
        ) : null}
        <ul className="my-dossier-list">
          {loaded?.items.map((d) => {
            const due = d.dueAt;
            return (
              <li key={d.code} className="my-dossier-card">
                <p className="my-dossier-procedure">
                  <Link to={myDossierPath(d.code)} className="card-link">
                    {d.procedureName}
                  </Link>
                </p>
                <p className="my-dossier-code">
                  <span className="visually-hidden">{c.code}: </span>
                  <span className="code">{d.code}</span>
                </p>
                <p>
                  <span className={`status-badge status-badge-${d.status}`}>
                    {citizenStatusLabel(t, d.status)}
                  </span>
                </p>
                <dl className="my-dossier-facts">
                  <Fact label={c.agency}>{d.agencyName}</Fact>
                  <Fact label={c.submitted}>{formatInstant(t, d.submittedAt)}</Fact>
                  {d.returnedAt ? (
                    <Fact label={c.returned}>{formatInstant(t, d.returnedAt)}</Fact>
                  ) : (
                    <div>
                      <dt>{c.due}</dt>
                      <dd>
                        {due ? formatInstant(t, due) : d.receivedAt ? t.dossiers.noDue : c.dueAfterReceipt}
                      </dd>
                    </div>
                  )}
                </dl>
              </li>
            );
          })}
        </ul>
        <Pager label={c.pagination} page={page} pages={pages} onPage={setPage} heading={listHeading} scroll />
      </section>
    </>
  );
}

export function MyDossiersPage() {
  const { t } = useI18n();
  const c = t.citizen.myDossiers;
  return (
    <Page title={c.title} heading={c.title} intro={c.intro} className="citizen-page">
      <CitizenGate>{() => <MyDossiers />}</CitizenGate>
    </Page>
  );
}
