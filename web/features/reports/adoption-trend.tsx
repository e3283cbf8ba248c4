// The twelve-month trend of the dossiers received and resolved (report_months), as a bar chart with
// the same numbers in the table beside it: the table is the accessible view, the chart a picture of it.
import { useMemo } from 'react';
import type { Messages } from '../../app/i18n/vi.ts';
import { ChartCanvas, type ChartSpec } from './chart-canvas.tsx';
import { monthText } from './adoption-model.ts';
import { COLORS, type Formats } from './overview-model.ts';
import { OverviewSection, OverviewTable } from './overview-table.tsx';

export type Trend = { received: number[]; resolved: number[] };

export function AdoptionTrend({
  t,
  f,
  months,
  trend,
}: {
  t: Messages;
  f: Formats;
  months: string[];
  trend: Trend;
}) {
  const a = t.adoption;
  const s = a.summary;
  const labels = useMemo(() => months.map(monthText), [months]);
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'bar',
      labels,
      series: [
        { label: s.received, values: trend.received, color: COLORS.primary },
        { label: s.resolved, values: trend.resolved, color: COLORS.early },
      ],
    }),
    [labels, trend, s],
  );
  const summary = a.trend.chart(
    labels
      .map(
        (m, i) => `${m}: ${s.received} ${f.n(trend.received[i]!)}, ${s.resolved} ${f.n(trend.resolved[i]!)}`,
      )
      .join('; '),
  );
  const sum = (values: number[]) => values.reduce((n, v) => n + v, 0);
  return (
    <OverviewSection id="adoption-trend" heading={a.trend.heading}>
      <div className="adoption-trend">
        <div className="adoption-trend-chart">
          <ChartCanvas spec={spec} summary={summary} height={280} unavailable={t.reports.chartUnavailable} />
        </div>
        <div className="adoption-trend-table">
          <OverviewTable
            caption={a.trend.caption}
            columns={[
              { label: a.trend.month },
              { label: s.received, num: true },
              { label: s.resolved, num: true },
            ]}
            rows={months.map((m, i) => ({
              key: m,
              header: monthText(m),
              cells: [
                { label: s.received, value: f.n(trend.received[i]!), num: true },
                { label: s.resolved, value: f.n(trend.resolved[i]!), num: true },
              ],
            }))}
            foot={[
              {
                key: 'total',
                header: t.reports.total,
                cells: [
                  { label: s.received, value: f.n(sum(trend.received)), num: true },
                  { label: s.resolved, value: f.n(sum(trend.resolved)), num: true },
                ],
              },
            ]}
          />
        </div>
      </div>
    </OverviewSection>
  );
}
