// What the public lookup shows of one feedback (the server's PublicFeedback: no sender data but a name
// they agreed to publish), and the sender's rating of the answer once it is answered.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { Fact } from '../citizen/fact.tsx';
import type { PublicFeedback } from './feedback-api.ts';
import { useFeedbackWords } from './feedback-fields.tsx';
import { RatingForm } from './feedback-rating-form.tsx';
import { rateable } from './feedback-rules.ts';

export function PublicFeedbackView({ view }: { view: PublicFeedback }) {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const l = w.lookup;
  const when = (iso: string) => <time dateTime={iso}>{formatInstant(t, iso)}</time>;
  return (
    <>
      <dl className="summary-list feedback-public">
        <Fact label={l.status}>
          <strong>{w.statuses[view.status]}</strong>
        </Fact>
        {view.kind ? <Fact label={l.kind}>{w.kinds[view.kind]}</Fact> : null}
        {view.subject ? (
          <Fact label={l.subject}>
            <span lang="vi">{view.subject}</span>
          </Fact>
        ) : null}
        {view.agency ? (
          <Fact label={l.agency}>
            <span lang="vi">{view.agency.name}</span>
          </Fact>
        ) : null}
        {view.receivedAt ? <Fact label={l.receivedAt}>{when(view.receivedAt)}</Fact> : null}
        {view.dueAt ? <Fact label={l.dueAt}>{when(view.dueAt)}</Fact> : null}
        {view.senderName ? (
          <Fact label={l.senderName}>
            <span lang="vi">{view.senderName}</span>
          </Fact>
        ) : null}
      </dl>
      {view.hidden ? <p className="notice">{l.hidden}</p> : null}
      {view.content ? (
        <section aria-labelledby="feedback-content-heading">
          <h3 id="feedback-content-heading" className="subsection-heading">
            {l.content}
          </h3>
          <p className="feedback-text" lang="vi">
            {view.content}
          </p>
        </section>
      ) : null}
      <section aria-labelledby="feedback-answer-heading" className="feedback-answer">
        <h3 id="feedback-answer-heading" className="subsection-heading">
          {l.answer}
        </h3>
        {view.answer ? (
          <>
            <p className="feedback-text" lang="vi">
              {view.answer.text}
            </p>
            <dl className="summary-list">
              <Fact label={l.answeredBy}>
                <span lang="vi">{view.answer.agency.name}</span>
              </Fact>
              <Fact label={l.answeredAt}>{when(view.answer.answeredAt)}</Fact>
            </dl>
          </>
        ) : (
          <p className="muted">{view.status === 'answered' ? l.answeredPrivately : l.notYet}</p>
        )}
      </section>
      {view.rating ? <p>{l.rated(w.levels[view.rating.level])}</p> : null}
      {/* Kept once rated, so that its thanks stay while the lookup is read again. */}
      {rateable({ status: view.status }) && !view.hidden ? (
        <RatingForm code={view.code} rated={Boolean(view.rating)} />
      ) : null}
    </>
  );
}
