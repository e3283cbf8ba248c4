// /quan-tri/dong-bo-dvcqg: how the dossiers' statuses reach the National Public Service Portal (E1) —
// what waits, what was delivered, what failed and is retried, what gave up (dead letters), the share of
// dossiers whose latest status the portal acknowledged, per receiving agency within reach, and the last
// reconciliation (GET /sync/status: province administrators and auditors). A province administrator
// also sees each dead letter with the portal's reason and sends it again, one or all
// (GET /sync/messages?status=dead, POST …/redrive); the outcome is announced and focused.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { errorText } from '../../app/errors.ts';
import { FocusedNotice, type Notice } from '../../app/ui/focused-notice.tsx';
import { Page } from '../../app/page.tsx';
import { Pager } from '../../app/pager.tsx';
import { dossierPath } from '../../app/paths.ts';
import { readStatus, useInvalidate } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { statusLabel } from '../dossiers/dossier-format.ts';
import { SYNC_VIEWER_ROLES } from './inbound-page.tsx';
import { NotificationHealth } from '../notifications/notification-health.tsx';
import {
  DEAD_PAGE_SIZE,
  redriveAll,
  redriveMessage,
  syncQueries,
  type SyncMessageView,
  type SyncStatusResponse,
} from './sync-api.ts';

function Summary({ t, s }: { t: Messages; s: SyncStatusResponse }) {
  const c = t.syncStatus;
  const number = new Intl.NumberFormat(t.time.numberLocale);
  const percent = new Intl.NumberFormat(t.time.numberLocale, { style: 'percent', maximumFractionDigits: 1 });
  const rows: [string, string][] = [
    [c.pending, number.format(s.pending)],
    [c.failed, number.format(s.failed)],
    [c.dead, number.format(s.deadLettered)],
    [c.delivered, number.format(s.delivered)],
    [c.oldest, s.pending === 0 ? c.nothingWaiting : c.minutes(Math.ceil(s.oldestPendingSeconds / 60))],
    [c.synced, `${percent.format(s.syncedRatio)} (${c.outOf(s.dossiersSynced, s.dossiersChanged)})`],
  ];
  const r = s.lastReconciliation;
  return (
    <>
      <dl className="summary-list">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>{c.reconciliation}</dt>
          <dd>
            {r === null
              ? c.noReconciliation
              : c.reconciled(
                  formatInstant(t, r.finishedAt ?? r.startedAt),
                  r.checked,
                  r.mismatches,
                  r.enqueued,
                )}
          </dd>
        </div>
      </dl>
      {s.agencies.length > 0 ? (
        <table className="table">
          <caption>{c.agenciesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.columns.agency}</th>
              <th scope="col">{c.columns.changed}</th>
              <th scope="col">{c.columns.pending}</th>
              <th scope="col">{c.columns.dead}</th>
              <th scope="col">{c.columns.synced}</th>
            </tr>
          </thead>
          <tbody>
            {s.agencies.map((a) => (
              <tr key={a.agencyCode}>
                <th scope="row" data-label={c.columns.agency}>
                  <span lang="vi">{a.agencyName}</span> <span className="code">({a.agencyCode})</span>
                </th>
                <td data-label={c.columns.changed}>{number.format(a.changed)}</td>
                <td data-label={c.columns.pending}>{number.format(a.pending)}</td>
                <td data-label={c.columns.dead}>{number.format(a.deadLettered)}</td>
                <td data-label={c.columns.synced}>{percent.format(a.syncedRatio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function DeadLetters({ onNotice }: { onNotice: (text: string, warning: boolean) => void }) {
  const { t } = useI18n();
  const c = t.syncStatus;
  const [page, setPage] = useState(1);
  const heading = useRef<HTMLHeadingElement>(null);
  const invalidate = useInvalidate();
  const result = useQuery({ ...syncQueries.dead(page), placeholderData: keepPreviousData });
  const one = useMutation({
    mutationFn: (m: SyncMessageView) => redriveMessage(m.id),
    onSuccess: (m) => {
      onNotice(c.redrivenOne(m.key), false);
      return invalidate(syncQueries.all);
    },
    onError: (error) => onNotice(errorText(t, error), true),
  });
  const all = useMutation({
    mutationFn: redriveAll,
    onSuccess: (r) => {
      onNotice(c.redrivenAll(r.redriven), false);
      return invalidate(syncQueries.all);
    },
    onError: (error) => onNotice(errorText(t, error), true),
  });
  const data = result.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / DEAD_PAGE_SIZE)) : 1;
  const emptied = result.isSuccess && !result.isPlaceholderData && result.data.items.length === 0;
  useEffect(() => {
    if (emptied && page > 1) setPage(page - 1);
  }, [emptied, page]);
  const busy = one.isPending || all.isPending;
  return (
    <section aria-labelledby="sync-dead-heading" className="dossier-section">
      <h2 id="sync-dead-heading" className="section-heading" tabIndex={-1} ref={heading}>
        {c.deadHeading}
      </h2>
      <p className="hint">{c.deadHint}</p>
      <p className="muted" role="status">
        {readStatus(result, t.loading, (d) => (d.total === 0 ? c.deadNone : c.deadCount(d.total)))}
      </p>
      <ReadError read={result} />
      {data && data.items.length > 0 ? (
        <>
          <p>
            <button
              type="button"
              className="button"
              aria-disabled={busy || undefined}
              onClick={() => {
                if (!busy) all.mutate();
              }}
            >
              {c.redriveAll}
            </button>
          </p>
          <table className="table">
            <caption className="visually-hidden">{c.deadHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{c.columns.dossier}</th>
                <th scope="col">{c.columns.status}</th>
                <th scope="col">{c.columns.attempts}</th>
                <th scope="col">{c.columns.since}</th>
                <th scope="col">{c.columns.reason}</th>
                <th scope="col">{c.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <tr key={m.id}>
                  <th scope="row" data-label={c.columns.dossier}>
                    <Link to={dossierPath(m.key)} className="code">
                      {m.key}
                    </Link>
                  </th>
                  <td data-label={c.columns.status}>
                    {m.dossierStatus !== null ? statusLabel(t, m.dossierStatus) : ''}
                  </td>
                  <td data-label={c.columns.attempts}>{m.attempts}</td>
                  <td data-label={c.columns.since}>
                    <time dateTime={m.createdAt}>{formatInstant(t, m.createdAt)}</time>
                  </td>
                  <td data-label={c.columns.reason}>
                    {/* The portal's or the network's own words, as they came. */}
                    <code lang="vi">{m.lastError ?? ''}</code>
                  </td>
                  <td data-label={c.columns.actions}>
                    <button
                      type="button"
                      className="button button-small"
                      aria-disabled={busy || undefined}
                      onClick={() => {
                        if (!busy) one.mutate(m);
                      }}
                    >
                      {c.redrive}
                      <span className="visually-hidden"> {m.key}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <Pager label={c.deadPager} page={page} pages={pages} onPage={setPage} heading={heading} />
    </section>
  );
}

export function SyncStatusPage() {
  const { t } = useI18n();
  const c = t.syncStatus;
  const { session } = useSession();
  const roles = session.status === 'signed-in' ? session.user.roles.map((r) => r.role) : [];
  const canView = roles.some((r) => SYNC_VIEWER_ROLES.includes(r));
  const canRedrive = roles.includes('province-admin');
  const status = useQuery({ ...syncQueries.status(), enabled: canView });
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <Page title={c.title} heading={c.title} intro={c.intro} className="sync-status-page">
      {!canView ? (
        <p className="notice notice-warning">{c.notAllowed}</p>
      ) : (
        <>
          <FocusedNotice notice={notice} />
          <section aria-labelledby="sync-summary-heading" className="dossier-section">
            <h2 id="sync-summary-heading" className="section-heading">
              {c.summaryHeading}
            </h2>
            <p className="muted" role="status">
              {readStatus(status, t.loading, () => '')}
            </p>
            <ReadError read={status} />
            {status.data ? <Summary t={t} s={status.data} /> : null}
          </section>
          <NotificationHealth />
          {canRedrive ? (
            <DeadLetters onNotice={(text, warning) => setNotice({ text, warning })} />
          ) : (
            <p className="hint">{c.readOnly}</p>
          )}
        </>
      )}
    </Page>
  );
}
