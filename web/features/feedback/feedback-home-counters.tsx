// The home page's feedback counters for the officers who handle feedback (desk officers, specialists,
// leaders): how many in their reach are overdue and due soon (the register's totals, GET /feedback),
// each a link to the register filtered so.
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { withQuery } from '../../app/http.ts';
import { PATHS } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { feedbackQueries } from './feedback-api.ts';
import { useFeedbackWords } from './feedback-fields.tsx';

export function FeedbackHomeCounters() {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const h = w.staff.home;
  const read = useQuery(feedbackQueries.totals());
  const totals = read.data?.totals;
  const items = [
    ['overdue', h.overdue, totals?.overdue],
    ['due-soon', h.dueSoon, totals?.dueSoon],
  ] as const;
  return (
    <section className="home-counters" aria-labelledby="home-feedback" data-role="feedback">
      <h2 id="home-feedback" className="section-heading">
        {h.heading}
      </h2>
      {read.isError ? <p className="inline-error">{t.home.countsFailed}</p> : null}
      <ul className="counter-list" aria-label={h.heading}>
        {items.map(([due, label, n]) => (
          <li key={due} className="counter">
            <Link
              to={withQuery(PATHS.feedbackRegister, { han: due })}
              className="counter-link"
              data-list={`feedback-${due}`}
            >
              <span className="counter-value">{n ?? '…'}</span>
              <span className="visually-hidden"> {h.unit}: </span>
              <span className="counter-label">{label}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to={PATHS.feedbackRegister}>{h.open}</Link>
      </p>
    </section>
  );
}
