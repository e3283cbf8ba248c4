// The payment endpoints (common/contracts/payments.ts): what a dossier owes, the desk payment, the
// receipts.
import type { Static } from 'typebox';
import type {
  DeskPaymentBody,
  DeskPaymentResponse,
  DossierFees,
  StartPaymentResponse,
} from '../../../common/contracts/payments.ts';
import { apiGet, apiPostOnce } from '../../app/http.ts';
import { featureQueries } from '../../app/query.ts';

export type DossierFeesData = Static<typeof DossierFees>;
export type DeskPaymentAnswer = Static<typeof DeskPaymentResponse>;
export type StartedPayment = Static<typeof StartPaymentResponse>;
export type { DeskPaymentBody };

const one = (code: string): string => `/api/v1/dossiers/${encodeURIComponent(code)}`;

export function getFees(code: string, signal?: AbortSignal): Promise<DossierFeesData> {
  return apiGet(`${one(code)}/fees`, undefined, signal);
}

const read = featureQueries('payments');

/** The payment reads as queries (keys `['payments', ...]`; app/query.ts). */
export const paymentQueries = {
  all: ['payments'] as const,
  fees: (code: string) => read('fees', code, (signal) => getFees(code, signal)),
};

export const receiptUrl = (paymentId: string): string =>
  `/api/v1/payments/${encodeURIComponent(paymentId)}/receipt`;

/** With an Idempotency-Key, so that a double click or a retry never takes the money twice. */
export function payAtDesk(
  code: string,
  body: DeskPaymentBody,
  idempotencyKey: string,
): Promise<DeskPaymentAnswer> {
  return apiPostOnce(`${one(code)}/payments/desk`, body, idempotencyKey);
}

/** An online payment of everything outstanding, started by staff for the applicant at the counter. */
export function startOnlinePayment(code: string, idempotencyKey: string): Promise<StartedPayment> {
  return apiPostOnce(`${one(code)}/payments`, undefined, idempotencyKey);
}
