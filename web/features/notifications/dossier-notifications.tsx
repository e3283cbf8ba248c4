// "Thông báo đã gửi" on a dossier, for staff (dossier-page.tsx) and for its applicant
// (my-dossier-page.tsx): each message the applicant was sent — the event, the channel and its state in
// words ("Đã gửi SMS · đã nhận", "SMS · gửi không được: <lý do>"), the masked address, the time of its
// latest change. GET /dossiers/<code>/notifications, read again every few seconds while a message is on
// its way (queued, or sent without a delivery report), and whenever the dossier is read again.
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { notificationQueries, type DossierNotificationsResponse } from './notifications-api.ts';
import { eventText, lastChange, onItsWay, refreshInterval, stateText } from './notification-words.ts';

export function DossierNotifications({ code, audience }: { code: string; audience: 'staff' | 'applicant' }) {
  const { t } = useI18n();
  const n = t.notifications;
  const read = useQuery({
    ...notificationQueries.dossier(code, audience),
    refetchInterval: (query) => refreshInterval(query.state.data),
  });
  const items = read.data?.items ?? [];
  const done = (d: DossierNotificationsResponse) =>
    d.items.length === 0 ? n.none : `${n.count(d.items.length)}${onItsWay(d.items) ? ` ${n.moving}` : ''}`;
  // "Loading" only before the first answer: a refresh behind a list shown would flicker every few seconds.
  const status = read.data ? done(read.data) : readStatus(read, t.loading, done);
  return (
    <section
      aria-labelledby="dossier-notifications-heading"
      className="dossier-section dossier-notifications"
      aria-busy={read.isFetching && !read.data ? true : undefined}
    >
      <h2 id="dossier-notifications-heading" className="section-heading">
        {n.heading}
      </h2>
      <p className="hint">{audience === 'staff' ? n.hintStaff : n.hintApplicant}</p>
      <p className="muted" role="status">
        {status}
      </p>
      <ReadError read={read} />
      {items.length > 0 ? (
        <table className="table notification-table">
          <caption className="visually-hidden">{n.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{n.columns.event}</th>
              <th scope="col">{n.columns.state}</th>
              <th scope="col">{n.columns.to}</th>
              <th scope="col">{n.columns.at}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const state = stateText(t, item);
              const at = lastChange(item);
              return (
                <tr key={item.id} data-state={item.state} data-channel={item.channel}>
                  <th scope="row" data-label={n.columns.event}>
                    {eventText(t, item.event)}
                  </th>
                  <td data-label={n.columns.state} className="notification-state">
                    {state.text}
                    {state.reason !== null ? (
                      <>
                        {state.retrying ? ` · ${n.retrying}: ` : ': '}
                        {/* The provider's own words, as they came. */}
                        <span lang="vi">{state.reason}</span>
                      </>
                    ) : null}
                    {item.attempts > 1 ? <span className="muted"> {n.attempts(item.attempts)}</span> : null}
                    {item.fallbackFor ? (
                      <span className="notification-fallback muted">
                        {n.fallback(item.fallbackFor.reason)}
                      </span>
                    ) : null}
                  </td>
                  <td data-label={n.columns.to}>
                    <span className="code">{item.to}</span>
                  </td>
                  <td data-label={n.columns.at}>
                    <time dateTime={at}>{formatInstant(t, at)}</time>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
