// A minimal DER reader and writer for the hot paths (building and checking each signature's CMS):
// pkijs/asn1js take tens of milliseconds per SignedData here, which alone would make signing and
// verifying many times slower than the RSA operation they wrap (bench/sign.ts). pkijs stays for the
// rarer work (PKCS#12, the test PKI, time-stamp tokens, names).

/** One TLV: its tag byte, where its contents start and end, and where the whole element starts. */
export type Node = { tag: number; start: number; contentStart: number; end: number };

export class DerError extends Error {}

export function readNode(buf: Uint8Array, at: number, limit = buf.length): Node {
  if (at + 2 > limit) throw new DerError('truncated');
  const tag = buf[at]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers unsupported');
  let len = buf[at + 1]!;
  let p = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > limit) throw new DerError('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i]!;
    p += n;
  }
  if (p + len > limit) throw new DerError('truncated');
  return { tag, start: at, contentStart: p, end: p + len };
}

export function children(buf: Uint8Array, node: Node): Node[] {
  const out: Node[] = [];
  for (let p = node.contentStart; p < node.end;) {
    const c = readNode(buf, p, node.end);
    out.push(c);
    p = c.end;
  }
  return out;
}

export const bytesOf = (buf: Uint8Array, n: Node): Uint8Array => buf.subarray(n.start, n.end);
export const contentOf = (buf: Uint8Array, n: Node): Uint8Array => buf.subarray(n.contentStart, n.end);

function lengthBytes(len: number): number[] {
  if (len < 0x80) return [len];
  const out: number[] = [];
  for (let l = len; l > 0; l = Math.floor(l / 256)) out.unshift(l & 0xff);
  return [0x80 | out.length, ...out];
}

/** An element from its tag and contents. */
export function tlv(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const len = contents.reduce((a, c) => a + c.length, 0);
  const head = lengthBytes(len);
  const out = new Uint8Array(1 + head.length + len);
  out[0] = tag;
  out.set(head, 1);
  let p = 1 + head.length;
  for (const c of contents) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

export const seq = (...c: Uint8Array[]) => tlv(0x30, ...c);
export const set = (...c: Uint8Array[]) => tlv(0x31, ...c);
export const octets = (b: Uint8Array) => tlv(0x04, b);
export const int = (n: number) => tlv(0x02, new Uint8Array([n]));
export const NULL = new Uint8Array([0x05, 0x00]);

export function oid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [parts[0]! * 40 + parts[1]!];
  for (const p of parts.slice(2)) {
    const stack: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) stack.unshift((v & 0x7f) | 0x80);
    out.push(...stack);
  }
  return tlv(0x06, new Uint8Array(out));
}

export function oidString(buf: Uint8Array, n: Node): string {
  const b = contentOf(buf, n);
  if (b.length === 0) return '';
  const parts = [Math.floor(b[0]! / 40), b[0]! % 40];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}

/** A certificate's TBS parts the CMS needs: issuer Name and serial INTEGER (whole elements). */
export function certificateParts(der: Uint8Array): { issuer: Uint8Array; serial: Uint8Array } {
  const cert = readNode(der, 0);
  const tbs = children(der, children(der, cert)[0]!);
  const i = tbs[0]!.tag === 0xa0 ? 1 : 0; // [0] version
  return { serial: bytesOf(der, tbs[i]!), issuer: bytesOf(der, tbs[i + 2]!) };
}
