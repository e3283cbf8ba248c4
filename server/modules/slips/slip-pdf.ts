// A small page-layout layer over pdfkit for administrative forms: the two-column header with the
// national motto, titles, "label: value" lines, bordered tables that continue on further pages with
// their header repeated, signature blocks, a QR code in the right margin, and page numbers.
//
// Layout follows the presentation rules for administrative documents (Decree 30/2020/NĐ-CP Phụ lục I):
// A4, margins top/bottom 20 mm, left 30 mm, right 20 mm; agency name upper-case on the left above the
// number and symbol; national motto upper-case bold on the right, the tiêu ngữ below it underlined
// across its own width; the date line in italics under the motto, level with the number.
//
// Lines are broken here, not by pdfkit: pdfkit's `continued` text (several styles in one paragraph)
// drops spaces at style changes, ignores newlines and misplaces centred and justified lines. Words are
// measured with the real font, broken greedily, and each line is drawn at a computed position, so a
// paragraph's or a table cell's height is known exactly before it is drawn.
import PDFDocument from 'pdfkit';
import { FONT_STYLES, slipFonts, type FontStyle } from './slip-fonts.ts';
import { upper } from './vn-format.ts';

const MM = 72 / 25.4;

export const SIZE = { body: 10.5, small: 8.5, header: 9.5, motto: 10.5, title: 13 } as const;
const LINE_GAP = 2;

/** A piece of text in one style; `\n` breaks the line. */
export type Run = { text: string; style?: FontStyle };
export type Align = 'left' | 'center' | 'right' | 'justify';

export type TableColumn = { header: string; width: number; align?: Align };
/** A cell: plain text, or runs of mixed styles (with `\n` for line breaks). */
export type TableCell = string | Run[];

export type SignatureBlock = { label: string; hint: string; title?: string; name?: string };

export type SlipPdfOptions = {
  landscape?: boolean;
  title: string;
  subject?: string;
  keywords?: string;
  createdAt: Date;
  /** Printed small at the top of pages 2+, so a loose page can be put back with its slip. */
  runningHead?: string;
  /** 'multi': "Trang x/y" only when the slip runs over one page; 'always': on every page (registers). */
  pageNumbers: 'multi' | 'always';
};

/** A region at the right margin that paragraphs flow around (the QR code). */
type Reserved = { page: number; width: number; until: number };

type Fragment = { text: string; style: FontStyle; width: number };
type Word = { fragments: Fragment[]; width: number; after: 'space' | 'newline' | 'none' };
type Line = { words: Word[]; width: number; hard: boolean };
/** Where text goes: its top left corner and the width it is set in. */
type Box = { x: number; y: number; width: number };
type Setting = { size: number; align: Align };

export class SlipPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  #options: SlipPdfOptions;
  #chunks: Buffer[] = [];
  #ended: Promise<Buffer>;
  #reserved: Reserved | undefined;
  #page = 0;

  constructor(options: SlipPdfOptions) {
    this.#options = options;
    const margins = options.landscape
      ? { top: 15 * MM, bottom: 15 * MM, left: 20 * MM, right: 20 * MM }
      : { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM };
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.landscape ? 'landscape' : 'portrait',
      margins,
      bufferPages: true,
      autoFirstPage: true,
      lang: 'vi-VN',
      displayTitle: true,
      info: {
        Title: options.title,
        Subject: options.subject ?? options.title,
        Keywords: options.keywords ?? '',
        Creator: 'motcua',
        Producer: 'motcua (pdfkit)',
        CreationDate: options.createdAt,
        ModDate: options.createdAt,
      },
    });
    const fonts = slipFonts();
    // pdfkit's types list only bytes and paths, but it takes a parsed font too (slip-fonts.ts).
    for (const style of FONT_STYLES) this.doc.registerFont(style, fonts[style] as unknown as Buffer);
    this.doc.on('data', (chunk: Buffer) => this.#chunks.push(chunk));
    this.#ended = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.#chunks)));
      this.doc.on('error', reject);
    });
    this.doc.on('pageAdded', () => {
      this.#page++;
    });
    this.left = margins.left;
    this.top = margins.top;
    this.right = this.doc.page.width - margins.right;
    this.bottom = this.doc.page.height - margins.bottom;
    this.doc.font('regular').fontSize(SIZE.body);
  }

  get width(): number {
    return this.right - this.left;
  }

  get y(): number {
    return this.doc.y;
  }

  /** Moves down by `points`. */
  gap(points: number): void {
    this.doc.y += points;
  }

  /** Starts a new page when fewer than `points` remain. */
  ensure(points: number): void {
    if (this.doc.y + points > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  #font(style: FontStyle, size: number): PDFKit.PDFDocument {
    return this.doc.font(style).fontSize(size);
  }

  lineHeight(size: number): number {
    return this.#font('regular', size).currentLineHeight(true) + LINE_GAP;
  }

  // ---- line breaking ----------------------------------------------------------------------------

  /** Words of the runs; a word may span styles ("Hường" + "."), so it is a list of fragments. */
  #words(runs: Run[], size: number): Word[] {
    const words: Word[] = [];
    for (const run of runs) {
      const style = run.style ?? 'regular';
      for (const token of run.text.match(/\n| +|[^ \n]+/g) ?? []) {
        const last = words[words.length - 1];
        if (token === '\n') {
          if (last) last.after = 'newline';
          else words.push({ fragments: [], width: 0, after: 'newline' });
        } else if (token.startsWith(' ')) {
          if (last && last.after === 'none') last.after = 'space';
        } else {
          const width = this.#font(style, size).widthOfString(token);
          const fragment = { text: token, style, width };
          if (last && last.after === 'none') {
            last.fragments.push(fragment);
            last.width += width;
          } else {
            words.push({ fragments: [fragment], width, after: 'none' });
          }
        }
      }
    }
    return words;
  }

  #spaceWidth(size: number): number {
    return this.#font('regular', size).widthOfString(' ');
  }

  /** Splits a word wider than the line at character boundaries (long URLs, codes). */
  #splitWord(word: Word, maxWidth: number, size: number): Word[] {
    const parts: Word[] = [];
    let current: Word = { fragments: [], width: 0, after: 'none' };
    for (const f of word.fragments) {
      let text = '';
      for (const ch of f.text) {
        const w = this.#font(f.style, size).widthOfString(text + ch);
        if (current.width + w > maxWidth && (text !== '' || current.fragments.length > 0)) {
          if (text !== '') {
            const width = this.#font(f.style, size).widthOfString(text);
            current.fragments.push({ text, style: f.style, width });
            current.width += width;
          }
          parts.push(current);
          current = { fragments: [], width: 0, after: 'none' };
          text = ch;
        } else {
          text += ch;
        }
      }
      if (text !== '') {
        const width = this.#font(f.style, size).widthOfString(text);
        current.fragments.push({ text, style: f.style, width });
        current.width += width;
      }
    }
    current.after = word.after;
    parts.push(current);
    return parts;
  }

  #lines(runs: Run[], size: number, maxWidth: number): Line[] {
    const space = this.#spaceWidth(size);
    const lines: Line[] = [];
    let line: Line = { words: [], width: 0, hard: false };
    const push = (hard: boolean): void => {
      line.hard = hard;
      lines.push(line);
      line = { words: [], width: 0, hard: false };
    };
    for (const whole of this.#words(runs, size)) {
      const pieces = whole.width > maxWidth ? this.#splitWord(whole, maxWidth, size) : [whole];
      for (const word of pieces) {
        const extra = line.words.length > 0 ? space + word.width : word.width;
        if (line.words.length > 0 && line.width + extra > maxWidth) push(false);
        line.width += line.words.length > 0 ? space + word.width : word.width;
        line.words.push(word);
        if (word.after === 'newline') push(true);
      }
    }
    if (line.words.length > 0 || lines.length === 0) push(true);
    return lines;
  }

  /** Height of runs set in `width` (lines × line height). */
  measure(runs: Run[], size: number, width: number): number {
    return this.#lines(runs, size, width).length * this.lineHeight(size);
  }

  /** Sets `runs` in the box without breaking pages; returns the y below them. */
  #text(runs: Run[], box: Box, setting: Setting): number {
    return this.#draw(this.#lines(runs, setting.size, box.width), box, { ...setting, flow: false });
  }

  /** A line across the whole width at height `y` (the top and bottom margins' lines). */
  #margin(y: number): Box {
    return { x: this.left, y, width: this.width };
  }

  /** Draws laid-out lines from (x, y); returns the y below them. Breaks pages when `flow` is set. */
  #draw(lines: Line[], box: Box, setting: Setting & { flow: boolean }): number {
    const { x, width } = box;
    const { size, align, flow } = setting;
    let y = box.y;
    const doc = this.doc;
    const lh = this.lineHeight(size);
    const space = this.#spaceWidth(size);
    for (const line of lines) {
      if (flow && y + lh > this.bottom) {
        this.newPage();
        y = this.top;
      }
      const slack = width - line.width;
      let cx = x;
      let gap = space;
      if (align === 'center') cx += slack / 2;
      else if (align === 'right') cx += slack;
      else if (align === 'justify' && !line.hard && line.words.length > 1) {
        gap += slack / (line.words.length - 1);
      }
      // Consecutive fragments of one style go out as one string where spaces keep their natural
      // width (every line but a justified one): fewer text objects, a smaller and faster PDF.
      let pending: { text: string; style: FontStyle; x: number } | undefined;
      const flush = (): void => {
        if (pending) this.#font(pending.style, size).text(pending.text, pending.x, y, { lineBreak: false });
        pending = undefined;
      };
      line.words.forEach((word, i) => {
        const spaced = i > 0;
        if (spaced) cx += gap;
        word.fragments.forEach((f, j) => {
          const joinable = gap === space || !spaced || j > 0;
          if (pending && pending.style === f.style && joinable) {
            pending.text += spaced && j === 0 ? ` ${f.text}` : f.text;
          } else {
            flush();
            pending = { text: f.text, style: f.style, x: cx };
          }
          cx += f.width;
        });
      });
      flush();
      y += lh;
    }
    doc.x = this.left;
    return y;
  }

  // ---- blocks -----------------------------------------------------------------------------------

  /** The width a paragraph may use at the current height (narrower beside the QR code). */
  #lineWidth(indent: number): number {
    const r = this.#reserved;
    const beside = r && r.page === this.#page && this.doc.y < r.until;
    return this.width - indent - (beside ? r.width : 0);
  }

  /** A paragraph of one or more runs, wrapped, flowing onto a new page when it must. */
  paragraph(
    runs: Run[],
    opts: { size?: number; align?: Align; indent?: number; after?: number; width?: number } = {},
  ): void {
    const size = opts.size ?? SIZE.body;
    const indent = opts.indent ?? 0;
    const width = opts.width ?? this.#lineWidth(indent);
    if (runs.every((r) => r.text === '')) return;
    const lines = this.#lines(runs, size, width);
    this.doc.y = this.#draw(
      lines,
      { x: this.left + indent, y: this.doc.y, width },
      { size, align: opts.align ?? 'justify', flow: true },
    );
    this.gap(opts.after ?? 1.5);
  }

  /** "Label: value" with the value bold; a missing value prints a dotted blank to fill by hand. */
  field(label: string, value: string | undefined, opts: { indent?: number; after?: number } = {}): void {
    this.paragraph(
      [
        { text: `${label}: ` },
        value !== undefined && value.trim() !== ''
          ? { text: value, style: 'bold' }
          : { text: '…………………………………………' },
      ],
      { align: 'left', ...opts },
    );
  }

  /** Centered bold title and optional centered lines beneath it. */
  title(text: string, lines: Run[][] = []): void {
    this.gap(8);
    this.paragraph([{ text, style: 'bold' }], { size: SIZE.title, align: 'center', width: this.width });
    for (const line of lines) this.paragraph(line, { align: 'center', width: this.width, after: 0 });
    this.gap(6);
  }

  /**
   * The header of every form. Left: the superior agency (regular) and the agency (bold), upper-case,
   * a short rule, then "Số: …/symbol". Right: the national motto, the tiêu ngữ underlined, then the
   * date line in italics, level with the number.
   */
  header(h: {
    superiorName?: string;
    agencyName: string;
    deskName?: string;
    numberLine: string;
    dateLine: string;
  }): void {
    const leftWidth = Math.round(this.width * (this.#options.landscape ? 0.42 : 0.48));
    const rightX = this.left + leftWidth;
    const rightWidth = this.width - leftWidth;
    const left = (y: number): Box => ({ x: this.left, y, width: leftWidth });
    const right = (y: number): Box => ({ x: rightX, y, width: rightWidth });
    const centered = (text: string, style: FontStyle, size: number, box: Box): number =>
      this.#text([{ text, style }], box, { size, align: 'center' });

    let y = this.top;
    if (h.superiorName) y = centered(upper(h.superiorName), 'regular', SIZE.header, left(y));
    y = centered(upper(h.agencyName), 'bold', SIZE.header, left(y));
    if (h.deskName) y = centered(upper(h.deskName), 'bold', SIZE.header, left(y));
    this.#rule(this.left + leftWidth / 2, y + 1.5, Math.min(leftWidth / 3, 70));
    const leftBottom = y + 6;

    y = this.top;
    y = centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'bold', SIZE.motto, right(y));
    const tieuNgu = 'Độc lập - Tự do - Hạnh phúc';
    y = centered(tieuNgu, 'bold', SIZE.motto + 0.5, right(y));
    const mottoWidth = this.#font('bold', SIZE.motto + 0.5).widthOfString(tieuNgu);
    this.#rule(rightX + rightWidth / 2, y + 1.5, Math.min(mottoWidth, rightWidth));
    const rightBottom = y + 6;

    const row = Math.max(leftBottom, rightBottom) + 3;
    const a = centered(h.numberLine, 'regular', SIZE.body, left(row));
    const b = centered(h.dateLine, 'italic', SIZE.body, right(row));
    this.doc.x = this.left;
    this.doc.y = Math.max(a, b) + 2;
  }

  #rule(centerX: number, y: number, width: number): void {
    this.doc
      .save()
      .lineWidth(0.6)
      .moveTo(centerX - width / 2, y)
      .lineTo(centerX + width / 2, y)
      .stroke()
      .restore();
  }

  /** The QR code at the right margin from the current height; paragraphs beside it are narrowed. */
  qr(png: Buffer, caption: string, size = 60): void {
    const x = this.right - size;
    const y = this.doc.y;
    this.doc.image(png, x, y, { width: size, height: size });
    const captionWidth = size + 16;
    this.#text(
      [{ text: caption, style: 'italic' }],
      { x: x - 8, y: y + size, width: captionWidth },
      { size: 7, align: 'center' },
    );
    this.doc.y = y;
    this.#reserved = { page: this.#page, width: size + 10, until: y + size + 12 };
  }

  /** Moves below the QR code if the text has not yet passed it. */
  clearReserved(): void {
    const r = this.#reserved;
    if (r && r.page === this.#page && this.doc.y < r.until) this.doc.y = r.until;
  }

  /**
   * A bordered table. Rows are kept whole; a row that does not fit starts a new page, where the
   * header row is drawn again.
   */
  table(
    columns: TableColumn[],
    rows: TableCell[][],
    opts: { size?: number; headerSize?: number } = {},
  ): void {
    const doc = this.doc;
    const size = opts.size ?? SIZE.body - 0.5;
    const headerSize = opts.headerSize ?? size;
    const pad = 3;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width * this.width) / total);
    this.clearReserved();

    const runsOf = (cell: TableCell, header: boolean): Run[] =>
      typeof cell === 'string' ? [{ text: cell, style: header ? 'bold' : 'regular' }] : cell;
    const drawRow = (cells: TableCell[], fontSize: number, header: boolean): void => {
      const laid = cells.map((c, i) => this.#lines(runsOf(c, header), fontSize, (widths[i] ?? 0) - 2 * pad));
      const lh = this.lineHeight(fontSize);
      const h = Math.max(1, ...laid.map((l) => l.length)) * lh + 2 * pad - LINE_GAP;
      if (doc.y + h > this.bottom) {
        this.newPage();
        if (!header)
          drawRow(
            columns.map((c) => c.header),
            headerSize,
            true,
          );
      }
      const y = doc.y;
      let x = this.left;
      laid.forEach((lines, i) => {
        const w = widths[i] ?? 0;
        doc.save().lineWidth(0.5).rect(x, y, w, h).stroke().restore();
        const align = header ? 'center' : (columns[i]?.align ?? 'left');
        this.#draw(
          lines,
          { x: x + pad, y: y + pad, width: w - 2 * pad },
          { size: fontSize, align, flow: false },
        );
        x += w;
      });
      doc.x = this.left;
      doc.y = y + h;
    };

    this.ensure(60);
    drawRow(
      columns.map((c) => c.header),
      headerSize,
      true,
    );
    for (const row of rows) drawRow(row, size, false);
    this.gap(6);
  }

  /** Signature blocks side by side (null leaves a column empty); kept together on one page. */
  signatures(blocks: (SignatureBlock | null)[], opts: { space?: number } = {}): void {
    const space = opts.space ?? 46;
    this.clearReserved();
    this.ensure(space + 60);
    const w = this.width / blocks.length;
    const top = this.doc.y + 6;
    let lowest = top;
    blocks.forEach((b, i) => {
      if (!b) return;
      const x = this.left + i * w;
      let y = top;
      const line = (text: string, style: FontStyle, size: number): void => {
        y = this.#text([{ text, style }], { x, y, width: w }, { size, align: 'center' });
      };
      if (b.title) line(upper(b.title), 'bold', SIZE.body);
      if (b.label) line(b.label, 'bold', SIZE.body);
      line(b.hint, 'italic', SIZE.small + 0.5);
      y += space;
      if (b.name) line(b.name, 'bold', SIZE.body);
      lowest = Math.max(lowest, y);
    });
    this.doc.x = this.left;
    this.doc.y = lowest + 6;
  }

  /** Small print at the foot of the content ("Ghi chú"). */
  note(runs: Run[]): void {
    this.paragraph(runs, { size: SIZE.small, align: 'left' });
  }

  /** A small line in the top margin of the first page, right-aligned (the Mẫu and its circular). */
  formLabel(text: string): void {
    const size = SIZE.small - 0.5;
    this.#text([{ text, style: 'italic' }], this.#margin(this.top / 2 - 4), { size, align: 'right' });
  }

  /** Writes page numbers and the running head, ends the document and returns its bytes. */
  async finish(): Promise<Buffer> {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    const numbered = this.#options.pageNumbers === 'always' || count > 1;
    const size = SIZE.small - 0.5;
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const head = this.#options.runningHead;
      if (i > start && head) {
        this.#text([{ text: head, style: 'italic' }], this.#margin(this.top / 2 - 4), {
          size,
          align: 'center',
        });
      }
      if (numbered) {
        const text = `Trang ${i - start + 1}/${count}`;
        const y = doc.page.height - (doc.page.height - this.bottom) / 2 - 4;
        this.#text([{ text }], this.#margin(y), { size, align: 'center' });
      }
    }
    doc.end();
    return this.#ended;
  }
}
