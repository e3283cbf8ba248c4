// CMS SignedData (RFC 5652) as PAdES wants it (ETSI EN 319 142-1 §5.1, CAdES baseline): detached
// content, SHA-256, signed attributes content-type, message-digest and ESS signing-certificate-v2
// (RFC 5035) and no signing-time (the time is in the PDF's /M); optionally an RFC 3161
// signature-time-stamp as an unsigned attribute (PAdES B-T). Written and read with der.ts.
import { createHash, verify as cryptoVerify } from 'node:crypto';
import { certInfo, type CertInfo } from './certificates.ts';
import {
  bytesOf,
  certificateParts,
  children,
  contentOf,
  equalBytes,
  int,
  NULL,
  octets,
  oid,
  oidString,
  readNode,
  seq,
  set,
  tlv,
} from './der.ts';
import type { Signer } from './index.ts';
import { checkKeyStrength } from './key-strength.ts';
import { signingFail } from './signing.errors.ts';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStamp: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha1: '1.3.14.3.2.26',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export const HASHES: Record<string, string> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha1]: 'sha1',
};

const SHA256_ALG = seq(oid(OID.sha256));

function attribute(type: string, value: Uint8Array): Uint8Array {
  return seq(oid(type), set(value));
}

export type CmsSignInput = {
  digest: Uint8Array; // SHA-256 of the signed bytes
  /** Encapsulated content (a time-stamp token's TSTInfo); absent: detached data (PAdES). */
  encapsulated?: { type: string; content: Uint8Array };
  signer: Signer;
  /** The signer's certificates (Signer.certificates(), read once by the caller). */
  chain: Uint8Array[];
  /** Stamps the signature value (PAdES B-T): returns the TimeStampToken's DER. */
  timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array>;
  /** The time at which the signer's certificate must be valid; null: no check (tests of expired signatures). */
  checkValidityAt: Date | null;
};

/** A CMS SignedData over a content whose SHA-256 is `digest`; the DER of its ContentInfo. */
export async function buildCms(input: CmsSignInput): Promise<Uint8Array> {
  const first = input.chain[0];
  if (!first) throw signingFail('SIGNING_CERTIFICATE_MISSING');
  const info = certInfo(first);
  checkKeyStrength(info.publicKey);
  if (input.checkValidityAt) {
    const t = input.checkValidityAt.getTime();
    if (t < info.notBefore || t > info.notAfter) throw signingFail('SIGNING_CERTIFICATE_NOT_VALID_NOW');
  }
  const { issuer, serial } = certificateParts(first);
  const certHash = createHash('sha256').update(first).digest();
  // ESS signing-certificate-v2: SEQ { SEQ OF ESSCertIDv2 { certHash (SHA-256, the default), issuerSerial } }
  const ess = seq(seq(seq(octets(certHash), seq(seq(tlv(0xa4, issuer)), serial))));
  const attrs = [
    attribute(OID.contentType, oid(input.encapsulated?.type ?? OID.data)),
    attribute(OID.messageDigest, octets(input.digest)),
    attribute(OID.signingCertificateV2, ess),
  ];
  const signedAttrs = set(...attrs); // signed as a SET OF (tag 0x31)
  const signature = await input.signer.sign(signedAttrs);
  const sigAlg =
    info.publicKey.asymmetricKeyType === 'ec'
      ? seq(oid(OID.ecdsaWithSha256))
      : seq(oid(OID.sha256WithRsa), NULL);
  const unsigned: Uint8Array[] = [];
  if (input.timestamp) {
    const token = await input.timestamp(signature);
    unsigned.push(tlv(0xa1, attribute(OID.signatureTimeStamp, token)));
  }
  const signerInfo = seq(
    int(1),
    seq(issuer, serial),
    SHA256_ALG,
    tlv(0xa0, ...attrs),
    sigAlg,
    octets(signature),
    ...unsigned,
  );
  const encap = input.encapsulated
    ? seq(oid(input.encapsulated.type), tlv(0xa0, octets(input.encapsulated.content)))
    : seq(oid(OID.data));
  const signedData = seq(
    int(input.encapsulated ? 3 : 1),
    set(SHA256_ALG),
    encap,
    tlv(0xa0, ...input.chain),
    set(signerInfo),
  );
  return seq(oid(OID.signedData), tlv(0xa0, signedData));
}

export type CmsCheck = {
  intact: boolean;
  signerCert: CertInfo | null;
  certificates: CertInfo[];
  signatureValue: Uint8Array | null;
  /** Unsigned attributes by type: each value's DER. */
  unsignedAttrs: { type: string; value: Uint8Array }[];
  /** The encapsulated content, when there is one (a time-stamp token's TSTInfo). */
  eContent: Uint8Array | null;
};

const NONE: CmsCheck = {
  intact: false,
  signerCert: null,
  certificates: [],
  signatureValue: null,
  unsignedAttrs: [],
  eContent: null,
};

function attributes(
  buf: Uint8Array,
  node: { contentStart: number; end: number; tag: number; start: number },
) {
  return children(buf, node).map((a) => {
    const [type, values] = children(buf, a);
    const first = values ? children(buf, values)[0] : undefined;
    return { type: type ? oidString(buf, type) : '', value: first ? bytesOf(buf, first) : new Uint8Array(0) };
  });
}

const partsOf = (c: CertInfo) => certificateParts(c.der);

/** Whether the ESS signing-certificate-v2 value names `cert` (its hash). */
function essMatches(value: Uint8Array, cert: CertInfo): boolean {
  const root = readNode(value, 0);
  const ids = children(value, children(value, root)[0]!);
  const parts = children(value, ids[0]!);
  let alg = 'sha256';
  let i = 0;
  if (parts[0]?.tag === 0x30) {
    alg = HASHES[oidString(value, children(value, parts[0])[0]!)] ?? 'unknown';
    i = 1;
  }
  return alg !== 'unknown' && equalBytes(contentOf(value, parts[i]!), cert.digest(alg));
}

/** The CMS checks: message digest of `content` (or of the encapsulated content), the signature, ESS. */
export function checkCms(cms: Uint8Array, content: Uint8Array[] | null): CmsCheck {
  try {
    return check(cms, content);
  } catch {
    return NONE;
  }
}

function check(cms: Uint8Array, content: Uint8Array[] | null): CmsCheck {
  const ci = children(cms, readNode(cms, 0));
  if (ci.length < 2 || oidString(cms, ci[0]!) !== OID.signedData) return NONE;
  const sd = children(cms, children(cms, ci[1]!)[0]!);
  const encap = children(cms, sd[2]!);
  const eContent = encap[1] ? contentOf(cms, children(cms, encap[1])[0]!) : null;
  let k = 3;
  const certificates: CertInfo[] = [];
  if (sd[k]?.tag === 0xa0) {
    for (const c of children(cms, sd[k]!)) if (c.tag === 0x30) certificates.push(certInfo(bytesOf(cms, c)));
    k++;
  }
  if (sd[k]?.tag === 0xa1) k++;
  const si = children(cms, children(cms, sd[k]!)[0]!);
  const sid = si[1]!;
  let signerCert: CertInfo | null = null;
  if (sid.tag === 0x30) {
    const [issuer, serial] = children(cms, sid);
    const want = { issuer: bytesOf(cms, issuer!), serial: bytesOf(cms, serial!) };
    signerCert =
      certificates.find((c) => {
        const p = c.memo(partsOf);
        return equalBytes(p.issuer, want.issuer) && equalBytes(p.serial, want.serial);
      }) ?? null;
  }
  const hash = HASHES[oidString(cms, children(cms, si[2]!)[0]!)];
  let j = 3;
  const signedAttrsNode = si[j]?.tag === 0xa0 ? si[j++] : undefined;
  j++; // signatureAlgorithm
  const signatureValue = contentOf(cms, si[j++]!);
  const unsignedAttrs = si[j]?.tag === 0xa1 ? attributes(cms, si[j]!) : [];
  const result: CmsCheck = {
    intact: false,
    signerCert,
    certificates,
    signatureValue,
    unsignedAttrs,
    eContent,
  };
  if (!signerCert || !hash) return result;
  const h = createHash(hash);
  for (const c of content ?? (eContent ? [eContent] : [])) h.update(c);
  const digest = h.digest();
  let signed: Uint8Array;
  if (signedAttrsNode) {
    const attrs = attributes(cms, signedAttrsNode);
    const md = attrs.find((a) => a.type === OID.messageDigest);
    if (!md || !equalBytes(contentOf(md.value, readNode(md.value, 0)), digest)) return result;
    const ess = attrs.find((a) => a.type === OID.signingCertificateV2);
    if (ess && !essMatches(ess.value, signerCert)) return result;
    signed = new Uint8Array(bytesOf(cms, signedAttrsNode));
    signed[0] = 0x31;
  } else {
    signed = Buffer.concat(content ?? []);
  }
  const key = signerCert.publicKey;
  const ok =
    key.asymmetricKeyType === 'ec'
      ? cryptoVerify(hash, signed, { key, dsaEncoding: 'der' }, signatureValue)
      : cryptoVerify(hash, signed, key, signatureValue);
  return { ...result, intact: ok };
}
