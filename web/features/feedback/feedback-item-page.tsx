// /phan-anh-kien-nghi/<code>: one feedback for the staff in reach (GET /feedback/<code>): what the sender
// declared, the handling and its due times, the answer, the history; and the actions the server says
// this caller may take now (`may`), each a button opening its form (feedback-action-form.tsx).
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { useInvalidate } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { Link } from '../../app/router.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { ActionButtons, ActionNotice, useActionPanel } from '../dossiers/action-panel.tsx';
import { feedbackQueries, type FeedbackAction, type FeedbackDetail } from './feedback-api.ts';
import { FeedbackActionForm } from './feedback-action-form.tsx';
import { FeedbackFacts } from './feedback-facts.tsx';
import { useFeedbackWords } from './feedback-fields.tsx';

function detailNote(details: Record<string, unknown>): string {
  const parts = ['reason', 'note', 'comment'].flatMap((k) =>
    typeof details[k] === 'string' ? [details[k]] : [],
  );
  return parts.join(' · ');
}

function FeedbackHistory({ view }: { view: FeedbackDetail }) {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const i = w.staff.item;
  const actionLabel = (a: string) => (a in w.actions ? w.actions[a as FeedbackAction] : (w.history[a] ?? a));
  return (
    <section aria-labelledby="fb-history" className="dossier-section">
      <h2 id="fb-history" className="section-heading">
        {i.history}
      </h2>
      {view.history.length === 0 ? (
        <p className="muted">{i.noHistory}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={i.history} tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                {i.historyColumns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.history.map((h, n) => (
                <tr key={n}>
                  <td data-label={i.historyColumns[0]}>
                    <time dateTime={h.at}>{formatInstant(t, h.at)}</time>
                  </td>
                  <td data-label={i.historyColumns[1]}>{actionLabel(h.action)}</td>
                  <td data-label={i.historyColumns[2]} lang="vi">
                    {h.actor}
                  </td>
                  <td data-label={i.historyColumns[3]} lang="vi">
                    {detailNote(h.details)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FeedbackActions({ view, reload }: { view: FeedbackDetail; reload: () => void }) {
  const w = useFeedbackWords();
  const i = w.staff.item;
  const panel = useActionPanel<FeedbackAction>(reload);
  const actions = view.may.map((kind) => ({ kind, label: w.actions[kind] }));
  return (
    <section aria-labelledby="fb-actions" className="dossier-section">
      <h2 id="fb-actions" className="section-heading">
        {i.actions}
      </h2>
      <ActionNotice notice={panel.notice} noticeRef={panel.noticeRef} staleText={w.stale} otherwise={null} />
      {actions.length === 0 ? (
        <p className="muted">{i.noActions}</p>
      ) : (
        <ActionButtons
          actions={actions}
          open={panel.open}
          onToggle={panel.toggle}
          buttonsRef={panel.buttonsRef}
        />
      )}
      {panel.open && view.may.includes(panel.open) ? (
        <FeedbackActionForm
          key={panel.open}
          view={view}
          action={panel.open}
          onDone={panel.onDone}
          onStale={panel.onStale}
          onCancel={panel.onCancel}
        />
      ) : null}
    </section>
  );
}

export function FeedbackItemPage({ code }: { code: string }) {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const title = w.staff.item.title(code);
  const read = useQuery(feedbackQueries.one(code));
  const invalidate = useInvalidate();
  const view = read.data;
  return (
    <Page title={title} heading={title}>
      <p>
        <Link to={PATHS.feedbackRegister}>{w.staff.item.back}</Link>
      </p>
      <p role="status" className="muted">
        {read.isFetching && !view ? t.loading : ''}
      </p>
      <ReadError read={read} />
      {view ? (
        <div aria-busy={read.isFetching}>
          <FeedbackActions view={view} reload={() => void invalidate(feedbackQueries.all)} />
          <FeedbackFacts view={view} />
          <FeedbackHistory view={view} />
        </div>
      ) : null}
    </Page>
  );
}
