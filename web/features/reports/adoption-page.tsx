// /bao-cao/su-dung-he-thong: the adoption monitor (GET /reports/adoption). For the period and agency
// in the address (?tu=&den=&co-quan=): the headline counts, the twelve-month trend (a chart with its
// table beside it), every agency with a one-stop desk by administrative unit with "Chưa sử dụng hệ
// thống" marked and their moving in from legacy systems (and the same as .xlsx and PDF), the form a
// province administrator asks an agency to explain with, and the requests — all of them for those who
// oversee, those addressed to their agency for a leader, who answers there.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { EXPLANATION_REQUESTER_ROLES, EXPLANATION_ANSWER_ROLES } from '../../../common/reports/adoption.ts';
import { OVERVIEW_ROLES } from '../../../common/reports/overview.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { adoptionQueries, type AdoptionResponse } from './adoption-api.ts';
import { AdoptionAsk } from './adoption-ask.tsx';
import { AdoptionFilters } from './adoption-filters.tsx';
import { AdoptionGroups, type AskFor } from './adoption-groups.tsx';
import { adoptionHref, readAdoptionQuery } from './adoption-model.ts';
import { AdoptionRequests } from './adoption-requests.tsx';
import { AdoptionTrend } from './adoption-trend.tsx';
import { formatsFor, type Formats } from './overview-model.ts';
import { ReportDownloads } from './report-downloads.tsx';
import { ReportsNav } from './reports-nav.tsx';

function Summary({ t, f, data }: { t: Messages; f: Formats; data: AdoptionResponse }) {
  const s = t.adoption.summary;
  const n = data.totals;
  const items: [string, string, number][] = [
    ['agencies', s.agencies, n.agencies],
    ['not-using', s.notUsing, n.notUsing],
    ['using', s.using, n.using],
    ['zero', s.zeroExplained, n.zeroExplained],
    ['received', s.received, n.received],
    ['resolved', s.resolved, n.resolved],
    ['returned', s.returned, n.returned],
    ['requests', s.requests, n.requests],
    ['answered', s.answered, n.answered],
    ['late', s.late, n.late],
    ['moved-in', s.movedIn, n.movedIn],
    ['moved-in-not-using', s.movedInNotUsing, n.movedInNotUsing],
  ];
  return (
    <dl className="overview-figures adoption-figures">
      {items.map(([key, label, value]) => (
        <div key={key} className={`overview-figure adoption-figure-${key}`}>
          <dt>{label}</dt>
          <dd>{f.n(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Definitions({ t }: { t: Messages }) {
  const d = t.adoption.definitions;
  return (
    <section className="overview-definitions" aria-labelledby="adoption-definitions">
      <h2 id="adoption-definitions" className="section-heading">
        {d.heading}
      </h2>
      <dl>
        {d.items.map(([term, meaning]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function AdoptionPage() {
  const { t } = useI18n();
  const a = t.adoption;
  const { session } = useSession();
  const { location, navigate } = useRouter();
  const address = useMemo(() => readAdoptionQuery(location.search), [location.search]);
  const f = useMemo(() => formatsFor(t), [t]);
  const result = useQuery({
    ...adoptionQueries.monitor({ from: address.from, to: address.to, agencyCode: address.agencyCode }),
    placeholderData: keepPreviousData,
  });
  const data = result.isError ? undefined : result.data;
  const roles = session.status === 'signed-in' ? session.user.roles.map((r) => r.role) : [];
  const canAsk = roles.some((r) => EXPLANATION_REQUESTER_ROLES.includes(r));
  const leads = roles.some((r) => EXPLANATION_ANSWER_ROLES.includes(r));
  const oversees = roles.some((r) => OVERVIEW_ROLES.includes(r) && !EXPLANATION_ANSWER_ROLES.includes(r));
  const [asked, setAsked] = useState<AskFor | null>(null);
  const period = data ? { from: data.from, to: data.to } : address;
  const words = a.period(period.from, period.to);
  const agencyName = data?.scope.length === 1 && address.agencyCode ? data.scope[0]!.name : undefined;

  return (
    <Page title={a.title} heading={a.heading} intro={a.intro} className="overview-page adoption-page">
      <ReportsNav />
      <AdoptionFilters
        value={address}
        agencyName={agencyName}
        onShow={(next) => navigate(adoptionHref(next))}
      />
      <p className="overview-status" role="status">
        {readStatus(result, a.loading, (d) => a.loaded(a.period(d.from, d.to)))}
      </p>
      <ReadError read={result} />
      {data ? (
        <div className="overview-body" aria-busy={result.isFetching}>
          <h2 className="section-heading overview-period">{a.periodHeading(words)}</h2>
          <p className="note">
            {a.scope}: <span lang="vi">{data.scope.map((s) => s.name).join(', ')}</span>
          </p>
          <p className="note">{a.asOf(formatInstant(t, data.asOf))}</p>
          <Summary t={t} f={f} data={data} />
          <AdoptionTrend t={t} f={f} months={data.months} trend={data.totals.trend} />
          <AdoptionGroups
            t={t}
            f={f}
            groups={data.groups}
            onAsk={canAsk ? (x) => setAsked({ ...x }) : null}
          />
          <ReportDownloads path="/api/v1/reports/adoption" query={address} />
        </div>
      ) : null}
      {canAsk ? <AdoptionAsk period={period} preset={asked} /> : null}
      {leads ? <AdoptionRequests mine /> : null}
      {oversees ? <AdoptionRequests mine={false} /> : null}
      <Definitions t={t} />
    </Page>
  );
}
