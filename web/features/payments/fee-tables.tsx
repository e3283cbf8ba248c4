// The tables of what a dossier owes and what was paid, shared by the staff dossier page
// (dossier-fees.tsx) and the citizen's (citizen/my-dossier-fees.tsx).
import type { Messages } from '../../app/i18n/vi.ts';
import { TableHead } from '../../app/ui/table-head.tsx';
import { formatInstant } from '../calendar/vn-time.ts';
import { formatVnd } from '../catalog/catalog-format.ts';
import { receiptUrl, type DossierFeesData } from './payments-api.ts';

/** The items owed with their amounts and whether each is paid; the total, paid and outstanding sums. */
export function FeeItems({ t, fees }: { t: Messages; fees: DossierFeesData }) {
  const c = t.payments;
  return (
    <>
      <table className="table fees-table">
        <caption className="visually-hidden">{c.heading}</caption>
        <TableHead columns={[c.columns.item, c.columns.source, c.columns.amount, c.columns.state]} />
        <tbody>
          {fees.items.map((i) => (
            <tr key={i.key}>
              <th scope="row" data-label={c.columns.item}>
                {i.name}
              </th>
              <td data-label={c.columns.source}>{c.sources[i.source]}</td>
              <td data-label={c.columns.amount}>{formatVnd(t, i.amountVnd)}</td>
              <td data-label={c.columns.state}>{i.paid ? c.paidItem : c.unpaidItem}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="summary-list fees-summary">
        <div>
          <dt>{c.total}</dt>
          <dd>{formatVnd(t, fees.totalVnd)}</dd>
        </div>
        <div>
          <dt>{c.paid}</dt>
          <dd>{formatVnd(t, fees.paidVnd)}</dd>
        </div>
        <div>
          <dt>{c.outstanding}</dt>
          <dd>
            <strong>{formatVnd(t, fees.outstandingVnd)}</strong>
          </dd>
        </div>
      </dl>
    </>
  );
}

/** Fees published without an amount in đồng: shown, collected by whoever notifies them. */
export function UnpricedFees({ t, fees }: { t: Messages; fees: DossierFeesData }) {
  if (fees.unpriced.length === 0) return null;
  return (
    <>
      <p>{t.payments.unpricedHeading}</p>
      <ul>
        {fees.unpriced.map((u, i) => (
          <li key={i}>
            {u.name}
            {u.text ? ` — ${u.text}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The payments made or tried, newest first, each paid one with its receipt (PDF, new tab). */
export function FeePayments({ t, fees }: { t: Messages; fees: DossierFeesData }) {
  const c = t.payments;
  if (fees.payments.length === 0) return null;
  return (
    <table className="table payments-table">
      <caption>{c.paymentsHeading}</caption>
      <TableHead
        columns={[
          c.paymentColumns.when,
          c.paymentColumns.channel,
          c.paymentColumns.amount,
          c.paymentColumns.status,
          c.paymentColumns.receipt,
        ]}
      />
      <tbody>
        {[...fees.payments].reverse().map((p) => (
          <tr key={p.paymentId}>
            <td data-label={c.paymentColumns.when}>{formatInstant(t, p.paidAt ?? p.createdAt)}</td>
            <td data-label={c.paymentColumns.channel}>{c.channels[p.channel]}</td>
            <td data-label={c.paymentColumns.amount}>{formatVnd(t, p.amountVnd)}</td>
            <td data-label={c.paymentColumns.status}>{c.statuses[p.status]}</td>
            <td data-label={c.paymentColumns.receipt}>
              {p.receiptNumber ? (
                <a href={receiptUrl(p.paymentId)} target="_blank" rel="noopener">
                  {c.receipt(p.receiptNumber)}
                  <span className="visually-hidden"> {t.dossiers.opensNewTab}</span>
                </a>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
