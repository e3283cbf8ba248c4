// The overview per receiving agency (a chart, then its table; an agency's name opens its own
// overview), and the agencies with a desk that received nothing this month.
import { useMemo } from 'react';
import type { Messages } from '../../app/i18n/vi.ts';
import { Link } from '../../app/router.tsx';
import { ChartCanvas, type ChartSpec } from './chart-canvas.tsx';
import { COLORS, overviewHref, type Formats } from './overview-model.ts';
import { OverviewSection, OverviewTable } from './overview-table.tsx';
import type { Overview, OverviewAgency, OverviewFigures } from './reports-api.ts';

type Props = { t: Messages; f: Formats; data: Overview };

export function ByAgency({ t, f, data }: Props) {
  const r = t.reports.byAgency;
  const rows = data.agencies;
  const only = data.scope.length === 1 ? data.scope[0]!.code : null;
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'bar',
      horizontal: true,
      labels: rows.map((a) => a.agency.name),
      series: [
        { label: t.reports.inPeriod, values: rows.map((a) => a.figures.inPeriod), color: COLORS.primary },
        { label: t.reports.dueSoon, values: rows.map((a) => a.figures.dueSoon), color: COLORS.dueSoon },
        { label: t.reports.overdue, values: rows.map((a) => a.figures.overdue), color: COLORS.late },
        { label: t.reports.finished, values: rows.map((a) => a.figures.finished.total), color: COLORS.early },
      ],
    }),
    [t, rows],
  );
  if (rows.length === 0) return null;
  const columns: [string, (x: OverviewFigures) => string][] = [
    [t.reports.inPeriod, (x) => f.n(x.inPeriod)],
    [t.reports.dueSoon, (x) => f.n(x.dueSoon)],
    [t.reports.overdue, (x) => f.n(x.overdue)],
    [t.reports.finished, (x) => f.n(x.finished.total)],
    [t.reports.onTimeRate, (x) => f.rate(x.onTimeRate)],
    [t.reports.satisfiedRate, (x) => f.satisfied(x)],
  ];
  const cells = (x: OverviewFigures) =>
    columns.map(([label, value]) => ({ label, value: value(x), num: true }));
  return (
    <OverviewSection id="overview-by-agency" heading={r.heading}>
      <ChartCanvas
        spec={spec}
        summary={r.chart(rows.length)}
        height={80 + rows.length * 80}
        unavailable={t.reports.chartUnavailable}
      />
      <h3 className="subsection-heading">{t.reports.dataTable}</h3>
      <OverviewTable
        caption={r.caption}
        columns={[{ label: r.agency }, ...columns.map(([label]) => ({ label, num: true }))]}
        rows={rows.map((a) => ({
          key: a.agency.code,
          header:
            a.agency.code === only ? (
              <span lang="vi">{a.agency.name}</span>
            ) : (
              <Link to={overviewHref({ month: data.month, agencyCode: a.agency.code })} lang="vi">
                {a.agency.name}
              </Link>
            ),
          cells: cells(a.figures),
        }))}
        foot={rows.length > 1 ? [{ key: 'total', header: t.reports.total, cells: cells(data.totals) }] : []}
      />
    </OverviewSection>
  );
}

function AgencyList({ t, agencies }: { t: Messages; agencies: OverviewAgency[] }) {
  const r = t.reports.without;
  return (
    <OverviewTable
      caption={r.caption}
      columns={[{ label: t.reports.byAgency.agency }, { label: r.code }, { label: r.unit }]}
      rows={agencies.map((a) => ({
        key: a.code,
        header: <span lang="vi">{a.name}</span>,
        cells: [
          { label: r.code, value: <span className="code">{a.code}</span> },
          { label: r.unit, value: <span lang="vi">{a.unitName}</span> },
        ],
      }))}
    />
  );
}

export function WithoutDossiers({ t, f, data }: Props) {
  const r = t.reports.without;
  const list = data.agenciesWithoutDossiers;
  return (
    <OverviewSection id="overview-without" heading={r.heading}>
      {list.length === 0 ? (
        <p>{r.none}</p>
      ) : (
        <>
          <p>{r.summary(f.n(list.length), f.n(data.agenciesWithDesk))}</p>
          {list.length <= 10 ? (
            <AgencyList t={t} agencies={list} />
          ) : (
            <details className="overview-details">
              <summary>{r.list(f.n(list.length))}</summary>
              <AgencyList t={t} agencies={list} />
            </details>
          )}
        </>
      )}
    </OverviewSection>
  );
}
