// The KPI page's parts: a figure against its target (a card), the twelve months of one KPI (a chart
// with its table) and the KPIs of each receiving agency (a table). Every figure links to the dossiers
// it counts (the drill page).
import { useMemo, useState } from 'react';
import { KPI_KEYS, type KpiKey } from '../../../common/reports/kpis.ts';
import type { KpiFigure, KpiFigures } from '../../../common/contracts/report-kpis.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { ChartCanvas, type ChartSpec } from './chart-canvas.tsx';
import { kpiMessages } from './kpi-messages.ts';
import type { KpisResponse } from './kpis-api.ts';
import { drillHref, percentFormat } from './kpis-model.ts';
import { COLORS } from './overview-model.ts';
import { OverviewSection, OverviewTable } from './overview-table.tsx';
import { kpiReason } from './report-words.ts';
import { Said } from './said.tsx';

function useFormats() {
  const { lang, t } = useI18n();
  const m = kpiMessages(lang);
  const pct = percentFormat(t.time.numberLocale);
  const n = new Intl.NumberFormat(t.time.numberLocale);
  return {
    lang,
    m,
    pct: (v: number | null) => pct(v, m.kpis.noValue),
    n: (v: number | null) => (v === null ? '–' : n.format(v)),
  };
}

/** The link to the list behind `link`, coming back to this page. */
function useDrill(): (link: string) => string {
  const { location } = useRouter();
  return (link) => drillHref(link, location.pathname + location.search);
}

export function KpiCard({ kpi, figure }: { kpi: KpiKey; figure: KpiFigure }) {
  const { lang, m, pct, n } = useFormats();
  const drill = useDrill();
  const reason = kpiReason(lang, kpi, figure);
  const state = figure.met === null ? 'none' : figure.met ? 'met' : 'not-met';
  return (
    <div className={`kpi-card kpi-card-${state}`}>
      <dt>{m.kpis.labels[kpi]}</dt>
      <dd>
        <span className="kpi-value">{pct(figure.value)}</span>
        <span className="kpi-target">
          {m.kpis.target} {pct(figure.target)} ·{' '}
          <strong>{figure.met === null ? m.kpis.noValue : figure.met ? m.kpis.met : m.kpis.notMet}</strong>
        </span>
        {figure.numerator !== null && figure.denominator !== null ? (
          <span className="kpi-parts">
            {figure.drill && figure.numerator > 0 ? (
              <Link to={drill(figure.drill)}>{n(figure.numerator)}</Link>
            ) : (
              n(figure.numerator)
            )}
            /{n(figure.denominator)}
            {figure.drillRest && figure.denominator > figure.numerator ? (
              <>
                {' '}
                · <Link to={drill(figure.drillRest)}>{m.kpis.rest}</Link>
              </>
            ) : null}
          </span>
        ) : null}
        {reason ? (
          <span className="kpi-reason">
            <Said words={reason} />
          </span>
        ) : null}
      </dd>
    </div>
  );
}

export function KpiCards({ figures }: { figures: KpiFigures }) {
  return (
    <dl className="kpi-cards">
      {KPI_KEYS.map((k) => (
        <KpiCard key={k} kpi={k} figure={figures[k]} />
      ))}
    </dl>
  );
}

export function KpiTrend({ trend }: { trend: KpisResponse['trend'] }) {
  const { lang, m, pct, n } = useFormats();
  const drill = useDrill();
  const [kpi, setKpi] = useState<KpiKey>('onTime');
  const monthText = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'bar',
      labels: trend.map((t) => monthText(t.month)),
      series: [
        {
          label: `${m.kpis.labels[kpi]} (%)`,
          values: trend.map((t) => Math.round((t.figures[kpi].value ?? 0) * 1000) / 10),
          color: COLORS.primary,
        },
      ],
    }),
    [trend, kpi, m],
  );
  const summary = `${m.kpis.trendChart(m.kpis.labels[kpi])}: ${trend.map((t) => `${monthText(t.month)} ${pct(t.figures[kpi].value)}`).join('; ')}`;
  return (
    <OverviewSection id="kpi-trend" heading={m.kpis.trend}>
      <div className="field">
        <label htmlFor="kpi-trend-choice">{m.kpis.trendOf}</label>
        <select id="kpi-trend-choice" value={kpi} onChange={(e) => setKpi(e.target.value as KpiKey)}>
          {KPI_KEYS.map((k) => (
            <option key={k} value={k}>
              {m.kpis.labels[k]}
            </option>
          ))}
        </select>
      </div>
      <ChartCanvas key={lang} spec={spec} summary={summary} height={280} unavailable={m.chartUnavailable} />
      <OverviewTable
        caption={`${m.kpis.trend}: ${m.kpis.labels[kpi]}`}
        columns={[
          { label: m.kpis.month },
          { label: m.kpis.labels[kpi], num: true },
          { label: m.index.figures, num: true },
          { label: m.kpis.target, num: true },
        ]}
        rows={trend.map((t) => {
          const f = t.figures[kpi];
          return {
            key: t.month,
            header: monthText(t.month),
            cells: [
              { label: m.kpis.labels[kpi], value: pct(f.value), num: true },
              {
                label: m.index.figures,
                value:
                  f.numerator === null ? (
                    <Said words={kpiReason(lang, kpi, f)} />
                  ) : f.drill && f.numerator > 0 ? (
                    <Link to={drill(f.drill)}>{`${n(f.numerator)}/${n(f.denominator)}`}</Link>
                  ) : (
                    `${n(f.numerator)}/${n(f.denominator)}`
                  ),
                num: true,
              },
              { label: m.kpis.target, value: pct(f.target), num: true },
            ],
          };
        })}
      />
    </OverviewSection>
  );
}

export function KpiByAgency({ data }: { data: KpisResponse }) {
  const { m, pct } = useFormats();
  const drill = useDrill();
  const cell = (k: KpiKey, f: KpiFigure) => ({
    label: m.kpis.labels[k],
    value:
      f.drill && f.value !== null && (f.numerator ?? 0) > 0 ? (
        <Link to={drill(f.drill)}>{pct(f.value)}</Link>
      ) : (
        pct(f.value)
      ),
    num: true,
  });
  return (
    <OverviewSection id="kpi-by-agency" heading={m.kpis.byAgency}>
      <div className="table-scroll">
        <OverviewTable
          caption={m.kpis.byAgency}
          columns={[
            { label: m.kpis.agency },
            ...KPI_KEYS.map((k) => ({ label: m.kpis.labels[k], num: true })),
          ]}
          rows={data.rows.map((r) => ({
            key: r.agency.code,
            header: (
              <span lang="vi">
                {r.agency.name} <span className="muted">({r.agency.code})</span>
              </span>
            ),
            cells: KPI_KEYS.map((k) => cell(k, r.figures[k])),
          }))}
          foot={[
            {
              key: 'total',
              header: m.index.total,
              cells: KPI_KEYS.map((k) => cell(k, data.total.figures[k])),
            },
          ]}
        />
      </div>
    </OverviewSection>
  );
}
