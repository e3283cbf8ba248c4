// Verification of every PDF signature (ISO 32000-1 §12.8; ETSI EN 319 102-1 in outline): the signed
// bytes against the CMS message digest and signature, ESS signing-certificate-v2, the chain to a root
// of the trust store valid at the signing time (TT 15/2025/TT-BKHCN: the path to the national root, the
// result in Vietnamese), the RFC 3161 time-stamp and revocation through the store's callback.
import { createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { nameString, nameValue, serialHex } from './certificates.ts';
import { HASHES, OID, signedAttributesForSigning } from './cms.ts';
import type { TrustStore, VerifiedSignature } from './index.ts';
import { keyDescription } from './key-strength.ts';
import { decodeTextString, parseValue, type PdfValue } from './pdf-objects.ts';
import { signingFail } from './signing.errors.ts';
import { verifyTimestampToken } from './timestamp.ts';

export const REASONS = {
  modified: { vi: 'Tài liệu đã bị thay đổi sau khi ký', en: 'The document was changed after it was signed' },
  untrusted: {
    vi: 'Không xác định được nguồn tin cậy của chứng thư số',
    en: "The certificate's source of trust cannot be established",
  },
  expired: { vi: 'Chứng thư số đã hết hạn tại thời điểm ký', en: 'The certificate had expired at the signing time' },
  revoked: { vi: 'Chứng thư số đã bị thu hồi', en: 'The certificate has been revoked' },
  badTimestamp: { vi: 'Dấu thời gian không hợp lệ', en: 'The time-stamp is not valid' },
  unreadable: { vi: 'Không đọc được chữ ký số', en: 'The signature cannot be read' },
} as const;

const u8 = (b: ArrayBuffer | Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);

/** A PDF date (D:YYYYMMDDHHmmSSOHH'mm') as ISO, or null. */
export function parsePdfDate(text: string): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(text);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (!Number.isFinite(base)) return null;
  const offset = sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
  return new Date(base - offset).toISOString();
}

type Found = { byteRange: number[]; dict: Map<string, PdfValue> };

/** Every signature dictionary of the file (every revision), by its ByteRange, in file order. */
function findSignatures(text: string): Found[] {
  const out: Found[] = [];
  const seen = new Set<string>();
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const byteRange = m.slice(1, 5).map(Number);
    const key = byteRange.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    // The dictionary around it: from the nearest "obj" before.
    const objAt = text.lastIndexOf(' obj', m.index);
    let dict = new Map<string, PdfValue>();
    if (objAt >= 0 && m.index - objAt < 4096) {
      try {
        const v = parseValue(text, objAt + 4).value;
        if (v.t === 'dict') dict = v.entries;
      } catch {
        // the ByteRange alone still lets the signature be checked
      }
    }
    out.push({ byteRange, dict });
  }
  return out;
}

function str(dict: Map<string, PdfValue>, key: string): string | undefined {
  const v = dict.get(key);
  return v?.t === 'str' ? decodeTextString(v.raw) : undefined;
}

type CertInfo = { der: Uint8Array; pk: pkijs.Certificate; node: X509Certificate };
const certCache = new Map<string, CertInfo>();
function certInfo(der: Uint8Array): CertInfo {
  const key = createHash('sha256').update(der).digest('base64');
  let c = certCache.get(key);
  if (!c) {
    c = { der, pk: pkijs.Certificate.fromBER(u8(der)), node: new X509Certificate(der) };
    if (certCache.size > 1000) certCache.clear();
    certCache.set(key, c);
  }
  return c;
}

// Verified issuer → subject signatures, by the pair's DER hashes: a chain is checked once per process.
const issuedCache = new Map<string, boolean>();
function issuedBy(subject: CertInfo, issuer: CertInfo): boolean {
  const key = `${createHash('sha256').update(subject.der).digest('base64')}:${createHash('sha256').update(issuer.der).digest('base64')}`;
  let ok = issuedCache.get(key);
  if (ok === undefined) {
    ok = subject.node.checkIssued(issuer.node) && subject.node.verify(issuer.node.publicKey);
    if (issuedCache.size > 10_000) issuedCache.clear();
    issuedCache.set(key, ok);
  }
  return ok;
}

function validAt(c: CertInfo, t: number): boolean {
  return t >= Date.parse(c.node.validFrom) && t <= Date.parse(c.node.validTo);
}

/** A path from `leaf` to a root of the store, each issuer a CA; null when none. */
function chainToRoot(leaf: CertInfo, pool: CertInfo[], roots: CertInfo[]): CertInfo[] | null {
  const path = [leaf];
  for (let depth = 0; depth < 8; depth++) {
    const current = path[path.length - 1]!;
    if (roots.some((r) => Buffer.from(r.der).equals(Buffer.from(current.der)))) return path;
    const root = roots.find((r) => r.node.ca && issuedBy(current, r));
    if (root) return [...path, root];
    const next = pool.find((p) => p.node.ca && !path.includes(p) && issuedBy(current, p));
    if (!next) return null;
    path.push(next);
  }
  return null;
}

/** Whether the ESS signing-certificate-v2 attribute, when present, names `cert`. */
function essMatches(attrs: pkijs.Attribute[], cert: CertInfo): boolean {
  const ess = attrs.find((a) => a.type === OID.signingCertificateV2);
  if (!ess) return true;
  try {
    const seq = ess.values[0] as asn1js.Sequence;
    const first = (seq.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const parts = first.valueBlock.value;
    let hashAlg = 'sha256';
    let i = 0;
    if (parts[0] instanceof asn1js.Sequence) {
      hashAlg = HASHES[new pkijs.AlgorithmIdentifier({ schema: parts[0] }).algorithmId] ?? 'unknown';
      i = 1;
    }
    const certHash = (parts[i] as asn1js.OctetString).valueBlock.valueHexView;
    return Buffer.from(certHash).equals(createHash(hashAlg).update(cert.der).digest());
  } catch {
    return false;
  }
}

export type SignatureCheck = {
  intact: boolean;
  signerCert: CertInfo | null;
  certificates: CertInfo[];
  signatureValue: Uint8Array | null;
  unsignedAttrs: pkijs.Attribute[];
};

/** The CMS checks: message digest of `content`, the signature, ESS signing-certificate-v2. */
export function checkCms(cmsDer: Uint8Array, content: Uint8Array[]): SignatureCheck {
  const none: SignatureCheck = { intact: false, signerCert: null, certificates: [], signatureValue: null, unsignedAttrs: [] };
  const parsed = asn1js.fromBER(u8(cmsDer));
  if (parsed.offset < 0) return none;
  const ci = new pkijs.ContentInfo({ schema: parsed.result });
  if (ci.contentType !== OID.signedData) return none;
  const sd = new pkijs.SignedData({ schema: ci.content });
  const certificates = (sd.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => certInfo(u8(c.toSchema().toBER(false))));
  const si = sd.signerInfos[0];
  if (!si) return none;
  const sid = si.sid;
  const signerCert =
    certificates.find((c) =>
      sid instanceof pkijs.IssuerAndSerialNumber
        ? c.pk.issuer.isEqual(sid.issuer) && c.pk.serialNumber.isEqual(sid.serialNumber)
        : false,
    ) ?? null;
  const signatureValue = u8(si.signature.valueBlock.valueHexView);
  const unsignedAttrs = si.unsignedAttrs?.attributes ?? [];
  const result = { ...none, signerCert, certificates, signatureValue, unsignedAttrs };
  if (!signerCert) return result;
  const hash = HASHES[si.digestAlgorithm.algorithmId];
  if (!hash) return result;
  const h = createHash(hash);
  for (const c of content) h.update(c);
  const digest = h.digest();
  let signedData: Uint8Array;
  if (si.signedAttrs) {
    const md = si.signedAttrs.attributes.find((a) => a.type === OID.messageDigest);
    const mdValue = md?.values[0] as asn1js.OctetString | undefined;
    if (!mdValue || !Buffer.from(mdValue.valueBlock.valueHexView).equals(digest)) return result;
    if (!essMatches(si.signedAttrs.attributes, signerCert)) return result;
    signedData = signedAttributesForSigning(si.signedAttrs);
  } else {
    signedData = Buffer.concat(content);
  }
  const key = signerCert.node.publicKey;
  const ok =
    key.asymmetricKeyType === 'ec'
      ? cryptoVerify(hash, signedData, { key, dsaEncoding: 'der' }, signatureValue)
      : cryptoVerify(hash, signedData, key, signatureValue);
  return { ...result, intact: ok };
}

export type TrustCerts = { roots: CertInfo[]; intermediates: CertInfo[] };
export function trustCerts(trust: TrustStore): TrustCerts {
  return { roots: trust.roots.map(certInfo), intermediates: (trust.intermediates ?? []).map(certInfo) };
}

/** A chain for `cert` to the store's roots, every certificate valid at `t`; also whether the first is. */
export function checkChain(
  cert: CertInfo,
  pool: CertInfo[],
  trust: TrustCerts,
  t: number,
): { path: CertInfo[] | null; allValid: boolean } {
  const path = chainToRoot(cert, [...pool, ...trust.intermediates], trust.roots);
  return { path, allValid: !!path && path.every((c) => validAt(c, t)) };
}

export async function verifyPdf(pdf: Uint8Array, trust: TrustStore): Promise<{ signatures: VerifiedSignature[] }> {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = buf.toString('latin1');
  if (!text.startsWith('%PDF-') && !text.slice(0, 1024).includes('%PDF-')) throw signingFail('PDF_UNREADABLE');
  const store = trustCerts(trust);
  const signatures: VerifiedSignature[] = [];
  const found = findSignatures(text);
  const ends: number[] = found.map((f) => f.byteRange[2]! + f.byteRange[3]!);
  const lastEnd = text.replace(/\s+$/, '').length;
  for (const [i, f] of found.entries()) {
    signatures.push(await verifyOne(buf, text, f, { store, trust, lastEnd, later: ends.slice(i + 1) }));
  }
  return { signatures };
}

async function verifyOne(
  buf: Buffer,
  text: string,
  f: Found,
  ctx: { store: TrustCerts; trust: TrustStore; lastEnd: number; later: number[] },
): Promise<VerifiedSignature> {
  const [a = 0, b = 0, c = 0, d = 0] = f.byteRange;
  const inBounds = a === 0 && b > 0 && c > b && c + d <= buf.length;
  const gap = inBounds ? text.slice(b, c) : '';
  const gapIsContents = /^<[0-9a-fA-F\s]*>$/.test(gap);
  const end = c + d;
  const revisionEnds = /%%EOF\s*$/.test(text.slice(Math.max(0, end - 16), end));
  const coversWholeFile = inBounds && gapIsContents && revisionEnds;
  const modifiedAfter = end < ctx.lastEnd;
  let check: SignatureCheck = { intact: false, signerCert: null, certificates: [], signatureValue: null, unsignedAttrs: [] };
  if (inBounds && gapIsContents) {
    try {
      const der = Buffer.from(gap.slice(1, -1).replace(/\s+/g, ''), 'hex');
      check = checkCms(der, [buf.subarray(0, b), buf.subarray(c, end)]);
    } catch {
      // an unreadable CMS is a signature that does not verify
    }
  }
  const cert = check.signerCert;
  const claimed = str(f.dict, 'M');
  let signedAt = claimed ? parsePdfDate(claimed) : null;
  let timestamped = false;
  let timestampBad = false;
  const tsAttr = check.unsignedAttrs.find((x) => x.type === OID.signatureTimeStamp);
  if (tsAttr && check.signatureValue) {
    const ts = verifyTimestampToken(u8(tsAttr.values[0]!.toBER(false)), check.signatureValue, ctx.store);
    if (ts) {
      timestamped = true;
      signedAt = ts.toISOString();
    } else timestampBad = true;
  }
  const t = signedAt ? Date.parse(signedAt) : Date.now();
  const chain = cert ? checkChain(cert, check.certificates, ctx.store, t) : { path: null, allValid: false };
  const expired = cert ? !validAt(cert, t) : false;
  const revoked = cert ? (ctx.trust.revoked?.(serialHex(cert.pk), nameString(cert.pk.issuer)) ?? null) : null;
  // Bytes after this revision that no later signature covers: changed after signing (intact as signed).
  const unsignedAfter = modifiedAfter && !ctx.later.some((e) => e >= ctx.lastEnd);
  const reason = !check.intact
    ? cert
      ? REASONS.modified
      : REASONS.unreadable
    : unsignedAfter || !coversWholeFile
      ? REASONS.modified
      : !chain.path
        ? REASONS.untrusted
        : expired
          ? REASONS.expired
          : revoked === true
            ? REASONS.revoked
            : !chain.allValid
              ? REASONS.untrusted
              : timestampBad
                ? REASONS.badTimestamp
                : undefined;
  const desc = cert ? keyDescription(cert.node.publicKey) : { keyAlgorithm: '', keyBits: 0 };
  return {
    signer: cert ? (nameValue(cert.pk.subject, 'CN') ?? nameValue(cert.pk.subject, 'O') ?? '') : '',
    organisation: cert ? organisationOf(cert.pk) : null,
    issuer: cert ? (nameValue(cert.pk.issuer, 'CN') ?? nameValue(cert.pk.issuer, 'O') ?? '') : '',
    signedAt,
    intact: check.intact,
    coversWholeFile,
    modifiedAfter,
    trusted: !!chain.path && chain.allValid,
    expired,
    revoked,
    timestamped,
    ...(reason ? { reason: reason.vi, reasonEn: reason.en } : {}),
    certificate: cert
      ? {
          serialHex: serialHex(cert.pk),
          subject: nameString(cert.pk.subject),
          issuer: nameString(cert.pk.issuer),
          notBefore: new Date(cert.node.validFrom).toISOString(),
          notAfter: new Date(cert.node.validTo).toISOString(),
          ...desc,
        }
      : { serialHex: '', subject: '', issuer: '', notBefore: '', notAfter: '', keyAlgorithm: '', keyBits: 0 },
  };
}

function organisationOf(cert: pkijs.Certificate): string | null {
  const o = nameValue(cert.subject, 'O');
  const ou = nameValue(cert.subject, 'OU');
  return o && ou ? `${ou}, ${o}` : (o ?? ou);
}
