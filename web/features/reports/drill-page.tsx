// /bao-cao/ho-so?nguon=<list>&ve=<report page>: the dossiers (or procedures) behind a report's figure,
// read from the list the report links to (GET /reports/kpis/dossiers, /kpis/procedures,
// /ii06a/dossiers); only those lists are followed. Each dossier opens its own page.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Ii06aDrillItem } from '../../../common/contracts/report-ii06a.ts';
import type { KpiProcedureItem } from '../../../common/contracts/report-kpis.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { Pager } from '../../app/pager.tsx';
import { dossierPath, PATHS } from '../../app/paths.ts';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link, useSearchParam } from '../../app/router.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { kpiMessages } from './kpi-messages.ts';
import { kpiQueries } from './kpis-api.ts';
import { isReportList, isReportPage } from './kpis-model.ts';
import { OverviewTable } from './overview-table.tsx';
import './kpis.css';

const PAGE_SIZE = 50;

const isProcedure = (item: object): item is KpiProcedureItem => 'onlineLevel' in item;

export function DrillPage() {
  const { lang, t } = useI18n();
  const m = kpiMessages(lang).drill;
  const source = useSearchParam('nguon');
  const back = useSearchParam('ve');
  const [page, setPage] = useState(1);
  const heading = useRef<HTMLHeadingElement>(null);
  const valid = isReportList(source);
  const link = valid ? `${source}&page=${page}&pageSize=${PAGE_SIZE}` : '';
  const read = useQuery({ ...kpiQueries.drill(link), enabled: valid, placeholderData: keepPreviousData });
  const data = read.isError ? undefined : read.data;
  const n = new Intl.NumberFormat(t.time.numberLocale);
  const items = (data?.items ?? []) as (Ii06aDrillItem | KpiProcedureItem)[];
  const procedures = items.length > 0 && isProcedure(items[0]!);
  return (
    <Page title={m.title} heading={data?.label ?? m.title} className="drill-page">
      <p>
        <Link to={isReportPage(back) ? back : PATHS.reports}>{m.back}</Link>
      </p>
      {!valid ? (
        <p className="inline-error" role="alert">
          {m.invalid}
        </p>
      ) : (
        <>
          <p className="overview-status" role="status">
            {readStatus(read, t.loading, (d) => (procedures ? m.procedures : m.count)(n.format(d.total)))}
          </p>
          <ReadError read={read} />
          <h2 ref={heading} tabIndex={-1} className="visually-hidden">
            {data?.label ?? m.title}
          </h2>
          {procedures ? (
            <OverviewTable
              caption={data?.label ?? ''}
              columns={[{ label: m.procedure }, { label: m.level }, { label: m.agencies, num: true }]}
              rows={(items as KpiProcedureItem[]).map((p) => ({
                key: p.code,
                header: (
                  <span lang="vi">
                    {p.code} {p.name}
                  </span>
                ),
                cells: [
                  { label: m.level, value: p.onlineLevel ?? '–' },
                  { label: m.agencies, value: n.format(p.agencies), num: true },
                ],
              }))}
            />
          ) : (
            <OverviewTable
              caption={data?.label ?? ''}
              columns={[
                { label: m.code },
                { label: m.procedure },
                { label: m.status },
                { label: m.received },
                { label: m.resolved },
              ]}
              rows={(items as Ii06aDrillItem[]).map((d) => ({
                key: d.code,
                header: <Link to={dossierPath(d.code)}>{d.code}</Link>,
                cells: [
                  { label: m.procedure, value: <span lang="vi">{d.procedureName}</span> },
                  { label: m.status, value: <span lang="vi">{d.statusLabel}</span> },
                  { label: m.received, value: formatInstant(t, d.receivedAt) },
                  { label: m.resolved, value: d.resolvedAt ? formatInstant(t, d.resolvedAt) : '–' },
                ],
              }))}
            />
          )}
          <Pager
            label={m.title}
            page={page}
            pages={data ? Math.ceil(data.total / PAGE_SIZE) : 1}
            onPage={setPage}
            heading={heading}
          />
        </>
      )}
    </Page>
  );
}
