// A payment as the API shows it.
import type { PersonCaller } from '../../platform/actor.ts';
import type { PaymentView } from '../../../common/contracts/payments.ts';
import type { PaymentRow } from './payments.repository.ts';

export function receiptNumberOf(p: Pick<PaymentRow, 'receipt_year' | 'receipt_seq'>): string | null {
  if (p.receipt_year === null || p.receipt_seq === null) return null;
  return `BL-${p.receipt_year}/${String(p.receipt_seq).padStart(7, '0')}`;
}

/**
 * A payment as its reader may see it. A citizen reading their dossier's payments is not told which
 * officer recorded a desk payment (their username): the collecting agency stands in for them.
 */
export function presentPayment(p: PaymentRow, reader: PersonCaller['kind'] = 'staff'): PaymentView {
  const createdBy =
    reader === 'citizen' && p.created_by_user_id !== null ? p.agency_name : p.created_by_label;
  return {
    paymentId: p.payment_id,
    reference: p.reference,
    dossierCode: p.dossier_code,
    agency: { code: p.agency_code, name: p.agency_name },
    amountVnd: Number(p.amount),
    currency: 'VND',
    channel: p.channel,
    status: p.status,
    items: p.items.map((i) => ({
      key: i.key,
      name: i.name,
      amountVnd: i.amountVnd,
      source: i.source === 'obligation' ? 'obligation' : 'procedure',
    })),
    payerName: p.payer_name,
    createdBy,
    createdAt: new Date(p.created_at).toISOString(),
    paidAt: p.paid_at ? new Date(p.paid_at).toISOString() : null,
    transactionId: p.platform_transaction_id,
    receiptNumber: receiptNumberOf(p),
    payUrl: p.status === 'pending' ? p.pay_url : null,
  };
}
