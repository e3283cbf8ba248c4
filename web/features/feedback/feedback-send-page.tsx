// /cong-dich-vu-cong/gui-phan-anh-kien-nghi: a citizen (signed in or not) sends feedback or a petition
// (POST /feedback) and is told its code, the agency handling it and the answer's due time, with a link
// to follow it by code.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { feedbackLookupPath, PATHS } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { Fact } from '../citizen/fact.tsx';
import type { SubmitFeedbackResponse } from './feedback-api.ts';
import { useFeedbackWords } from './feedback-fields.tsx';
import { FeedbackSendForm } from './feedback-send-form.tsx';
import '../citizen/citizen.css';

function FeedbackSent({ sent, onAnother }: { sent: SubmitFeedbackResponse; onAnother: () => void }) {
  const { t } = useI18n();
  const s = useFeedbackWords().send;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="notice notice-success feedback-sent" aria-labelledby="feedback-sent-heading">
      <h2 id="feedback-sent-heading" className="section-heading" tabIndex={-1} ref={heading}>
        {s.sentHeading}
      </h2>
      <dl className="summary-list">
        <Fact label={s.code}>
          <strong className="code feedback-code">{sent.code}</strong>
        </Fact>
        <Fact label={s.agency}>
          <span lang="vi">{sent.agency.name}</span>
        </Fact>
        <Fact label={s.receivedAt}>
          <time dateTime={sent.receivedAt}>{formatInstant(t, sent.receivedAt)}</time>
        </Fact>
        <Fact label={s.dueAt}>
          {sent.dueAt ? <time dateTime={sent.dueAt}>{formatInstant(t, sent.dueAt)}</time> : s.noDue}
        </Fact>
      </dl>
      <p>{s.keep}</p>
      <ul className="page-links">
        <li>
          <Link to={feedbackLookupPath(sent.code)}>{s.follow}</Link>
        </li>
        <li>
          <button type="button" className="button" onClick={onAnother}>
            {s.another}
          </button>
        </li>
      </ul>
    </section>
  );
}

export function FeedbackSendPage() {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const [sent, setSent] = useState<SubmitFeedbackResponse | null>(null);
  const [round, setRound] = useState(0);
  return (
    <Page title={w.send.title} heading={w.send.title} intro={w.send.intro} className="citizen-page">
      {sent ? (
        <FeedbackSent
          sent={sent}
          onAnother={() => {
            setSent(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <FeedbackSendForm key={round} onSent={setSent} />
      )}
      <ul className="page-links">
        <li>
          <Link to={PATHS.feedbackPublished}>{w.send.published}</Link>
        </li>
        <li>
          <Link to={PATHS.feedbackLookup}>{w.lookup.title}</Link>
        </li>
        <li>
          <Link to={PATHS.portal}>{t.portal.title}</Link>
        </li>
      </ul>
    </Page>
  );
}
