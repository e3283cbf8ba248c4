// Reading certificates: the trust store as configuration (PEM or DER files), names and chains.
import { createHash, type KeyObject, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const PEM = /-----BEGIN (?:TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:TRUSTED )?CERTIFICATE-----/g;

/** Splits concatenated DER values (each a SEQUENCE) into their bytes; null if the bytes are not that. */
function splitDer(bytes: Uint8Array): Uint8Array[] | null {
  const out: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    const rest = bytes.subarray(at);
    const parsed = asn1js.fromBER(new Uint8Array(rest));
    if (parsed.offset <= 0 || parsed.result.error || !(parsed.result instanceof asn1js.Sequence)) return null;
    out.push(rest.slice(0, parsed.offset));
    at += parsed.offset;
  }
  return out;
}

function isCertificate(der: Uint8Array): boolean {
  try {
    pkijs.Certificate.fromBER(new Uint8Array(der));
    return true;
  } catch {
    return false;
  }
}

/** Certificates read from PEM or DER files (the trust store as configuration). */
export function readCertificates(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  if (text.includes('-----BEGIN')) {
    const out: Uint8Array[] = [];
    for (const m of text.matchAll(PEM)) {
      const der = new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
      if (isCertificate(der)) out.push(der);
    }
    return out;
  }
  return (splitDer(bytes) ?? []).filter(isCertificate);
}

const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'E',
};

export type NameParts = { attribute: string; value: string }[];

export function nameParts(name: pkijs.RelativeDistinguishedNames): NameParts {
  return name.typesAndValues.map((tv) => ({
    attribute: ATTRIBUTE_NAMES[tv.type] ?? tv.type,
    value: String((tv.value as { valueBlock: { value: unknown } }).valueBlock.value),
  }));
}

/** The name as RFC 4514 writes it (most specific first): "CN=Nguyễn Văn A, O=…, L=Hà Nội, C=VN". */
export function nameString(name: pkijs.RelativeDistinguishedNames): string {
  return nameParts(name)
    .reverse()
    .map((p) => `${p.attribute}=${p.value.replace(/([,+"\\<>;])/g, '\\$1')}`)
    .join(', ');
}

export function nameValue(name: pkijs.RelativeDistinguishedNames, attribute: string): string | null {
  const values = nameParts(name)
    .filter((p) => p.attribute === attribute)
    .map((p) => p.value);
  return values.length ? values.join(', ') : null;
}

export function serialHex(cert: pkijs.Certificate): string {
  return Buffer.from(cert.serialNumber.valueBlock.valueHexView)
    .toString('hex')
    .replace(/^(00)+(?=.)/, '');
}

/** Orders a chain: `first`, then the issuer of each among `pool`, as far as the pool goes. */
export function orderChain(first: Uint8Array, pool: Uint8Array[]): Uint8Array[] {
  const chain = [first];
  const used = new Set([Buffer.from(first).toString('base64')]);
  let current = pkijs.Certificate.fromBER(new Uint8Array(first));
  for (;;) {
    if (current.issuer.isEqual(current.subject)) break;
    const next = pool.find(
      (der) =>
        !used.has(Buffer.from(der).toString('base64')) &&
        pkijs.Certificate.fromBER(new Uint8Array(der)).subject.isEqual(current.issuer),
    );
    if (!next) break;
    chain.push(next);
    used.add(Buffer.from(next).toString('base64'));
    current = pkijs.Certificate.fromBER(new Uint8Array(next));
  }
  return chain;
}

/** A certificate parsed once per process (by its DER): node's X509Certificate, its key and dates, pkijs on demand. */
export type CertInfo = {
  /** The SHA-256 of the DER, base64: the certificate's identity in caches. */
  id: string;
  der: Uint8Array;
  node: X509Certificate;
  publicKey: KeyObject;
  notBefore: number;
  notAfter: number;
  readonly pk: pkijs.Certificate;
  /** The DER's digest by a hash algorithm (ESS signing-certificate), computed once. */
  digest(alg: string): Buffer;
  /** Values derived from the certificate by a function, computed once per function. */
  memo<T>(derive: (c: CertInfo) => T): T;
};
// Found by the DER's length and last 32 bytes (its issuer's signature: distinct per certificate), then
// compared whole: a hit costs no hash; the SHA-256 is taken once per certificate.
const cache = new Map<string, CertInfo>();

export function certInfo(der: Uint8Array): CertInfo {
  const bytes = Buffer.from(der.buffer, der.byteOffset, der.byteLength);
  const key = `${bytes.length}:${bytes.toString('latin1', Math.max(0, bytes.length - 32))}`;
  let c = cache.get(key);
  if (!c || !bytes.equals(c.der)) {
    c = newCertInfo(new Uint8Array(der));
    if (cache.size > 1000) cache.clear();
    cache.set(key, c);
  }
  return c;
}

function newCertInfo(copy: Uint8Array<ArrayBuffer>): CertInfo {
  const node = new X509Certificate(copy);
  let pk: pkijs.Certificate | undefined;
  const digests = new Map<string, Buffer>();
  const memos = new Map<unknown, unknown>();
  const info: CertInfo = {
    id: createHash('sha256').update(copy).digest('base64'),
    der: copy,
    node,
    publicKey: node.publicKey,
    notBefore: Date.parse(node.validFrom),
    notAfter: Date.parse(node.validTo),
    get pk() {
      pk ??= pkijs.Certificate.fromBER(copy);
      return pk;
    },
    digest(alg) {
      let d = digests.get(alg);
      if (!d) {
        d = createHash(alg).update(copy).digest();
        digests.set(alg, d);
      }
      return d;
    },
    memo<T>(derive: (c: CertInfo) => T): T {
      if (!memos.has(derive)) memos.set(derive, derive(info));
      return memos.get(derive) as T;
    },
  };
  return info;
}
