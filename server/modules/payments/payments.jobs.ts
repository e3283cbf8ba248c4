// Background work of payments, started with the sync jobs (server/modules/sync/sync.jobs.ts):
//  - reconciliation every PAYMENT_RECONCILE_MINUTES: pending online payments are looked up on the
//    platform (QUERY) — a lost callback must not leave a paid dossier unpaid — and paid payments whose
//    dossier still awaits payment are confirmed (the step after a payment that failed at the time);
//  - in demo mode without PAYMENT_BASE_URL, the in-process simulator is the platform: motcua is
//    registered there as a partner, with its callback URL;
//  - hourly, refused callbacks past their age or count are pruned (pruneRefusedCallbacks).
import type { Deps } from '../../deps.ts';
import type { JobLog } from '../../platform/jobs/job-log.ts';
import { startPeriodic, type Periodic } from '../../platform/jobs/periodic.ts';
import { E4_CURRENCY, type PaymentClient } from './payment-adapter.ts';
import {
  findPayment,
  pruneRefusedCallbacks,
  recordCallback,
  type PaymentRow,
} from './payments.repository.ts';
import { PLATFORM_CALLER, confirmIfSettled } from './obligations.ts';
import { settleNotPaid, settlePaid } from './online/callback.service.ts';
import { paymentClientFor, usePaymentPlatform } from './online/payment-platform.ts';
import { receiptNumberOf } from './payment-view.ts';

export type PaymentReconciliation = {
  checked: number;
  paid: number;
  failed: number;
  expired: number;
  confirmed: number;
  errors: number;
};

export type ReconcileOptions = {
  log: JobLog;
  /** Payments younger than this are left to their callback (default one minute). */
  graceMs?: number;
  /** A reference the platform does not know after this long expires (default one hour). */
  unknownAfterMs?: number;
  /** Pending payments older than this are no longer asked about (default seven days). */
  maxAgeMs?: number;
};

/** Consecutive failed QUERY requests that end a run: the platform is down. */
const MAX_CONSECUTIVE_ERRORS = 5;

export async function reconcilePayments(
  deps: Deps,
  client: PaymentClient,
  options: ReconcileOptions,
): Promise<PaymentReconciliation> {
  const { log } = options;
  const now = deps.clock.now().getTime();
  const graceMs = options.graceMs ?? 60_000;
  const unknownAfterMs = options.unknownAfterMs ?? 3_600_000;
  const maxAgeMs = options.maxAgeMs ?? 7 * 24 * 3_600_000;
  const result: PaymentReconciliation = {
    checked: 0,
    paid: 0,
    failed: 0,
    expired: 0,
    confirmed: 0,
    errors: 0,
  };
  const pending = await deps.db
    .selectFrom('payments')
    .select(['payment_id', 'reference', 'amount', 'created_at'])
    .where('status', '=', 'pending')
    .where('channel', '=', 'online')
    .where('created_at', '<=', new Date(now - graceMs))
    .where('created_at', '>=', new Date(now - maxAgeMs))
    .orderBy('created_at')
    .limit(500)
    .execute();
  let consecutive = 0;
  for (const p of pending) {
    if (consecutive >= MAX_CONSECUTIVE_ERRORS) break;
    let answer;
    try {
      answer = await client.query(p.reference, new Date(p.created_at));
      consecutive = 0;
    } catch (err) {
      consecutive++;
      result.errors++;
      log.warn(
        { reference: p.reference, err: err instanceof Error ? err.message : String(err) },
        'payment query failed',
      );
      continue;
    }
    result.checked++;
    await deps.db
      .updateTable('payments')
      .set({ last_queried_at: deps.clock.now() })
      .where('payment_id', '=', p.payment_id)
      .execute();
    const heard = { source: 'query', raw: answer.raw, requestId: null } as const;
    if (answer.state === 'paid') {
      const m = answer.confirm;
      const reason = !answer.signatureValid
        ? 'bad-signature'
        : m.MaThamChieu !== p.reference
          ? 'unknown-reference'
          : m.MaTienTe !== E4_CURRENCY
            ? 'wrong-currency'
            : m.SoTien !== Number(p.amount)
              ? 'wrong-amount'
              : null;
      if (reason) {
        await recordCallback(deps.db, {
          source: 'query',
          rawBody: answer.raw,
          reference: p.reference,
          paymentId: p.payment_id,
          transactionId: m.MaGiaoDich,
          resultCode: m.MaLoi,
          verdict: 'rejected',
          reason,
          requestId: null,
          at: deps.clock.now(),
        });
        log.warn({ reference: p.reference, reason }, 'payment query answer rejected: nothing paid');
        continue;
      }
      const settled = await settlePaid(deps, { ...heard, paymentId: p.payment_id, message: m });
      if (settled.verdict === 'accepted') result.paid++;
    } else if (answer.state === 'failed') {
      const settled = await settleNotPaid(deps, {
        ...heard,
        paymentId: p.payment_id,
        outcome: 'failed',
        detail: { code: answer.code, reference: p.reference, transactionId: null },
      });
      if (settled.verdict === 'accepted') result.failed++;
    } else if (answer.state === 'unknown' && now - new Date(p.created_at).getTime() >= unknownAfterMs) {
      const settled = await settleNotPaid(deps, {
        ...heard,
        paymentId: p.payment_id,
        outcome: 'expired',
        detail: { code: 'unknown', reference: p.reference, transactionId: null },
      });
      if (settled.verdict === 'accepted') result.expired++;
    }
  }
  result.confirmed = await confirmPaidDossiers(deps, log);
  if (result.checked + result.errors + result.confirmed > 0)
    log.info({ ...result }, 'payment reconciliation');
  return result;
}

/** Paid payments whose dossier still awaits payment: confirm them now (the platform's system user). */
export async function confirmPaidDossiers(deps: Deps, log: JobLog): Promise<number> {
  const rows = await deps.db
    .selectFrom('payments as p')
    .innerJoin('dossiers as d', 'd.dossier_id', 'p.dossier_id')
    .select(['p.payment_id', 'd.code'])
    .distinctOn('d.code')
    .where('p.status', '=', 'paid')
    .where('d.status', '=', 'awaiting-payment')
    .orderBy('d.code')
    .orderBy('p.paid_at', 'desc')
    .limit(200)
    .execute();
  let confirmed = 0;
  for (const r of rows) {
    const p = (await findPayment(deps.db, r.payment_id)) as PaymentRow;
    try {
      const status = await confirmIfSettled(deps, PLATFORM_CALLER, {
        code: r.code,
        receiptRef: receiptNumberOf(p)!,
        requestId: 'payment-reconciliation',
      });
      if (status === 'processing') confirmed++;
    } catch (err) {
      log.warn(
        { dossierCode: r.code, err: err instanceof Error ? err.message : String(err) },
        'could not confirm a paid dossier',
      );
    }
  }
  return confirmed;
}

export type PaymentJobs = { platformUrl: string | null; stop: () => Promise<void> };

type Closable = { url: string; close: () => Promise<void> };

/** Registers motcua as a partner of a simulator (its control API) with its callback URL. */
export async function registerWithSimulator(deps: Deps, simulatorUrl: string): Promise<void> {
  const res = await fetch(`${simulatorUrl}/_sim/payments/partners`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: deps.config.payment.partnerCode,
      secret: deps.config.payment.secret,
      callbackUrl: `${deps.config.publicUrl}/api/v1/payments/callback`,
    }),
  });
  if (!res.ok) throw new Error(`the simulator refused the partner: HTTP ${res.status}`);
}

/**
 * Starts payment reconciliation. `demoSimulator`: the simulator the sync jobs started in this process
 * (demo mode without PORTAL_BASE_URL); without PAYMENT_BASE_URL in demo mode it is the platform, or
 * one is started here.
 */
export async function startPaymentJobs(
  deps: Deps,
  log: JobLog,
  demoSimulator: { url: string } | null,
): Promise<PaymentJobs> {
  const { config } = deps;
  let own: Closable | null = null;
  let client = paymentClientFor(deps);
  if (!client && config.demoMode && config.nodeEnv !== 'production') {
    let url = demoSimulator?.url ?? null;
    if (url === null) {
      const { startSimulator } = await import('../../../simulator/simulator.ts');
      own = await startSimulator({ port: 0, secret: config.portal.secret });
      url = own.url;
    }
    try {
      await registerWithSimulator(deps, url);
      client = usePaymentPlatform(deps, url);
      log.info({ url }, 'demo mode: payment platform simulated in-process (PAYMENT_BASE_URL is not set)');
    } catch (err) {
      // Payments never keep the server from starting: desk payments still work.
      log.warn(
        { url, err: err instanceof Error ? err.message : String(err) },
        'demo mode: the payment simulator could not be set up; only desk payments are taken',
      );
    }
  }
  if (!client) log.warn({}, 'PAYMENT_BASE_URL is not set: only desk payments are taken');
  const periodic: Periodic[] = [
    startPeriodic({
      name: 'payment-callback-pruning',
      intervalMs: 60 * 60_000,
      firstDelayMs: 60_000,
      log,
      run: async () => {
        const removed = await pruneRefusedCallbacks(deps.db, deps.clock.now());
        if (removed > 0) log.info({ removed }, 'refused payment callbacks pruned');
      },
    }),
  ];
  if (client && config.payment.reconcileMinutes > 0) {
    const c = client;
    periodic.push(
      startPeriodic({
        name: 'payment-reconciliation',
        intervalMs: config.payment.reconcileMinutes * 60_000,
        firstDelayMs: Math.min(60_000, config.payment.reconcileMinutes * 60_000),
        log,
        run: () => reconcilePayments(deps, c, { log }),
      }),
    );
  }
  return {
    platformUrl: client?.baseUrl ?? null,
    stop: async () => {
      await Promise.all(periodic.map((p) => p.stop()));
      await own?.close();
    },
  };
}
