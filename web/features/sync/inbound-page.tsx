// /quan-tri/ho-so-cong-dvcqg: the dossiers fetched from the National Public Service Portal that did not
// enter intake — held (a catalogue gap; tried again at every fetch) and rejected (an agency or
// procedure the province does not have) — with their reasons, 20 a page each. Province administrators
// and auditors read it (the server decides: GET /sync/inbound); a province administrator takes a held
// one again at once after completing the catalogue (POST /sync/inbound/<id>/retry), and the outcome
// is announced and focused.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Role } from '../../../common/auth/roles.ts';
import { errorText } from '../../app/errors.ts';
import { FocusedNotice, type Notice as BaseNotice } from '../../app/ui/focused-notice.tsx';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { Page } from '../../app/page.tsx';
import { Pager } from '../../app/pager.tsx';
import { dossierPath } from '../../app/paths.ts';
import { readStatus, useInvalidate } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { INBOUND_PAGE_SIZE, retryInbound, syncQueries, type InboundDossierView } from './sync-api.ts';
import './inbound.css';

/** Who reads the list (as GET /sync/status); only a province administrator takes a dossier again. */
export const SYNC_VIEWER_ROLES: readonly Role[] = ['province-admin', 'auditor'];

type Listed = 'held' | 'rejected';
type Notice = BaseNotice & { dossierCode?: string };

function InboundTable({
  t,
  status,
  items,
  canRetry,
  busy,
  onRetry,
}: {
  t: Messages;
  status: Listed;
  items: InboundDossierView[];
  canRetry: boolean;
  busy: string | null;
  onRetry: (row: InboundDossierView) => void;
}) {
  const c = t.syncInbound;
  const withActions = status === 'held';
  return (
    <table className="table inbound-table">
      <caption className="visually-hidden">{c[status].caption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.columns.portalCode}</th>
          <th scope="col">{c.columns.procedure}</th>
          <th scope="col">{c.columns.agency}</th>
          <th scope="col">{c.columns.fetchedAt}</th>
          <th scope="col">{c.columns.problems}</th>
          {withActions ? <th scope="col">{c.columns.actions}</th> : null}
        </tr>
      </thead>
      <tbody>
        {items.map((row) => (
          <tr key={row.id}>
            <th scope="row" data-label={c.columns.portalCode}>
              <span className="code">{row.portalCode}</span>
            </th>
            <td data-label={c.columns.procedure}>
              {row.procedure.name !== null ? (
                <span lang="vi">{row.procedure.name}</span>
              ) : (
                <span className="muted">{c.unknownProcedure}</span>
              )}{' '}
              <span className="code">({row.procedure.code})</span>
            </td>
            <td data-label={c.columns.agency}>
              {row.agency.name !== null ? (
                <span lang="vi">{row.agency.name}</span>
              ) : (
                <span className="muted">{c.unknownAgency}</span>
              )}{' '}
              <span className="code">({row.agency.code})</span>
            </td>
            <td data-label={c.columns.fetchedAt}>
              <time dateTime={row.fetchedAt}>{formatInstant(t, row.fetchedAt)}</time>
            </td>
            <td data-label={c.columns.problems}>
              {/* The reasons are the server's words, in Vietnamese whatever the interface language. */}
              <ul className="plain-list" lang="vi">
                {row.problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </td>
            {withActions ? (
              <td data-label={c.columns.actions}>
                {canRetry ? (
                  <button
                    type="button"
                    className="button button-small"
                    aria-disabled={busy === row.id || undefined}
                    onClick={() => onRetry(row)}
                  >
                    {c.retry}
                    <span className="visually-hidden"> {c.retryFor(row.portalCode)}</span>
                  </button>
                ) : (
                  <span className="muted">{c.readOnly}</span>
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InboundSection({
  status,
  canRetry,
  busy,
  onRetry,
}: {
  status: Listed;
  canRetry: boolean;
  busy: string | null;
  onRetry: (row: InboundDossierView) => void;
}) {
  const { t } = useI18n();
  const c = t.syncInbound[status];
  const [page, setPage] = useState(1);
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useQuery({ ...syncQueries.inbound({ status, page }), placeholderData: keepPreviousData });

  const last = result.data;
  const pages = last ? Math.max(1, Math.ceil(last.total / INBOUND_PAGE_SIZE)) : 1;
  // A page emptied by a retry (its last row received): go back one.
  const emptied = result.isSuccess && !result.isPlaceholderData && result.data.items.length === 0;
  useEffect(() => {
    if (emptied && page > 1) setPage(page - 1);
  }, [emptied, page]);

  const id = `inbound-${status}-heading`;
  return (
    <section aria-labelledby={id} className="dossier-section">
      <h2 id={id} className="section-heading" tabIndex={-1} ref={heading}>
        {c.heading}
      </h2>
      <p className="hint">{c.hint}</p>
      <p className="muted" role="status">
        {readStatus(result, t.loading, (data) => (data.total === 0 ? c.none : c.count(data.total)))}
      </p>
      <ReadError read={result} />
      {last && last.items.length > 0 ? (
        <InboundTable
          t={t}
          status={status}
          items={last.items}
          canRetry={canRetry}
          busy={busy}
          onRetry={onRetry}
        />
      ) : null}
      <Pager label={c.pager} page={page} pages={pages} onPage={setPage} heading={heading} />
    </section>
  );
}

export function InboundPage() {
  const { t } = useI18n();
  const c = t.syncInbound;
  const { session } = useSession();
  const roles = session.status === 'signed-in' ? session.user.roles.map((r) => r.role) : [];
  const canView = roles.some((r) => SYNC_VIEWER_ROLES.includes(r));
  const canRetry = roles.includes('province-admin');
  const [notice, setNotice] = useState<Notice | null>(null);
  const invalidate = useInvalidate();

  const retry = useMutation({
    mutationFn: (row: InboundDossierView) => retryInbound(row.id),
    onSuccess: (after) => {
      const why = after.problems[0]?.message ?? '';
      setNotice(
        after.status === 'received'
          ? {
              text: c.received(after.portalCode, after.dossierCode ?? ''),
              warning: false,
              ...(after.dossierCode ? { dossierCode: after.dossierCode } : {}),
            }
          : after.status === 'rejected'
            ? { text: c.rejectedNow(after.portalCode, why), warning: true }
            : { text: c.stillHeld(after.portalCode, why), warning: true },
      );
      // Both lists: a retried dossier may move from held to rejected, or leave both.
      return invalidate(syncQueries.all);
    },
    onError: (error) => setNotice({ text: errorText(t, error), warning: true }),
  });
  const busy = retry.isPending ? (retry.variables?.id ?? null) : null;

  return (
    <Page title={c.title} heading={c.title} intro={c.intro} className="inbound-page">
      {!canView ? (
        <p className="notice notice-warning">{c.notAllowed}</p>
      ) : (
        <>
          <FocusedNotice notice={notice}>
            {notice?.dossierCode ? (
              <>
                {' '}
                <Link to={dossierPath(notice.dossierCode)}>{c.openDossier(notice.dossierCode)}</Link>
              </>
            ) : null}
          </FocusedNotice>
          {(['held', 'rejected'] as const).map((status) => (
            <InboundSection
              key={status}
              status={status}
              canRetry={canRetry}
              busy={busy}
              onRetry={(row) => {
                if (!retry.isPending) retry.mutate(row);
              }}
            />
          ))}
        </>
      )}
    </Page>
  );
}
