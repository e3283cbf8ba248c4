// /bao-cao: the leader's overview of their units (GET /reports/overview): the month's dossiers by
// status, what is due soon and overdue now, the month's results early, on time or late, the same per
// receiving agency, and the agencies with a desk that received nothing. Every chart has its numbers
// in a table below it ("Bảng số liệu"). Month and agency live in the address (?thang=&co-quan=), so a
// view can be shared and Back returns to the previous one; an agency's name opens its own overview.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { DOSSIER_STATUSES } from '../../../common/dossiers/statuses.ts';
import { MONTH_PATTERN, OVERVIEW_ROLES, vnMonthOf } from '../../../common/reports/overview.ts';
import { errorText } from '../../app/errors.ts';
import { isAbort, withQuery } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { Link, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { ChartCanvas, type ChartSpec } from './chart-canvas.tsx';
import { getOverview, type Overview, type OverviewAgency, type OverviewFigures } from './reports-api.ts';

const MONTH = new RegExp(MONTH_PATTERN);
const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

// Bars and slices: dark enough for 3:1 against white (WCAG 1.4.11), told apart by the legend too.
const COLORS = {
  primary: '#0a4a86',
  early: '#1b6b2b',
  onTime: '#0a4a86',
  late: '#b3261e',
  none: '#6b7685',
  dueSoon: '#a05a00',
};

type Query = { month: string | undefined; agencyCode: string | undefined };

function readQuery(search: string): Query {
  const p = new URLSearchParams(search);
  const month = p.get('thang');
  const agencyCode = p.get('co-quan');
  return {
    month: month !== null && MONTH.test(month) ? month : undefined,
    agencyCode: agencyCode !== null && AGENCY_CODE.test(agencyCode) ? agencyCode : undefined,
  };
}

function overviewHref(query: Query): string {
  return withQuery(PATHS.reports, { thang: query.month, 'co-quan': query.agencyCode });
}

type Load =
  | { kind: 'loading'; last: Overview | null }
  | { kind: 'done'; data: Overview }
  | { kind: 'error'; error: unknown; last: Overview | null };

function statusLabel(t: Messages, status: keyof typeof DOSSIER_STATUSES): string {
  return t.lang === 'vi' ? DOSSIER_STATUSES[status].label : DOSSIER_STATUSES[status].englishLabel;
}

function useFormat() {
  const { t } = useI18n();
  return useMemo(() => {
    const number = new Intl.NumberFormat(t.time.numberLocale);
    const percent = new Intl.NumberFormat(t.time.numberLocale, {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    return {
      n: (v: number) => number.format(v),
      rate: (v: number | null) => (v === null ? t.reports.noRate : percent.format(v)),
      /** The satisfied share with the number of ratings it is out of: "75 % (4)". */
      satisfied: (x: OverviewFigures) => {
        const rated = x.satisfaction.verySatisfied + x.satisfaction.satisfied + x.satisfaction.unsatisfied;
        return x.satisfiedRate === null
          ? t.reports.noRate
          : t.reports.outOf(percent.format(x.satisfiedRate), number.format(rated));
      },
    };
  }, [t]);
}

function Figures({ t, figures }: { t: Messages; figures: OverviewFigures }) {
  const f = useFormat();
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

function ByStatus({ t, figures }: { t: Messages; figures: OverviewFigures }) {
  const f = useFormat();
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
  return (
    <section className="panel overview-section" aria-labelledby="overview-by-status">
      <h2 id="overview-by-status" className="panel-heading">
        {r.heading}
      </h2>
      {figures.inPeriod === 0 ? (
        <p>{t.reports.empty}</p>
      ) : (
        <>
          <ChartCanvas spec={spec} summary={summary} height={440} unavailable={t.reports.chartUnavailable} />
          <h3 className="subsection-heading">{t.reports.dataTable}</h3>
          <table className="table overview-table" role="table">
            <caption className="visually-hidden">{r.caption}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {r.status}
                </th>
                <th scope="col" role="columnheader">
                  {r.code}
                </th>
                <th scope="col" role="columnheader" className="num">
                  {t.reports.count}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {figures.byStatus.map((s) => (
                <tr role="row" key={s.status}>
                  <th scope="row" role="rowheader">
                    {statusLabel(t, s.status)}
                  </th>
                  <td role="cell" data-label={r.code}>
                    {s.code}
                  </td>
                  <td role="cell" data-label={t.reports.count} className="num">
                    {f.n(s.count)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot role="rowgroup">
              <tr role="row">
                <th scope="row" role="rowheader" colSpan={2}>
                  {t.reports.total}
                </th>
                <td role="cell" data-label={t.reports.count} className="num">
                  {f.n(figures.inPeriod)}
                </td>
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </section>
  );
}

function Results({ t, figures }: { t: Messages; figures: OverviewFigures }) {
  const f = useFormat();
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
  const summary = r.chart(
    `${parts.map((p) => `${p.label} ${f.n(p.value)}`).join('; ')}; ${t.reports.onTimeRate} ${f.rate(figures.onTimeRate)}`,
  );
  return (
    <section className="panel overview-section" aria-labelledby="overview-results">
      <h2 id="overview-results" className="panel-heading">
        {r.heading}
      </h2>
      {finished.total === 0 ? (
        <p>{r.empty}</p>
      ) : (
        <>
          <ChartCanvas spec={spec} summary={summary} height={260} unavailable={t.reports.chartUnavailable} />
          <h3 className="subsection-heading">{t.reports.dataTable}</h3>
          <table className="table overview-table" role="table">
            <caption className="visually-hidden">{r.caption}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {r.result}
                </th>
                <th scope="col" role="columnheader" className="num">
                  {t.reports.count}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {parts.map((p) => (
                <tr role="row" key={p.key}>
                  <th scope="row" role="rowheader">
                    {p.label}
                  </th>
                  <td role="cell" data-label={t.reports.count} className="num">
                    {f.n(p.value)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot role="rowgroup">
              <tr role="row">
                <th scope="row" role="rowheader">
                  {t.reports.total}
                </th>
                <td role="cell" data-label={t.reports.count} className="num">
                  {f.n(finished.total)}
                </td>
              </tr>
              <tr role="row">
                <th scope="row" role="rowheader">
                  {t.reports.onTimeRate}
                </th>
                <td role="cell" data-label={t.reports.onTimeRate} className="num">
                  {f.rate(figures.onTimeRate)}
                </td>
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </section>
  );
}

function ByAgency({ t, data, month }: { t: Messages; data: Overview; month: string }) {
  const f = useFormat();
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
  return (
    <section className="panel overview-section" aria-labelledby="overview-by-agency">
      <h2 id="overview-by-agency" className="panel-heading">
        {r.heading}
      </h2>
      <ChartCanvas
        spec={spec}
        summary={r.chart(rows.length)}
        height={80 + rows.length * 80}
        unavailable={t.reports.chartUnavailable}
      />
      <h3 className="subsection-heading">{t.reports.dataTable}</h3>
      <table className="table overview-table" role="table">
        <caption className="visually-hidden">{r.caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {r.agency}
            </th>
            {columns.map(([label]) => (
              <th key={label} scope="col" role="columnheader" className="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((a) => (
            <tr role="row" key={a.agency.code}>
              <th scope="row" role="rowheader">
                {a.agency.code === only ? (
                  a.agency.name
                ) : (
                  <Link to={overviewHref({ month, agencyCode: a.agency.code })}>{a.agency.name}</Link>
                )}
              </th>
              {columns.map(([label, value]) => (
                <td key={label} role="cell" data-label={label} className="num">
                  {value(a.figures)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {rows.length > 1 ? (
          <tfoot role="rowgroup">
            <tr role="row">
              <th scope="row" role="rowheader">
                {t.reports.total}
              </th>
              {columns.map(([label, value]) => (
                <td key={label} role="cell" data-label={label} className="num">
                  {value(data.totals)}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </section>
  );
}

function AgencyList({ t, agencies }: { t: Messages; agencies: OverviewAgency[] }) {
  const r = t.reports.without;
  return (
    <table className="table overview-table" role="table">
      <caption className="visually-hidden">{r.caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            {t.reports.byAgency.agency}
          </th>
          <th scope="col" role="columnheader">
            {r.code}
          </th>
          <th scope="col" role="columnheader">
            {r.unit}
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {agencies.map((a) => (
          <tr role="row" key={a.code}>
            <th scope="row" role="rowheader">
              {a.name}
            </th>
            <td role="cell" data-label={r.code}>
              <span className="code">{a.code}</span>
            </td>
            <td role="cell" data-label={r.unit}>
              {a.unitName}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WithoutDossiers({ t, data }: { t: Messages; data: Overview }) {
  const f = useFormat();
  const r = t.reports.without;
  const list = data.agenciesWithoutDossiers;
  return (
    <section className="panel overview-section" aria-labelledby="overview-without">
      <h2 id="overview-without" className="panel-heading">
        {r.heading}
      </h2>
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
    </section>
  );
}

function Definitions({ t }: { t: Messages }) {
  return (
    <section className="overview-definitions" aria-labelledby="overview-definitions">
      <h2 id="overview-definitions" className="section-heading">
        {t.reports.definitions.heading}
      </h2>
      <dl>
        {t.reports.definitions.items.map(([term, meaning]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const isEmpty = (f: OverviewFigures) =>
  f.inPeriod === 0 && f.finished.total === 0 && f.dueSoon === 0 && f.overdue === 0;

export function OverviewPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { location, navigate } = useRouter();
  const query = useMemo(() => readQuery(location.search), [location.search]);
  const [monthText, setMonthText] = useState(query.month ?? vnMonthOf(new Date()));
  const [agency, setAgency] = useState(query.agencyCode ?? '');
  const [monthError, setMonthError] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ kind: 'loading', last: null });
  const [attempt, setAttempt] = useState(0);

  // The form follows the address (Back, an agency's link).
  useEffect(() => {
    setMonthText(query.month ?? vnMonthOf(new Date()));
    setAgency(query.agencyCode ?? '');
    setMonthError(null);
  }, [query.month, query.agencyCode]);

  useEffect(() => {
    const controller = new AbortController();
    setLoad((prev) => ({ kind: 'loading', last: prev.kind === 'done' ? prev.data : prev.last }));
    getOverview({ month: query.month, agencyCode: query.agencyCode }, controller.signal).then(
      (data) => setLoad({ kind: 'done', data }),
      (error: unknown) => {
        if (!isAbort(error))
          setLoad((prev) => ({ kind: 'error', error, last: prev.kind === 'loading' ? prev.last : null }));
      },
    );
    return () => controller.abort();
  }, [query.month, query.agencyCode, attempt]);

  const own = useMemo(() => {
    if (session.status !== 'signed-in') return [];
    const seen = new Map<string, string>();
    for (const r of session.user.roles) {
      if (OVERVIEW_ROLES.includes(r.role) && !seen.has(r.agencyCode)) seen.set(r.agencyCode, r.agencyName);
    }
    return [...seen].map(([code, name]) => ({ code, name }));
  }, [session]);

  const data = load.kind === 'done' ? load.data : load.last;
  // An agency opened from the table is not one of the user's own: offer it in the list too.
  const options = useMemo(() => {
    const list = [...own];
    const asked = data?.scope.length === 1 && query.agencyCode ? data.scope[0]! : null;
    if (asked && !list.some((a) => a.code === asked.code)) list.push({ code: asked.code, name: asked.name });
    return list;
  }, [own, data, query.agencyCode]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const month = monthText.trim();
    if (!MONTH.test(month)) {
      setMonthError(t.reports.monthInvalid);
      document.getElementById('overview-month')?.focus();
      return;
    }
    setMonthError(null);
    navigate(overviewHref({ month, agencyCode: agency === '' ? undefined : agency }));
  };

  const month = data?.month ?? query.month ?? monthText;
  const r = t.reports;
  return (
    <Page title={r.title} heading={r.heading} intro={r.intro} className="overview-page">
      <form className="form overview-filters" onSubmit={onSubmit} aria-label={r.filters} noValidate>
        <div className={monthError ? 'field field-invalid' : 'field'}>
          <label htmlFor="overview-month">{r.month}</label>
          <p id="overview-month-hint" className="hint">
            {r.monthHint}
          </p>
          {monthError ? (
            <p id="overview-month-error" className="field-error">
              {monthError}
            </p>
          ) : null}
          <input
            id="overview-month"
            type="month"
            value={monthText}
            onChange={(e) => setMonthText(e.target.value)}
            aria-describedby={monthError ? 'overview-month-hint overview-month-error' : 'overview-month-hint'}
            aria-invalid={monthError ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="overview-agency">{r.agency}</label>
          <select id="overview-agency" value={agency} onChange={(e) => setAgency(e.target.value)}>
            <option value="">{r.allAgencies}</option>
            {options.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {r.show}
          </button>
        </div>
      </form>

      <p className="overview-status" role="status">
        {load.kind === 'loading'
          ? r.loading
          : load.kind === 'done'
            ? r.loaded(r.period(load.data.month))
            : ''}
      </p>

      {load.kind === 'error' ? (
        <div className="inline-error" role="alert">
          <p>{errorText(t, load.error)}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t.errors.retry}
          </button>
        </div>
      ) : null}

      {data && load.kind !== 'error' ? (
        <div className="overview-body" aria-busy={load.kind === 'loading'}>
          <h2 className="section-heading overview-period">{r.periodHeading(r.period(month))}</h2>
          <p className="note">
            {r.scope}: {data.scope.map((a) => a.name).join(', ')}
          </p>
          <p className="note">{r.asOf(formatInstant(t, data.asOf))}</p>
          <Figures t={t} figures={data.totals} />
          {isEmpty(data.totals) ? (
            <p className="notice overview-empty">{r.empty}</p>
          ) : (
            <>
              <ByStatus t={t} figures={data.totals} />
              <Results t={t} figures={data.totals} />
              <ByAgency t={t} data={data} month={data.month} />
            </>
          )}
          <WithoutDossiers t={t} data={data} />
          <Definitions t={t} />
        </div>
      ) : null}
    </Page>
  );
}
