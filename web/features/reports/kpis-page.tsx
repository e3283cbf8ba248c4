// /bao-cao/chi-tieu: the KPIs against the province's targets (GET /reports/kpis): each figure of the
// period against its target with the dossiers behind it, the twelve months of a chosen KPI (a chart
// and its table), each receiving agency's KPIs, the same as .xlsx and PDF, and the targets themselves (set
// here by the province's administrators). Period and agency live in the address (?tu=&den=&co-quan=).
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
import { KpiByAgency, KpiCards, KpiTrend } from './kpi-parts.tsx';
import { KpiTargets } from './kpi-targets-form.tsx';
import { kpiMessages } from './kpi-messages.ts';
import { kpiQueries } from './kpis-api.ts';
import { civilText, readReportAddress, reportHref } from './kpis-model.ts';
import { ReportDownloads } from './report-downloads.tsx';
import { ReportFilters } from './report-filters.tsx';
import { ReportsNav } from './reports-nav.tsx';
import './kpis.css';

export function KpisPage() {
  const { lang, t } = useI18n();
  const m = kpiMessages(lang);
  const { location, navigate } = useRouter();
  const address = useMemo(() => readReportAddress(location.search, vnDate(new Date())), [location.search]);
  const read = useQuery({ ...kpiQueries.kpis(address), placeholderData: keepPreviousData });
  const data = read.isError ? undefined : read.data;
  return (
    <Page title={m.kpis.title} heading={m.kpis.title} intro={m.kpis.intro} className="kpis-page">
      <ReportsNav />
      <ReportFilters value={address} onShow={(a) => navigate(reportHref(PATHS.reportKpis, a))} />
      <p className="overview-status" role="status">
        {readStatus(read, m.loading, (d) => `${civilText(d.from)} – ${civilText(d.to)}`)}
      </p>
      <ReadError read={read} />
      {data ? (
        <div aria-busy={read.isFetching}>
          <p className="note">
            <span lang="vi">{data.scope.map((a) => a.name).join(', ')}</span> · {formatInstant(t, data.asOf)}
          </p>
          <p className="note">{m.kpis.targetsSource(data.targets.source === 'province')}</p>
          <KpiCards figures={data.total.figures} />
          <KpiTrend trend={data.trend} />
          <KpiByAgency data={data} />
          <ReportDownloads path="/api/v1/reports/kpis" query={address} />
          {data.province ? <KpiTargets province={data.province.code} /> : null}
        </div>
      ) : null}
    </Page>
  );
}
