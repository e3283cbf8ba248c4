// The visible signature block (issue #19): what a signature shows on the page, per Decree 30/2020/NĐ-CP
// Phụ lục I (thể thức chữ ký số trên văn bản điện tử): the person's signature where the signer signs
// (here: bottom right of the last page unless a place is given), with who signed, for which body and
// when; the organisation's signature as the seal, red, with the body's name and the signing time in
// ISO 8601 with the Vietnam offset, over about a third of the person's block on its left. A QR code to
// the public verification page goes with the first block of a result.
//
// The block is rendered by pdfkit as a one-page PDF of the block's size (Be Vietnam Pro embedded as a
// subset with its ToUnicode map, so the text is Vietnamese with its diacritics and extractable), and
// that page is copied into the signed PDF as a Form XObject: its content stream and every object its
// resources reach (fonts, descriptors, font files, ToUnicode), renumbered. pdf-sign.ts makes it the
// widget's appearance in the signature's own revision; `stampBlock` draws it on the page instead, as a
// revision of its own, for a signer whose software adds its own widget (the VGCA plugin).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { vnCivil, vnIso } from '../../../common/time/vn-time.ts';
import {
  appendUpdate,
  pageRefs,
  type PdfDocument,
  type PdfValue,
  readPdf,
  serialise,
} from './pdf-objects.ts';
import { signingFail } from './signing.errors.ts';

export type SignatureBlock = {
  /** 'person': "Ký bởi / Cơ quan / Thời gian ký"; 'seal': the organisation's seal, its name and the time. */
  kind: 'person' | 'seal';
  /** The person's name (kind 'person'). */
  signer?: string;
  /** The body the person signs for, or whose seal it is. */
  organisation: string;
  /** The time shown (the signature's /M); null: none shown (a signer's software signs later). */
  time: Date | null;
  /** A QR code to this address with its caption "Quét mã để xác thực". */
  qrUrl?: string;
  /** The seal's default place: over the left third of the person's block at its default place. */
  overPerson?: boolean;
};

export type Rect = [number, number, number, number];

const BLUE = '#1d3f8f';
const RED = '#c8102e';
const MM = 72 / 25.4;
/** Right and bottom margins of an administrative document (Decree 30/2020 Phụ lục I: 15–20, 20–25 mm). */
const MARGIN = 20 * MM;
const QR_SIZE = 64;
const CAPTION = 'Quét mã để xác thực';
const CAPTION_SIZE = 5.5;
const PERSON = { width: 320, height: 80 };
/** The seal's diameter: 34 mm, the size of a commune's or a department's seal. */
const SEAL = 34 * MM;

type Fonts = { regular: unknown; bold: unknown; italic: unknown };
let fonts: Fonts | undefined;

/** Be Vietnam Pro regular, bold and italic, read and parsed (by pdfkit's own fontkit) once per process. */
function blockFonts(): Fonts {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
      create: (data: Uint8Array) => unknown;
    };
    fonts = {
      regular: fontkit.create(readFileSync(join(dir, '400Regular/BeVietnamPro_400Regular.ttf'))),
      bold: fontkit.create(readFileSync(join(dir, '700Bold/BeVietnamPro_700Bold.ttf'))),
      italic: fontkit.create(readFileSync(join(dir, '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf'))),
    };
  }
  return fonts;
}

/** The block's width and height in points. */
export function blockSize(block: SignatureBlock): { width: number; height: number } {
  if (block.kind === 'person') return PERSON;
  const qr = block.qrUrl ? QR_SIZE + 8 : 0;
  return { width: SEAL + qr, height: SEAL };
}

/** "dd/MM/yyyy HH:mm:ss +07:00", the time as a reader in Vietnam reads it. */
export function vnDisplayTime(at: Date): string {
  const c = vnCivil(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(c.day)}/${p(c.month)}/${c.year} ${p(c.hour)}:${p(c.minute)}:${p(c.second)} +07:00`;
}

/**
 * Where the block goes on a page whose visible box is `box` when no place is given: the person's at
 * the bottom right inside the margins; the seal over the left third of that place when `overPerson`,
 * else bottom right as well.
 */
export function placeBlock(box: Rect, block: SignatureBlock): Rect {
  const person: Rect = [
    Math.max(box[0], box[2] - MARGIN - PERSON.width),
    box[1] + MARGIN,
    Math.max(box[0], box[2] - MARGIN - PERSON.width) + PERSON.width,
    box[1] + MARGIN + PERSON.height,
  ];
  if (block.kind === 'person') return person;
  const { width, height } = blockSize(block);
  if (block.overPerson) {
    const right = person[0] + PERSON.width / 3;
    const bottom = (person[1] + person[3]) / 2 - height / 2;
    return [right - width, bottom, right, bottom + height];
  }
  const left = Math.max(box[0], box[2] - MARGIN - width);
  return [left, box[1] + MARGIN, left + width, box[1] + MARGIN + height];
}

/** The QR code's top left corner in the block (pdfkit's coordinates: y down from the top). */
function qrAt(block: SignatureBlock, size: { width: number; height: number }) {
  return block.kind === 'person'
    ? { x: size.width - QR_SIZE - 5, y: 3 }
    : { x: size.width - QR_SIZE - 2, y: (size.height - QR_SIZE - 8) / 2 };
}

/** Where the QR code (with its quiet zone, without its caption) is on the page when the block is at `rect`. */
export function qrArea(block: SignatureBlock, rect: Rect): Rect {
  const at = qrAt(block, { width: rect[2] - rect[0], height: rect[3] - rect[1] });
  return [rect[0] + at.x, rect[3] - at.y - QR_SIZE, rect[0] + at.x + QR_SIZE, rect[3] - at.y];
}

function drawQr(doc: PDFKit.PDFDocument, url: string, at: { x: number; y: number }) {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const m = QR_SIZE / (n + 2 * quiet);
  doc.rect(at.x, at.y, QR_SIZE, QR_SIZE).fill('#ffffff');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n;) {
      if (!qr.modules.data[r * n + c]) {
        c++;
        continue;
      }
      let run = 1;
      while (c + run < n && qr.modules.data[r * n + c + run]) run++;
      doc.rect(at.x + (quiet + c) * m, at.y + (quiet + r) * m, run * m, m);
      c += run;
    }
  }
  doc.fill('#000000');
  doc.font('regular').fontSize(CAPTION_SIZE).fillColor('#000000');
  doc.text(CAPTION, at.x - 6, at.y + QR_SIZE + 1, { width: QR_SIZE + 12, align: 'center', lineBreak: false });
}

type Line = { text: string; font?: 'regular' | 'bold' | 'italic'; size?: number; nowrap?: boolean };

/**
 * The size of each line: its own (or the box's) times `scale`, and a `nowrap` line no larger than
 * fits the width on one line (it shrinks alone, not the others with it).
 */
function lineSizes(
  doc: PDFKit.PDFDocument,
  lines: Line[],
  box: { width: number; size: number },
  scale: number,
) {
  return lines.map((l) => {
    const size = (l.size ?? box.size) * scale;
    if (!l.nowrap) return size;
    doc.font(l.font ?? 'regular').fontSize(size);
    const width = doc.widthOfString(l.text);
    return width > box.width ? (size * box.width) / width : size;
  });
}

/** Lines set in `width`, shrunk together in steps of 5 % (down to half) until they fit `height`. */
function fitLines(
  doc: PDFKit.PDFDocument,
  lines: Line[],
  box: { width: number; height: number; size: number },
): { sizes: number[]; height: number } {
  for (let scale = 1; ; scale -= 0.05) {
    const sizes = lineSizes(doc, lines, box, scale);
    let total = 0;
    lines.forEach((l, i) => {
      doc.font(l.font ?? 'regular').fontSize(sizes[i]!);
      total += doc.heightOfString(l.text, { width: box.width, lineGap: 1 });
    });
    if (total <= box.height || scale <= 0.5) return { sizes, height: total };
  }
}

function drawLines(
  doc: PDFKit.PDFDocument,
  lines: Line[],
  box: { x: number; y: number; width: number; height: number; size: number; align: 'left' | 'center' },
) {
  const fit = fitLines(doc, lines, box);
  let y = box.y + (box.height - fit.height) / 2;
  lines.forEach((l, i) => {
    doc.font(l.font ?? 'regular').fontSize(fit.sizes[i]!);
    const h = doc.heightOfString(l.text, { width: box.width, lineGap: 1 });
    doc.text(l.text, box.x, y, { width: box.width, align: box.align, lineGap: 1 });
    y += h;
  });
}

/** The block alone, as a one-page PDF of its size (pdfkit's y axis runs down from the top). */
export async function renderBlock(block: SignatureBlock, size = blockSize(block)): Promise<Buffer> {
  const f = blockFonts();
  const doc = new PDFDocument({ size: [size.width, size.height], margin: 0, autoFirstPage: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', f.regular as Buffer);
  doc.registerFont('bold', f.bold as Buffer);
  doc.registerFont('italic', f.italic as Buffer);
  const qr = block.qrUrl ? QR_SIZE + 8 : 0;
  if (block.kind === 'person') {
    doc
      .lineWidth(0.8)
      .roundedRect(1, 1, size.width - 2, size.height - 2, 3)
      .stroke(BLUE);
    doc.fillColor(BLUE);
    // The left third stands for the handwritten signature (the seal goes over it, as on paper).
    const third = size.width / 3;
    const name = [{ text: block.signer ?? '', font: 'italic' as const, size: 11 }];
    // In its lower half, so that the seal's text (at the seal's middle) and the name cross less.
    drawLines(doc, name, {
      x: 6,
      y: size.height / 2,
      width: third - 12,
      height: size.height / 2 - 6,
      size: 11,
      align: 'center',
    });
    const lines: Line[] = [
      { text: `Ký bởi: ${block.signer ?? ''}`, font: 'bold' },
      { text: `Cơ quan: ${block.organisation}` },
      ...(block.time ? [{ text: `Thời gian ký: ${vnDisplayTime(block.time)}`, nowrap: true }] : []),
    ];
    const box = { x: third, y: 5, width: size.width - third - 6 - qr, height: size.height - 10 };
    drawLines(doc, lines, { ...box, size: 7.5, align: 'left' });
    if (block.qrUrl) drawQr(doc, block.qrUrl, qrAt(block, size));
  } else {
    const r = Math.min(size.height, size.width - qr) / 2;
    doc
      .lineWidth(1.6)
      .circle(r, size.height / 2, r - 1)
      .stroke(RED);
    doc
      .lineWidth(0.6)
      .circle(r, size.height / 2, r - 4.5)
      .stroke(RED);
    doc.fillColor(RED);
    const lines: Line[] = [
      { text: block.organisation, font: 'bold' },
      ...(block.time ? [{ text: vnIso(block.time), size: 5.5, nowrap: true }] : []),
    ];
    const w = (r - 6) * 1.6;
    const box = { x: r - w / 2, y: size.height / 2 - r * 0.6, width: w, height: r * 1.2 };
    drawLines(doc, lines, { ...box, size: 7, align: 'center' });
    if (block.qrUrl) drawQr(doc, block.qrUrl, qrAt(block, size));
  }
  doc.end();
  return done;
}

const ref = (n: number): PdfValue => ({ t: 'ref', n, g: 0 });
const num = (v: number): PdfValue => ({ t: 'num', v, raw: Number.isInteger(v) ? String(v) : v.toFixed(3) });

/**
 * The first page of `pdf` as a Form XObject for another file: objects numbered from `first` (the
 * form, then whatever its resources reach), each serialised as `appendUpdate` takes them.
 */
export function formXObject(pdf: Uint8Array, first: number): { objects: [number, string][]; form: number } {
  const src = readPdf(pdf);
  const root = src.dict(src.trailer.get('Root'));
  const pages = src.dict(root?.get('Pages'));
  const kids = src.get(pages?.get('Kids'));
  const page = src.dict(kids?.t === 'array' ? kids.items[0] : undefined);
  const content = src.rawStream(page?.get('Contents'));
  const box = src.get(page?.get('MediaBox'));
  if (!page || !content || box?.t !== 'array') throw new Error('the block has no single content stream');
  const objects: [number, string][] = [];
  const renumbered = new Map<number, number>();
  let next = first + 1;
  const copy = (v: PdfValue): PdfValue => {
    if (v.t === 'dict') return { t: 'dict', entries: new Map([...v.entries].map(([k, x]) => [k, copy(x)])) };
    if (v.t === 'array') return { t: 'array', items: v.items.map(copy) };
    if (v.t !== 'ref') return v;
    const known = renumbered.get(v.n);
    if (known !== undefined) return ref(known);
    const n = next++;
    renumbered.set(v.n, n);
    objects.push([n, copyObject(src, v, copy)]);
    return ref(n);
  };
  const form = new Map<string, PdfValue>([
    ['Type', { t: 'name', v: 'XObject' }],
    ['Subtype', { t: 'name', v: 'Form' }],
    ['BBox', box],
    ['Resources', copy(page.get('Resources') ?? { t: 'dict', entries: new Map() })],
  ]);
  objects.push([first, streamObject(form, content)]);
  return { objects, form: first };
}

function streamObject(dict: Map<string, PdfValue>, stream: { dict: Map<string, PdfValue>; data: string }) {
  const d = new Map(dict);
  for (const key of ['Filter', 'DecodeParms']) {
    const v = stream.dict.get(key);
    if (v) d.set(key, v);
  }
  d.set('Length', num(stream.data.length));
  return `${serialise({ t: 'dict', entries: d })}\nstream\n${stream.data}\nendstream`;
}

function copyObject(src: PdfDocument, v: PdfValue, copy: (v: PdfValue) => PdfValue): string {
  const stream = src.rawStream(v);
  if (stream) {
    const dict = new Map([...stream.dict].filter(([k]) => k !== 'Length').map(([k, x]) => [k, copy(x)]));
    return streamObject(dict, stream);
  }
  const value = src.get(v);
  return serialise(copy(value ?? { t: 'atom', raw: 'null' }));
}

/** A page's visible box (CropBox, else MediaBox; inherited through the page tree). */
export function pageBox(doc: PdfDocument, page: Map<string, PdfValue>): Rect {
  for (const key of ['CropBox', 'MediaBox']) {
    let node: Map<string, PdfValue> | undefined = page;
    for (let depth = 0; node && depth < 32; depth++) {
      const v = doc.get(node.get(key));
      if (v?.t === 'array' && v.items.length === 4 && v.items.every((x) => x.t === 'num')) {
        const [a, b, c, d] = v.items.map((x) => (x as { v: number }).v) as Rect;
        return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
      }
      node = doc.dict(node.get('Parent'));
    }
  }
  return [0, 0, 595.28, 841.89];
}

/** An inheritable page attribute (Resources): the page's own or its nearest ancestor's. */
function inherited(doc: PdfDocument, page: Map<string, PdfValue>, key: string): PdfValue | undefined {
  let node: Map<string, PdfValue> | undefined = page;
  for (let depth = 0; node && depth < 32; depth++) {
    const v = node.get(key);
    if (v) return v;
    node = doc.dict(node.get('Parent'));
  }
  return undefined;
}

/**
 * Draws the block on the last page (at its default place) as an incremental update of its own: the
 * page's content gets the block as a Form XObject after its own content (wrapped in q … Q, so the
 * page's graphics state does not leak into it). The original bytes are kept, so a signature over the
 * result covers the block, and earlier revisions stay as they were.
 */
export async function stampBlock(pdf: Uint8Array, block: SignatureBlock): Promise<Uint8Array> {
  const drawn = await renderBlock(block);
  try {
    return stampWith(pdf, block, drawn);
  } catch {
    // Whatever fails here is the caller's PDF (the block is ours): unreadable, as signPdf says it.
    throw signingFail('PDF_UNREADABLE');
  }
}

function stampWith(pdf: Uint8Array, block: SignatureBlock, drawn: Buffer): Uint8Array {
  const doc = readPdf(pdf);
  const pages = pageRefs(doc);
  const pageRef = pages[pages.length - 1];
  const page = doc.dict(pageRef);
  if (!page || pageRef?.t !== 'ref') throw new Error('no page');
  const rect = placeBlock(pageBox(doc, page), block);
  const { objects, form } = formXObject(drawn, doc.size);
  const next = Math.max(...objects.map(([n]) => n)) + 1;
  const resources = new Map(doc.dict(inherited(doc, page, 'Resources')) ?? []);
  const xobjects = new Map(doc.dict(resources.get('XObject')) ?? []);
  let name = 'MotcuaSig';
  for (let k = 2; xobjects.has(name); k++) name = `MotcuaSig${k}`;
  xobjects.set(name, ref(form));
  resources.set('XObject', { t: 'dict', entries: xobjects });
  const contents = doc.get(page.get('Contents'));
  const before =
    contents?.t === 'array' ? contents.items : page.get('Contents') ? [page.get('Contents')!] : [];
  const draw = `Q\nq 1 0 0 1 ${rect[0].toFixed(3)} ${rect[1].toFixed(3)} cm /${name} Do Q\n`;
  objects.push([next, `<</Length 2>>\nstream\nq\n\nendstream`]);
  objects.push([next + 1, `<</Length ${draw.length}>>\nstream\n${draw}\nendstream`]);
  const newPage = new Map(page);
  newPage.set('Resources', { t: 'dict', entries: resources });
  newPage.set('Contents', { t: 'array', items: [ref(next), ...before, ref(next + 1)] });
  objects.push([pageRef.n, serialise({ t: 'dict', entries: newPage })]);
  const original = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const { out } = appendUpdate(original, doc, objects);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
