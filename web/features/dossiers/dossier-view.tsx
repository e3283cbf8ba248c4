// The parts of a dossier's page that only show it: the summary (status, procedure, applicant, channel,
// where it was received, agencies, due time and the working time left — or, once the result is ready,
// its verdict against the due time and no clock), the applicant's contacts, the result as approved
// (number, date, signer), the slips its history has issued, the steps (each with its due time and
// handler) and the history (people by name and role).
import type { Messages } from '../../app/i18n/vi.ts';
import { procedurePath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { withData } from '../../app/ui/data-text.tsx';
import { TitledSection, type SectionProps } from '../../app/ui/titled-section.tsx';
import { TableHead } from '../../app/ui/table-head.tsx';
import { formatInstant, formatShortDate } from '../calendar/vn-time.ts';
import {
  actionLabel,
  applicantFacts,
  personWithRoles,
  remainingLabel,
  statusChange,
  statusLabel,
} from './dossier-format.ts';
import type { DossierViewData } from './dossiers-api.ts';
import { DueCell } from './worklist-table.tsx';

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
  const { name: applicantName } = applicantFacts(view.applicant);
  const due = view.extendedDueAt ?? view.dueAt;
  const p = t.dossiers.page;
  const channels = t.catalog.channels as Record<string, string>;
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
        <dt>{p.channel}</dt>
        <dd>{channels[view.channel] ?? view.channel}</dd>
      </div>
      <div>
        <dt>{p.receivingAgency}</dt>
        <dd lang="vi">{view.receivingAgency.name}</dd>
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
        <dt>{p.submittedAt}</dt>
        <dd>{formatInstant(t, view.submittedAt)}</dd>
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
      {view.resultAt ? (
        <div>
          <dt>{p.resultAt}</dt>
          <dd>{formatInstant(t, view.resultAt)}</dd>
        </div>
      ) : null}
      {view.verdict ? (
        <div>
          <dt>{p.verdict}</dt>
          <dd>
            <span className={`tag verdict verdict-${view.verdict}`}>{p.verdicts[view.verdict]}</span>
          </dd>
        </div>
      ) : null}
      {view.returnedAt ? (
        <div>
          <dt>{p.returnedAt}</dt>
          <dd>
            {formatInstant(t, view.returnedAt)}
            {view.returnChannel ? (
              <span className="muted"> · {p.returnChannels[view.returnChannel] ?? view.returnChannel}</span>
            ) : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Who applied and how to reach them: name, ID number, phone, email, address, how they want the result. */
export function ApplicantDetails({ t, view }: { t: Messages; view: DossierViewData }) {
  const p = t.dossiers.page;
  const a = applicantFacts(view.applicant);
  const address = view.applicantAddress;
  // The third item: the value is data (a name, an address), Vietnamese whatever the interface's language.
  const rows: [string, string, boolean?][] = [
    [a.organisation ? p.organisationName : p.applicantName, a.name, true],
    [p.idNumber, a.idNumber ?? p.notGiven],
    [p.phone, a.phone ?? p.notGiven],
    [p.email, a.email ?? p.notGiven],
    [
      p.address,
      address ? [address.line, address.unitPath].filter((x) => x !== '').join(', ') : p.notGiven,
      address !== null && address !== undefined,
    ],
    [
      p.requestedReturn,
      view.requestedReturnChannel ? p.returnChannels[view.requestedReturnChannel]! : p.notGiven,
    ],
  ];
  return (
    <DossierSection id="dossier-applicant-heading" heading={p.applicantHeading}>
      <dl className="summary-list dossier-applicant">
        {rows.map(([label, value, data]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd lang={data ? 'vi' : undefined}>
              {label === p.phone && a.phone ? (
                <a href={`tel:${a.phone}`}>{value}</a>
              ) : label === p.email && a.email ? (
                <a href={`mailto:${a.email}`}>{value}</a>
              ) : (
                value
              )}
            </dd>
          </div>
        ))}
      </dl>
    </DossierSection>
  );
}

/** The result as approved: its number, signing date and signer; nothing before the approval. */
export function ResultRecord({ t, view }: { t: Messages; view: DossierViewData }) {
  const p = t.dossiers.page;
  if (!view.result) return null;
  return (
    <DossierSection id="dossier-result-heading" heading={p.resultHeading}>
      <dl className="summary-list dossier-result">
        <div>
          <dt>{p.resultNumber}</dt>
          <dd lang="vi">{view.result.number}</dd>
        </div>
        <div>
          <dt>{p.resultDate}</dt>
          <dd>{formatShortDate(view.result.date)}</dd>
        </div>
        <div>
          <dt>{p.signer}</dt>
          <dd lang="vi">{view.result.signer}</dd>
        </div>
      </dl>
    </DossierSection>
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
            {s.handler ? <> · {withData(c.stepHandler, s.handler.name)}</> : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function History({ t, view }: { t: Messages; view: DossierViewData }) {
  const c = t.dossiers.page.historyColumns;
  if (view.history.length === 0) return <p>{t.dossiers.page.historyNone}</p>;
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
              {personWithRoles(t, h.name, h.roles)}
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
