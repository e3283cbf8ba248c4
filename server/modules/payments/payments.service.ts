// Fees and payments of dossiers (docs/domain/payments.md): the reads. What a dossier owes is
// obligations.ts; online payments are online/ (start, the platform's callback), desk payments desk/,
// receipts payment-receipts.service.ts, reconciliation payments.jobs.ts. Either way, once a payment is
// committed, an awaiting-payment dossier whose obligation is covered is confirmed (confirm-payment) in
// the dossier's own transaction; reconciliation repeats that step if it failed.
import type { Deps } from '../../deps.ts';
import type { Actor, PersonCaller } from '../../platform/actor.ts';
import type { DossierFees, FeeItem, PaymentsQuery } from '../../../common/contracts/payments.ts';
import { findVisibleDossier, getVisibleDossier } from './dossier-access.ts';
import { owedOf, procedureOf } from './obligations.ts';
import { paymentClientFor } from './online/payment-platform.ts';
import { presentPayment } from './payment-view.ts';
import { fail } from './payments.errors.ts';
import {
  findPayment,
  listPaymentsInReach,
  paymentsOfDossier,
  type PaymentRow,
} from './payments.repository.ts';

export async function getDossierFees(deps: Deps, caller: PersonCaller, code: string): Promise<DossierFees> {
  const row = await getVisibleDossier(deps, caller, code);
  const procedure = await procedureOf(deps.db, row);
  const payments = await paymentsOfDossier(deps.db, row.dossier_id);
  const owed = owedOf(procedure, row, payments);
  return {
    dossierCode: row.code,
    dossierStatus: row.status,
    items: owed.items.map((i): FeeItem => ({
      key: i.key,
      name: i.name,
      amountVnd: i.amountVnd,
      source: i.source,
      paid: i.paid,
    })),
    unpriced: owed.unpriced,
    totalVnd: owed.totalVnd,
    paidVnd: owed.paidVnd,
    outstandingVnd: owed.outstandingVnd,
    payable: owed.payable,
    onlineAvailable: paymentClientFor(deps) !== null,
    payments: payments.map((p) => presentPayment(p, caller.kind)),
  };
}

/** A payment of a dossier the caller may see; the same 404 when either is missing. */
export async function getPayment(deps: Deps, caller: PersonCaller, paymentId: string): Promise<PaymentRow> {
  const p = await findPayment(deps.db, paymentId);
  if (!p || !(await findVisibleDossier(deps.db, caller, p.dossier_code))) throw fail('PAYMENT_NOT_FOUND');
  return p;
}

export async function listPayments(deps: Deps, actor: Actor, q: PaymentsQuery) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const { rows, total } = await listPaymentsInReach(
    deps.db,
    actor.grants.map((g) => ({ agencyPath: g.agencyPath, unitPath: g.unitPath })),
    {
      status: q.status,
      agencyCode: q.agencyCode,
      dossierCode: q.dossierCode,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    },
  );
  return { items: rows.map((p) => presentPayment(p)), total };
}
