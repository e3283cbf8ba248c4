// Trang chủ: after sign-in, each of the user's roles shows its counters (common/dossiers/worklists.ts
// ROLE_COUNTERS), each a link to its worklist (/ho-so?ds=<list>); then the dossiers someone else acted
// on since the user's previous sign-in; then the other tasks.
import { useQuery } from '@tanstack/react-query';
import type { Worklist } from '../../../common/dossiers/worklists.ts';
import { formatInstant } from '../../features/calendar/vn-time.ts';
import { dossierQueries, type DossierChangesData } from '../../features/dossiers/dossiers-api.ts';
import { actionLabel, statusLabel } from '../../features/dossiers/dossier-format.ts';
import { DossierCells } from '../../features/dossiers/worklist-table.tsx';
import { FeedbackHomeCounters } from '../../features/feedback/feedback-home-counters.tsx';
import { ReorganisationsCard } from '../../features/reorganisations/reorganisations-card.tsx';
import { ACKNOWLEDGER_ROLES } from '../../features/reorganisations/reorganisations-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Messages } from '../i18n/vi.ts';
import { Page } from '../page.tsx';
import { PATHS } from '../paths.ts';
import { ReadError } from '../read-error.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { withData } from '../ui/data-text.tsx';
import { roleCounters, worklistPath, type RoleCounters } from './home-counters.ts';

function Counters({
  t,
  block,
  counts,
}: {
  t: Messages;
  block: RoleCounters;
  counts: Record<Worklist, number> | undefined;
}) {
  const id = `home-counters-${block.role}`;
  return (
    <section className="home-counters" aria-labelledby={id} data-role={block.role}>
      <h2 id={id} className="section-heading">
        {t.roles[block.role]}{' '}
        <span className="home-counters-at">{withData(t.home.countersAt, block.agencies.join('; '))}</span>
      </h2>
      <ul className="counter-list" aria-label={t.home.countersLabel(t.roles[block.role])}>
        {block.lists.map((list) => (
          <li key={list} className="counter">
            <Link to={worklistPath(list)} className="counter-link" data-list={list}>
              <span className="counter-value">{counts ? counts[list] : '…'}</span>
              <span className="visually-hidden"> {t.home.counterUnit}: </span>
              <span className="counter-label">{t.home.counters[list]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Changes({ t, data }: { t: Messages; data: DossierChangesData }) {
  const c = t.home.changesColumns;
  const since = formatInstant(t, data.since);
  return (
    <>
      <p>{data.firstSignIn ? t.home.changesFirst(since) : t.home.changesSince(since)}</p>
      {data.items.length === 0 ? (
        <p className="muted">{t.home.changesNone}</p>
      ) : (
        <>
          <table className="table changes-table">
            <caption className="visually-hidden">{t.home.changesHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{c.code}</th>
                <th scope="col">{c.procedure}</th>
                <th scope="col">{c.applicant}</th>
                <th scope="col">{c.last}</th>
                <th scope="col">{c.status}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((d) => (
                <tr key={d.code}>
                  <DossierCells labels={c} dossier={d} />
                  <td data-label={c.last}>
                    {d.lastAction.kind === 'submit'
                      ? t.home.changesSubmitted
                      : actionLabel(t, d.lastAction.kind)}
                    <br />
                    <span className="muted">
                      {withData(
                        (who) => t.home.changesBy(who, formatInstant(t, d.lastAction.at)),
                        d.lastAction.by,
                      )}
                      {d.actions > 1 ? ` · ${t.home.changesCount(d.actions)}` : null}
                    </span>
                  </td>
                  <td data-label={c.status}>
                    <span className={`status status-${d.status}`}>{statusLabel(t, d.status)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.total > data.items.length ? (
            <p className="table-count">{t.home.changesShown(data.items.length, data.total)}</p>
          ) : null}
        </>
      )}
    </>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { session } = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  const blocks = user ? roleCounters(user.roles) : [];
  const counts = useQuery({ ...dossierQueries.counts(), enabled: blocks.length > 0 });
  const changes = useQuery({ ...dossierQueries.changes(), enabled: blocks.length > 0 });
  if (!user) return null;

  return (
    <Page title={t.home.title} heading={withData(t.home.greeting, user.fullName)}>
      {user.roles.length === 0 ? (
        <p>{t.home.noRoles}</p>
      ) : (
        <section className="panel" aria-labelledby="home-roles">
          <h2 id="home-roles" className="panel-heading">
            {t.home.rolesIntro}
          </h2>
          <ul className="role-list">
            {user.roles.map((r) => (
              <li key={`${r.role}@${r.agencyCode}`}>
                <span className="role-name">{t.roles[r.role]}</span>{' '}
                <span className="muted">{t.home.roleAt}</span>{' '}
                <span className="role-agency" lang="vi">
                  {r.agencyName}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {counts.isError ? <p className="inline-error">{t.home.countsFailed}</p> : null}
      {blocks.map((b) => (
        <Counters key={b.role} t={t} block={b} counts={counts.data} />
      ))}
      {blocks.length > 0 ? <FeedbackHomeCounters /> : null}
      {blocks.length > 0 ? (
        <section aria-labelledby="home-changes" className="home-changes" aria-busy={changes.isFetching}>
          <h2 id="home-changes" className="section-heading">
            {t.home.changesHeading}
          </h2>
          <ReadError read={changes} />
          {changes.data ? <Changes t={t} data={changes.data} /> : null}
        </section>
      ) : null}
      <section aria-labelledby="home-tasks">
        <h2 id="home-tasks" className="section-heading">
          {t.home.tasksHeading}
        </h2>
        <ul className="card-list">
          <li className="card">
            <Link to={PATHS.units} className="card-link">
              {t.home.unitsLink}
            </Link>
            <p className="card-hint">{t.home.unitsLinkHint}</p>
          </li>
          {/* Leaders have no "Quản trị": the hand-overs they acknowledge are linked here. */}
          {user.roles.some((r) => ACKNOWLEDGER_ROLES.includes(r.role)) ? <ReorganisationsCard /> : null}
          {/* Auditors have no "Quản trị" in the navigation: the portal's dossiers are linked here. */}
          {user.roles.some((r) => r.role === 'auditor')
            ? [
                { to: PATHS.syncStatus, label: t.adminHub.syncStatus, hint: t.adminHub.syncStatusHint },
                { to: PATHS.syncInbound, label: t.adminHub.inbound, hint: t.adminHub.inboundHint },
              ].map((l) => (
                <li className="card" key={l.to}>
                  <Link to={l.to} className="card-link">
                    {l.label}
                  </Link>
                  <p className="card-hint">{l.hint}</p>
                </li>
              ))
            : null}
        </ul>
      </section>
    </Page>
  );
}
