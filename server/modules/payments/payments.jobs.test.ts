// Configuration of the payment platform, and what the background jobs start: the in-process simulator
// in demo mode (motcua registered there as a partner), nothing online outside demo mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, DEV_PAYMENT_SECRET, parseConfig } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { PRODUCTION_ENV, testConfig } from '../../test/template.ts';
import { silentLog } from '../../platform/jobs/job-log.ts';
import { startPaymentJobs } from './payments.jobs.ts';
import { paymentClientFor } from './online/payment-platform.ts';

test('PAYMENT_*: defaults for development; production needs a real secret once the platform is set', () => {
  const dev = parseConfig({});
  assert.deepEqual(dev.payment, {
    baseUrl: null,
    partnerCode: 'MOTCUA',
    secret: DEV_PAYMENT_SECRET,
    reconcileMinutes: 10,
    callbacksPerMinute: 300,
  });
  const set = parseConfig({
    PAYMENT_BASE_URL: 'https://thanhtoan.example.vn/',
    PAYMENT_PARTNER_CODE: 'HNI.001',
    PAYMENT_RECONCILE_MINUTES: '0',
  });
  assert.equal(set.payment.baseUrl, 'https://thanhtoan.example.vn');
  assert.equal(set.payment.partnerCode, 'HNI.001');
  assert.equal(set.payment.reconcileMinutes, 0);
  // Production without the platform: only desk payments, no secret needed.
  assert.equal(parseConfig(PRODUCTION_ENV).payment.baseUrl, null);
  for (const secret of [undefined, 'short', DEV_PAYMENT_SECRET])
    assert.throws(
      () =>
        parseConfig({
          ...PRODUCTION_ENV,
          PAYMENT_BASE_URL: 'https://thanhtoan.example.vn',
          ...(secret ? { PAYMENT_SECRET: secret } : {}),
        }),
      (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.startsWith('PAYMENT_SECRET')),
    );
  assert.ok(
    parseConfig({
      ...PRODUCTION_ENV,
      PAYMENT_BASE_URL: 'https://thanhtoan.example.vn',
      PAYMENT_SECRET: 's'.repeat(32),
    }).payment.baseUrl,
  );
  for (const [name, value] of [
    ['PAYMENT_BASE_URL', 'ftp://x'],
    ['PAYMENT_PARTNER_CODE', 'có dấu'],
    ['PAYMENT_RECONCILE_MINUTES', '-1'],
  ] as const)
    assert.throws(
      () => parseConfig({ [name]: value }),
      (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.startsWith(name)),
    );
});

// The jobs read only the configuration until a reconciliation runs (none here): no database needed.
const depsWith = (config: Partial<Deps['config']>) =>
  ({ config: { ...testConfig(null), ...config } }) as Deps;

test('demo mode without PAYMENT_BASE_URL: a simulator plays the platform and motcua is its partner', async () => {
  const deps = depsWith({});
  assert.equal(paymentClientFor(deps), null);
  const jobs = await startPaymentJobs(deps, silentLog, null);
  try {
    assert.ok(jobs.platformUrl?.startsWith('http://127.0.0.1:'));
    assert.equal(paymentClientFor(deps)?.baseUrl, jobs.platformUrl);
    const partners = (await (await fetch(`${jobs.platformUrl}/_sim/payments/partners`)).json()) as {
      partners: { code: string; callbackUrl: string }[];
    };
    assert.deepEqual(partners.partners, [
      { code: 'MOTCUA', callbackUrl: 'http://localhost:3000/api/v1/payments/callback' },
    ]);
  } finally {
    await jobs.stop();
  }
});

test('outside demo mode without PAYMENT_BASE_URL: no platform, only desk payments', async () => {
  const deps = depsWith({ demoMode: false });
  const jobs = await startPaymentJobs(deps, silentLog, null);
  assert.equal(jobs.platformUrl, null);
  assert.equal(paymentClientFor(deps), null);
  await jobs.stop();
});

test('PAYMENT_BASE_URL set: the configured platform, whatever the mode', async () => {
  const deps = depsWith({
    payment: { ...testConfig(null).payment, baseUrl: 'https://thanhtoan.example.vn' },
  });
  const jobs = await startPaymentJobs(deps, silentLog, { url: 'http://127.0.0.1:1' });
  assert.equal(jobs.platformUrl, 'https://thanhtoan.example.vn');
  await jobs.stop();
});
