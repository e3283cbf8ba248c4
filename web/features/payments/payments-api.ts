// The payment endpoints (common/contracts/payments.ts): what a dossier owes, the desk payment, the
// receipts.
import type { Static } from 'typebox';
import type {
  DeskPaymentBody,
  DeskPaymentResponse,
  DossierFees,
  StartPaymentResponse,
} from '../../../common/contracts/payments.ts';
import { ApiError, apiGet } from '../../app/http.ts';

export type DossierFeesData = Static<typeof DossierFees>;
export type DeskPaymentAnswer = Static<typeof DeskPaymentResponse>;
export type StartedPayment = Static<typeof StartPaymentResponse>;
export type { DeskPaymentBody };

const one = (code: string): string => `/api/v1/dossiers/${encodeURIComponent(code)}`;

export function getFees(code: string, signal?: AbortSignal): Promise<DossierFeesData> {
  return apiGet(`${one(code)}/fees`, undefined, signal);
}

export const receiptUrl = (paymentId: string): string =>
  `/api/v1/payments/${encodeURIComponent(paymentId)}/receipt`;

/** POST with an Idempotency-Key, so that a double click or a retry never takes the money twice. */
async function postWithKey<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        'idempotency-key': idempotencyKey,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '' });
  }
  const parsed: unknown = await response.json().catch(() => null);
  if (response.ok) return parsed as T;
  const error = (parsed as { error?: { code?: string; message?: string; details?: [] } } | null)?.error;
  throw new ApiError({
    status: response.status,
    code: error?.code ?? 'INTERNAL_ERROR',
    message: error?.message ?? '',
    details: error?.details ?? [],
  });
}

export function payAtDesk(
  code: string,
  body: DeskPaymentBody,
  idempotencyKey: string,
): Promise<DeskPaymentAnswer> {
  return postWithKey(`${one(code)}/payments/desk`, body, idempotencyKey);
}

/** An online payment of everything outstanding, started by staff for the applicant at the counter. */
export function startOnlinePayment(code: string, idempotencyKey: string): Promise<StartedPayment> {
  return postWithKey(`${one(code)}/payments`, undefined, idempotencyKey);
}
