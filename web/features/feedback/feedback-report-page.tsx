// /bao-cao/phan-anh-kien-nghi: the feedback report (GET /reports/feedback?from=&to=): per agency in the
// reader's reach, what was received in the period, answered on time or late, still open past its due
// time, not accepted, transferred, and the senders' satisfaction — the figures behind Decision 766's
// "PAKN đúng hạn" and "hài lòng với việc xử lý PAKN". The period lives in the address (?tu=&den=).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import { Page } from '../../app/page.tsx';
import { PATHS } from '../../app/paths.ts';
import { ReadError } from '../../app/read-error.tsx';
import { DateInput } from '../../app/ui/date-input.tsx';
import { formatCivilDate, formatNumber } from '../calendar/vn-time.ts';
import { ReportsNav } from '../reports/reports-nav.tsx';
import { feedbackQueries, type FeedbackReport } from './feedback-api.ts';
import { useFeedbackWords } from './feedback-fields.tsx';
import { monthSoFar, percentText } from './feedback-rules.ts';

type Counts = FeedbackReport['total'];
const FIGURES = [
  'received',
  'answeredOnTime',
  'answeredLate',
  'openOverdue',
  'notAccepted',
  'transferred',
  'verySatisfied',
  'satisfied',
  'unsatisfied',
] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function initialPeriod(): { from: string; to: string } {
  const params = new URLSearchParams(window.location.search);
  const from = params.get('tu') ?? '';
  const to = params.get('den') ?? '';
  return ISO_DATE.test(from) && ISO_DATE.test(to) ? { from, to } : monthSoFar(new Date());
}

function Cells({ counts }: { counts: Counts }) {
  const { t, lang } = useI18n();
  const w = useFeedbackWords();
  const cols = w.staff.report.columns;
  return (
    <>
      {FIGURES.map((f, i) => (
        <td key={f} data-label={cols[i + 1]} className="number">
          {formatNumber(t, counts[f])}
        </td>
      ))}
      <td data-label={cols[10]} className="number">
        {percentText(counts.onTimeRate, lang) ?? w.none}
      </td>
      <td data-label={cols[11]} className="number">
        {percentText(counts.satisfiedRate, lang) ?? w.none}
      </td>
    </>
  );
}

export function FeedbackReportPage() {
  const { t } = useI18n();
  const w = useFeedbackWords();
  const c = w.staff.report;
  const [draft, setDraft] = useState(initialPeriod);
  const [period, setPeriod] = useState(draft);
  const read = useQuery({ ...feedbackQueries.report(period), placeholderData: keepPreviousData });
  const apply = () => {
    if (!ISO_DATE.test(draft.from) || !ISO_DATE.test(draft.to)) return;
    setPeriod(draft);
    window.history.replaceState(null, '', `${PATHS.reportFeedback}?tu=${draft.from}&den=${draft.to}`);
  };
  const report = read.data;
  const caption = c.caption(formatCivilDate(t, period.from), formatCivilDate(t, period.to));
  return (
    <Page title={c.title} heading={c.title} intro={c.intro}>
      <ReportsNav />
      <form
        className="worklist-filters filter-row"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        {(['from', 'to'] as const).map((k) => (
          <div key={k} className="field">
            <label htmlFor={`fr-${k}`}>{c[k]}</label>
            <DateInput
              id={`fr-${k}`}
              value={draft[k]}
              onChange={(v) => setDraft((d) => ({ ...d, [k]: v }))}
            />
          </div>
        ))}
        <div>
          <button type="submit" className="button button-primary">
            {c.show}
          </button>
        </div>
      </form>
      <p role="status" className="muted">
        {read.isFetching ? t.loading : ''}
      </p>
      <ReadError read={read} />
      {report ? (
        report.rows.length === 0 ? (
          <p>{c.empty}</p>
        ) : (
          <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
            <table className="table feedback-report">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {c.columns.map((col) => (
                    <th key={col} scope="col">
                      {col}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={row.agency.code}>
                    <th scope="row" data-label={c.columns[0]} lang="vi">
                      {row.agency.name}
                    </th>
                    <Cells counts={row} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{c.total}</th>
                  <Cells counts={report.total} />
                </tr>
              </tfoot>
            </table>
          </div>
        )
      ) : null}
    </Page>
  );
}
