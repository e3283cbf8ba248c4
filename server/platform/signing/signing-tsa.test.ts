// PAdES B-T: a time-stamp from the TSA simulator (simulator/tsa.ts) verified, and a failing TSA
// (down, bad reply) failing the signing with a clear error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTsa, type TsaSimulator } from '../../../simulator/tsa.ts';
import { createTestPki, isSigningError, signPdf, verifyPdf, type TestPki } from './index.ts';
import { onePagePdf } from './test-fixtures.ts';

const TSA_TIME = new Date('2026-12-07T03:20:00Z');
let pki: TestPki;
let tsa: TsaSimulator;
let pdf: Uint8Array;

before(async () => {
  pki = await createTestPki({ now: new Date('2026-12-01T00:00:00Z') });
  tsa = await startTsa({ signer: pki.tsa.signer, now: () => TSA_TIME });
  pdf = await onePagePdf();
});
after(() => tsa.close());

test('a signature time-stamped by the TSA: timestamped, its time the token time, valid', async () => {
  tsa.control.setFaults({ mode: 'none' });
  const claimed = new Date('2026-12-07T03:19:58Z');
  const out = await signPdf(pdf, pki.leader.signer, { signedAt: claimed, timestampUrl: tsa.url });
  const [s] = (await verifyPdf(out, pki.trust)).signatures;
  assert.equal(s!.timestamped, true);
  assert.equal(s!.signedAt, TSA_TIME.toISOString());
  assert.equal(s!.intact && s!.trusted, true);
  assert.equal(s!.reason, undefined);
  assert.equal(tsa.control.stats().answered, 1);
  // A token the store cannot trace (its TSA under the RSA root only) is reported, not taken as the time.
  const [u] = (await verifyPdf(out, { roots: [pki.foreignRoot] })).signatures;
  assert.equal(u!.timestamped, false);
  assert.equal(u!.signedAt, claimed.toISOString());
});

test('an expired certificate is caught by the time-stamp even when /M is backdated', async () => {
  const expiredAt = new Date('2025-06-01T00:00:00Z'); // inside the expired certificate's validity
  const out = await signPdf(pdf, pki.expired.signer, { signedAt: expiredAt, timestampUrl: tsa.url });
  const [s] = (await verifyPdf(out, pki.trust)).signatures;
  assert.equal(s!.timestamped, true);
  assert.equal(s!.expired, true);
  assert.match(s!.reason!, /hết hạn/);
});

test('a TSA that is down or answers garbage fails the signing with TIMESTAMP_FAILED', async () => {
  for (const mode of ['down', 'bad-reply'] as const) {
    tsa.control.setFaults({ mode });
    await assert.rejects(
      signPdf(pdf, pki.leader.signer, { signedAt: TSA_TIME, timestampUrl: tsa.url }),
      (e: unknown) => isSigningError(e) && e.reason === 'TIMESTAMP_FAILED',
      mode,
    );
  }
  tsa.control.setFaults({ mode: 'slow', delayMs: 50 });
  const out = await signPdf(pdf, pki.leader.signer, { signedAt: TSA_TIME, timestampUrl: tsa.url });
  assert.equal((await verifyPdf(out, pki.trust)).signatures[0]!.timestamped, true);
  tsa.control.setFaults({ mode: 'none', delayMs: 0 });
  await assert.rejects(
    signPdf(pdf, pki.leader.signer, { signedAt: TSA_TIME, timestampUrl: 'http://127.0.0.1:1/' }),
    (e: unknown) => isSigningError(e) && e.reason === 'TIMESTAMP_FAILED',
  );
});
