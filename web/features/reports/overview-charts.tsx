// The overview's headline figures, the month's dossiers by status and its results (early, on time,
// late), each chart with its numbers in a table below it.
import { useMemo } from 'react';
import type { Messages } from '../../app/i18n/vi.ts';
import { ChartCanvas, type ChartSpec } from './chart-canvas.tsx';
import { COLORS, statusLabel, type Formats } from './overview-model.ts';
import { OverviewSection, OverviewTable } from './overview-table.tsx';
import type { OverviewFigures } from './reports-api.ts';

type Props = { t: Messages; f: Formats; figures: OverviewFigures };

export function Figures({ t, f, figures }: Props) {
  const items: [string, string, string][] = [
    ['in-period', t.reports.inPeriod, f.n(figures.inPeriod)],
    ['due-soon', t.reports.dueSoon, f.n(figures.dueSoon)],
    ['overdue', t.reports.overdue, f.n(figures.overdue)],
    ['finished', t.reports.finished, f.n(figures.finished.total)],
    ['rate', t.reports.onTimeRate, f.rate(figures.onTimeRate)],
    ['satisfied', t.reports.satisfiedRate, f.satisfied(figures)],
  ];
  return (
    <dl className="overview-figures">
      {items.map(([key, label, value]) => (
        <div key={key} className={`overview-figure overview-figure-${key}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ByStatus({ t, f, figures }: Props) {
  const r = t.reports.byStatus;
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'bar',
      horizontal: true,
      labels: figures.byStatus.map((s) => statusLabel(t, s.status)),
      series: [
        { label: t.reports.count, values: figures.byStatus.map((s) => s.count), color: COLORS.primary },
      ],
    }),
    [t, figures],
  );
  const summary = r.chart(
    figures.byStatus
      .filter((s) => s.count > 0)
      .map((s) => `${statusLabel(t, s.status)} ${f.n(s.count)}`)
      .join('; '),
  );
  const count = t.reports.count;
  return (
    <OverviewSection id="overview-by-status" heading={r.heading}>
      {figures.inPeriod === 0 ? (
        <p>{t.reports.empty}</p>
      ) : (
        <>
          <ChartCanvas spec={spec} summary={summary} height={440} unavailable={t.reports.chartUnavailable} />
          <h3 className="subsection-heading">{t.reports.dataTable}</h3>
          <OverviewTable
            caption={r.caption}
            columns={[{ label: r.status }, { label: r.code }, { label: count, num: true }]}
            rows={figures.byStatus.map((s) => ({
              key: s.status,
              header: statusLabel(t, s.status),
              cells: [
                { label: r.code, value: s.code },
                { label: count, value: f.n(s.count), num: true },
              ],
            }))}
            foot={[
              {
                key: 'total',
                header: t.reports.total,
                span: 2,
                cells: [{ label: count, value: f.n(figures.inPeriod), num: true }],
              },
            ]}
          />
        </>
      )}
    </OverviewSection>
  );
}

export function Results({ t, f, figures }: Props) {
  const r = t.reports.results;
  const { finished } = figures;
  const parts = useMemo(
    () =>
      [
        { key: 'early', label: r.early, value: finished.early, color: COLORS.early },
        { key: 'on-time', label: r.onTime, value: finished.onTime, color: COLORS.onTime },
        { key: 'late', label: r.late, value: finished.late, color: COLORS.late },
        { key: 'no-due', label: r.noDueTime, value: finished.noDueTime, color: COLORS.none },
      ].filter((p) => p.key !== 'no-due' || p.value > 0),
    [r, finished],
  );
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'doughnut',
      labels: parts.map((p) => p.label),
      series: [
        { label: t.reports.count, values: parts.map((p) => p.value), color: parts.map((p) => p.color) },
      ],
    }),
    [t, parts],
  );
  const rate = f.rate(figures.onTimeRate);
  const summary = r.chart(
    `${parts.map((p) => `${p.label} ${f.n(p.value)}`).join('; ')}; ${t.reports.onTimeRate} ${rate}`,
  );
  const count = t.reports.count;
  return (
    <OverviewSection id="overview-results" heading={r.heading}>
      {finished.total === 0 ? (
        <p>{r.empty}</p>
      ) : (
        <>
          <ChartCanvas spec={spec} summary={summary} height={260} unavailable={t.reports.chartUnavailable} />
          <h3 className="subsection-heading">{t.reports.dataTable}</h3>
          <OverviewTable
            caption={r.caption}
            columns={[{ label: r.result }, { label: count, num: true }]}
            rows={parts.map((p) => ({
              key: p.key,
              header: p.label,
              cells: [{ label: count, value: f.n(p.value), num: true }],
            }))}
            foot={[
              {
                key: 'total',
                header: t.reports.total,
                cells: [{ label: count, value: f.n(finished.total), num: true }],
              },
              {
                key: 'rate',
                header: t.reports.onTimeRate,
                cells: [{ label: t.reports.onTimeRate, value: rate, num: true }],
              },
            ]}
          />
        </>
      )}
    </OverviewSection>
  );
}
