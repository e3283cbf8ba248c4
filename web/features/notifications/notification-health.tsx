// The operators' view of the notification channels, on the national-portal sync page
// (/quan-tri/dong-bo-dvcqg; province administrators and auditors, as GET /notifications/health): a
// failing channel first, as an alert with its failures in a row and the provider's last reason; then
// each channel's messages by state and its last success; the dossier events still waiting.
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { notificationQueries } from './notifications-api.ts';
import { channelText } from './notification-words.ts';

/** Read again every half minute while the page is open: an outage should show without a reload. */
const HEALTH_REFRESH_MS = 30_000;

export function NotificationHealth() {
  const { t } = useI18n();
  const h = t.notifications.health;
  const read = useQuery({ ...notificationQueries.health(), refetchInterval: HEALTH_REFRESH_MS });
  const data = read.data;
  const number = new Intl.NumberFormat(t.time.numberLocale);
  const failing = data?.channels.filter((c) => c.status === 'alert') ?? [];
  return (
    <section aria-labelledby="notification-health-heading" className="dossier-section notification-health">
      <h2 id="notification-health-heading" className="section-heading">
        {h.heading}
      </h2>
      <p className="muted" role="status">
        {data ? h.pendingEvents(data.pendingEvents) : readStatus(read, t.loading, () => '')}
      </p>
      <ReadError read={read} />
      <div role="alert">
        {failing.map((c) => (
          <div key={c.channel} className="notice notice-warning channel-health-alert">
            <p>{h.alertText(channelText(t, c.channel), c.consecutiveFailures)}</p>
            {c.lastFailureReason ? (
              <p>
                {h.lastReason} <code lang="vi">{c.lastFailureReason}</code>
              </p>
            ) : null}
          </div>
        ))}
      </div>
      {data && data.channels.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{h.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{h.columns.channel}</th>
              <th scope="col">{h.columns.status}</th>
              <th scope="col">{h.columns.queued}</th>
              <th scope="col">{h.columns.sent}</th>
              <th scope="col">{h.columns.delivered}</th>
              <th scope="col">{h.columns.failed}</th>
              <th scope="col">{h.columns.lastSuccess}</th>
            </tr>
          </thead>
          <tbody>
            {data.channels.map((c) => (
              <tr key={c.channel} data-status={c.status}>
                <th scope="row" data-label={h.columns.channel}>
                  {channelText(t, c.channel)}
                </th>
                <td data-label={h.columns.status}>{c.status === 'alert' ? h.alert : h.ok}</td>
                <td data-label={h.columns.queued}>{number.format(c.queued)}</td>
                <td data-label={h.columns.sent}>{number.format(c.sent)}</td>
                <td data-label={h.columns.delivered}>{number.format(c.delivered)}</td>
                <td data-label={h.columns.failed}>{number.format(c.failed)}</td>
                <td data-label={h.columns.lastSuccess}>
                  {c.lastSuccessAt ? (
                    <time dateTime={c.lastSuccessAt}>{formatInstant(t, c.lastSuccessAt)}</time>
                  ) : (
                    h.never
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
