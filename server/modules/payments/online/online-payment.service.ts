// Online payment, started by the applicant or an officer: a pending attempt is written under the
// dossier's row lock, then INIT goes to the platform outside any transaction, and the platform's pay
// page is handed out. The platform's signed callback (or reconciliation's QUERY) later marks it paid
// (callback.service.ts).
import type { PaymentItemRow } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import type { Caller, PersonCaller } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { findReplay, rememberResponse } from '../../../platform/idempotency.ts';
import type { StartPaymentResponse } from '../../../../common/contracts/payments.ts';
import { applicantOf, findDossier, getVisibleDossier } from '../dossier-access.ts';
import { payableNow, procedureOf } from '../obligations.ts';
import { buildInit, paymentReference } from '../payment-adapter.ts';
import { fail } from '../payments.errors.ts';
import {
  agencyNamed,
  countAttempts,
  failPendingPayment,
  insertPayment,
  updatePayment,
} from '../payments.repository.ts';
import { paymentClientFor } from './payment-platform.ts';

/** A pending attempt younger than this, for the same items, is handed out again instead of a new one. */
const RESUME_WINDOW_MS = 30 * 60_000;

export type StartPaymentInput = {
  code: string;
  ip: string;
  idempotencyKey: string | undefined;
  requestId: string;
};

function callerScope(caller: PersonCaller): string {
  return caller.kind === 'staff' ? `staff:${caller.actor.userId}` : `citizen:${caller.citizen.citizenId}`;
}

function auditActor(caller: Caller): { userId: string | null; label: string } {
  if (caller.kind === 'staff') return { userId: caller.actor.userId, label: caller.actor.username };
  if (caller.kind === 'citizen') return { userId: null, label: caller.citizen.fullName };
  return { userId: null, label: caller.label };
}

const sameItems = (a: PaymentItemRow[], b: PaymentItemRow[]) =>
  a.length === b.length && a.every((x) => b.some((y) => y.key === x.key && y.amountVnd === x.amountVnd));

export async function startOnlinePayment(
  deps: Deps,
  caller: PersonCaller,
  input: StartPaymentInput,
): Promise<StartPaymentResponse> {
  const { code } = input;
  const scope = `${callerScope(caller)}:payment:${code}`;
  const replayed = await findReplay<StartPaymentResponse>(deps.db, {
    scope,
    key: input.idempotencyKey,
    body: {},
  });
  if (replayed) return replayed.body;
  const row = await getVisibleDossier(deps, caller, code);
  if (caller.kind === 'staff' && caller.actor.grants.every((g) => g.role === 'auditor'))
    throw fail('PAYMENT_AUDITOR_READ_ONLY');
  const client = paymentClientFor(deps);
  if (!client) throw fail('PAYMENT_ONLINE_NOT_CONFIGURED');
  const procedure = await procedureOf(deps.db, row);
  const now = deps.clock.now();

  // Write the attempt (or find the one to hand out again) under the dossier's row lock.
  const attempt = await deps.db.transaction().execute(async (trx) => {
    const locked = (await findDossier(trx, code, true))!;
    const { owed, payments } = await payableNow(trx, procedure, locked);
    const resumable = payments.find(
      (p) =>
        p.status === 'pending' &&
        p.channel === 'online' &&
        p.pay_url !== null &&
        now.getTime() - new Date(p.created_at).getTime() < RESUME_WINDOW_MS &&
        sameItems(p.items, owed.outstanding),
    );
    if (resumable) return { payment: resumable, resumed: true };
    const reference = paymentReference(code, (await countAttempts(trx, locked.dossier_id)) + 1);
    const applicant = applicantOf(locked);
    const payer = caller.kind === 'citizen' ? caller.citizen.fullName : (applicant.fullName ?? '');
    const payment = await insertPayment(trx, {
      dossier_id: locked.dossier_id,
      agency_id: locked.receiving_agency_id,
      reference,
      amount: owed.outstandingVnd,
      items: JSON.stringify(owed.outstanding),
      channel: 'online',
      status: 'pending',
      payer_name: payer || 'Người nộp',
      created_by_user_id: caller.kind === 'staff' ? caller.actor.userId : null,
      created_by_citizen_id: caller.kind === 'citizen' ? caller.citizen.citizenId : null,
      created_by_label: auditActor(caller).label,
      created_at: now,
      updated_at: now,
    });
    return { payment, resumed: false };
  });

  let payUrl = attempt.payment.pay_url;
  if (!attempt.resumed) {
    const p = attempt.payment;
    const agency = await agencyNamed(deps.db, p.agency_id);
    const applicant = applicantOf(row);
    try {
      const message = buildInit(
        {
          reference: p.reference,
          amountVnd: Number(p.amount),
          dossierCode: code,
          procedure: { code: procedure.code, name: procedure.name },
          agency,
          payer: {
            name: p.payer_name,
            idNumber: caller.kind === 'citizen' ? caller.citizen.idNumber : (applicant.idNumber ?? ''),
            address: applicant.address?.line ?? '',
          },
          items: p.items,
          ip: input.ip,
          at: new Date(p.created_at),
        },
        { ...deps.config.payment, baseUrl: client.baseUrl },
      );
      payUrl = (await client.init(message)).payUrl;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      await failPendingPayment(deps.db, p.payment_id, reason, deps.clock.now());
      throw fail('PAYMENT_PLATFORM_REFUSED');
    }
  }
  const answer: StartPaymentResponse = {
    paymentId: attempt.payment.payment_id,
    reference: attempt.payment.reference,
    amount: Number(attempt.payment.amount),
    payUrl: payUrl!,
  };
  await deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now();
    if (!attempt.resumed)
      await updatePayment(trx, attempt.payment.payment_id, { pay_url: payUrl, updated_at: at });
    await rememberResponse(
      trx,
      { scope, key: input.idempotencyKey, body: {} },
      { statusCode: 201, body: answer, at },
    );
    if (!attempt.resumed)
      await appendAudit(
        trx,
        auditActor(caller),
        {
          action: 'payment.start',
          entityType: 'payment',
          entityId: attempt.payment.payment_id,
          details: { dossierCode: code, reference: answer.reference, amount: answer.amount },
          requestId: input.requestId,
        },
        at,
      );
  });
  return answer;
}
