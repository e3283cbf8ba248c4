// /cong-dich-vu-cong/so-lieu?tinh=01&thang=2026-11: the public dashboard (legal-notes A10), open to
// everyone: a province's month by agency — on-time rate, online share, satisfaction and the Decision
// 766 group scores — each chart with its table beside it. Counts and shares only. Province and month
// live in the address; the province of the deployment is chosen first.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { MONTH_PATTERN, vnMonthOf } from '../../../common/reports/overview.ts';
import { useProvince } from '../../app/deployment.ts';
import { withQuery } from '../../app/http.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { ReadError } from '../../app/read-error.tsx';
import { useRouter } from '../../app/router.tsx';
import { MonthInput } from '../../app/ui/month-input.tsx';
import { kpiMessages } from '../reports/kpi-messages.ts';
import { dashboardQueries, type PublicUnit } from './public-dashboard-api.ts';
import { Index766Section, RateSection } from './public-dashboard-parts.tsx';
import '../reports/kpis.css';

const MONTH = new RegExp(MONTH_PATTERN);
const pickOnTime = (u: PublicUnit) => u.onTime;
const pickOnline = (u: PublicUnit) => u.online;
const pickSatisfaction = (u: PublicUnit) => u.satisfaction;

function useAddress() {
  const { location } = useRouter();
  return useMemo(() => {
    const p = new URLSearchParams(location.search);
    const province = p.get('tinh');
    const month = p.get('thang');
    return {
      province: province !== null && /^\d{2}$/.test(province) ? province : null,
      month: month !== null && MONTH.test(month) ? month : vnMonthOf(new Date()),
    };
  }, [location.search]);
}

export function PublicDashboardPage() {
  const { lang } = useI18n();
  const m = kpiMessages(lang).public;
  const { navigate } = useRouter();
  const address = useAddress();
  const deployment = useProvince();
  const provinces = useQuery(dashboardQueries.provinces());
  const list = provinces.data?.items ?? [];
  // The deployment's own province when the address names none (else the first in the list).
  const fallback = list.find((p) => p.name === deployment?.name)?.code ?? list[0]?.code ?? null;
  const province = address.province ?? (deployment === undefined ? null : fallback);
  const [draft, setDraft] = useState({ province: province ?? '', month: address.month });
  useEffect(() => setDraft({ province: province ?? '', month: address.month }), [province, address.month]);
  const read = useQuery({
    ...dashboardQueries.dashboard({ province: province ?? '', month: address.month }),
    enabled: province !== null,
    placeholderData: keepPreviousData,
  });
  const data = read.isError ? undefined : read.data;
  const go = () =>
    navigate(
      withQuery(PATHS.publicDashboard, {
        tinh: draft.province,
        thang: MONTH.test(draft.month) ? draft.month : undefined,
      }),
    );
  const monthText = `${address.month.slice(5)}/${address.month.slice(0, 4)}`;
  return (
    <Page title={m.title} heading={m.title} intro={m.intro} className="public-dashboard-page">
      <form
        className="form dashboard-filters"
        noValidate
        aria-label={m.title}
        onSubmit={(e) => {
          e.preventDefault();
          go();
        }}
      >
        <div className="field">
          <label htmlFor="dashboard-province">{m.province}</label>
          <select
            id="dashboard-province"
            value={draft.province}
            onChange={(e) => setDraft((d) => ({ ...d, province: e.target.value }))}
          >
            {list.map((p) => (
              <option key={p.code} value={p.code} lang="vi">
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dashboard-month">{m.month}</label>
          <MonthInput
            id="dashboard-month"
            value={draft.month}
            onChange={(month) => setDraft((d) => ({ ...d, month }))}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {m.show}
          </button>
        </div>
      </form>
      <p className="overview-status" role="status">
        {read.isFetching ? (
          kpiMessages(lang).loading
        ) : data ? (
          <>
            <span lang="vi">{data.province.name}</span>, {monthText}
          </>
        ) : null}
      </p>
      <ReadError read={read} />
      {data ? (
        <div aria-busy={read.isFetching}>
          <h2 className="section-heading">
            <span lang="vi">{data.province.name}</span> · {m.month} {monthText}
          </h2>
          {data.units.length === 0 ? <p className="notice">{m.none}</p> : null}
          <RateSection id="on-time" label={m.onTime} data={data} pick={pickOnTime} />
          <RateSection id="online" label={m.online} data={data} pick={pickOnline} />
          <RateSection id="satisfaction" label={m.satisfaction} data={data} pick={pickSatisfaction} />
          <Index766Section data={data} />
        </div>
      ) : null}
    </Page>
  );
}
