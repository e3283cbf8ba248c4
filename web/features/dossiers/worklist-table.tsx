// The worklist's table: one row per dossier with its procedure, applicant, channel, times (the result's
// due time and the current step's, overdue and due-soon marked), current step and handler, and a box
// to select it for a bulk action (worklist-page.tsx).
import { DOSSIER_STATUSES, type DossierStatus } from '../../../common/dossiers/index.ts';
import type { Messages } from '../../app/i18n/vi.ts';
import { dossierPath } from '../../app/paths.ts';
import { Link } from '../../app/router.tsx';
import { TableHead } from '../../app/ui/table-head.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { type DossierListItem } from './dossiers-api.ts';
import { statusLabel } from './dossier-format.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The cells that name a dossier in a list (the worklist, the home page's changes): its code as the row's
 * header and link, its procedure and its applicant (data, in Vietnamese).
 */
export function DossierCells({
  labels,
  dossier,
}: {
  labels: { code: string; procedure: string; applicant: string };
  dossier: { code: string; procedureName: string; applicantName: string };
}) {
  return (
    <>
      <th scope="row" data-label={labels.code}>
        <Link to={dossierPath(dossier.code)} className="code dossier-code">
          {dossier.code}
        </Link>
      </th>
      <td data-label={labels.procedure} lang="vi">
        {dossier.procedureName}
      </td>
      <td data-label={labels.applicant} lang="vi">
        {dossier.applicantName}
      </td>
    </>
  );
}

export type DueState = 'overdue' | 'due-soon' | 'on-time' | 'none';

/** Overdue or due within a day, only while the legal clock runs (not paused, not finished). */
export function dueState(status: string, due: string | null, now = Date.now()): DueState {
  const info = DOSSIER_STATUSES[status as DossierStatus] as
    (typeof DOSSIER_STATUSES)[DossierStatus] | undefined;
  if (!due || info?.clock !== 'running') return 'none';
  const left = new Date(due).getTime() - now;
  if (left < 0) return 'overdue';
  return left < DAY_MS ? 'due-soon' : 'on-time';
}

export function DueCell({
  t,
  status,
  due,
  none,
}: {
  t: Messages;
  status: string;
  due: string | null;
  /** What an absent due time reads as (the result's: "no due time yet"). */
  none?: string;
}) {
  if (!due) return <span className="muted">{none ?? t.dossiers.noDue}</span>;
  const state = dueState(status, due);
  return (
    <>
      <span className={`due due-${state}`}>{formatInstant(t, due)}</span>
      {state === 'overdue' || state === 'due-soon' ? (
        <>
          {' '}
          <span className={`tag tag-${state}`}>{t.dossiers.dueState[state]}</span>
        </>
      ) : null}
    </>
  );
}

export function DossierTable({
  t,
  items,
  caption,
  selected,
  onSelect,
}: {
  t: Messages;
  items: DossierListItem[];
  caption: string;
  selected: ReadonlyMap<string, number>;
  onSelect: (rows: DossierListItem[], on: boolean) => void;
}) {
  const c = t.worklist.columns;
  const all = items.length > 0 && items.every((d) => selected.has(d.code));
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table dossier-table worklist-table">
        <caption className="visually-hidden">{caption}</caption>
        <TableHead
          columns={[
            <input
              key="all"
              type="checkbox"
              aria-label={t.worklist.selectAll}
              checked={all}
              onChange={(e) => onSelect(items, e.target.checked)}
            />,
            c.code,
            c.procedure,
            c.applicant,
            c.channel,
            c.received,
            c.due,
            c.stepDue,
            c.step,
            c.handler,
            c.status,
          ]}
        />
        <tbody>
          {items.map((d) => {
            const due = d.extendedDueAt ?? d.dueAt;
            return (
              <tr key={d.code} className={`due-row-${dueState(d.status, due)}`}>
                <td data-label={c.select} className="select-cell">
                  <input
                    type="checkbox"
                    aria-label={t.worklist.selectOne(d.code)}
                    checked={selected.has(d.code)}
                    onChange={(e) => onSelect([d], e.target.checked)}
                  />
                </td>
                <DossierCells labels={c} dossier={d} />
                <td data-label={c.channel}>{t.worklist.channels[d.channel] ?? d.channel}</td>
                <td data-label={c.received}>
                  {d.receivedAt ? (
                    formatInstant(t, d.receivedAt)
                  ) : (
                    <span className="muted">{t.dossiers.notReceived}</span>
                  )}
                </td>
                <td data-label={c.due}>
                  <DueCell t={t} status={d.status} due={due} />
                </td>
                <td data-label={c.stepDue}>
                  <DueCell t={t} status={d.status} due={d.stepDueAt} none={t.worklist.noStepDue} />
                </td>
                <td data-label={c.step} lang="vi">
                  {d.currentStep.name}
                </td>
                <td data-label={c.handler}>
                  {d.handler ? (
                    <span lang="vi">{d.handler.name}</span>
                  ) : (
                    <span className="muted">{t.worklist.noHandler}</span>
                  )}
                </td>
                <td data-label={c.status}>
                  <span className={`status status-${d.status}`}>{statusLabel(t, d.status)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
