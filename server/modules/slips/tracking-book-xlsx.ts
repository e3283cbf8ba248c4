// The tracking book (2018 Mẫu 06 / 2025 Mẫu 07, Sổ theo dõi hồ sơ) as a spreadsheet: one header row
// and one row per dossier, in the columns of the printed register. A minimal Office Open XML package
// (ECMA-376 / ISO/IEC 29500 SpreadsheetML) written by hand: text as inline strings (no shared-string
// table), times as spreadsheet serial numbers in Vietnamese civil time with a date format.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { TrackingBookData, TrackingBookEntry } from './slip-data.ts';
import { formSetFor, slipForm, TRACKING_BOOK_COLUMNS, type FormSetId } from './slip-forms.ts';
import { civilShortDate, parseInstant, vnParts } from './vn-format.ts';
import { VN_OFFSET_MINUTES } from '../../../common/working-time/civil-date.ts';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const SHEET_NAME = 'Sổ theo dõi hồ sơ';

/** Column widths in characters, matching TRACKING_BOOK_COLUMNS. */
const COLUMN_CHARS = [6, 28, 34, 24, 34, 26, 17, 17, 17, 18, 18, 20] as const;

/** Cell styles defined in styles.xml (cellXfs indexes). */
const STYLE = { default: 0, header: 1, dateTime: 2, text: 3 } as const;

/** Drops what XML 1.0 cannot carry: C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF. */
function xmlChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const control = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
    const surrogate = c >= 0xd800 && c <= 0xdfff; // for…of yields a lone surrogate on its own
    if (!control && !surrogate && c !== 0xfffe && c !== 0xffff) out += ch;
  }
  return out;
}

export function xmlEscape(text: string): string {
  return xmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Spreadsheet serial (days since 1899-12-30) of an instant, read in Vietnamese civil time. */
export function spreadsheetSerial(iso: string): number {
  const local = parseInstant(iso) + VN_OFFSET_MINUTES * 60_000;
  return local / 86_400_000 + 25569;
}

type Cell =
  { kind: 'text'; value: string } | { kind: 'number'; value: number } | { kind: 'time'; iso: string };

function cellXml(ref: string, cell: Cell, header: boolean): string {
  switch (cell.kind) {
    case 'text': {
      if (cell.value === '') return '';
      const space = /^\s|\s$|\n/.test(cell.value) ? ' xml:space="preserve"' : '';
      const s = header ? STYLE.header : STYLE.text;
      return `<c r="${ref}" s="${s}" t="inlineStr"><is><t${space}>${xmlEscape(cell.value)}</t></is></c>`;
    }
    case 'number':
      return `<c r="${ref}"><v>${cell.value}</v></c>`;
    case 'time':
      return `<c r="${ref}" s="${STYLE.dateTime}"><v>${spreadsheetSerial(cell.iso)}</v></c>`;
  }
}

const text = (value: string | undefined): Cell => ({ kind: 'text', value: value ?? '' });
const time = (iso: string | undefined): Cell => (iso ? { kind: 'time', iso } : text(''));

function rowCells(e: TrackingBookEntry, index: number): Cell[] {
  return [
    { kind: 'number', value: index + 1 },
    text(e.dossierCode),
    text(e.procedureName),
    text(e.applicantName),
    text([e.address, e.phone].filter(Boolean).join('; ')),
    text(e.resolvingAgency),
    time(e.receivedAt),
    time(e.dueAt),
    time(e.returnedAt),
    text(e.deliveryMethod),
    text(e.signedBy),
    text(e.note),
  ];
}

function sheetXml(data: TrackingBookData): string {
  const rows: Cell[][] = [TRACKING_BOOK_COLUMNS.map((c) => text(c.header)), ...data.entries.map(rowCells)];
  const lastCol = columnName(TRACKING_BOOK_COLUMNS.length - 1);
  const range = `A1:${lastCol}${rows.length}`;
  const cols = COLUMN_CHARS.map(
    (w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`,
  ).join('');
  const body = rows
    .map((cells, r) => {
      const xml = cells.map((c, i) => cellXml(`${columnName(i)}${r + 1}`, c, r === 0)).join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  return (
    XML_DECL +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="${range}"/>` +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData>${body}</sheetData>` +
    `<autoFilter ref="${range}"/>` +
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape"/>' +
    '</worksheet>'
  );
}

const STYLES_XML =
  XML_DECL +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="hh:mm dd/mm/yyyy"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">' +
  '<alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">' +
  '<alignment vertical="top" wrapText="1"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** W3CDTF in UTC of an instant, second precision (docProps/core.xml). */
function w3cdtf(iso: string): string {
  return new Date(parseInstant(iso)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The tracking book as an .xlsx file. The form set (for the document title only) follows the same
 * rule as the PDF: the start of the period, unless a set is given.
 */
export function renderTrackingBookXlsx(
  data: TrackingBookData,
  options: { formSet?: FormSetId } = {},
): Buffer {
  const form = slipForm('tracking-book', options.formSet ?? formSetFor(`${data.period.from}T00:00:00+07:00`));
  const title =
    `${SHEET_NAME} — ${data.agency.name}` +
    (data.field ? ` — ${data.field}` : '') +
    ` — ${civilShortDate(data.period.from)}–${civilShortDate(data.period.to)}`;
  const lastCol = columnName(TRACKING_BOOK_COLUMNS.length - 1);
  const files = {
    '[Content_Types].xml':
      XML_DECL +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '</Types>',
    '_rels/.rels':
      XML_DECL +
      `<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>',
    'docProps/core.xml':
      XML_DECL +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${xmlEscape(title)}</dc:title>` +
      `<dc:subject>${xmlEscape(`${form.form} — ${form.source}`)}</dc:subject>` +
      '<dc:creator>motcua</dc:creator>' +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(data.issuedAt)}</dcterms:created>` +
      '</cp:coreProperties>',
    'xl/workbook.xml':
      XML_DECL +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      `<sheets><sheet name="${xmlEscape(SHEET_NAME)}" sheetId="1" r:id="rId1"/></sheets>` +
      '<definedNames>' +
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${xmlEscape(SHEET_NAME)}'!$A$1:$${lastCol}$${data.entries.length + 1}</definedName>` +
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'${xmlEscape(SHEET_NAME)}'!$1:$1</definedName>` +
      '</definedNames>' +
      '</workbook>',
    'xl/_rels/workbook.xml.rels':
      XML_DECL +
      `<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      '</Relationships>',
    'xl/styles.xml': STYLES_XML,
    'xl/worksheets/sheet1.xml': sheetXml(data),
  };
  // ZIP times are wall-clock parts with no zone and fflate reads a Date's local parts: a Date whose
  // local parts are the Vietnamese civil time of issue keeps the package the same on any server zone.
  const t = vnParts(data.issuedAt);
  const mtime = new Date(t.year, t.month - 1, t.day, t.hour, t.minute);
  const entries: Zippable = {};
  for (const [name, xml] of Object.entries(files)) entries[name] = [strToU8(xml), { mtime }];
  return Buffer.from(zipSync(entries, { level: 9 }));
}
