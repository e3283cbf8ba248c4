// /quan-tri/thong-bao: what the province tells applicants, for province administrators. The province's
// channels and SMS brandname (channels-form.tsx); the templates per event × channel, each the default
// shipped with motcua or the province's own (GET /notification-templates?provinceCode=), "Sửa" opening
// its editor (template-editor.tsx) above the list; in demo mode the e-mails the test SMTP server received
// (demo-inbox.tsx). An administrator of several provinces picks one.
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { useSession } from '../../app/session.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { ChannelsForm } from './channels-form.tsx';
import { DemoInbox } from './demo-inbox.tsx';
import {
  notificationQueries,
  type NotificationChannel,
  type NotificationEvent,
} from './notifications-api.ts';
import { channelText, eventText } from './notification-words.ts';
import { TemplateEditor } from './template-editor.tsx';
import './notifications.css';

type Open = { event: NotificationEvent; channel: NotificationChannel };
const buttonId = (o: Open) => `template-edit-${o.event}-${o.channel}`;

function Templates({ provinceCode }: { provinceCode: string }) {
  const { t } = useI18n();
  const a = t.notifications.admin;
  const read = useQuery(notificationQueries.templates(provinceCode));
  const [open, setOpen] = useState<Open | null>(null);
  const returnTo = useRef<string | null>(null);
  const items = read.data?.items ?? [];
  const editing = open ? items.find((i) => i.event === open.event && i.channel === open.channel) : undefined;
  const close = () => {
    setOpen(null);
    const id = returnTo.current;
    window.setTimeout(() => (id ? document.getElementById(id)?.focus() : undefined), 0);
  };
  return (
    <>
      {editing && read.data ? (
        <TemplateEditor
          key={`${editing.event}-${editing.channel}`}
          provinceCode={provinceCode}
          view={editing}
          placeholders={read.data.placeholders}
          onClose={close}
        />
      ) : null}
      <section className="dossier-section" aria-labelledby="templates-heading" aria-busy={read.isFetching}>
        <h2 id="templates-heading" className="section-heading">
          {a.templatesHeading}
        </h2>
        <p className="muted" role="status">
          {readStatus(read, t.loading, () => '')}
        </p>
        <ReadError read={read} />
        {items.length > 0 ? (
          <table className="table">
            <caption className="visually-hidden">{a.templatesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{a.columns.event}</th>
                <th scope="col">{a.columns.channel}</th>
                <th scope="col">{a.columns.source}</th>
                <th scope="col">{a.columns.updated}</th>
                <th scope="col">{a.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => {
                const event = eventText(t, i.event);
                const channel = channelText(t, i.channel);
                return (
                  <tr key={`${i.event}-${i.channel}`}>
                    <th scope="row" data-label={a.columns.event}>
                      {event}
                    </th>
                    <td data-label={a.columns.channel}>{channel}</td>
                    <td data-label={a.columns.source}>{a.sources[i.source]}</td>
                    <td data-label={a.columns.updated}>
                      {i.updatedAt ? <time dateTime={i.updatedAt}>{formatInstant(t, i.updatedAt)}</time> : ''}
                    </td>
                    <td data-label={a.columns.actions}>
                      <button
                        type="button"
                        id={buttonId(i)}
                        className="button button-small"
                        aria-expanded={open?.event === i.event && open.channel === i.channel}
                        onClick={() => {
                          returnTo.current = buttonId(i);
                          setOpen({ event: i.event, channel: i.channel });
                        }}
                      >
                        {a.edit}
                        <span className="visually-hidden"> {a.editFor(event, channel)}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}

export function NotificationAdminPage() {
  const { t } = useI18n();
  const a = t.notifications.admin;
  const { session } = useSession();
  const roles = session.status === 'signed-in' ? session.user.roles : [];
  const provinces = [...new Set(roles.filter((r) => r.role === 'province-admin').map((r) => r.provinceCode))];
  const [chosen, setChosen] = useState<string | null>(null);
  const provinceCode = chosen !== null && provinces.includes(chosen) ? chosen : (provinces[0] ?? null);
  return (
    <Page title={a.title} heading={a.title} intro={a.intro} className="notification-admin-page">
      {provinceCode === null ? (
        <p className="notice notice-warning">{a.notAllowed}</p>
      ) : (
        <>
          {provinces.length > 1 ? (
            <div className="field">
              <label htmlFor="notification-province">{a.province}</label>
              <select
                id="notification-province"
                value={provinceCode}
                onChange={(e) => setChosen(e.target.value)}
              >
                {provinces.map((p) => (
                  <option key={p} value={p}>
                    {roles.find((r) => r.provinceCode === p && r.role === 'province-admin')?.agencyName ?? p}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <ChannelsForm key={`c-${provinceCode}`} provinceCode={provinceCode} />
          <Templates key={`t-${provinceCode}`} provinceCode={provinceCode} />
          <DemoInbox key={`i-${provinceCode}`} provinceCode={provinceCode} />
        </>
      )}
    </Page>
  );
}
