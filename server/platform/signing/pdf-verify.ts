// Verification of every PDF signature (ISO 32000-1 §12.8; ETSI EN 319 102-1 in outline): the signed
// bytes against the CMS message digest and signature, ESS signing-certificate-v2, the chain to a root
// of the trust store valid at the signing time (TT 15/2025/TT-BKHCN: the path to the national root, the
// result in Vietnamese), the RFC 3161 time-stamp and revocation through the store's callback.
import type * as pkijs from 'pkijs';
import { certInfo, type CertInfo, nameString, nameValue, serialHex } from './certificates.ts';
import { type CmsCheck, checkCms, OID } from './cms.ts';
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
  expired: {
    vi: 'Chứng thư số đã hết hạn tại thời điểm ký',
    en: 'The certificate had expired at the signing time',
  },
  revoked: { vi: 'Chứng thư số đã bị thu hồi', en: 'The certificate has been revoked' },
  badTimestamp: { vi: 'Dấu thời gian không hợp lệ', en: 'The time-stamp is not valid' },
  unreadable: { vi: 'Không đọc được chữ ký số', en: 'The signature cannot be read' },
} as const;

/** A PDF date (D:YYYYMMDDHHmmSSOHH'mm') as ISO, or null. */
export function parsePdfDate(text: string): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(text);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (!Number.isFinite(base)) return null;
  const offset =
    sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
  return new Date(base - offset).toISOString();
}

const RANGE = Buffer.from('Range', 'latin1');
const BYTE = Buffer.from('/Byte', 'latin1');

/**
 * Where the next "/ByteRange" starts at or after `from`, or -1. Found by its "Range": Buffer#indexOf
 * takes memchr's path for a needle under 7 bytes, several times faster over a whole file than for the
 * 10-byte name (bench/sign.ts), then the "/Byte" before it is checked.
 */
function nextByteRange(buf: Buffer, from: number): number {
  for (let at = buf.indexOf(RANGE, from + 5); at >= 0; at = buf.indexOf(RANGE, at + 1)) {
    if (at >= 5 && buf.compare(BYTE, 0, 5, at - 5, at) === 0) return at - 5;
  }
  return -1;
}

type Found = { byteRange: number[]; dict: Map<string, PdfValue> };

/** Every signature dictionary of the file (every revision), by its ByteRange, in file order. */
function findSignatures(buf: Buffer): Found[] {
  const out: Found[] = [];
  const seen = new Set<string>();
  const re = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/;
  for (let at = nextByteRange(buf, 0); at >= 0; at = nextByteRange(buf, at + 10)) {
    const m = re.exec(buf.toString('latin1', at, at + 80));
    if (!m) continue;
    const byteRange = m.slice(1, 5).map(Number);
    const key = byteRange.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    // The dictionary around it: from the nearest "obj" before, through the end of its /Contents.
    const objAt = buf.lastIndexOf(' obj', at);
    let dict = new Map<string, PdfValue>();
    if (objAt >= 0 && at - objAt < 4096) {
      // The /Contents hex (the ByteRange's gap) is left out: an empty string in its place.
      const [, b = 0, c = 0] = byteRange;
      const gapInside = b > objAt && c > b && c <= buf.length;
      const tail = gapInside ? c : at;
      const endobj = buf.indexOf('endobj', tail);
      const until = endobj >= 0 && endobj - tail < 4096 ? endobj : Math.min(buf.length, tail + 4096);
      const text = gapInside
        ? `${buf.toString('latin1', objAt + 4, b)}<>${buf.toString('latin1', c, until)}`
        : buf.toString('latin1', objAt + 4, until);
      try {
        const v = parseValue(text, 0).value;
        if (v.t === 'dict') dict = v.entries;
      } catch {
        // the ByteRange alone still lets the signature be checked
      }
    }
    out.push({ byteRange, dict });
  }
  return out;
}

const isSpace = (b: number) =>
  b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;

/** The CMS in a /Contents hex string `<…>` (zero-padded): just its DER, decoded from its length. */
function contentsDer(buf: Buffer, from: number, to: number): Buffer | null {
  if (buf[from] !== 0x3c || buf[to - 1] !== 0x3e) return null;
  const head = buf.toString('latin1', from + 1, Math.min(to - 1, from + 1 + 12)).replace(/\s+/g, '');
  const h = Buffer.from(head, 'hex');
  if (h[0] !== 0x30 || h.length < 2) return null;
  let len = h[1]!;
  let headLen = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4 || h.length < 2 + n) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + h[2 + i]!;
    headLen += n;
  }
  const hexLen = (headLen + len) * 2;
  if (from + 1 + hexLen > to - 1) return null;
  const hex = buf.toString('latin1', from + 1, from + 1 + hexLen);
  const der = Buffer.from(hex, 'hex');
  return der.length * 2 === hexLen ? der : null;
}

function str(dict: Map<string, PdfValue>, key: string): string | undefined {
  const v = dict.get(key);
  return v?.t === 'str' ? decodeTextString(v.raw) : undefined;
}

// Verified issuer → subject signatures, by the pair's identities: a chain is checked once per process.
const issuedCache = new Map<string, boolean>();
function issuedBy(subject: CertInfo, issuer: CertInfo): boolean {
  const key = `${subject.id}:${issuer.id}`;
  let ok = issuedCache.get(key);
  if (ok === undefined) {
    ok = subject.node.checkIssued(issuer.node) && subject.node.verify(issuer.publicKey);
    if (issuedCache.size > 10_000) issuedCache.clear();
    issuedCache.set(key, ok);
  }
  return ok;
}

function validAt(c: CertInfo, t: number): boolean {
  return t >= c.notBefore && t <= c.notAfter;
}

/** A path from `leaf` to a root of the store, each issuer a CA; null when none. */
function chainToRoot(leaf: CertInfo, pool: CertInfo[], roots: CertInfo[]): CertInfo[] | null {
  const path = [leaf];
  for (let depth = 0; depth < 8; depth++) {
    const current = path[path.length - 1]!;
    if (roots.some((r) => r.id === current.id)) return path;
    const root = roots.find((r) => r.node.ca && issuedBy(current, r));
    if (root) return [...path, root];
    const next = pool.find((p) => p.node.ca && !path.includes(p) && issuedBy(current, p));
    if (!next) return null;
    path.push(next);
  }
  return null;
}

export type TrustCerts = { roots: CertInfo[]; intermediates: CertInfo[] };
const parsedStores = new WeakMap<TrustStore, TrustCerts>();
/** The store's certificates, parsed once per store object (a store's lists are not changed in place). */
export function trustCerts(trust: TrustStore): TrustCerts {
  let parsed = parsedStores.get(trust);
  if (!parsed) {
    parsed = { roots: trust.roots.map(certInfo), intermediates: (trust.intermediates ?? []).map(certInfo) };
    parsedStores.set(trust, parsed);
  }
  return parsed;
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

export async function verifyPdf(
  pdf: Uint8Array,
  trust: TrustStore,
): Promise<{ signatures: VerifiedSignature[] }> {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const at = buf.indexOf('%PDF-');
  if (at < 0 || at > 1024) throw signingFail('PDF_UNREADABLE');
  const store = trustCerts(trust);
  const signatures: VerifiedSignature[] = [];
  const found = findSignatures(buf);
  const ends: number[] = found.map((f) => f.byteRange[2]! + f.byteRange[3]!);
  let lastEnd = buf.length;
  while (lastEnd > 0 && isSpace(buf[lastEnd - 1]!)) lastEnd--;
  for (const [i, f] of found.entries()) {
    signatures.push(verifyOne(buf, f, { store, trust, lastEnd, later: ends.slice(i + 1) }));
  }
  return { signatures };
}

function verifyOne(
  buf: Buffer,
  f: Found,
  ctx: { store: TrustCerts; trust: TrustStore; lastEnd: number; later: number[] },
): VerifiedSignature {
  const [a = 0, b = 0, c = 0, d = 0] = f.byteRange;
  const inBounds = a === 0 && b > 0 && c > b && c + d <= buf.length;
  const der = inBounds ? contentsDer(buf, b, c) : null;
  const gapIsContents = der !== null;
  const end = c + d;
  const revisionEnds = /%%EOF\s*$/.test(buf.toString('latin1', Math.max(0, end - 16), end));
  const coversWholeFile = inBounds && gapIsContents && revisionEnds;
  const modifiedAfter = end < ctx.lastEnd;
  let check: CmsCheck | null = null;
  if (der) check = checkCms(der, [buf.subarray(0, b), buf.subarray(c, end)]);
  const cert = check?.signerCert ?? null;
  const claimed = str(f.dict, 'M');
  let signedAt = claimed ? parsePdfDate(claimed) : null;
  let timestamped = false;
  let timestampBad = false;
  const tsAttr = check?.unsignedAttrs.find((x) => x.type === OID.signatureTimeStamp);
  if (tsAttr && check?.signatureValue) {
    const ts = verifyTimestampToken(tsAttr.value, check.signatureValue, ctx.store);
    if (ts) {
      timestamped = true;
      signedAt = ts.toISOString();
    } else timestampBad = true;
  }
  const t = signedAt ? Date.parse(signedAt) : Date.now();
  const chain = cert
    ? checkChain(cert, check?.certificates ?? [], ctx.store, t)
    : { path: null, allValid: false };
  const expired = cert ? !validAt(cert, t) : false;
  const named = cert?.memo(describeSigner).certificate;
  const revoked = named ? (ctx.trust.revoked?.(named.serialHex, named.issuer) ?? null) : null;
  // Bytes after this revision that no later signature covers: changed after signing (intact as signed).
  const unsignedAfter = modifiedAfter && !ctx.later.some((e) => e >= ctx.lastEnd);
  const intact = check?.intact ?? false;
  const reason = !intact
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
  return {
    ...(cert ? cert.memo(describeSigner) : NO_SIGNER),
    signedAt,
    intact,
    coversWholeFile,
    modifiedAfter,
    trusted: !!chain.path && chain.allValid,
    expired,
    revoked,
    timestamped,
    ...(reason ? { reason: reason.vi, reasonEn: reason.en } : {}),
  };
}

type SignerFields = Pick<VerifiedSignature, 'signer' | 'organisation' | 'issuer' | 'certificate'>;
const NO_SIGNER: SignerFields = {
  signer: '',
  organisation: null,
  issuer: '',
  certificate: {
    serialHex: '',
    subject: '',
    issuer: '',
    notBefore: '',
    notAfter: '',
    keyAlgorithm: '',
    keyBits: 0,
  },
};

/** Who signed, as read from the certificate: computed once per certificate (CertInfo.memo). */
function describeSigner(cert: CertInfo): SignerFields {
  return Object.freeze({
    signer: nameValue(cert.pk.subject, 'CN') ?? nameValue(cert.pk.subject, 'O') ?? '',
    organisation: organisationOf(cert.pk),
    issuer: nameValue(cert.pk.issuer, 'CN') ?? nameValue(cert.pk.issuer, 'O') ?? '',
    certificate: Object.freeze({
      serialHex: serialHex(cert.pk),
      subject: nameString(cert.pk.subject),
      issuer: nameString(cert.pk.issuer),
      notBefore: new Date(cert.notBefore).toISOString(),
      notAfter: new Date(cert.notAfter).toISOString(),
      ...keyDescription(cert.publicKey),
    }),
  });
}

function organisationOf(cert: pkijs.Certificate): string | null {
  const o = nameValue(cert.subject, 'O');
  const ou = nameValue(cert.subject, 'OU');
  return o && ou ? `${ou}, ${o}` : (o ?? ou);
}
