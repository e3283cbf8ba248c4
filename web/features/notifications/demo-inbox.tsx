// "Hộp thư thử nghiệm" on /quan-tri/thong-bao, in demo mode only: the province's notification e-mails the
// SMTP sink inside the server received (GET /notifications/demo-inbox, newest first), each with its
// recipient, subject, time and text, so a demo shows that the applicant was told. Read again every few
// seconds while the page is open. Where the route does not exist (not demo mode, production) nothing
// is shown.
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { notificationQueries, type DemoInboxResponse } from './notifications-api.ts';
import { eventText } from './notification-words.ts';

const INBOX_REFRESH_MS = 5000;

export function DemoInbox({ provinceCode }: { provinceCode: string }) {
  const { t } = useI18n();
  const d = t.notifications.demoInbox;
  const read = useQuery({
    ...notificationQueries.demoInbox(provinceCode),
    refetchInterval: INBOX_REFRESH_MS,
  });
  if (read.data === null) return null;
  const status = (data: DemoInboxResponse | null) =>
    data === null
      ? ''
      : !data.running
        ? d.notRunning
        : data.items.length === 0
          ? d.empty
          : d.count(data.items.length);
  return (
    <section aria-labelledby="demo-inbox-heading" className="dossier-section demo-inbox">
      <h2 id="demo-inbox-heading" className="section-heading">
        {d.heading}
      </h2>
      <p className="hint">{d.hint}</p>
      <p className="muted" role="status">
        {read.data ? status(read.data) : readStatus(read, t.loading, status)}
      </p>
      <ReadError read={read} />
      {read.data && read.data.items.length > 0 ? (
        <ol className="demo-inbox-list">
          {read.data.items.map((m, i) => (
            <li key={`${m.receivedAt}-${i}`}>
              <article aria-labelledby={`demo-mail-${i}`} className="demo-mail">
                <h3 id={`demo-mail-${i}`} lang="vi">
                  {m.subject}
                </h3>
                <p className="muted">
                  {d.to} <span className="code">{m.to.join(', ')}</span> ·{' '}
                  <time dateTime={m.receivedAt}>{formatInstant(t, m.receivedAt)}</time> ·{' '}
                  {eventText(t, m.event)}
                  {(m.dossierCode ?? m.feedbackCode) ? (
                    <>
                      {' '}
                      · <span className="code">{m.dossierCode ?? m.feedbackCode}</span>
                    </>
                  ) : null}
                </p>
                <pre className="demo-mail-text" lang="vi">
                  {m.text}
                </pre>
              </article>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
