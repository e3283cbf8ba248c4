// What a dossier owes and when it is settled: the published fees of its procedure version for its
// channel and case, plus the priced items of an open financial-obligation request (request-payment).
// A payment covers the items outstanding when it starts; an item is paid once a paid payment lists its
// key. Once the obligation is covered, an awaiting-payment dossier is confirmed (confirm-payment).
import type { PaymentItemRow } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import type { Caller } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import { feesFor, type Channel, type Fee, type Procedure } from '../../../common/catalog/procedure.ts';
import { confirmPaymentAction, findDossier, type DossierRow } from './dossier-access.ts';
import { fail } from './payments.errors.ts';
import { paymentsOfDossier, procedureData, type PaymentRow } from './payments.repository.ts';
import { receiptNumberOf } from './payment-view.ts';

/** Statuses in which a dossier may still be paid for: open, before the result is handed over. */
const PAYABLE_STATUSES = new Set([
  'submitted',
  'received',
  'processing',
  'awaiting-supplement',
  'awaiting-payment',
  'result-ready',
]);

/** Who confirms dossiers on the platform's word (dossier_actions.actor_label). */
export const PLATFORM_CALLER: Caller = { kind: 'system', label: 'payment-platform' };

type OwedItem = PaymentItemRow & { source: 'procedure' | 'obligation' };
type Unpriced = { name: string; text: string | null; source: 'procedure' | 'obligation' };

function feeName(f: Fee): string {
  return `Phí, lệ phí${f.per ? ` (mỗi ${f.per})` : ''}`;
}

/**
 * The items a dossier owes: the published fees of its procedure version for its channel and case
 * (feesFor; one of each, whatever `per` says), and the priced items of an open request-payment.
 */
export function owedItems(
  procedure: Procedure,
  row: Pick<DossierRow, 'channel' | 'case_key' | 'state'>,
): { items: OwedItem[]; unpriced: Unpriced[] } {
  const items: OwedItem[] = [];
  const unpriced: Unpriced[] = [];
  feesFor(procedure, row.channel as Channel, row.case_key ?? undefined).forEach((f, i) => {
    if (f.amountVnd === null) {
      if (f.amountOther !== null || (f.text !== null && /\d/.test(f.text)))
        unpriced.push({ name: feeName(f), text: f.text, source: 'procedure' });
      return;
    }
    if (f.amountVnd > 0)
      items.push({
        key: `procedure-${i + 1}`,
        name: feeName(f),
        amountVnd: f.amountVnd,
        source: 'procedure',
      });
  });
  const state = row.state;
  if (state.status === 'awaiting-payment' && state.payment) {
    const at = state.payment.requestedAt;
    state.payment.items.forEach((item, i) => {
      if (item.amountVnd === undefined) unpriced.push({ name: item.name, text: null, source: 'obligation' });
      else if (item.amountVnd > 0)
        items.push({
          key: `obligation-${at}-${i + 1}`,
          name: item.name,
          amountVnd: item.amountVnd,
          source: 'obligation',
        });
    });
  }
  return { items, unpriced };
}

function paidKeys(payments: PaymentRow[]): Set<string> {
  return new Set(payments.filter((p) => p.status === 'paid').flatMap((p) => p.items.map((i) => i.key)));
}

/**
 * Whether a paid payment settles the open financial obligation: every item of the request has an
 * amount (an unpriced one, e.g. a tax paid elsewhere, is confirmed by hand) and is paid.
 */
export function obligationSettled(
  row: Pick<DossierRow, 'channel' | 'case_key' | 'state' | 'status'>,
  procedure: Procedure,
  payments: PaymentRow[],
): boolean {
  if (row.status !== 'awaiting-payment') return false;
  const { items, unpriced } = owedItems(procedure, row);
  if (unpriced.some((u) => u.source === 'obligation')) return false;
  const paid = paidKeys(payments);
  return items.filter((i) => i.source === 'obligation').every((i) => paid.has(i.key));
}

export async function procedureOf(
  db: Parameters<typeof procedureData>[0],
  row: Pick<DossierRow, 'procedure_version_id'>,
): Promise<Procedure> {
  return procedureData(db, row.procedure_version_id);
}

export type Owed = {
  items: (OwedItem & { paid: boolean })[];
  unpriced: Unpriced[];
  outstanding: OwedItem[];
  totalVnd: number;
  paidVnd: number;
  outstandingVnd: number;
  payable: boolean;
};

export function owedOf(procedure: Procedure, row: DossierRow, payments: PaymentRow[]): Owed {
  const { items, unpriced } = owedItems(procedure, row);
  const paid = paidKeys(payments);
  const marked = items.map((i) => ({ ...i, paid: paid.has(i.key) }));
  const outstanding = items.filter((i) => !paid.has(i.key));
  const sum = (xs: { amountVnd: number }[]) => xs.reduce((s, x) => s + x.amountVnd, 0);
  const outstandingVnd = sum(outstanding);
  return {
    items: marked,
    unpriced,
    outstanding,
    totalVnd: sum(items),
    paidVnd: payments.filter((p) => p.status === 'paid').reduce((s, p) => s + Number(p.amount), 0),
    outstandingVnd,
    payable: PAYABLE_STATUSES.has(row.status) && outstandingVnd > 0,
  };
}

/** What the dossier (read under its row lock) owes now, with its payments; 409 when nothing may be paid. */
export async function payableNow(
  trx: Parameters<typeof paymentsOfDossier>[0],
  procedure: Procedure,
  locked: DossierRow,
): Promise<{ owed: Owed; payments: PaymentRow[] }> {
  const payments = await paymentsOfDossier(trx, locked.dossier_id);
  const owed = owedOf(procedure, locked, payments);
  if (!owed.payable)
    throw fail(PAYABLE_STATUSES.has(locked.status) ? 'PAYMENT_NOTHING_OWED' : 'PAYMENT_DOSSIER_CLOSED');
  return { owed, payments };
}

/**
 * Confirms an awaiting-payment dossier whose obligation the paid payments cover (confirm-payment,
 * in the dossier's own transaction). Retried once when someone acted first. Returns the status.
 */
export async function confirmIfSettled(
  deps: Deps,
  caller: Caller,
  input: { code: string; receiptRef: string; requestId: string },
): Promise<string | null> {
  const { code } = input;
  for (let attempt = 0; attempt < 2; attempt++) {
    const row = await findDossier(deps.db, code);
    if (!row) return null;
    if (row.status !== 'awaiting-payment') return row.status;
    const procedure = await procedureOf(deps.db, row);
    const payments = await paymentsOfDossier(deps.db, row.dossier_id);
    if (!obligationSettled(row, procedure, payments)) return row.status;
    try {
      await confirmPaymentAction(deps, caller, {
        row,
        receiptRef: input.receiptRef,
        requestId: input.requestId,
      });
      return 'processing';
    } catch (err) {
      if (err instanceof AppError && err.code === 'STALE_VERSION' && attempt === 0) continue;
      throw err;
    }
  }
  return (await findDossier(deps.db, code))?.status ?? null;
}

/** confirm-payment after a paid payment, logging instead of failing: reconciliation tries again. */
export async function confirmQuietly(
  deps: Deps,
  payment: PaymentRow,
  requestId: string,
  log: JobLog,
): Promise<void> {
  try {
    await confirmIfSettled(deps, PLATFORM_CALLER, {
      code: payment.dossier_code,
      receiptRef: receiptNumberOf(payment)!,
      requestId,
    });
  } catch (err) {
    log.warn(
      { dossierCode: payment.dossier_code, err: err instanceof Error ? err.message : String(err) },
      'payment paid but the dossier could not be confirmed now; reconciliation will retry',
    );
  }
}
