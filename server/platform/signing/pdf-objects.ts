// Just enough of PDF (ISO 32000-1 §7) to sign and verify: the objects of the catalog, page tree and
// AcroForm, the cross-reference data of every revision (tables and streams, objects in object streams)
// and the writing of an incremental update (§7.5.6). Bytes are handled as a latin1 string: one char per byte.
import { inflateSync } from 'node:zlib';

export type PdfValue =
  | { t: 'dict'; entries: Map<string, PdfValue> }
  | { t: 'array'; items: PdfValue[] }
  | { t: 'name'; v: string }
  | { t: 'num'; v: number; raw: string }
  | { t: 'str'; raw: string }
  | { t: 'ref'; n: number; g: number }
  | { t: 'atom'; raw: string };

export class PdfSyntaxError extends Error {}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

function skipSpace(s: string, at: number): number {
  for (;;) {
    while (at < s.length && WS.has(s.charCodeAt(at))) at++;
    if (s[at] === '%') {
      while (at < s.length && s[at] !== '\n' && s[at] !== '\r') at++;
      continue;
    }
    return at;
  }
}

function regular(s: string, at: number): number {
  while (at < s.length && !WS.has(s.charCodeAt(at)) && !DELIM.has(s.charCodeAt(at))) at++;
  return at;
}

/** Parses one value at `at` (an indirect reference `n g R` is recognised); returns it and where it ends. */
export function parseValue(s: string, at0: number, depth = 0): { value: PdfValue; end: number } {
  if (depth > 64) throw new PdfSyntaxError('nesting too deep');
  const at = skipSpace(s, at0);
  if (at >= s.length) throw new PdfSyntaxError('unexpected end');
  const c = s[at]!;
  if (c === '<' && s[at + 1] === '<') {
    const entries = new Map<string, PdfValue>();
    let p = skipSpace(s, at + 2);
    while (!(s[p] === '>' && s[p + 1] === '>')) {
      if (p >= s.length) throw new PdfSyntaxError('unterminated dictionary');
      const key = parseValue(s, p, depth + 1);
      if (key.value.t !== 'name') throw new PdfSyntaxError(`dictionary key expected at ${p}`);
      const val = parseValue(s, key.end, depth + 1);
      entries.set(key.value.v, val.value);
      p = skipSpace(s, val.end);
    }
    return { value: { t: 'dict', entries }, end: p + 2 };
  }
  if (c === '[') {
    const items: PdfValue[] = [];
    let p = skipSpace(s, at + 1);
    while (s[p] !== ']') {
      if (p >= s.length) throw new PdfSyntaxError('unterminated array');
      const v = parseValue(s, p, depth + 1);
      items.push(v.value);
      p = skipSpace(s, v.end);
    }
    return { value: { t: 'array', items }, end: p + 1 };
  }
  if (c === '/') {
    const end = regular(s, at + 1);
    return { value: { t: 'name', v: s.slice(at + 1, end) }, end };
  }
  if (c === '(') {
    let p = at + 1;
    let level = 1;
    while (level > 0) {
      if (p >= s.length) throw new PdfSyntaxError('unterminated string');
      const ch = s[p]!;
      if (ch === '\\') p++;
      else if (ch === '(') level++;
      else if (ch === ')') level--;
      p++;
    }
    return { value: { t: 'str', raw: s.slice(at, p) }, end: p };
  }
  if (c === '<') {
    const end = s.indexOf('>', at);
    if (end < 0) throw new PdfSyntaxError('unterminated hex string');
    return { value: { t: 'str', raw: s.slice(at, end + 1) }, end: end + 1 };
  }
  const end = regular(s, at);
  if (end === at) throw new PdfSyntaxError(`unexpected '${c}' at ${at}`);
  const word = s.slice(at, end);
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
    // n g R
    const m = /^\s+(\d+)\s+R(?=[\s/<>[\]()%]|$)/.exec(s.slice(end, end + 24));
    if (m && /^\d+$/.test(word)) {
      return { value: { t: 'ref', n: Number(word), g: Number(m[1]) }, end: end + m[0].length };
    }
    return { value: { t: 'num', v: Number(word), raw: word }, end };
  }
  return { value: { t: 'atom', raw: word }, end };
}

export function serialise(v: PdfValue): string {
  switch (v.t) {
    case 'dict':
      return `<<${[...v.entries].map(([k, x]) => `/${k} ${serialise(x)}`).join(' ')}>>`;
    case 'array':
      return `[${v.items.map(serialise).join(' ')}]`;
    case 'name':
      return `/${v.v}`;
    case 'num':
      return v.raw;
    case 'str':
      return v.raw;
    case 'ref':
      return `${v.n} ${v.g} R`;
    case 'atom':
      return v.raw;
  }
}

/** A text string: PDFDocEncoding-safe ASCII as a literal, anything else as UTF-16BE with its BOM. */
export function textString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/([\\()])/g, '\\$1')})`;
  const hex = Buffer.from(`\ufeff${text}`, 'utf16le').swap16().toString('hex').toUpperCase();
  return `<${hex}>`;
}

/** Decodes a text string (literal or hex; PDFDocEncoding ≈ latin1, or UTF-16BE with BOM). */
export function decodeTextString(raw: string): string {
  let bytes: Buffer;
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/g, '');
    bytes = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  } else {
    const out: number[] = [];
    const body = raw.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
      const ch = body[i]!;
      if (ch !== '\\') {
        out.push(body.charCodeAt(i) & 0xff);
        continue;
      }
      const n = body[++i];
      const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (n === undefined) break;
      if (n in esc) out.push(esc[n]!);
      else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) oct += body[++i];
        out.push(parseInt(oct, 8) & 0xff);
      } else if (n === '\r' && body[i + 1] === '\n') i++;
      else if (n !== '\n' && n !== '\r') out.push(n.charCodeAt(0) & 0xff);
    }
    bytes = Buffer.from(out);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('latin1');
}

type XrefEntry = { type: 1; offset: number } | { type: 2; stream: number; index: number };

/** A parsed PDF: its revisions' cross-reference data merged (latest wins) and a reader of its objects. */
export type PdfDocument = {
  text: string;
  trailer: Map<string, PdfValue>;
  startxref: number;
  /** The highest object number + 1 over all revisions (the trailer's /Size). */
  size: number;
  get(ref: PdfValue | undefined): PdfValue | undefined;
  dict(ref: PdfValue | undefined): Map<string, PdfValue> | undefined;
  /** A stream object's dictionary and its data as stored (still encoded); undefined when not a stream. */
  rawStream(ref: PdfValue | undefined): { dict: Map<string, PdfValue>; data: string } | undefined;
};

function streamData(s: string, dict: Map<string, PdfValue>, at: number, length: number): Buffer {
  let p = s.indexOf('stream', at);
  if (p < 0) throw new PdfSyntaxError('stream expected');
  p += 6;
  if (s[p] === '\r') p++;
  if (s[p] === '\n') p++;
  const raw = Buffer.from(s.slice(p, p + length), 'latin1');
  const filter = dict.get('Filter');
  const name =
    filter?.t === 'name'
      ? filter.v
      : filter?.t === 'array' && filter.items[0]?.t === 'name'
        ? filter.items[0].v
        : null;
  if (!name) return raw;
  if (name !== 'FlateDecode') throw new PdfSyntaxError(`unsupported filter ${name}`);
  let data: Buffer = inflateSync(raw);
  const parms = dict.get('DecodeParms');
  if (parms?.t === 'dict') {
    const predictor = parms.entries.get('Predictor');
    const columns = parms.entries.get('Columns');
    if (predictor?.t === 'num' && predictor.v >= 10)
      data = unpredictPng(data, columns?.t === 'num' ? columns.v : 1);
  }
  return data;
}

function unpredictPng(data: Buffer, columns: number): Buffer {
  const rows = Math.floor(data.length / (columns + 1));
  const out = Buffer.alloc(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (columns + 1)]!;
    for (let c = 0; c < columns; c++) {
      const x = data[r * (columns + 1) + 1 + c]!;
      const left = c > 0 ? out[r * columns + c - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0;
      let v = x;
      if (type === 1) v = x + left;
      else if (type === 2) v = x + up;
      else if (type === 3) v = x + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[r * columns + c] = v & 0xff;
    }
  }
  return out;
}

/** The object `n g obj … endobj` at `offset`: its value and where the value ends. */
function objectAt(s: string, offset: number): { value: PdfValue; end: number } {
  const m = /^\s*(\d+)\s+(\d+)\s+obj/.exec(s.slice(offset, offset + 40));
  if (!m) throw new PdfSyntaxError(`no object at ${offset}`);
  return parseValue(s, offset + m[0].length);
}

export function readPdf(bytes: Uint8Array): PdfDocument {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) throw new PdfSyntaxError('not a PDF');
  const sx = text.lastIndexOf('startxref');
  if (sx < 0) throw new PdfSyntaxError('no startxref');
  const startxref = Number(/^startxref\s+(\d+)/.exec(text.slice(sx, sx + 40))?.[1] ?? NaN);
  if (!Number.isInteger(startxref) || startxref >= text.length) throw new PdfSyntaxError('bad startxref');
  const entries = new Map<number, XrefEntry>();
  let trailer: Map<string, PdfValue> | null = null;
  const seen = new Set<number>();
  const objectCache = new Map<number, PdfValue>();
  const objStreams = new Map<number, { data: string; offsets: number[] }>();

  const doc: PdfDocument = {
    text,
    trailer: new Map(),
    startxref,
    size: 0,
    get(ref) {
      if (!ref || ref.t !== 'ref') return ref;
      const hit = objectCache.get(ref.n);
      if (hit) return hit;
      const e = entries.get(ref.n);
      if (!e) return undefined;
      let value: PdfValue;
      if (e.type === 1) value = objectAt(text, e.offset).value;
      else {
        let os = objStreams.get(e.stream);
        if (!os) {
          const se = entries.get(e.stream);
          if (!se || se.type !== 1) throw new PdfSyntaxError('object stream not found');
          const head = objectAt(text, se.offset);
          if (head.value.t !== 'dict') throw new PdfSyntaxError('object stream without dictionary');
          const len = doc.get(head.value.entries.get('Length'));
          const data = streamData(text, head.value.entries, head.end, len?.t === 'num' ? len.v : 0).toString(
            'latin1',
          );
          const first = head.value.entries.get('First');
          const n = head.value.entries.get('N');
          const firstAt = first?.t === 'num' ? first.v : 0;
          const nums = data.slice(0, firstAt).trim().split(/\s+/).map(Number);
          const offsets: number[] = [];
          for (let i = 0; i < (n?.t === 'num' ? n.v : 0); i++) offsets.push(firstAt + nums[2 * i + 1]!);
          os = { data, offsets };
          objStreams.set(e.stream, os);
        }
        const at = os.offsets[e.index];
        if (at === undefined) throw new PdfSyntaxError('object not in its object stream');
        value = parseValue(os.data, at).value;
      }
      objectCache.set(ref.n, value);
      return value;
    },
    dict(ref) {
      const v = doc.get(ref);
      return v?.t === 'dict' ? v.entries : undefined;
    },
    rawStream(ref) {
      const e = ref?.t === 'ref' ? entries.get(ref.n) : undefined;
      if (!e || e.type !== 1) return undefined;
      const head = objectAt(text, e.offset);
      const after = skipSpace(text, head.end);
      if (head.value.t !== 'dict' || !text.startsWith('stream', after)) return undefined;
      let p = after + 6;
      if (text[p] === '\r') p++;
      if (text[p] === '\n') p++;
      const len = doc.get(head.value.entries.get('Length'));
      if (len?.t !== 'num') throw new PdfSyntaxError('stream without length');
      return { dict: head.value.entries, data: text.slice(p, p + len.v) };
    },
  };

  let at: number | null = startxref;
  while (at !== null && !seen.has(at)) {
    seen.add(at);
    let section: Map<string, PdfValue>;
    if (text.startsWith('xref', skipSpace(text, at))) {
      let p = skipSpace(text, at) + 4;
      for (;;) {
        p = skipSpace(text, p);
        if (text.startsWith('trailer', p)) break;
        const m = /^(\d+)\s+(\d+)/.exec(text.slice(p, p + 40));
        if (!m) throw new PdfSyntaxError('bad xref subsection');
        const start = Number(m[1]);
        const count = Number(m[2]);
        p = skipSpace(text, p + m[0].length);
        for (let i = 0; i < count; i++) {
          const line = /^(\d{10})\s(\d{5})\s([nf])/.exec(text.slice(p, p + 20));
          if (!line) throw new PdfSyntaxError('bad xref entry');
          if (line[3] === 'n' && !entries.has(start + i))
            entries.set(start + i, { type: 1, offset: Number(line[1]) });
          if (line[3] === 'f' && !entries.has(start + i)) entries.set(start + i, { type: 1, offset: -1 });
          p = skipSpace(text, p + 18);
        }
      }
      const t = parseValue(text, p + 7).value;
      if (t.t !== 'dict') throw new PdfSyntaxError('bad trailer');
      section = t.entries;
    } else {
      const head = objectAt(text, at);
      if (head.value.t !== 'dict') throw new PdfSyntaxError('bad xref stream');
      section = head.value.entries;
      const len = section.get('Length');
      const data = streamData(text, section, head.end, len?.t === 'num' ? len.v : 0);
      const w = section.get('W');
      const widths = w?.t === 'array' ? w.items.map((x) => (x.t === 'num' ? x.v : 0)) : [];
      const size = section.get('Size');
      const index = section.get('Index');
      const ranges =
        index?.t === 'array'
          ? index.items.map((x) => (x.t === 'num' ? x.v : 0))
          : [0, size?.t === 'num' ? size.v : 0];
      const rowLen = widths.reduce((a, b) => a + b, 0);
      if (widths.length !== 3 || rowLen === 0) throw new PdfSyntaxError('bad /W');
      let row = 0;
      for (let r = 0; r + 1 < ranges.length; r += 2) {
        for (let i = 0; i < ranges[r + 1]!; i++, row++) {
          const field = (k: number) => {
            let off = row * rowLen;
            for (let j = 0; j < k; j++) off += widths[j]!;
            let v = 0;
            for (let j = 0; j < widths[k]!; j++) v = v * 256 + (data[off + j] ?? 0);
            return v;
          };
          const type = widths[0] === 0 ? 1 : field(0);
          const num = ranges[r]! + i;
          if (entries.has(num)) continue;
          if (type === 1) entries.set(num, { type: 1, offset: field(1) });
          else if (type === 2) entries.set(num, { type: 2, stream: field(1), index: field(2) });
          else entries.set(num, { type: 1, offset: -1 });
        }
      }
    }
    trailer ??= section;
    const prev = section.get('Prev');
    at = prev?.t === 'num' ? prev.v : null;
  }
  for (const [n, e] of entries) if (e.type === 1 && e.offset < 0) entries.delete(n);
  if (!trailer) throw new PdfSyntaxError('no trailer');
  doc.trailer = trailer;
  const size = trailer.get('Size');
  doc.size = Math.max(size?.t === 'num' ? size.v : 0, ...[...entries.keys()].map((n) => n + 1));
  return doc;
}

/** The pages in order (the leaves of the page tree), as references. */
export function pageRefs(doc: PdfDocument): PdfValue[] {
  const root = doc.dict(doc.trailer.get('Root'));
  const out: PdfValue[] = [];
  const walk = (ref: PdfValue | undefined, depth: number) => {
    const node = doc.dict(ref);
    if (!node || depth > 32 || !ref) return;
    const type = node.get('Type');
    if (type?.t === 'name' && type.v === 'Page') out.push(ref);
    else {
      const kids = doc.get(node.get('Kids'));
      if (kids?.t === 'array') for (const k of kids.items) walk(k, depth + 1);
    }
  };
  walk(root?.get('Pages'), 0);
  return out;
}

/**
 * Appends an incremental update (§7.5.6) to `original`: the objects (number → serialised value or
 * stream), a cross-reference section for them and a trailer chained to the previous one by /Prev.
 * Returns the new file and where each object starts in it.
 */
export function appendUpdate(
  original: Buffer,
  doc: PdfDocument,
  objects: readonly (readonly [number, string])[],
): { out: Buffer; offsets: Map<number, number> } {
  const lead = original[original.length - 1] === 0x0a ? '' : '\n';
  let body = lead;
  const offsets = new Map<number, number>();
  for (const [n, text] of [...objects].sort((a, b) => a[0] - b[0])) {
    offsets.set(n, original.length + body.length);
    body += `${n} 0 obj\n${text}\nendobj\n`;
  }
  const xrefAt = original.length + body.length;
  let xref = 'xref\n';
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(nums[k]!)).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  const size = Math.max(doc.size, ...nums.map((n) => n + 1));
  const trailer = new Map<string, PdfValue>([
    ['Size', { t: 'num', v: size, raw: String(size) }],
    ['Root', doc.trailer.get('Root')!],
    ['Prev', { t: 'num', v: doc.startxref, raw: String(doc.startxref) }],
  ]);
  for (const key of ['Info', 'ID']) {
    const v = doc.trailer.get(key);
    if (v) trailer.set(key, v);
  }
  body += `${xref}trailer\n${serialise({ t: 'dict', entries: trailer })}\nstartxref\n${xrefAt}\n%%EOF\n`;
  return { out: Buffer.concat([original, Buffer.from(body, 'latin1')]), offsets };
}
