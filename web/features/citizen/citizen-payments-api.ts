// The payment endpoints as the signed-in applicant calls them (common/contracts/payments.ts), through
// citizen-http.ts so that a 401 ends the citizen session and never a staff one: what the dossier owes,
// and starting an online payment on the payment platform (the fees are read as citizenQueries.fees). Receipts are plain links (receiptUrl).
import type { Static } from 'typebox';
import type { StartPaymentResponse } from '../../../common/contracts/payments.ts';
import type { DossierFeesData } from '../payments/payments-api.ts';
import { citizenRequest } from './citizen-http.ts';

export type StartedPayment = Static<typeof StartPaymentResponse>;

const one = (code: string): string => `/api/v1/dossiers/${encodeURIComponent(code)}`;

export function getMyFees(code: string, signal?: AbortSignal): Promise<DossierFeesData> {
  return citizenRequest('GET', `${one(code)}/fees`, signal ? { signal } : {});
}

/**
 * Starts (or resumes) an online payment of everything outstanding; the answer names the platform's
 * page. The same Idempotency-Key again answers the same payment: a retry of a lost answer, or a
 * second click, never starts a second one.
 */
export function startMyPayment(code: string, idempotencyKey: string): Promise<StartedPayment> {
  return citizenRequest('POST', `${one(code)}/payments`, {
    headers: { 'idempotency-key': idempotencyKey },
  });
}
