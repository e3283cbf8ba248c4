// The register's rows: code (a link to the record), subject, kind and channel, agency, status,
// assignee, received and due times with the overdue / due-soon tag; hidden ones marked.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { feedbackItemPath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import type { FeedbackRow } from './feedback-api.ts';
import { useFeedbackWords } from './feedback-fields.tsx';
import { dueTag } from './feedback-rules.ts';

export function FeedbackRegisterTable({ rows }: { rows: readonly FeedbackRow[] }) {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const r = w.staff.register;
  const columns = [r.code, r.subject, r.kind, r.agency, r.statusColumn, r.assignee, r.receivedAt, r.dueAt];
  return (
    <div className="table-scroll" role="region" aria-label={r.caption} tabIndex={0}>
      <table className="table feedback-table">
        <caption className="visually-hidden">{r.caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const tag = dueTag(row);
            return (
              <tr key={row.code}>
                <th scope="row" data-label={r.code}>
                  <Link to={feedbackItemPath(row.code)} className="code">
                    {row.code}
                  </Link>
                  {row.hidden ? <span className="tag"> {r.hiddenTag}</span> : null}
                </th>
                <td data-label={r.subject} lang="vi">
                  {row.subject}
                </td>
                <td data-label={r.kind}>
                  {w.kinds[row.kind]}
                  <br />
                  <span className="muted">{w.channels[row.channel]}</span>
                </td>
                <td data-label={r.agency} lang="vi">
                  {row.agency.name}
                </td>
                <td data-label={r.statusColumn}>{w.statuses[row.status]}</td>
                <td data-label={r.assignee}>{row.assignee ?? w.none}</td>
                <td data-label={r.receivedAt}>
                  <time dateTime={row.receivedAt}>{formatInstant(t, row.receivedAt)}</time>
                </td>
                <td data-label={r.dueAt}>
                  {row.dueAt ? <time dateTime={row.dueAt}>{formatInstant(t, row.dueAt)}</time> : w.none}
                  {tag ? (
                    <span className={tag === 'overdue' ? 'tag tag-overdue' : 'tag tag-due-soon'}>
                      {' '}
                      {w.due[tag]}
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
