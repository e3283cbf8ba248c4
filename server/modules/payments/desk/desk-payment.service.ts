// A payment taken at the desk: the receiving agency's desk officer records cash or a bank transfer,
// paid at once with its receipt number; the dossier's obligation is then confirmed if it is covered.
import type { Deps } from '../../../deps.ts';
import type { Actor, PersonCaller } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { vnYear } from '../../../../common/time/vn-time.ts';
import { findReplay, rememberResponse } from '../../../platform/idempotency.ts';
import type { JobLog } from '../../../platform/jobs/job-log.ts';
import type { DeskPaymentBody, PaymentView } from '../../../../common/contracts/payments.ts';
import { applicantOf, findDossier, getVisibleDossier, receivesAtDesk } from '../dossier-access.ts';
import { confirmIfSettled, payableNow, procedureOf } from '../obligations.ts';
import { paymentReference } from '../payment-adapter.ts';
import { presentPayment, receiptNumberOf } from '../payment-view.ts';
import { fail } from '../payments.errors.ts';
import { countAttempts, findPayment, insertPayment, nextReceiptSeq } from '../payments.repository.ts';

export type DeskPaymentInput = {
  code: string;
  body: DeskPaymentBody;
  idempotencyKey: string | undefined;
  requestId: string;
  log?: JobLog | undefined;
};

export async function takeDeskPayment(
  deps: Deps,
  actor: Actor,
  input: DeskPaymentInput,
): Promise<{ payment: PaymentView; dossierStatus: string }> {
  const { code, body, idempotencyKey, requestId } = input;
  const scope = `staff:${actor.userId}:payment-desk:${code}`;
  const replayed = await findReplay<{ paymentId: string }>(deps.db, { scope, key: idempotencyKey, body });
  if (replayed) {
    const p = (await findPayment(deps.db, String(replayed.body.paymentId)))!;
    return { payment: presentPayment(p), dossierStatus: (await findDossier(deps.db, code))!.status };
  }
  const caller: PersonCaller = { kind: 'staff', actor };
  const row = await getVisibleDossier(deps, caller, code);
  if (!(await receivesAtDesk(deps.db, actor, row.receiving_agency_id)))
    throw fail('PAYMENT_DESK_OFFICER_ONLY');
  if (body.method === 'transfer' && body.transferReference === undefined)
    throw fail('PAYMENT_TRANSFER_REFERENCE_MISSING', {
      details: [{ path: 'body/transferReference', message: 'Hãy nhập mã giao dịch chuyển khoản.' }],
    });
  const procedure = await procedureOf(deps.db, row);
  const now = deps.clock.now();
  const paid = await deps.db.transaction().execute(async (trx) => {
    const locked = (await findDossier(trx, code, true))!;
    const { owed } = await payableNow(trx, procedure, locked);
    const reference = paymentReference(code, (await countAttempts(trx, locked.dossier_id)) + 1);
    const year = vnYear(now);
    const seq = await nextReceiptSeq(trx, locked.receiving_agency_id, year);
    const p = await insertPayment(trx, {
      dossier_id: locked.dossier_id,
      agency_id: locked.receiving_agency_id,
      reference,
      amount: owed.outstandingVnd,
      items: JSON.stringify(owed.outstanding),
      channel: body.method,
      status: 'paid',
      payer_name: body.payerName ?? applicantOf(locked).fullName ?? 'Người nộp',
      transfer_reference: body.transferReference ?? null,
      note: body.note ?? null,
      created_by_user_id: actor.userId,
      created_by_label: actor.username,
      created_at: now,
      updated_at: now,
      paid_at: now,
      settled_by: 'desk',
      receipt_year: year,
      receipt_seq: seq,
    });
    await rememberResponse(
      trx,
      { scope, key: idempotencyKey, body },
      { statusCode: 201, body: { paymentId: p.payment_id }, at: now },
    );
    await appendAudit(
      trx,
      actor,
      {
        action: 'payment.desk',
        entityType: 'payment',
        entityId: p.payment_id,
        details: {
          dossierCode: code,
          reference,
          amount: Number(p.amount),
          method: body.method,
          receiptNumber: receiptNumberOf(p),
        },
        requestId,
      },
      now,
    );
    return p;
  });
  let dossierStatus: string | null;
  try {
    dossierStatus = await confirmIfSettled(deps, caller, {
      code,
      receiptRef: receiptNumberOf(paid)!,
      requestId,
    });
  } catch (err) {
    // The payment stands; reconciliation confirms the dossier later (as the platform's system user).
    input.log?.warn(
      { dossierCode: code, err: err instanceof Error ? err.message : String(err) },
      'payment taken but the dossier could not be confirmed now',
    );
    dossierStatus = (await findDossier(deps.db, code))?.status ?? null;
  }
  return { payment: presentPayment(paid), dossierStatus: dossierStatus ?? row.status };
}
