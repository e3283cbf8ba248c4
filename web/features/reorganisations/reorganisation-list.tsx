// The reorganisations that handed work over to agencies within the user's reach (GET
// /reorganisations, newest first): each with its basis, date, who applied it and what moved, and its
// hand-overs — from, to, the open dossiers, and who acknowledged them when. A leader or administrator
// of the successor acknowledges an open one ("Xác nhận đã nhận bàn giao"); the server decides who may.
import { useMutation, useQuery } from '@tanstack/react-query';
import { errorText } from '../../app/errors.ts';
import { useI18n } from '../../app/i18n/i18n.tsx';
import type { Messages } from '../../app/i18n/vi.ts';
import { readStatus, useInvalidate } from '../../app/query.ts';
import { ReadError } from '../../app/read-error.tsx';
import { withData } from '../../app/ui/data-text.tsx';
import { formatCivilDate, formatInstant, formatNumber } from '../calendar/vn-time.ts';
import { AgencyName, MOVES } from './plan-preview.tsx';
import {
  acknowledgeHandover,
  reorganisationQueries,
  type HandoverView,
  type ReorganisationView,
} from './reorganisations-api.ts';

type Acknowledge = { reorganisation: ReorganisationView; handover: HandoverView };

function Acknowledgement({
  t,
  item,
  handover,
  canAcknowledge,
  busy,
  onAcknowledge,
}: {
  t: Messages;
  item: ReorganisationView;
  handover: HandoverView;
  canAcknowledge: boolean;
  /** The hand-over being acknowledged (one at a time), if any. */
  busy: string | null;
  onAcknowledge: (a: Acknowledge) => void;
}) {
  const r = t.reorganisations;
  if (handover.acknowledgedAt !== null) {
    const when = formatInstant(t, handover.acknowledgedAt);
    return <>{withData((who) => r.acknowledgedBy(who, when), handover.acknowledgedBy ?? '')}</>;
  }
  return (
    <>
      <span className="tag">{r.notAcknowledged}</span>
      {canAcknowledge ? (
        <p className="reorg-acknowledge">
          <button
            type="button"
            className="button button-small button-primary"
            aria-disabled={busy !== null || undefined}
            onClick={() => {
              if (busy === null) onAcknowledge({ reorganisation: item, handover });
            }}
          >
            {busy === handover.id ? r.acknowledging : r.acknowledge}
            <span className="visually-hidden"> {withData(r.acknowledgeOf, handover.from.name)}</span>
          </button>
        </p>
      ) : null}
    </>
  );
}

function Reorganisation({
  t,
  item,
  canAcknowledge,
  busy,
  onAcknowledge,
}: {
  t: Messages;
  item: ReorganisationView;
  canAcknowledge: boolean;
  busy: string | null;
  onAcknowledge: (a: Acknowledge) => void;
}) {
  const r = t.reorganisations;
  const headingId = `reorg-${item.id}-heading`;
  const moved = MOVES.filter((k) => item.totals[k] > 0)
    .map((k) => `${r.moves[k]}: ${formatNumber(t, item.totals[k])}`)
    .join('; ');
  return (
    <article className="panel reorg-item" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-heading" lang="vi">
        {item.name}
      </h3>
      <dl className="summary-list">
        <div>
          <dt>{r.basis}</dt>
          <dd lang="vi">{item.basis}</dd>
        </div>
        <div>
          <dt>{r.effectiveOn}</dt>
          <dd>{formatCivilDate(t, item.effectiveOn)}</dd>
        </div>
        <div>
          <dt>{r.appliedAt}</dt>
          <dd>{formatInstant(t, item.appliedAt)}</dd>
        </div>
        {item.appliedBy ? (
          <div>
            <dt>{r.appliedBy}</dt>
            <dd lang="vi">{item.appliedBy}</dd>
          </div>
        ) : null}
        {moved ? (
          <div>
            <dt>{r.moved}</dt>
            <dd>{moved}</dd>
          </div>
        ) : null}
      </dl>
      <table className="table reorg-handovers">
        <caption className="visually-hidden">{withData(r.handoversCaption, item.name)}</caption>
        <thead>
          <tr>
            <th scope="col">{r.columns.from}</th>
            <th scope="col">{r.columns.to}</th>
            <th scope="col">{r.moves.openDossiers}</th>
            <th scope="col">{r.columns.acknowledgement}</th>
          </tr>
        </thead>
        <tbody>
          {item.handovers.map((h) => (
            <tr key={h.id} data-handover={h.id}>
              <th scope="row" data-label={r.columns.from}>
                <AgencyName agency={h.from} />
              </th>
              <td data-label={r.columns.to}>
                <AgencyName agency={h.to} />
              </td>
              <td data-label={r.moves.openDossiers}>{formatNumber(t, h.openDossiers)}</td>
              <td data-label={r.columns.acknowledgement}>
                <Acknowledgement
                  t={t}
                  item={item}
                  handover={h}
                  canAcknowledge={canAcknowledge}
                  busy={busy}
                  onAcknowledge={onAcknowledge}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

export function ReorganisationList({
  canAcknowledge,
  onNotice,
}: {
  /** The user holds a role that may acknowledge (the server decides for which hand-overs). */
  canAcknowledge: boolean;
  onNotice: (text: string, warning: boolean) => void;
}) {
  const { t } = useI18n();
  const r = t.reorganisations;
  const list = useQuery(reorganisationQueries.list());
  const invalidate = useInvalidate();
  const acknowledge = useMutation({
    mutationFn: (a: Acknowledge) => acknowledgeHandover(a.reorganisation.id, a.handover.id),
    onSuccess: (h) => {
      onNotice(r.acknowledged(h.from.code), false);
      return invalidate(reorganisationQueries.all);
    },
    onError: (error) => {
      onNotice(errorText(t, error), true);
      return invalidate(reorganisationQueries.all);
    },
  });
  const items = list.data?.items ?? [];
  return (
    <section className="dossier-section" aria-labelledby="reorg-list-heading" aria-busy={list.isFetching}>
      <h2 id="reorg-list-heading" className="section-heading">
        {r.listHeading}
      </h2>
      <p className="muted" role="status">
        {readStatus(list, t.loading, (d) =>
          d.items.length === 0 ? r.listNone : r.listCount(d.items.length),
        )}
      </p>
      <ReadError read={list} />
      {items.map((item) => (
        <Reorganisation
          key={item.id}
          t={t}
          item={item}
          canAcknowledge={canAcknowledge}
          busy={acknowledge.isPending ? (acknowledge.variables?.handover.id ?? null) : null}
          onAcknowledge={(a) => acknowledge.mutate(a)}
        />
      ))}
    </section>
  );
}
