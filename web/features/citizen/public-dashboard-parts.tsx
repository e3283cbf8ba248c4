// The public dashboard's sections: one share (on time, online, satisfied) by agency as a chart with
// its table beside it, and the Decision 766 group scores by agency, the province's first.
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { ChartCanvas, type ChartSpec } from '../reports/chart-canvas.tsx';
import { kpiMessages } from '../reports/kpi-messages.ts';
import { percentFormat, pointsFormat } from '../reports/kpis-model.ts';
import { COLORS } from '../reports/overview-model.ts';
import { OverviewSection, OverviewTable } from '../reports/overview-table.tsx';
import type { PublicDashboardResponse, PublicUnit } from './public-dashboard-api.ts';

type Rate = PublicUnit['onTime'];

export function RateSection({
  id,
  label,
  data,
  pick,
}: {
  id: string;
  label: string;
  data: PublicDashboardResponse;
  pick: (u: PublicUnit) => Rate;
}) {
  const { lang, t } = useI18n();
  const m = kpiMessages(lang);
  const pct = percentFormat(t.time.numberLocale);
  const n = new Intl.NumberFormat(t.time.numberLocale);
  const units = useMemo(() => data.units.filter((u) => pick(u).denominator > 0), [data, pick]);
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'bar',
      horizontal: true,
      labels: units.map((u) => u.name),
      series: [
        {
          label: `${label} (%)`,
          values: units.map((u) => Math.round((pick(u).value ?? 0) * 1000) / 10),
          color: COLORS.primary,
        },
      ],
    }),
    [units, label, pick],
  );
  const whole = pick(data.total);
  const row = (key: string, name: string, r: Rate) => ({
    key,
    header: <span lang="vi">{name}</span>,
    cells: [
      { label, value: pct(r.value, '–'), num: true },
      { label: m.public.figures, value: `${n.format(r.numerator)}/${n.format(r.denominator)}`, num: true },
    ],
  });
  return (
    <OverviewSection id={`dashboard-${id}`} heading={`${label}: ${pct(whole.value, '–')}`}>
      {units.length > 0 ? (
        <ChartCanvas
          spec={spec}
          summary={`${m.public.chartOf(label)}: ${units.map((u) => `${u.name} ${pct(pick(u).value, '–')}`).join('; ')}`}
          height={Math.max(160, units.length * 40 + 60)}
          unavailable={m.chartUnavailable}
        />
      ) : null}
      <h3 className="subsection-heading">{m.public.table}</h3>
      <OverviewTable
        caption={`${m.public.table}: ${label}`}
        columns={[{ label: m.public.unit }, { label, num: true }, { label: m.public.figures, num: true }]}
        rows={units.map((u) => row(u.code, u.name, pick(u)))}
        foot={[row('total', m.public.whole, whole)]}
      />
    </OverviewSection>
  );
}

export function Index766Section({ data }: { data: PublicDashboardResponse }) {
  const { lang, t } = useI18n();
  const m = kpiMessages(lang);
  const pts = pointsFormat(t.time.numberLocale);
  const total = data.total.index766;
  const units = useMemo(() => data.units.filter((u) => u.index766 !== null), [data]);
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'bar',
      horizontal: true,
      labels: [m.public.whole, ...units.map((u) => u.name)],
      series: [
        {
          label: m.public.index766,
          values: [total?.points ?? 0, ...units.map((u) => u.index766!.points)],
          color: COLORS.primary,
        },
      ],
    }),
    [units, total, m],
  );
  if (!total) {
    return (
      <OverviewSection id="dashboard-766" heading={m.public.groups}>
        <p>{m.public.noIndex}</p>
      </OverviewSection>
    );
  }
  const row = (key: string, name: string, s: NonNullable<PublicUnit['index766']>) => ({
    key,
    header: <span lang="vi">{name}</span>,
    cells: [
      ...s.groups.map((g) => ({ label: `${g.name} (${pts(g.max)})`, value: pts(g.points), num: true })),
      { label: `${m.public.index766} (${pts(s.max)})`, value: pts(s.points), num: true },
    ],
  });
  return (
    <OverviewSection
      id="dashboard-766"
      heading={`${m.public.groups}: ${pts(total.points)}/${pts(total.max)}`}
    >
      {total.notComputable > 0 ? (
        <p className="note">{m.index.notComputable(pts(total.notComputable))}</p>
      ) : null}
      <ChartCanvas
        spec={spec}
        summary={`${m.public.chartOf(m.public.index766)}: ${[
          `${m.public.whole} ${pts(total.points)}`,
          ...units.map((u) => `${u.name} ${pts(u.index766!.points)}`),
        ].join('; ')}`}
        height={Math.max(160, (units.length + 1) * 40 + 60)}
        unavailable={m.chartUnavailable}
      />
      <h3 className="subsection-heading">{m.public.table}</h3>
      <div className="table-scroll">
        <OverviewTable
          caption={`${m.public.table}: ${m.public.groups}`}
          columns={[
            { label: m.public.unit },
            ...total.groups.map((g) => ({ label: `${g.name} (${pts(g.max)})`, num: true })),
            { label: `${m.public.index766} (${pts(total.max)})`, num: true },
          ]}
          rows={units.map((u) => row(u.code, u.name, u.index766!))}
          foot={[row('total', m.public.whole, total)]}
        />
      </div>
    </OverviewSection>
  );
}
