// A small page-layout layer over pdfkit for administrative forms: the two-column header with the
// national motto, titles, "label: value" lines, bordered tables that continue on further pages with
// their header repeated, signature blocks, a QR code in the right margin, and page numbers.
//
// Layout follows the presentation rules for administrative documents (Decree 30/2020/NĐ-CP Phụ lục I):
// A4, margins top/bottom 20 mm, left 30 mm, right 20 mm; agency name upper-case on the left above the
// number and symbol; national motto upper-case bold on the right, the tiêu ngữ below it underlined
// across its own width; the date line in italics under the motto, level with the number.
import PDFDocument from 'pdfkit';
import { slipFonts, type FontStyle } from './slip-fonts.ts';
import { upper } from './vn-format.ts';

const MM = 72 / 25.4;

export const SIZE = { body: 11, small: 9, header: 10.5, motto: 11, title: 13.5 } as const;
const LINE_GAP = 2.5;

export type Run = { text: string; style?: FontStyle };
export type Align = 'left' | 'center' | 'right' | 'justify';

export type TableColumn = { header: string; width: number; align?: Align };
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
    const margins = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM };
    if (options.landscape) {
      margins.left = 20 * MM;
      margins.top = 15 * MM;
      margins.bottom = 15 * MM;
    }
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
    for (const style of Object.keys(fonts) as FontStyle[]) this.doc.registerFont(style, fonts[style]);
    this.doc.on('data', (chunk: Buffer) => this.#chunks.push(chunk));
    this.#ended = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.#chunks)));
      this.doc.on('error', reject);
    });
    this.doc.on('pageAdded', () => {
      this.#page++;
      this.doc.y = this.top;
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

  set y(value: number) {
    this.doc.y = value;
  }

  /** Moves down by `points`. */
  gap(points: number): void {
    this.doc.y += points;
  }

  /** Starts a new page when fewer than `points` remain. */
  ensure(points: number): void {
    if (this.doc.y + points > this.bottom) this.doc.addPage();
  }

  font(style: FontStyle, size: number): this {
    this.doc.font(style).fontSize(size);
    return this;
  }

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
    const parts = runs.filter((r) => r.text !== '');
    if (parts.length === 0) return;
    // Keep a paragraph's first line off the foot of a page.
    this.font('regular', size).ensure(this.doc.currentLineHeight(true) + LINE_GAP);
    const x = this.left + indent;
    parts.forEach((run, i) => {
      this.font(run.style ?? 'regular', size);
      const last = i === parts.length - 1;
      const textOpts: PDFKit.Mixins.TextOptions = {
        width,
        align: opts.align ?? 'justify',
        lineGap: LINE_GAP,
        continued: !last,
      };
      if (i === 0) this.doc.text(run.text, x, this.doc.y, textOpts);
      else this.doc.text(run.text, textOpts);
    });
    this.doc.x = this.left;
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

  /** Centered bold title and optional lines beneath it. */
  title(text: string, lines: Run[][] = []): void {
    this.gap(10);
    this.paragraph([{ text, style: 'bold' }], { size: SIZE.title, align: 'center', width: this.width });
    for (const line of lines) this.paragraph(line, { align: 'center', width: this.width });
    this.gap(8);
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
    const doc = this.doc;
    const leftWidth = Math.round(this.width * (this.#options.landscape ? 0.4 : 0.42));
    const rightX = this.left + leftWidth;
    const rightWidth = this.width - leftWidth;
    const top = this.top;

    let y = top;
    const centered = (text: string, style: FontStyle, size: number, x: number, w: number): number => {
      doc.font(style).fontSize(size);
      doc.text(text, x, y, { width: w, align: 'center', lineGap: 1 });
      y = doc.y;
      return doc.widthOfString(text);
    };
    if (h.superiorName) centered(upper(h.superiorName), 'regular', SIZE.header, this.left, leftWidth);
    centered(upper(h.agencyName), 'bold', SIZE.header, this.left, leftWidth);
    if (h.deskName) centered(upper(h.deskName), 'bold', SIZE.header, this.left, leftWidth);
    const leftRuleY = y + 2;
    this.#rule(this.left + leftWidth / 2, leftRuleY, Math.min(leftWidth / 3, 70));
    const leftBottom = leftRuleY + 6;

    y = top;
    centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'bold', SIZE.motto, rightX, rightWidth);
    const mottoWidth = centered('Độc lập - Tự do - Hạnh phúc', 'bold', SIZE.motto + 1, rightX, rightWidth);
    const rightRuleY = y + 2;
    this.#rule(rightX + rightWidth / 2, rightRuleY, Math.min(mottoWidth, rightWidth));
    const rightBottom = rightRuleY + 6;

    y = Math.max(leftBottom, rightBottom) + 4;
    const rowY = y;
    centered(h.numberLine, 'regular', SIZE.body, this.left, leftWidth);
    const afterNumber = y;
    y = rowY;
    centered(h.dateLine, 'italic', SIZE.body, rightX, rightWidth);
    doc.x = this.left;
    doc.y = Math.max(afterNumber, y) + 4;
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
  qr(png: Buffer, caption: string, size = 64): void {
    const x = this.right - size;
    const y = this.doc.y;
    this.doc.image(png, x, y, { width: size, height: size });
    this.doc.font('italic').fontSize(7);
    this.doc.text(caption, x - 8, y + size + 1, { width: size + 16, align: 'center', lineGap: 0 });
    this.doc.y = y;
    this.doc.x = this.left;
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
    const pad = 3.5;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const scale = this.width / total;
    const widths = columns.map((c) => c.width * scale);
    this.clearReserved();

    const cellRuns = (cell: TableCell): Run[] => (typeof cell === 'string' ? [{ text: cell }] : cell);
    const cellHeight = (cell: TableCell, w: number, fontSize: number, bold: boolean): number => {
      const runs = cellRuns(cell);
      const text = runs.map((r) => r.text).join('');
      if (text === '') return 0;
      doc.font(bold || runs.some((r) => r.style === 'bold') ? 'bold' : 'regular').fontSize(fontSize);
      return doc.heightOfString(text, { width: w - 2 * pad, lineGap: 1 });
    };
    const drawRow = (cells: TableCell[], fontSize: number, header: boolean): void => {
      const heights = cells.map((c, i) => cellHeight(c, widths[i] ?? 0, fontSize, header));
      const h = Math.max(...heights, fontSize) + 2 * pad;
      if (doc.y + h > this.bottom) {
        doc.addPage();
        if (!header)
          drawRow(
            columns.map((c) => c.header),
            headerSize,
            true,
          );
      }
      const y = doc.y;
      let x = this.left;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 0;
        doc.save().lineWidth(0.5).rect(x, y, w, h).stroke().restore();
        const runs = cellRuns(cell);
        const align = header ? 'center' : (columns[i]?.align ?? 'left');
        runs.forEach((run, j) => {
          doc.font(header ? 'bold' : (run.style ?? 'regular')).fontSize(fontSize);
          const o: PDFKit.Mixins.TextOptions = {
            width: w - 2 * pad,
            align,
            lineGap: 1,
            continued: j < runs.length - 1,
          };
          if (j === 0) doc.text(run.text, x + pad, y + pad, o);
          else doc.text(run.text, o);
        });
        x += w;
      });
      doc.x = this.left;
      doc.y = y + h;
    };

    this.ensure(40);
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
    const doc = this.doc;
    const space = opts.space ?? 52;
    this.clearReserved();
    this.ensure(space + 60);
    const w = this.width / blocks.length;
    const top = doc.y + 8;
    let lowest = top;
    blocks.forEach((b, i) => {
      if (!b) return;
      const x = this.left + i * w;
      let y = top;
      const line = (text: string, style: FontStyle, size: number): void => {
        doc.font(style).fontSize(size).text(text, x, y, { width: w, align: 'center', lineGap: 1 });
        y = doc.y;
      };
      if (b.title) line(upper(b.title), 'bold', SIZE.body);
      if (b.label) line(b.label, 'bold', SIZE.body);
      line(b.hint, 'italic', SIZE.small + 0.5);
      y += space;
      if (b.name) line(b.name, 'bold', SIZE.body);
      lowest = Math.max(lowest, y);
    });
    doc.x = this.left;
    doc.y = lowest + 6;
  }

  /** Small print at the foot of the content ("Ghi chú"). */
  note(runs: Run[]): void {
    this.paragraph(runs, { size: SIZE.small, align: 'justify' });
  }

  /** Writes page numbers and the running head, ends the document and returns its bytes. */
  async finish(): Promise<Buffer> {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    const numbered = this.#options.pageNumbers === 'always' || count > 1;
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const page = doc.page;
      const savedBottom = page.margins.bottom;
      const savedTop = page.margins.top;
      page.margins.bottom = 0;
      page.margins.top = 0;
      doc.font('italic').fontSize(SIZE.small - 0.5);
      if (i > start && this.#options.runningHead) {
        doc.text(this.#options.runningHead, this.left, savedTop / 2 - 4, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      }
      if (numbered) {
        doc
          .font('regular')
          .text(`Trang ${i - start + 1}/${count}`, this.left, page.height - savedBottom / 2 - 4, {
            width: this.width,
            align: 'center',
            lineBreak: false,
          });
      }
      page.margins.bottom = savedBottom;
      page.margins.top = savedTop;
    }
    doc.end();
    return this.#ended;
  }
}
