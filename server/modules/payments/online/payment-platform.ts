// The payment platform of a deployment: PAYMENT_BASE_URL, or the in-process simulator of demo mode.
import type { Deps } from '../../../deps.ts';
import { createPaymentClient, type PaymentClient } from '../payment-adapter.ts';

const clients = new WeakMap<Deps, PaymentClient>();

/**
 * Points the deployment at a payment platform other than PAYMENT_BASE_URL: the in-process simulator
 * of demo mode (payments.jobs.ts).
 */
export function usePaymentPlatform(deps: Deps, baseUrl: string): PaymentClient {
  const client = createPaymentClient({ ...deps.config.payment, baseUrl });
  clients.set(deps, client);
  return client;
}

/** The platform's client; null when online payment is not configured. */
export function paymentClientFor(deps: Deps): PaymentClient | null {
  const known = clients.get(deps);
  if (known) return known;
  if (deps.config.payment.baseUrl === null) return null;
  const client = createPaymentClient({ ...deps.config.payment, baseUrl: deps.config.payment.baseUrl });
  clients.set(deps, client);
  return client;
}
