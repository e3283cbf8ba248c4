// /bao-cao/ii06a/ho-so: the dossiers behind one figure of Biểu II.06a (GET /reports/ii06a/dossiers),
// "Cột (10) Quá hạn — 12 hồ sơ — <row> — <period>", listed as the worklist lists them (the code opens
// the dossier), a page at a time, with the way back to the report. The row's name (data, marked
// Vietnamese) and the period come from the report itself (the same query as the report page, so
// usually from the cache); the period is named in the interface's language (t.ii06a.periodLabel).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { Pager } from '../../app/pager.tsx';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { withData } from '../../app/ui/data-text.tsx';
import { TableHead } from '../../app/ui/table-head.tsx';
import { formatInstant, formatNumber } from '../calendar/vn-time.ts';
import { statusLabel } from '../dossiers/dossier-format.ts';
import { DossierCells } from '../dossiers/worklist-table.tsx';
import {
  apiQuery,
  columnOf,
  drillPageHref,
  ii06aHref,
  readDrillAddress,
  type DrillAddress,
} from './ii06a-model.ts';
import { cellHeading } from './ii06a-table.tsx';
import { reportQueries, type Ii06aDrillItem } from './reports-api.ts';

const PAGE_SIZE = 50;

function DrillTable({ t, items, caption }: { t: Messages; items: Ii06aDrillItem[]; caption: string }) {
  const c = t.ii06aDrill.columns;
  const when = (iso: string | null, none: string) =>
    iso ? formatInstant(t, iso) : <span className="muted">{none}</span>;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table dossier-table ii06a-drill-table">
        <caption className="visually-hidden">{caption}</caption>
        <TableHead
          columns={[c.code, c.procedure, c.applicant, c.agency, c.status, c.received, c.due, c.resolved]}
        />
        <tbody>
          {items.map((d) => (
            <tr key={d.code}>
              <DossierCells labels={c} dossier={d} />
              <td data-label={c.agency} lang="vi">
                {d.agencyName}
              </td>
              <td data-label={c.status}>
                <span className={`status status-${d.status}`}>{statusLabel(t, d.status)}</span>
              </td>
              <td data-label={c.received}>{formatInstant(t, d.receivedAt)}</td>
              <td data-label={c.due}>{when(d.dueAt, t.ii06aDrill.noDue)}</td>
              <td data-label={c.resolved}>{when(d.resolvedAt, t.ii06aDrill.notResolved)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Ii06aDrillPage() {
  const { t } = useI18n();
  const { location } = useRouter();
  const address = useMemo(() => readDrillAddress(location.search), [location.search]);
  if (!address) {
    return (
      <Page title={t.ii06aDrill.title} heading={t.ii06aDrill.title}>
        <p className="inline-error" role="alert">
          {t.ii06aDrill.badAddress}
        </p>
        <p>
          <Link to={PATHS.reportIi06a}>{t.ii06aDrill.back}</Link>
        </p>
      </Page>
    );
  }
  return <Drill address={address} />;
}

function Drill({ address }: { address: DrillAddress }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const d = t.ii06aDrill;
  const listHeading = useRef<HTMLHeadingElement>(null);
  const report = useQuery(reportQueries.ii06a(apiQuery(address.report)));
  const list = useQuery({
    ...reportQueries.ii06aDossiers({
      ...apiQuery(address.report),
      key: address.key,
      cell: address.cell,
      page: address.page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const data = list.isError ? undefined : list.data;
  const rowName =
    address.key === undefined
      ? t.ii06a.totalRow
      : (report.data?.rows.find((r) => r.key === address.key)?.name ?? address.key);
  const column = columnOf(address.cell);
  const label = cellHeading(t, address.cell);
  const period = report.data ? t.ii06a.periodLabel(report.data.from, report.data.to) : '';
  const headingOf = (row: string) => d.heading(column, label, formatNumber(t, data?.total ?? 0), row, period);
  // A row's name is data (Vietnamese, marked so); the total's is the interface's word.
  const heading =
    !data || !report.data
      ? d.title
      : address.key === undefined
        ? headingOf(rowName)
        : withData(headingOf, rowName);
  const group = address.cell.split('.')[0] as keyof typeof d.groups;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Page
      title={d.title}
      heading={heading}
      intro={`${d.groups[group]} — ${label} (${column}): ${d.definitions[address.cell]}`}
      className="ii06a-drill-page"
    >
      <p className="page-actions">
        <Link to={ii06aHref(address.report)}>{d.back}</Link>
      </p>
      <p role="status">
        {readStatus(list, d.loading, (x) =>
          x.total === 0 ? d.empty : d.loaded(formatNumber(t, x.total), x.page, pages),
        )}
      </p>
      <ReadError read={list} />
      <ReadError read={report} />
      <h2 className="visually-hidden" ref={listHeading} tabIndex={-1}>
        {d.caption}
      </h2>
      {data && data.items.length > 0 ? (
        <div aria-busy={list.isFetching}>
          <DrillTable t={t} items={data.items} caption={d.caption} />
          <Pager
            label={d.pages}
            page={address.page}
            pages={pages}
            onPage={(p) => navigate(drillPageHref(address, p))}
            heading={listHeading}
          />
        </div>
      ) : null}
    </Page>
  );
}
