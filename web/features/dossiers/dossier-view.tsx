// The parts of a dossier's page that only show it: the summary (status, procedure, applicant,
// agencies, due time and the working time left), the slips its history has issued, the steps and the
// history.
import type { Messages } from '../../app/i18n/vi.ts';
import { procedurePath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { TitledSection, type SectionProps } from '../../app/ui/titled-section.tsx';
import { TableHead } from '../../app/ui/table-head.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { actionLabel, remainingLabel, statusChange, statusLabel } from './dossier-format.ts';
import type { DossierViewData } from './dossiers-api.ts';
import { DueCell } from './worklist-page.tsx';

/** The slips a dossier's history has issued, each a PDF opening in a new tab; `none` when there are none. */
export function SlipLinks({
  t,
  slips,
  urlOf,
  none,
}: {
  t: Messages;
  slips: readonly string[];
  urlOf: (kind: string) => string;
  none: string;
}) {
  if (slips.length === 0) return <p className="muted">{none}</p>;
  return (
    <ul className="slip-list">
      {slips.map((kind) => (
        <li key={kind}>
          <a href={urlOf(kind)} target="_blank" rel="noopener" className="slip-link">
            {t.dossiers.slips[kind as keyof Messages['dossiers']['slips']] ?? kind}
            <span className="visually-hidden"> {t.dossiers.opensNewTab}</span>
          </a>{' '}
          <span className="muted">(PDF)</span>
        </li>
      ))}
    </ul>
  );
}

export function Summary({ t, view }: { t: Messages; view: DossierViewData }) {
  const { fullName } = view.applicant as { fullName?: unknown };
  const applicantName = typeof fullName === 'string' ? fullName : '';
  const due = view.extendedDueAt ?? view.dueAt;
  const p = t.dossiers.page;
  return (
    <dl className="summary-list dossier-summary">
      <div>
        <dt>{t.dossiers.columns.status}</dt>
        <dd>
          <span className={`status status-${view.status}`}>{statusLabel(t, view.status)}</span>
        </dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.procedure}</dt>
        <dd>
          <Link to={procedurePath(view.procedure.code)} lang="vi">
            {view.procedure.name}
          </Link>{' '}
          <span className="code muted">{view.procedure.code}</span>
        </dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.applicant}</dt>
        <dd lang="vi">{applicantName}</dd>
      </div>
      <div>
        <dt>{p.competentAgency}</dt>
        <dd lang="vi">{view.competentAgency.name}</dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.agency}</dt>
        <dd lang="vi">{view.currentAgency.name}</dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.received}</dt>
        <dd>{view.receivedAt ? formatInstant(t, view.receivedAt) : t.dossiers.notReceived}</dd>
      </div>
      <div>
        <dt>{t.dossiers.columns.due}</dt>
        <dd className="dossier-due">
          <DueCell t={t} status={view.status} due={due} />
          {view.remaining ? (
            <span className={view.remaining.overdue ? 'remaining remaining-overdue' : 'remaining'}>
              {remainingLabel(t, view.remaining)}
            </span>
          ) : null}
        </dd>
      </div>
    </dl>
  );
}

export function Steps({ t, view }: { t: Messages; view: DossierViewData }) {
  const c = t.dossiers.page;
  return (
    <ol className="step-list">
      {view.steps.map((s, i) => (
        <li
          key={`${s.key}-${i}`}
          className={s.current ? 'step step-current' : 'step'}
          aria-current={s.current ? 'step' : undefined}
        >
          <span className="step-name">
            <span lang="vi">{s.name}</span>
            {s.current ? <span className="tag tag-current">{c.currentStep}</span> : null}
          </span>
          <span className="step-meta">
            <span lang="vi">{s.agency.name}</span>
            {s.dueAt ? ` · ${c.stepDue(formatInstant(t, s.dueAt))}` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function History({ t, view }: { t: Messages; view: DossierViewData }) {
  const c = t.dossiers.page.historyColumns;
  return (
    <table className="table history-table">
      <caption className="visually-hidden">{t.dossiers.page.historyHeading}</caption>
      <TableHead columns={[c.at, c.action, c.by, c.status, c.note]} />
      <tbody>
        {[...view.history].reverse().map((h) => (
          <tr key={h.version}>
            <td data-label={c.at}>{formatInstant(t, h.at)}</td>
            <th scope="row" data-label={c.action}>
              {actionLabel(t, h.action)}
            </th>
            <td data-label={c.by} lang="vi">
              {h.by}
            </td>
            <td data-label={c.status}>{statusChange(t, h.from, h.to)}</td>
            <td data-label={c.note} lang="vi">
              {h.note ?? ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One titled part of the dossier's page (the staff's and the citizen's). */
export function DossierSection(props: SectionProps) {
  return <TitledSection className="dossier-section" headingClassName="section-heading" {...props} />;
}
