// The explanation requests, newest first: to the agencies within reach (administrators, auditors), or
// addressed to the agencies the user leads (`mine`), each with who asked, when, the due day, the
// request, its status (awaiting, late, answered) and the answer; a leader answers an open one here.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { EXPLANATION_STATES, type ExplanationState } from '../../../common/reports/adoption.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { readStatus } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { adoptionQueries, type ExplanationView } from './adoption-api.ts';
import { AdoptionAnswer } from './adoption-answer.tsx';
import { dayText } from './adoption-model.ts';
import { OverviewSection } from './overview-table.tsx';

const STATE_CLASS: Record<ExplanationState, string> = {
  awaiting: 'tag tag-due-soon',
  late: 'tag tag-overdue',
  answered: 'tag tag-current',
};

function Request({ t, item }: { t: Messages; item: ExplanationView }) {
  const r = t.adoption.requests;
  const headingId = `adoption-request-${item.id}`;
  const row = (term: string, value: ReactNode, vi = false) => (
    <div>
      <dt>{term}</dt>
      <dd lang={vi ? 'vi' : undefined}>{value}</dd>
    </div>
  );
  return (
    <article className="panel adoption-request" aria-labelledby={headingId} data-request={item.id}>
      <h3 id={headingId} className="panel-heading">
        <span lang="vi">{item.agency.name}</span>{' '}
        <span className={STATE_CLASS[item.state]}>{t.adoption.states[item.state]}</span>
      </h3>
      <dl className="summary-list">
        {row(r.period, t.adoption.period(item.from, item.to))}
        {row(r.requested, item.requestedBy, true)}
        {row(r.requestedAt, formatInstant(t, item.requestedAt))}
        {row(r.dueOn, dayText(item.dueOn))}
        {row(r.message, item.message, true)}
        {item.answer ? (
          <>
            {row(r.answer, item.answer.text, true)}
            {row(r.answeredBy, item.answer.by, true)}
            {row(r.answeredAt, formatInstant(t, item.answer.at))}
          </>
        ) : null}
      </dl>
      {item.answeredLate ? <p className="adoption-late">{r.answeredLate}</p> : null}
      {item.canAnswer ? <AdoptionAnswer id={item.id} /> : null}
    </article>
  );
}

export function AdoptionRequests({ mine }: { mine: boolean }) {
  const { t } = useI18n();
  const r = t.adoption.requests;
  const [state, setState] = useState<ExplanationState | ''>('');
  const query = { state: state === '' ? undefined : state };
  const list = useQuery({
    ...adoptionQueries.requests(mine, query),
    placeholderData: keepPreviousData,
  });
  const id = mine ? 'adoption-mine' : 'adoption-requests';
  const items = list.data?.items ?? [];
  return (
    <OverviewSection id={id} heading={mine ? r.mineHeading : r.heading}>
      <div className="field adoption-state">
        <label htmlFor={`${id}-state`}>{r.filter}</label>
        <select
          id={`${id}-state`}
          value={state}
          onChange={(e) => setState(e.target.value as ExplanationState | '')}
        >
          <option value="">{r.all}</option>
          {EXPLANATION_STATES.map((s) => (
            <option key={s} value={s}>
              {t.adoption.states[s]}
            </option>
          ))}
        </select>
      </div>
      <p className="muted" role="status">
        {readStatus(list, t.loading, (d) => (d.total === 0 ? r.none : r.count(d.total)))}
      </p>
      <ReadError read={list} />
      <div aria-busy={list.isFetching}>
        {items.map((item) => (
          <Request key={item.id} t={t} item={item} />
        ))}
      </div>
    </OverviewSection>
  );
}
