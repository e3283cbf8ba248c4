// /cong-dich-vu-cong/ho-so-cua-toi: the signed-in citizen's dossiers (those in their name, and those
// they submitted), newest first: code, procedure, agency, status in the applicant's words, dates and
// the due date; a status filter and pages. Cards rather than a table: read first on a phone.
import { useEffect, useRef, useState } from 'react';
import { DOSSIER_STATUS_KEYS } from '../../../common/dossiers/statuses.ts';
import { errorText } from '../../app/errors.ts';
import { isAbort } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { Pager } from '../../app/pager.tsx';
import { myDossierPath, PATHS } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import {
  listMyDossiers,
  MY_DOSSIERS_PAGE_SIZE,
  type DossierStatusValue,
  type OwnDossierListData,
} from './citizen-api.ts';
import { CitizenGate } from './citizen-gate.tsx';
import { citizenStatusLabel } from './citizen-format.ts';
import './citizen.css';

type Result =
  | { kind: 'loading'; last: OwnDossierListData | null }
  | { kind: 'done'; last: OwnDossierListData }
  | { kind: 'error'; error: unknown; last: OwnDossierListData | null };

function MyDossiers() {
  const { t } = useI18n();
  const c = t.citizen.myDossiers;
  const [status, setStatus] = useState<DossierStatusValue | ''>('');
  const [page, setPage] = useState(1);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Result>({ kind: 'loading', last: null });
  const listHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setResult((r) => ({ kind: 'loading', last: r.last }));
    listMyDossiers({ status: status || undefined, page }, controller.signal)
      .then((last) => setResult({ kind: 'done', last }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setResult((r) => ({ kind: 'error', error, last: r.last }));
      });
    return () => controller.abort();
  }, [status, page, attempt]);

  const loaded = result.last;
  const pages = loaded ? Math.max(1, Math.ceil(loaded.total / MY_DOSSIERS_PAGE_SIZE)) : 1;
  const statusLine =
    result.kind === 'loading'
      ? t.loading
      : loaded
        ? loaded.total === 0
          ? status
            ? c.noneWithStatus
            : c.none
          : c.count(loaded.total)
        : '';

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
      <section aria-labelledby="my-dossiers-heading" aria-busy={result.kind === 'loading'}>
        <h2 id="my-dossiers-heading" className="section-heading" tabIndex={-1} ref={listHeading}>
          {c.listHeading}
        </h2>
        <p className="search-status" role="status">
          {statusLine}
        </p>
        {result.kind === 'error' ? (
          <div className="inline-error" role="alert">
            <p>{errorText(t, result.error)}</p>
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              {t.errors.retry}
            </button>
          </div>
        ) : null}
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
                  <div>
                    <dt>{c.agency}</dt>
                    <dd>{d.agencyName}</dd>
                  </div>
                  <div>
                    <dt>{c.submitted}</dt>
                    <dd>{formatInstant(t, d.submittedAt)}</dd>
                  </div>
                  {d.returnedAt ? (
                    <div>
                      <dt>{c.returned}</dt>
                      <dd>{formatInstant(t, d.returnedAt)}</dd>
                    </div>
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
        {loaded ? (
          <Pager
            label={c.pagination}
            page={page}
            pages={pages}
            onPage={(n) => {
              setPage(n);
              listHeading.current?.focus({ preventScroll: true });
              listHeading.current?.scrollIntoView({ block: 'start' });
            }}
          />
        ) : null}
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
