// The payment platform of the simulator, spoken to by motcua's adapter over real HTTP (no database):
// INIT checks and idempotency, QUERY states, the timeout and error faults, the control API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../../simulator/simulator.ts';
import {
  PaymentPlatformError,
  buildInit,
  createPaymentClient,
  type InitInput,
  type PaymentClient,
} from './payment-adapter.ts';
import { BIRTH_INIT } from './test-kit.ts';

const PARTNER = 'MOTCUA-SIM';
const SECRET = 'simulator-test-secret-0123456789';
let sim: Simulator;
let client: PaymentClient;
const settings = () => ({ baseUrl: sim.url, partnerCode: PARTNER, secret: SECRET, timeoutMs: 5000 });

before(async () => {
  sim = await startSimulator({
    port: 0,
    payment: { partners: [{ code: PARTNER, secret: SECRET, callbackUrl: null }] },
  });
  client = createPaymentClient(settings());
});
after(() => sim.close());

let n = 0;
const input = (over: Partial<InitInput> = {}): InitInput => ({
  reference: `SIMTEST${String(++n).padStart(4, '0')}TT01`,
  amountVnd: 8000,
  ...BIRTH_INIT,
  payer: { name: 'Nguyễn Thị Hường', idNumber: '001190012345', address: '' },
  items: [{ key: 'procedure-1', name: 'Phí, lệ phí', amountVnd: 8000, source: 'procedure' }],
  at: new Date(),
  ...over,
});

test('INIT: a payment page for a signed request; the same INIT again gets the same page; a wrong secret is refused', async () => {
  const i = input();
  const { payUrl } = await client.init(buildInit(i, settings()));
  assert.ok(payUrl.startsWith(`${sim.url}/thanh-toan/`));
  assert.equal((await client.init(buildInit(i, settings()))).payUrl, payUrl);
  // Another amount under the same reference: refused.
  await assert.rejects(client.init(buildInit({ ...i, amountVnd: 9000 }, settings())), (e: unknown) => {
    return e instanceof PaymentPlatformError && e.kind === 'rejected';
  });
  const forged = buildInit(input(), { ...settings(), secret: 'not-the-secret-at-all' });
  await assert.rejects(client.init(forged), /error_code 3/);
  const page = await fetch(`${sim.url}/thanh-toan/${'0'.repeat(24)}`);
  assert.equal(page.status, 404);
});

test('QUERY: pending (3), paid (1, signed), cancelled (4), unknown reference', async () => {
  const a = input();
  const b = input();
  await client.init(buildInit(a, settings()));
  await client.init(buildInit(b, settings()));
  assert.equal((await client.query(a.reference, a.at)).state, 'pending');
  sim.control.payments.confirm(a.reference);
  sim.control.payments.cancel(b.reference);
  const paid = await client.query(a.reference, a.at);
  assert.equal(paid.state, 'paid');
  assert.ok(paid.state === 'paid' && paid.signatureValid && paid.confirm.SoTien === 8000);
  assert.equal((await client.query(b.reference, b.at)).state, 'failed');
  assert.equal((await client.query('KHONGCO01', new Date())).state, 'unknown');
  // A client with the wrong secret is refused.
  const wrong = createPaymentClient({ ...settings(), secret: 'wrong-secret-wrong-secret' });
  await assert.rejects(wrong.query(a.reference, a.at), (e: unknown) => e instanceof PaymentPlatformError);
  // Without a callback URL, settling sends nothing anywhere but records it.
  assert.ok(
    sim.control.payments
      .deliveries()
      .filter((d) => d.reference === a.reference)
      .every((d) => d.error === 'no callback URL for the partner'),
  );
});

test('faults: errors, timeouts and outages on INIT and QUERY become typed failures', async () => {
  sim.control.payments.setFaults({ errorRate: 1, errorKind: 'http-500' });
  await assert.rejects(client.init(buildInit(input(), settings())), (e: unknown) => {
    return e instanceof PaymentPlatformError && e.kind === 'http';
  });
  sim.control.payments.setFaults({ errorKind: 'error-code' });
  await assert.rejects(client.query('X', new Date()), (e: unknown) => {
    return e instanceof PaymentPlatformError && e.kind === 'rejected';
  });
  sim.control.payments.setFaults({ errorRate: 0, timeoutRate: 1, timeoutMs: 1500 });
  const late = input();
  const impatient = createPaymentClient({ ...settings(), timeoutMs: 300 });
  await assert.rejects(impatient.init(buildInit(late, settings())), (e: unknown) => {
    return e instanceof PaymentPlatformError && e.kind === 'timeout';
  });
  // Processed all the same: the platform knows the reference.
  assert.ok(sim.control.payments.transaction(late.reference));
  sim.control.payments.setFaults({ timeoutRate: 0, outage: { durationMs: 60_000 } });
  await assert.rejects(client.query(late.reference, late.at), (e: unknown) => {
    return e instanceof PaymentPlatformError && e.kind === 'connection';
  });
  sim.control.payments.setFaults({ outage: null });
  assert.equal((await client.query(late.reference, late.at)).state, 'pending');
});

test('the control API: faults validated, partners registered, transactions listed', async () => {
  const post = (path: string, body: unknown) =>
    fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  assert.equal((await post('/_sim/payments/faults', { errorRate: 2 })).status, 400);
  assert.equal((await post('/_sim/payments/faults', { duplicateCallbacks: 9 })).status, 400);
  const ok = await post('/_sim/payments/faults', { duplicateCallbacks: 1, outOfOrder: true });
  assert.deepEqual(
    [(await ok.json()) as { duplicateCallbacks: number; outOfOrder: boolean }].map((f) => [
      f.duplicateCallbacks,
      f.outOfOrder,
    ]),
    [[1, true]],
  );
  await post('/_sim/payments/faults', { duplicateCallbacks: 0, outOfOrder: false });
  assert.equal((await post('/_sim/payments/partners', { code: 'X', secret: '' })).status, 400);
  const reg = await post('/_sim/payments/partners', {
    code: 'OTHER',
    secret: 'other-secret',
    callbackUrl: 'http://127.0.0.1:9/cb',
  });
  assert.equal(reg.status, 200);
  const listed = (await (await fetch(`${sim.url}/_sim/payments`)).json()) as { transactions: unknown[] };
  assert.ok(listed.transactions.length > 0);
  assert.equal((await fetch(`${sim.url}/_sim/payments/NOPE1`)).status, 404);
  assert.equal((await post('/_sim/payments/NOPE1/confirm', {})).status, 404);
  // Portal faults do not touch the payment platform.
  sim.control.setFaults({ errorRate: 1 });
  const i = input();
  assert.ok((await client.init(buildInit(i, settings()))).payUrl);
  sim.control.setFaults({ errorRate: 0 });
});
