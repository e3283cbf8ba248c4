// Everything a feedback record holds, for the staff in reach: what the sender declared (with their
// contacts: staff only), the attachments (opened through the audited file route), the handling (agency,
// classification, assignee, due times, verdict, transfers), the draft and the approved answer.
import { useI18n } from '../../app/i18n/i18n.tsx';
import { dossierPath, procedurePath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { Fact } from '../citizen/fact.tsx';
import { fileSizeText } from '../citizen/citizen-format.ts';
import type { FeedbackDetail } from './feedback-api.ts';
import { useFeedbackWords } from './feedback-fields.tsx';

type Files = FeedbackDetail['files'];

function FileList({ files }: { files: Files }) {
  const { t } = useI18n();
  return (
    <ul className="plain-list">
      {files.map((f) => (
        <li key={f.fileId}>
          <a href={f.url} target="_blank" rel="noopener">
            {f.name ?? f.fileId}
          </a>{' '}
          <span className="muted">({fileSizeText(t, f.size)})</span>
        </li>
      ))}
    </ul>
  );
}

export function FeedbackFacts({ view }: { view: FeedbackDetail }) {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const i = w.staff.item;
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{formatInstant(t, iso)}</time> : w.none);
  const vi = (text: string | null) => (text ? <span lang="vi">{text}</span> : w.none);
  return (
    <>
      <section aria-labelledby="fb-about" className="dossier-section">
        <h2 id="fb-about" className="section-heading">
          {i.about}
        </h2>
        <dl className="summary-list">
          <Fact label={i.kind}>{w.kinds[view.kind]}</Fact>
          <Fact label={i.channel}>{w.channels[view.channel]}</Fact>
          <Fact label={i.subject}>{vi(view.subject)}</Fact>
          <Fact label={i.procedure}>
            {view.procedureCode ? (
              <Link to={procedurePath(view.procedureCode)}>{view.procedureCode}</Link>
            ) : (
              w.none
            )}
          </Fact>
          <Fact label={i.dossier}>
            {view.dossierCode ? <Link to={dossierPath(view.dossierCode)}>{view.dossierCode}</Link> : w.none}
          </Fact>
        </dl>
        <p className="feedback-text" lang="vi">
          {view.content}
        </p>
        <h3 className="subsection-heading">{i.files}</h3>
        {view.files.length > 0 ? <FileList files={view.files} /> : <p className="muted">{i.noFiles}</p>}
      </section>
      <section aria-labelledby="fb-sender" className="dossier-section">
        <h2 id="fb-sender" className="section-heading">
          {i.sender}
        </h2>
        <dl className="summary-list">
          <Fact label={i.fullName}>{vi(view.sender.fullName)}</Fact>
          <Fact label={i.phone}>{view.sender.phone}</Fact>
          <Fact label={i.email}>{view.sender.email ?? w.none}</Fact>
          <Fact label={i.address}>{vi(view.sender.address)}</Fact>
          <Fact label={i.identity}>{view.sender.citizen ? i.verified : i.declared}</Fact>
          <Fact label={i.consent}>{view.sender.publishConsent ? w.yes : w.no}</Fact>
        </dl>
      </section>
      <section aria-labelledby="fb-handling" className="dossier-section">
        <h2 id="fb-handling" className="section-heading">
          {i.handling}
        </h2>
        <dl className="summary-list">
          <Fact label={i.status}>
            <strong>{w.statuses[view.status]}</strong>
            {view.hidden ? <span className="tag"> {i.hidden}</span> : null}
          </Fact>
          <Fact label={i.agency}>{vi(view.agency.name)}</Fact>
          <Fact label={i.category}>{view.category ? w.categories[view.category] : w.none}</Fact>
          {view.categoryReason ? <Fact label={i.categoryReason}>{vi(view.categoryReason)}</Fact> : null}
          <Fact label={i.assignee}>{view.assignee ?? w.none}</Fact>
          <Fact label={i.receivedAt}>{when(view.receivedAt)}</Fact>
          <Fact label={i.clockStartedAt}>{when(view.clockStartedAt)}</Fact>
          <Fact label={i.dueAt}>
            {when(view.dueAt)}
            {view.urgent ? <span className="tag"> {i.urgent}</span> : null}
            {view.overdue ? <span className="tag tag-overdue"> {i.overdueNow}</span> : null}
          </Fact>
          <Fact label={i.transferDueAt}>{when(view.transferDueAt)}</Fact>
          {view.verdict ? <Fact label={i.verdict}>{w.verdicts[view.verdict]}</Fact> : null}
          {view.hiddenReason ? <Fact label={i.hiddenReason}>{vi(view.hiddenReason)}</Fact> : null}
          <Fact label={i.rating}>
            {view.rating ? (
              <>
                {w.levels[view.rating.level]} ({when(view.rating.ratedAt)})
                {view.rating.comment ? <span lang="vi">: {view.rating.comment}</span> : null}
              </>
            ) : (
              i.notRated
            )}
          </Fact>
        </dl>
        {view.transfers.length > 0 ? (
          <>
            <h3 className="subsection-heading">{i.transfers}</h3>
            <ul className="plain-list">
              {view.transfers.map((tr, n) => (
                <li key={n}>
                  <span lang="vi">{i.transfer(tr.from.name, tr.to.name)}</span> — {when(tr.at)}, {tr.by}
                  {tr.late ? <span className="tag tag-overdue"> {i.lateTransfer}</span> : null}
                  <br />
                  <span lang="vi">{tr.note}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <FeedbackAnswer view={view} />
    </>
  );
}

function FeedbackAnswer({ view }: { view: FeedbackDetail }) {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const i = w.staff.item;
  if (!view.draft && !view.answer && view.returns.length === 0) return null;
  return (
    <section aria-labelledby="fb-answer" className="dossier-section">
      <h2 id="fb-answer" className="section-heading">
        {view.answer ? i.answer : i.draft}
      </h2>
      {view.answer ? (
        <>
          <p className="feedback-text" lang="vi">
            {view.answer.text}
          </p>
          <p className="muted">
            {i.approvedBy(view.answer.approvedBy, formatInstant(t, view.answer.approvedAt))}
          </p>
          <p>
            {view.answer.deliveredAs === 'published'
              ? i.published
              : view.answer.deliveredAs === 'sent-to-sender'
                ? i.sentToSender
                : i.notDelivered}
            {view.answer.deliveredAt ? ` (${formatInstant(t, view.answer.deliveredAt)})` : ''}
          </p>
          {view.answer.files.length > 0 ? <FileList files={view.answer.files} /> : null}
        </>
      ) : view.draft ? (
        <>
          <p className="feedback-text" lang="vi">
            {view.draft.text}
          </p>
          <p className="muted">{i.draftBy(view.draft.by, formatInstant(t, view.draft.at))}</p>
          {view.draft.files.length > 0 ? <FileList files={view.draft.files} /> : null}
        </>
      ) : null}
      {view.returns.length > 0 ? (
        <>
          <h3 className="subsection-heading">{i.returns}</h3>
          <ul className="plain-list">
            {view.returns.map((r, n) => (
              <li key={n}>
                {formatInstant(t, r.at)}, {r.by}: <span lang="vi">{r.reason}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
