// The public dashboard's sections: one share (on time, online, satisfied) by agency as a chart with
// its table beside it, and the Decision 766 group scores by agency, the province's first. Agency names
// are data (lang="vi", in the charts' summaries too); the groups are named by key (report-words.ts).
import { Fragment, useMemo, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { ChartCanvas, type ChartSpec } from '../reports/chart-canvas.tsx';
import { kpiMessages } from '../reports/kpi-messages.ts';
import { percentFormat, pointsFormat } from '../reports/kpis-model.ts';
import { COLORS } from '../reports/overview-model.ts';
import { OverviewSection, OverviewTable } from '../reports/overview-table.tsx';
import { groupName } from '../reports/report-words.ts';
import type { PublicDashboardResponse, PublicUnit } from './public-dashboard-api.ts';

type Rate = PublicUnit['onTime'];

/** A chart's summary: "<what>: <agency> <figure>; …", each agency's name marked as data. */
function chartSummary(what: string, items: { name: ReactNode; figure: string }[]): ReactNode {
  return (
    <>
      {what}:{' '}
      {items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 ? '; ' : null}
          {item.name} {item.figure}
        </Fragment>
      ))}
    </>
  );
}

const agencyName = (name: string) => <span lang="vi">{name}</span>;

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
  const row = (key: string, name: ReactNode, r: Rate) => ({
    key,
    header: name,
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
          summary={chartSummary(
            m.public.chartOf(label),
            units.map((u) => ({ name: agencyName(u.name), figure: pct(pick(u).value, '–') })),
          )}
          height={Math.max(160, units.length * 40 + 60)}
          unavailable={m.chartUnavailable}
        />
      ) : null}
      <h3 className="subsection-heading">{m.public.table}</h3>
      <OverviewTable
        caption={`${m.public.table}: ${label}`}
        columns={[{ label: m.public.unit }, { label, num: true }, { label: m.public.figures, num: true }]}
        rows={units.map((u) => row(u.code, agencyName(u.name), pick(u)))}
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
  const row = (key: string, name: ReactNode, s: NonNullable<PublicUnit['index766']>) => ({
    key,
    header: name,
    cells: [
      ...s.groups.map((g) => ({
        label: `${groupName(lang, g)} (${pts(g.max)})`,
        value: pts(g.points),
        num: true,
      })),
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
        summary={chartSummary(m.public.chartOf(m.public.index766), [
          { name: m.public.whole, figure: pts(total.points) },
          ...units.map((u) => ({ name: agencyName(u.name), figure: pts(u.index766!.points) })),
        ])}
        height={Math.max(160, (units.length + 1) * 40 + 60)}
        unavailable={m.chartUnavailable}
      />
      <h3 className="subsection-heading">{m.public.table}</h3>
      <div className="table-scroll">
        <OverviewTable
          caption={`${m.public.table}: ${m.public.groups}`}
          columns={[
            { label: m.public.unit },
            ...total.groups.map((g) => ({ label: `${groupName(lang, g)} (${pts(g.max)})`, num: true })),
            { label: `${m.public.index766} (${pts(total.max)})`, num: true },
          ]}
          rows={units.map((u) => row(u.code, agencyName(u.name), u.index766!))}
          foot={[row('total', m.public.whole, total)]}
        />
      </div>
    </OverviewSection>
  );
}
