// /bao-cao: the leader's overview of their units (GET /reports/overview): the month's dossiers by
// status, what is due soon and overdue now, the month's results early, on time or late, the same per
// receiving agency, and the agencies with a desk that received nothing. Every chart has its numbers
// in a table below it ("Bảng số liệu"). Month and agency live in the address (?thang=&co-quan=), so a
// view can be shared and Back returns to the previous one; an agency's name opens its own overview.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { vnMonthOf } from '../../../common/reports/overview.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { ByAgency, WithoutDossiers } from './overview-agencies.tsx';
import { ByStatus, Figures, Results } from './overview-charts.tsx';
import { OverviewFilters, type Filters } from './overview-filters.tsx';
import { agencyOptions, formatsFor, isEmpty, overviewHref, readOverviewQuery } from './overview-model.ts';
import { reportQueries } from './reports-api.ts';
import { ReportsNav } from './reports-nav.tsx';

function Definitions({ t }: { t: Messages }) {
  return (
    <section className="overview-definitions" aria-labelledby="overview-definitions">
      <h2 id="overview-definitions" className="section-heading">
        {t.reports.definitions.heading}
      </h2>
      <dl>
        {t.reports.definitions.items.map(([term, meaning]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The per-agency table of the month as a file (GET /reports/overview?format=). */
function overviewExportHref(month: string, agencyCode: string | undefined, format: 'xlsx' | 'pdf'): string {
  const q = new URLSearchParams({ month, format });
  if (agencyCode) q.set('agencyCode', agencyCode);
  return `/api/v1/reports/overview?${q.toString()}`;
}

export function OverviewPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { location, navigate } = useRouter();
  const query = useMemo(() => readOverviewQuery(location.search), [location.search]);
  const f = useMemo(() => formatsFor(t), [t]);
  // The last overview stays on screen (busy) while the next month or agency loads.
  const result = useQuery({
    ...reportQueries.overview({ month: query.month, agencyCode: query.agencyCode }),
    placeholderData: keepPreviousData,
  });
  const data = result.isError ? undefined : result.data;
  const roles = session.status === 'signed-in' ? session.user.roles : [];
  // An agency opened from the table is not one of the user's own: offer it in the list too.
  const options = useMemo(
    () => agencyOptions(roles, data, query.agencyCode),
    [roles, data, query.agencyCode],
  );
  const filters = useMemo<Filters>(
    () => ({ month: query.month ?? vnMonthOf(new Date()), agency: query.agencyCode ?? '' }),
    [query.month, query.agencyCode],
  );

  const onShow = ({ month, agency }: Filters) =>
    navigate(overviewHref({ month, agencyCode: agency === '' ? undefined : agency }));

  const r = t.reports;
  const month = data?.month ?? filters.month;
  return (
    <Page title={r.title} heading={r.heading} intro={r.intro} className="overview-page">
      <ReportsNav />
      <OverviewFilters value={filters} agencies={options} onShow={onShow} />

      <p className="overview-status" role="status">
        {readStatus(result, r.loading, (d) => r.loaded(r.period(d.month)))}
      </p>
      <ReadError read={result} />

      {data ? (
        <div className="overview-body" aria-busy={result.isFetching}>
          <h2 className="section-heading overview-period">{r.periodHeading(r.period(month))}</h2>
          <p className="note">
            {r.scope}: <span lang="vi">{data.scope.map((a) => a.name).join(', ')}</span>
          </p>
          <p className="note">{r.asOf(formatInstant(t, data.asOf))}</p>
          <Figures t={t} f={f} figures={data.totals} />
          {isEmpty(data.totals) ? (
            <p className="notice overview-empty">{r.empty}</p>
          ) : (
            <>
              <ByStatus t={t} f={f} figures={data.totals} />
              <Results t={t} f={f} figures={data.totals} />
              <ByAgency t={t} f={f} data={data} />
            </>
          )}
          <p className="row-actions overview-downloads">
            <a className="button" href={overviewExportHref(month, query.agencyCode, 'xlsx')} download>
              {t.ii06a.xlsx}
            </a>
            <a className="button" href={overviewExportHref(month, query.agencyCode, 'pdf')} download>
              {t.ii06a.pdf}
            </a>
          </p>
          <WithoutDossiers t={t} f={f} data={data} />
          <Definitions t={t} />
        </div>
      ) : null}
    </Page>
  );
}
