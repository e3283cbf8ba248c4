// /bao-cao/ii06a: Biểu II.06a (II.06b when grouped by level) for any period and agency within reach
// (GET /reports/ii06a): the form's table with every figure but 0 a link to its dossiers, and the
// statutory .xlsx and PDF of the same report. Period and choices live in the address
// (ii06a-model.ts), so a report can be shared and Back returns to the previous one.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { Ii06aFilters } from './ii06a-filters.tsx';
import { apiQuery, exportHref, ii06aHref, readIi06aAddress, type Ii06aChoices } from './ii06a-model.ts';
import { Ii06aTable } from './ii06a-table.tsx';
import { agencyOptions } from './overview-model.ts';
import { reportQueries } from './reports-api.ts';
import { ReportsNav } from './reports-nav.tsx';

function Downloads({ t, choices }: { t: Messages; choices: Ii06aChoices }) {
  const r = t.ii06a;
  return (
    <section className="ii06a-downloads" aria-labelledby="ii06a-downloads">
      <h2 id="ii06a-downloads" className="visually-hidden">
        {r.downloads}
      </h2>
      <p className="row-actions">
        <a className="button" href={exportHref(choices, 'xlsx')} download>
          {r.xlsx}
        </a>
        <a className="button" href={exportHref(choices, 'pdf')} download>
          {r.pdf}
        </a>
      </p>
      <p className="hint">{r.downloadsHint}</p>
    </section>
  );
}

export function Ii06aPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { location, navigate } = useRouter();
  const choices = useMemo(() => readIi06aAddress(location.search), [location.search]);
  // The last report stays on screen (busy) while the next one loads.
  const result = useQuery({ ...reportQueries.ii06a(apiQuery(choices)), placeholderData: keepPreviousData });
  const data = result.isError ? undefined : result.data;
  const roles = session.status === 'signed-in' ? session.user.roles : [];
  const agencies = useMemo(
    () => agencyOptions(roles, data, choices.agencyCode),
    [roles, data, choices.agencyCode],
  );
  const r = t.ii06a;
  const empty = data !== undefined && data.rows.length === 0;

  return (
    <Page title={r.title} heading={r.heading} intro={r.intro} className="ii06a-page">
      <ReportsNav />
      <Ii06aFilters value={choices} agencies={agencies} onShow={(next) => navigate(ii06aHref(next))} />

      <p className="overview-status" role="status">
        {readStatus(result, r.loading, (d) => r.loaded(r.periodLabel(d.from, d.to)))}
      </p>
      <ReadError read={result} />

      {data ? (
        <div className="ii06a-body" aria-busy={result.isFetching}>
          <h2 className="section-heading">{r.periodLabel(data.from, data.to)}</h2>
          <p className="note">
            {r.scope}: <span lang="vi">{data.scope.map((a) => a.name).join(', ')}</span>
          </p>
          <p className="note">{r.asOf(formatInstant(t, data.asOf))}</p>
          {empty ? <p className="notice">{r.empty}</p> : null}
          <Ii06aTable t={t} data={data} />
          <Downloads t={t} choices={choices} />
        </div>
      ) : null}
    </Page>
  );
}
