// /bao-cao/chi-so-766: the Decision 766 index computed locally (GET /reports/index-766): the score of
// the scope beside the national portal's official one, each group and indicator with the dossiers or
// procedures behind it (or why motcua has no figure for it), each agency's groups, the same as .xlsx
// and PDF, and, for province administrators, the form that records the official score. Period and
// agency live in the address.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { vnDate } from '../../../common/time/vn-time.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { useRouter } from '../../app/router.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { ByAgency, Groups, OfficialForm, ScoreSummary } from './index-766-parts.tsx';
import { kpiMessages } from './kpi-messages.ts';
import { kpiQueries } from './kpis-api.ts';
import { civilText, readReportAddress, reportHref } from './kpis-model.ts';
import { ReportDownloads } from './report-downloads.tsx';
import { ReportFilters } from './report-filters.tsx';
import { ReportsNav } from './reports-nav.tsx';
import './kpis.css';

export function Index766Page() {
  const { lang, t } = useI18n();
  const m = kpiMessages(lang);
  const { location, navigate } = useRouter();
  const address = useMemo(() => readReportAddress(location.search, vnDate(new Date())), [location.search]);
  const read = useQuery({ ...kpiQueries.index766(address), placeholderData: keepPreviousData });
  const data = read.isError ? undefined : read.data;
  return (
    <Page title={m.index.title} heading={m.index.title} intro={m.index.intro} className="index-766-page">
      <ReportsNav />
      <ReportFilters value={address} onShow={(a) => navigate(reportHref(PATHS.report766, a))} />
      <p className="overview-status" role="status">
        {readStatus(read, m.loading, (d) => `${civilText(d.from)} – ${civilText(d.to)}`)}
      </p>
      <ReadError read={read} />
      {data ? (
        <div aria-busy={read.isFetching}>
          <p className="note">
            <span lang="vi">{data.scope.map((a) => a.name).join(', ')}</span> · {formatInstant(t, data.asOf)}
          </p>
          <p className="note">{m.index.version(data.formula.version, civilText(data.formula.validFrom))}</p>
          <ScoreSummary score={data.total.score} official={data.total.official} period={data.period} />
          <Groups score={data.total.score} />
          {data.rows.length > 0 ? <ByAgency data={data} /> : null}
          <ReportDownloads path="/api/v1/reports/index-766" query={address} />
          {data.canRecordOfficial ? (
            <OfficialForm
              agencies={[...data.scope, ...data.rows.map((r) => r.agency)]}
              period={data.period}
            />
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}
