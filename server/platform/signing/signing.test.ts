// Signing and verification end to end with a generated hierarchy (issue #19): valid, tampered, foreign,
// expired, revoked, two signatures, ECDSA, errors on bad input. Time-stamps and pdfsig: signing-tsa.test.ts.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { before, test } from 'node:test';
import fc from 'fast-check';
import {
  createTestPki,
  isSigningError,
  pkcs12Signer,
  readCertificates,
  signPdf,
  verifyPdf,
  type TestPki,
} from './index.ts';
import { buildPkcs12 } from './pkcs12-build.ts';
import { signPdfWith } from './pdf-sign.ts';
import { onePagePdf, SIGNATURE_RECT } from './test-fixtures.ts';

const SIGNED_AT = new Date('2026-12-07T03:15:00Z');
let pki: TestPki;
let pdf: Uint8Array;
let signed: Uint8Array;

before(async () => {
  pki = await createTestPki({ now: new Date('2026-12-01T00:00:00Z') });
  pdf = await onePagePdf();
  signed = await signPdf(pdf, pki.leader.signer, {
    signedAt: SIGNED_AT,
    reason: 'Phê duyệt kết quả giải quyết',
    location: 'Hà Nội',
    field: { rect: SIGNATURE_RECT },
  });
});

async function rejects(promise: Promise<unknown>, reason: string) {
  await assert.rejects(promise, (e: unknown) => isSigningError(e) && e.reason === reason);
}

test('a signed result verifies: signer, organisation, issuer, time, intact, whole file, trusted chain', async () => {
  const { signatures } = await verifyPdf(signed, pki.trust);
  assert.equal(signatures.length, 1);
  const s = signatures[0]!;
  assert.equal(s.signer, 'Nguyễn Văn A');
  assert.equal(s.organisation, 'Ủy ban nhân dân phường Hoàn Kiếm');
  assert.equal(s.issuer, 'Ban Cơ yếu Chính phủ — CA phục vụ các cơ quan nhà nước (test)');
  assert.equal(s.signedAt, SIGNED_AT.toISOString());
  assert.deepEqual(
    [s.intact, s.coversWholeFile, s.modifiedAfter, s.trusted, s.expired, s.revoked, s.timestamped],
    [true, true, false, true, false, false, false],
  );
  assert.equal(s.reason, undefined);
  assert.equal(s.certificate.serialHex, pki.leader.serialHex.replace(/^(00)+/, ''));
  assert.equal(s.certificate.keyAlgorithm, 'RSA');
  assert.equal(s.certificate.keyBits, 2048);
  // The earlier bytes are the unsigned PDF's, unchanged (an incremental update).
  assert.deepEqual(signed.subarray(0, pdf.length), pdf);
});

test('one byte changed in the signed range → not intact, "đã bị thay đổi"', async () => {
  const tampered = Buffer.from(signed);
  const at = 400;
  tampered[at] = tampered[at]! ^ 0x20;
  const [s] = (await verifyPdf(tampered, pki.trust)).signatures;
  assert.equal(s!.intact, false);
  assert.match(s!.reason!, /đã bị thay đổi/);
  assert.equal(s!.reasonEn, 'The document was changed after it was signed');
});

test('any single-byte change inside the signed ranges is detected (property)', async () => {
  const text = Buffer.from(signed).toString('latin1');
  const m = /\/ByteRange \[0 (\d+) (\d+) (\d+)/.exec(text)!;
  const [b, c, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const seed = Date.now() % 100_000;
  console.log(`fast-check seed ${seed}`);
  await fc.assert(
    fc.asyncProperty(fc.nat(b + d - 1), fc.integer({ min: 1, max: 255 }), async (i, flip) => {
      const at = i < b ? i : c + (i - b);
      const copy = Buffer.from(signed);
      copy[at] = copy[at]! ^ flip;
      let signatures;
      try {
        signatures = (await verifyPdf(copy, pki.trust)).signatures;
      } catch (e) {
        // a change in the header makes it no PDF at all: refused, never a valid signature
        assert.ok(isSigningError(e));
        return;
      }
      assert.ok(signatures.every((s) => s.reason !== undefined && !(s.intact && s.coversWholeFile && !s.modifiedAfter && s.trusted)));
    }),
    { numRuns: 60, seed },
  );
});

test('bytes appended after the signature (an unsigned incremental update) → "đã bị thay đổi"', async () => {
  const appended = Buffer.concat([Buffer.from(signed), Buffer.from('1 0 obj\n<<>>\nendobj\n%%EOF\n')]);
  const [s] = (await verifyPdf(appended, pki.trust)).signatures;
  assert.equal(s!.intact, true);
  assert.equal(s!.modifiedAfter, true);
  assert.match(s!.reason!, /đã bị thay đổi/);
});

test('a certificate outside the trust store → not trusted, "không xác định được nguồn tin cậy"', async () => {
  const foreign = await signPdf(pdf, pki.foreign.signer, { signedAt: SIGNED_AT });
  const [s] = (await verifyPdf(foreign, pki.trust)).signatures;
  assert.equal(s!.intact, true);
  assert.equal(s!.trusted, false);
  assert.equal(s!.signer, 'John Foreign');
  assert.match(s!.reason!.toLowerCase(), /không xác định được nguồn tin cậy/);
  // The same signature verifies once its root is trusted.
  const [t] = (await verifyPdf(foreign, { roots: [pki.foreignRoot] })).signatures;
  assert.equal(t!.trusted, true);
  assert.equal(t!.revoked, null);
});

test('an expired certificate: refused for signing; a signature made with it is reported expired', async () => {
  await rejects(signPdf(pdf, pki.expired.signer, { signedAt: SIGNED_AT }), 'SIGNING_CERTIFICATE_NOT_VALID_NOW');
  // What a careless tool would produce:
  const careless = await signPdfWith(pdf, pki.expired.signer, { signedAt: SIGNED_AT }, { checkValidity: false });
  const [s] = (await verifyPdf(careless, pki.trust)).signatures;
  assert.equal(s!.intact, true);
  assert.equal(s!.expired, true);
  assert.equal(s!.trusted, false);
  assert.match(s!.reason!, /hết hạn tại thời điểm ký/);
});

test('a revoked certificate is reported revoked (and unknown without a revocation source)', async () => {
  const r = await signPdf(pdf, pki.revokedPerson.signer, { signedAt: SIGNED_AT });
  const [s] = (await verifyPdf(r, pki.trust)).signatures;
  assert.equal(s!.revoked, true);
  assert.match(s!.reason!, /thu hồi/);
  const [u] = (await verifyPdf(r, { roots: pki.roots, intermediates: pki.intermediates })).signatures;
  assert.equal(u!.revoked, null);
});

test('two signatures (person, then the organisation seal) are both valid', async () => {
  const sealed = await signPdf(signed, pki.seal.signer, { signedAt: new Date(SIGNED_AT.getTime() + 60_000), reason: 'Đóng dấu' });
  assert.deepEqual(sealed.subarray(0, signed.length), signed);
  const { signatures } = await verifyPdf(sealed, pki.trust);
  assert.equal(signatures.length, 2);
  const [person, seal] = signatures;
  assert.equal(person!.signer, 'Nguyễn Văn A');
  assert.equal(person!.modifiedAfter, true);
  assert.equal(seal!.signer, 'Ủy ban nhân dân phường Hoàn Kiếm');
  assert.equal(seal!.modifiedAfter, false);
  for (const s of signatures) {
    assert.equal(s.intact && s.trusted && s.coversWholeFile, true);
    assert.equal(s.reason, undefined);
  }
  // A field name already taken is refused.
  await rejects(
    signPdf(sealed, pki.seal.signer, { signedAt: SIGNED_AT, field: { rect: SIGNATURE_RECT, name: 'Signature1' } }),
    'SIGNING_FIELD_INVALID',
  );
});

test('an ECDSA P-256 hierarchy signs and verifies', async () => {
  const ec = await createTestPki({ keyAlgorithm: 'ECDSA-P256', now: new Date('2026-12-01T00:00:00Z') });
  const out = await signPdf(pdf, ec.leader.signer, { signedAt: SIGNED_AT, field: { rect: SIGNATURE_RECT } });
  const [s] = (await verifyPdf(out, ec.trust)).signatures;
  assert.equal(s!.intact && s!.trusted, true);
  assert.equal(s!.certificate.keyAlgorithm, 'ECDSA');
  assert.equal(s!.certificate.keyBits, 256);
  // Not trusted by the RSA hierarchy's store.
  const [t] = (await verifyPdf(out, pki.trust)).signatures;
  assert.equal(t!.trusted, false);
});

test('weak keys, wrong passwords, bad fields and garbage are refused with catalogue errors', async () => {
  const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const p12 = await buildPkcs12({
    privateKey: new Uint8Array(weak.privateKey.export({ format: 'der', type: 'pkcs8' })),
    certificates: [pki.roots[0]!], // any certificate: the key is refused before it is matched
    password: 'x',
  });
  await rejects(pkcs12Signer(p12, 'x'), 'SIGNING_KEY_TOO_WEAK');
  await rejects(pkcs12Signer(pki.leader.p12, 'wrong'), 'SIGNING_PKCS12_UNREADABLE');
  await rejects(pkcs12Signer(new Uint8Array([1, 2, 3]), 'x'), 'SIGNING_PKCS12_UNREADABLE');
  await rejects(signPdf(pdf, pki.leader.signer, { signedAt: SIGNED_AT, field: { page: 3, rect: SIGNATURE_RECT } }), 'SIGNING_FIELD_INVALID');
  await rejects(signPdf(pdf, pki.leader.signer, { signedAt: SIGNED_AT, field: { rect: [10, 10, 5, 5] } }), 'SIGNING_FIELD_INVALID');
  await rejects(signPdf(new TextEncoder().encode('hello'), pki.leader.signer, { signedAt: SIGNED_AT }), 'PDF_UNREADABLE');
  await rejects(verifyPdf(new TextEncoder().encode('not a pdf at all'), pki.trust), 'PDF_UNREADABLE');
  // A PDF without signatures, and a signed one cut short: answers, never a throw.
  assert.deepEqual((await verifyPdf(pdf, pki.trust)).signatures, []);
  const cut = await verifyPdf(signed.subarray(0, signed.length - 3000), pki.trust);
  assert.equal(cut.signatures.length, 1);
  assert.equal(cut.signatures[0]!.intact, false);
});

test('readCertificates reads PEM bundles and DER', () => {
  const pem = [...pki.roots, ...pki.intermediates]
    .map((d) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(d).toString('base64')}\n-----END CERTIFICATE-----\n`)
    .join('');
  const read = readCertificates(new TextEncoder().encode(pem));
  assert.deepEqual(read.map((c) => Buffer.from(c).toString('hex')), [...pki.roots, ...pki.intermediates].map((c) => Buffer.from(c).toString('hex')));
  assert.equal(readCertificates(pki.roots[0]!).length, 1);
  assert.deepEqual(readCertificates(new TextEncoder().encode('garbage')), []);
});
