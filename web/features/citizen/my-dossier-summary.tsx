// The parts of the citizen's dossier page that only show the dossier: the receipt right after an
// online submission, the summary (status, agencies, dates, due date), the slips and the timeline.
import { useEffect, useRef } from 'react';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { lookupPath, PATHS, procedurePath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { slipUrl, type CitizenDossierView } from './citizen-api.ts';
import { citizenStatusLabel } from './citizen-format.ts';
import { applicantSlips, timelineEntries } from './my-dossier-rules.ts';
import { DossierSection, SlipLinks } from '../dossiers/dossier-view.tsx';
import { Fact } from './fact.tsx';

export function Receipt({ t, view }: { t: Messages; view: CitizenDossierView }) {
  const c = t.citizen.receipt;
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="panel receipt-panel" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading" className="panel-heading" tabIndex={-1} ref={ref}>
        {c.heading}
      </h2>
      <p>{c.codeIntro}</p>
      <p className="receipt-code code">{view.code}</p>
      <dl className="summary-list">
        <Fact label={t.dossiers.columns.status}>{citizenStatusLabel(t, view.status)}</Fact>
        <Fact label={c.submittedAt}>{formatInstant(t, view.submittedAt)}</Fact>
        <Fact label={c.desk}>{view.receivingAgency.name}</Fact>
      </dl>
      <p>{c.next}</p>
      <ul className="page-links">
        <li>
          <Link to={PATHS.myDossiers}>{t.citizen.myDossiers.title}</Link>
        </li>
        <li>
          <Link to={lookupPath(view.code)}>{c.lookup}</Link>
        </li>
      </ul>
    </section>
  );
}

export function Summary({ t, view }: { t: Messages; view: CitizenDossierView }) {
  const c = t.citizen.dossier;
  const due = view.extendedDueAt ?? view.dueAt;
  return (
    <dl className="summary-list dossier-summary">
      <div>
        <dt>{t.dossiers.columns.status}</dt>
        <dd>
          <span className={`status-badge status-badge-${view.status}`}>
            {citizenStatusLabel(t, view.status)}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.procedure}</dt>
        <dd>
          <Link to={procedurePath(view.procedure.code)}>{view.procedure.name}</Link>
        </dd>
      </div>
      <Fact label={c.desk}>{view.receivingAgency.name}</Fact>
      <Fact label={c.competent}>{view.competentAgency.name}</Fact>
      <Fact label={c.submitted}>{formatInstant(t, view.submittedAt)}</Fact>
      <Fact label={t.dossiers.columns.received}>
        {view.receivedAt ? formatInstant(t, view.receivedAt) : t.dossiers.notReceived}
      </Fact>
      {view.returnedAt ? (
        <Fact label={c.returned}>{formatInstant(t, view.returnedAt)}</Fact>
      ) : (
        <div>
          <dt>{t.dossiers.columns.due}</dt>
          <dd>
            {due ? formatInstant(t, due) : view.receivedAt ? t.dossiers.noDue : c.dueAfterReceipt}
            {view.remaining && !view.resultAt ? (
              <span className={view.remaining.overdue ? 'remaining remaining-overdue' : 'remaining'}>
                {' '}
                ({view.remaining.label})
              </span>
            ) : null}
          </dd>
        </div>
      )}
    </dl>
  );
}

export function Timeline({ view }: { view: CitizenDossierView }) {
  const { t } = useI18n();
  const entries = timelineEntries(t, view);
  return (
    <section aria-labelledby="my-dossier-timeline-heading" className="dossier-section">
      <h2 id="my-dossier-timeline-heading" className="section-heading">
        {t.citizen.dossier.timelineHeading}
      </h2>
      <ol className="timeline">
        {entries.map((e, i) => (
          <li
            key={e.key}
            className={i === entries.length - 1 ? 'timeline-item timeline-current' : 'timeline-item'}
          >
            <p className="timeline-title">{e.title}</p>
            <p className="timeline-meta">
              <time dateTime={e.at}>{formatInstant(t, e.at)}</time>
              {e.action ? ` · ${e.action}` : ''}
            </p>
            {e.note ? <p className="timeline-note">{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function Slips({ view }: { view: CitizenDossierView }) {
  const { t } = useI18n();
  return (
    <DossierSection id="my-dossier-slips-heading" heading={t.dossiers.page.slipsHeading}>
      <SlipLinks
        t={t}
        slips={applicantSlips(view)}
        urlOf={(kind) => slipUrl(view.code, kind)}
        none={t.citizen.dossier.noSlips}
      />
    </DossierSection>
  );
}
