// PDF signatures (issue #19): PAdES signing and verification, the test PKI and RFC 3161 timestamps.
// Platform code: it knows no domain (no dossier, no result register); this file is its only face.
// See docs/domain/signatures.md for the formats and what verification checks and says.
import type { SignatureBlock } from './appearance.ts';

/** Whoever holds the key: a PKCS#12 on the server, a remote signing service, a token behind a plugin. */
export type Signer = {
  /** DER certificates, the signer's first, then its chain up to (not necessarily including) the root. */
  certificates(): Promise<Uint8Array[]>;
  /** The raw signature over `data` (the DER of the CMS signed attributes): RSA PKCS#1 v1.5 or ECDSA, SHA-256. */
  sign(data: Uint8Array): Promise<Uint8Array>;
};

export type SignOptions = {
  signedAt: Date;
  reason?: string;
  location?: string;
  contactInfo?: string;
  name?: string;
  /**
   * A visible signature: on which page (0-based; default last), where (points, PDF user space, origin
   * bottom-left; default: the block's place by Decree 30/2020, appearance.ts) and what it shows
   * (`appearance`, the block with the signing time; without it the widget is empty over what the
   * caller drew). A field needs a rect or an appearance.
   */
  field?: {
    page?: number;
    rect?: [number, number, number, number];
    name?: string;
    appearance?: Omit<SignatureBlock, 'time'>;
  };
  /** RFC 3161 time-stamp authority: the signature gets a signature-time-stamp unsigned attribute (PAdES B-T). */
  timestampUrl?: string;
};

export type TrustStore = {
  roots: Uint8Array[] /* DER */;
  intermediates?: Uint8Array[];
  revoked?: (serialHex: string, issuerDn: string) => boolean | null;
};

export type VerifiedSignature = {
  signer: string; // the signer certificate's CN
  organisation: string | null; // O (and OU) of the signer's certificate
  issuer: string; // the issuer's CN (or O)
  signedAt: string | null; // ISO: the timestamp token's time if any, else the PDF's /M
  intact: boolean; // the signed bytes hash to the messageDigest and the signature verifies
  coversWholeFile: boolean; // ByteRange covers everything but /Contents up to this revision's end
  modifiedAfter: boolean; // later bytes exist after this signature's revision (incremental updates)
  trusted: boolean; // a path to a root of the store, every certificate valid at signedAt
  expired: boolean; // the signer's certificate was not valid at signedAt
  revoked: boolean | null; // null: unknown
  timestamped: boolean;
  reason?: string; // why it is not valid, in Vietnamese
  reasonEn?: string;
  certificate: {
    serialHex: string;
    subject: string;
    issuer: string;
    notBefore: string;
    notAfter: string;
    keyAlgorithm: string;
    keyBits: number;
  };
};

/** One named identity of the test hierarchy, with its key as a PKCS#12 and as a ready Signer. */
export type TestIdentity = {
  name: string;
  organisation: string | null;
  /** DER of the identity's certificate. */
  certificate: Uint8Array;
  serialHex: string;
  p12: Uint8Array;
  password: string;
  signer: Signer;
};

export type TestPki = {
  roots: Uint8Array[];
  intermediates: Uint8Array[];
  /** The foreign root (not in `roots`, not in `trust`) that issued `foreign`. */
  foreignRoot: Uint8Array;
  /** Knows the revoked identity (true), every other certificate of the hierarchy (false), anything else (null). */
  revoked: (serialHex: string, issuerDn: string) => boolean | null;
  /** The store a verifier of this hierarchy uses: roots, intermediates and `revoked`. */
  trust: TrustStore;
  /** The intermediate CA itself (key and certificate, the root after it): `issueSeal` issues from it. */
  issuingCa: TestIdentity;
  /** A leader (person): "Nguyễn Văn A", O = "Ủy ban nhân dân phường Hoàn Kiếm". */
  leader: TestIdentity;
  /** The organisation seal: O only, no person. */
  seal: TestIdentity;
  /** A person whose certificate expired before now. */
  expired: TestIdentity;
  /** A person whose certificate was revoked (`revoked` says so). */
  revokedPerson: TestIdentity;
  /** A person under a foreign root, not in the store. */
  foreign: TestIdentity;
  /** The time-stamp authority (extendedKeyUsage timeStamping, critical). */
  tsa: TestIdentity;
};

export type { SignatureBlock } from './appearance.ts';
export { stampBlock, vnDisplayTime } from './appearance.ts';
export { pkcs12Signer } from './pkcs12.ts';
export { signPdf } from './pdf-sign.ts';
export { verifyPdf } from './pdf-verify.ts';
export { readCertificates } from './certificates.ts';
export { createTestPki, issueSeal } from './test-pki.ts';
export { requestTimestamp, createTimestampReply } from './timestamp.ts';
export { signingFail, isSigningError, SIGNING_ERRORS } from './signing.errors.ts';
