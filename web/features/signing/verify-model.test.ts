import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  documentVerdict,
  signatureFacts,
  tokenFromQuery,
  verifyFileProblem,
  VERIFY_MAX_BYTES,
  type VerifiedSignatureView,
} from './verify-model.ts';

const GOOD: VerifiedSignatureView = {
  signer: 'Nguyễn Văn A',
  organisation: 'Ủy ban nhân dân phường Hoàn Kiếm',
  issuer: 'Ban Cơ yếu Chính phủ — CA phục vụ các cơ quan nhà nước (test)',
  signedAt: '2026-12-07T03:00:00.000Z',
  intact: true,
  trusted: true,
  revoked: false,
  expired: false,
};

test('a signature is valid only when intact, trusted, in force and not revoked', () => {
  assert.deepEqual(signatureFacts(GOOD), {
    integrity: 'intact',
    trust: 'trusted',
    standing: 'in-force',
    valid: true,
  });
  assert.equal(signatureFacts({ ...GOOD, intact: false }).valid, false);
  assert.equal(signatureFacts({ ...GOOD, intact: false }).integrity, 'changed');
  assert.equal(signatureFacts({ ...GOOD, trusted: false }).valid, false);
  assert.equal(signatureFacts({ ...GOOD, trusted: false }).trust, 'unknown');
  assert.deepEqual(signatureFacts({ ...GOOD, expired: true }), {
    integrity: 'intact',
    trust: 'trusted',
    standing: 'expired',
    valid: false,
  });
  assert.equal(signatureFacts({ ...GOOD, revoked: true }).standing, 'revoked');
  assert.equal(signatureFacts({ ...GOOD, revoked: true }).valid, false);
  // Revoked wins over expired: the stronger statement.
  assert.equal(signatureFacts({ ...GOOD, revoked: true, expired: true }).standing, 'revoked');
  // No revocation list to ask: said so, and not a reason to refuse.
  assert.deepEqual(signatureFacts({ ...GOOD, revoked: null }), {
    integrity: 'intact',
    trust: 'trusted',
    standing: 'unknown',
    valid: true,
  });
});

test('a document is valid only when it has signatures and every one is valid', () => {
  assert.equal(documentVerdict({ signatures: [] }), 'unsigned');
  assert.equal(documentVerdict({ signatures: [GOOD] }), 'valid');
  assert.equal(documentVerdict({ signatures: [GOOD, { ...GOOD, intact: false }] }), 'invalid');
  assert.equal(documentVerdict({ signatures: [{ ...GOOD, trusted: false }] }), 'invalid');
  // The server's own verdict, and a byte range short of its revision, are never overruled.
  assert.equal(documentVerdict({ signatures: [{ ...GOOD, valid: false }] }), 'invalid');
  assert.equal(signatureFacts({ ...GOOD, coversWholeFile: false }).integrity, 'changed');
  // A leader's signature followed by the seal's: the first is followed by bytes, the last covers all.
  assert.equal(
    documentVerdict({
      signatures: [
        { ...GOOD, modifiedAfter: true },
        { ...GOOD, modifiedAfter: false },
      ],
    }),
    'valid',
  );
  // Bytes appended after every signature: intact signatures, a changed document.
  assert.equal(documentVerdict({ signatures: [{ ...GOOD, modifiedAfter: true }] }), 'changed');
});

test('a chosen file: empty, too large or not a PDF is refused before it is sent', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n');
  const file = (size: number) => ({ size, type: 'application/pdf', name: 'a.pdf' });
  assert.equal(verifyFileProblem(file(10), pdf), null);
  assert.equal(verifyFileProblem(file(0), pdf), 'empty');
  assert.equal(verifyFileProblem(file(VERIFY_MAX_BYTES), pdf), null);
  assert.equal(verifyFileProblem(file(VERIFY_MAX_BYTES + 1), pdf), 'too-large');
  assert.equal(verifyFileProblem(file(10), new TextEncoder().encode('PK\u0003\u0004')), 'not-pdf');
});

test('the QR token is read from ?ma= and anything unlike a token is ignored', () => {
  assert.equal(tokenFromQuery('?ma=abcDEF12_-xyz'), 'abcDEF12_-xyz');
  assert.equal(tokenFromQuery('?ma=%20abcdefgh12%20'), 'abcdefgh12');
  assert.equal(tokenFromQuery(''), null);
  assert.equal(tokenFromQuery('?ma=short'), null);
  assert.equal(tokenFromQuery('?ma=../../etc/passwd'), null);
});
