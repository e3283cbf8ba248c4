// Biểu II.06a/II.06b as files, read back as a Văn phòng UBND would: the workbook with ExcelJS (cells,
// numbers, merged headings, print settings, the same bytes twice), the PDF with poppler's pdftotext
// (-layout for the rows as printed, -raw for the wording, -bbox for which column a figure stands in).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Value } from 'typebox/value';
import { Ii06aResponse, type Ii06aRow } from '../../../common/contracts/report-ii06a.ts';
import {
  addFigures,
  cellValue,
  columnsAddUp,
  II06A_CELLS,
  namedPeriod,
  periodLabel,
  zeroFigures,
  type Ii06aFigures,
  type Ii06aGroup,
} from '../../../common/reports/ii06a.ts';
import { HEADER_ROWS, ii06aHeadings, ii06aPdf, ii06aXlsx } from './ii06a-export.ts';
import { missingTools, pdfInfo, pdfText } from '../slips/test-poppler.ts';

// ---- a realistic report: Quý IV năm 2026 of three agencies of Hà Nội ------------------------------

const PERIOD = namedPeriod('quarter', 2026, 4);
const META = { unitName: 'Ủy ban nhân dân thành phố Hà Nội', createdAt: new Date('2027-01-05T03:00:00Z') };

/** Figures from columns 4, 5, 6, 8, 9, 10, 12, 13; the totals (3, 7, 11) add up. */
function figures(
  received: [number, number, number],
  resolved: [number, number, number],
  open: [number, number],
): Ii06aFigures {
  const [online, directOrPostal, carriedOver] = received;
  const [early, onTime, late] = resolved;
  const [withinLimit, overdue] = open;
  return {
    received: { total: online + directOrPostal + carriedOver, online, directOrPostal, carriedOver },
    resolved: { total: early + onTime + late, early, onTime, late },
    inProgress: { total: withinLimit + overdue, withinLimit, overdue },
  };
}

const drill = (key?: string): string =>
  `/api/v1/reports/ii06a/dossiers?from=${PERIOD.from}&to=${PERIOD.to}` +
  (key ? `&key=${encodeURIComponent(key)}` : '');

const row = (key: string, name: string, f: Ii06aFigures): Ii06aRow => ({
  key,
  name,
  ...f,
  drill: drill(key),
});

const AGENCIES: Ii06aRow[] = [
  // A long name: it wraps in the PDF's second column.
  row(
    'H26.100',
    'Trung tâm Phục vụ hành chính công thành phố Hà Nội',
    figures([1204, 2310, 156], [2011, 1302, 87], [251, 19]),
  ),
  row('H26.39.1', 'Ủy ban nhân dân Phường Hoàn Kiếm', figures([120, 85, 14], [97, 71, 6], [38, 7])),
  row('H26.57.4', 'Ủy ban nhân dân Xã Sóc Sơn', figures([9, 33, 2], [25, 12, 1], [5, 1])),
];

function report(rows: Ii06aRow[], groupBy: Ii06aGroup = 'agency'): Ii06aResponse {
  const total = rows.reduce<Ii06aFigures>((sum, r) => addFigures(sum, r), zeroFigures());
  const built: Ii06aResponse = {
    ...PERIOD,
    asOf: '2027-01-05T02:30:00.000Z',
    periodLabel: periodLabel(PERIOD.from, PERIOD.to),
    groupBy,
    scope: [{ code: 'H26', name: 'Ủy ban nhân dân thành phố Hà Nội', unitName: 'Thành phố Hà Nội' }],
    rules: { late: 'time', withdrawn: 'on-time' },
    map: 'today',
    rows,
    total: { ...total, drill: drill() },
  };
  assert.ok(Value.Check(Ii06aResponse, built), 'the fixture is an Ii06aResponse');
  return built;
}

const QUARTER = report(AGENCIES);
/** The row's 11 figures in the order of columns 3–13. */
const figuresOf = (f: Ii06aFigures): number[] => II06A_CELLS.map((c) => cellValue(f, c.cell));
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const TITLE_06A =
  'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
const PERIOD_LINE = 'Kỳ báo cáo: Quý IV năm 2026 (từ ngày 01/10/2026 đến ngày 31/12/2026)';
const AS_OF_LINE = 'Số liệu tính đến: 09:30 05/01/2027';

/**
 * The statutory header, relative to its first row (0–3): each merged range (or single cell) and its
 * heading. Written out by hand, not derived from the code under test.
 */
const HEADER = [
  ['A0:A3', 'STT'],
  ['B0:B3', 'Tên cơ quan, đơn vị'],
  ['C0:F0', 'Số hồ sơ nhận giải quyết'],
  ['G0:M0', 'Kết quả giải quyết'],
  ['C1:C3', 'Tổng số'],
  ['D1:F1', 'Trong đó'],
  ['G1:J1', 'Số hồ sơ đã giải quyết'],
  ['K1:M1', 'Số hồ sơ đang giải quyết'],
  ['D2:E2', 'Số mới tiếp nhận'],
  ['F2:F3', 'Số từ kỳ trước chuyển qua'],
  ['G2:G3', 'Tổng số'],
  ['H2:H3', 'Trả trước hạn'],
  ['I2:I3', 'Trả đúng thời hạn'],
  ['J2:J3', 'Trả quá hạn'],
  ['K2:K3', 'Tổng số'],
  ['L2:L3', 'Chưa đến hạn'],
  ['M2:M3', 'Quá hạn'],
  ['D3', 'Trực tuyến'],
  ['E3', 'Trực tiếp, dịch vụ bưu chính công ích'],
] as const;

describe('Biểu II.06a: the figures of the fixture', () => {
  it('add up as the form requires, and the headings cover every header cell once', () => {
    for (const r of [...QUARTER.rows, QUARTER.total]) assert.ok(columnsAddUp(r));
    assert.deepEqual(figuresOf(QUARTER.total), [3933, 1333, 2428, 172, 3612, 2133, 1385, 94, 321, 294, 27]);
    const covered = new Map<string, number>();
    for (const h of ii06aHeadings('agency')) {
      for (let r = h.row; r < h.row + h.rows; r++) {
        for (let c = h.col; c < h.col + h.cols; c++)
          covered.set(`${r}:${c}`, (covered.get(`${r}:${c}`) ?? 0) + 1);
      }
    }
    assert.equal(covered.size, HEADER_ROWS * 13);
    assert.ok([...covered.values()].every((n) => n === 1));
  });
});

// ---- the workbook -------------------------------------------------------------------------------

async function readBook(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  assert.equal(book.worksheets.length, 1);
  return book.worksheets[0]!;
}

/** The sheet's row holding `text` in column A (the column numbers, "(1)"). */
function rowWith(sheet: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === text) return r;
  assert.fail(`no row starts with ${text}`);
}

const shift = (range: string, top: number): string =>
  range.replace(/([A-M])(\d)/g, (_, col: string, r: string) => `${col}${top + Number(r)}`);

describe('Biểu II.06a as XLSX', () => {
  it('has the title block, the period and the cut-off', async () => {
    const sheet = await readBook(await ii06aXlsx(QUARTER, META));
    assert.equal(sheet.name, 'II.06a');
    assert.equal(sheet.getCell('A1').value, 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI');
    assert.equal(sheet.getCell('A1').font.bold, true);
    assert.equal(sheet.getCell('I1').value, 'Biểu số II.06a/VPCP/KSTT');
    assert.equal(sheet.getCell('A3').value, TITLE_06A);
    assert.equal(sheet.getCell('A3').font.bold, true);
    assert.equal(sheet.getCell('A4').value, PERIOD_LINE);
    assert.equal(sheet.getCell('A5').value, AS_OF_LINE);
    assert.equal(sheet.getCell('A6').value, 'Đơn vị tính: Số hồ sơ');
    const merges = sheet.model.merges;
    for (const range of ['A1:E1', 'I1:M1', 'A3:M3', 'A4:M4', 'A5:M5'])
      assert.ok(merges.includes(range), range);
  });

  it('has the merged three-level header and the column numbers (1)…(13)', async () => {
    const sheet = await readBook(await ii06aXlsx(QUARTER, META));
    const numbers = rowWith(sheet, '(1)');
    const top = numbers - HEADER_ROWS;
    assert.deepEqual(
      Array.from({ length: 13 }, (_, i) => sheet.getCell(numbers, i + 1).value),
      Array.from({ length: 13 }, (_, i) => `(${i + 1})`),
    );
    const merges = sheet.model.merges;
    for (const [range, text] of HEADER) {
      const at = shift(range, top);
      if (at.includes(':')) assert.ok(merges.includes(at), `${at} merged for "${text}"`);
      const master = sheet.getCell(at.split(':')[0]!);
      assert.equal(master.value, text, at);
      assert.equal(master.font.bold, true);
      assert.deepEqual(master.border?.top, { style: 'thin' });
    }
    // Nothing else is merged in the header.
    const inHeader = merges.filter((m) => {
      const r = Number(/\d+/.exec(m)![0]);
      return r >= top && r < numbers;
    });
    assert.equal(inHeader.length, HEADER.filter(([range]) => range.includes(':')).length);
  });

  it('writes each row’s 11 figures as numbers in columns 3–13, then the bold total', async () => {
    const sheet = await readBook(await ii06aXlsx(QUARTER, META));
    const first = rowWith(sheet, '(1)') + 1;
    QUARTER.rows.forEach((r, i) => {
      const at = first + i;
      assert.equal(sheet.getCell(at, 1).value, i + 1);
      assert.equal(sheet.getCell(at, 2).value, r.name);
      const cells = Array.from({ length: 11 }, (_, k) => sheet.getCell(at, k + 3));
      assert.ok(
        cells.every((c) => c.type === ExcelJS.ValueType.Number),
        `row ${i + 1}: numbers, not text`,
      );
      assert.deepEqual(
        cells.map((c) => c.value),
        figuresOf(r),
      );
    });
    assert.equal(sheet.getCell(first, 5).value, 2310, 'direct or postal, column (5)');
    assert.equal(sheet.getCell(first + 1, 10).value, 6, 'resolved late, column (10)');
    const total = first + QUARTER.rows.length;
    assert.equal(sheet.getCell(total, 1).value, null);
    assert.equal(sheet.getCell(total, 2).value, 'Tổng cộng');
    assert.equal(sheet.getCell(total, 2).font.bold, true);
    assert.deepEqual(
      Array.from({ length: 11 }, (_, k) => sheet.getCell(total, k + 3).value),
      figuresOf(QUARTER.total),
    );
    assert.ok(Array.from({ length: 11 }, (_, k) => sheet.getCell(total, k + 3)).every((c) => c.font.bold));
  });

  it('ends with the date and the signatures, and prints landscape A4 with the header on every page', async () => {
    const sheet = await readBook(await ii06aXlsx(QUARTER, META));
    const texts: string[] = [];
    sheet.eachRow((r) => r.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    for (const text of ['Ngày 05 tháng 01 năm 2027', 'NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ']) {
      assert.ok(texts.includes(text), text);
    }
    const numbers = rowWith(sheet, '(1)');
    assert.equal(sheet.pageSetup.orientation, 'landscape');
    assert.equal(sheet.pageSetup.paperSize, 9);
    assert.equal(sheet.pageSetup.printTitlesRow, `${numbers - HEADER_ROWS}:${numbers}`);
  });

  it('gives the same bytes for the same report', async () => {
    const a = await ii06aXlsx(QUARTER, META);
    const b = await ii06aXlsx(structuredClone(QUARTER), { ...META, createdAt: new Date(META.createdAt) });
    assert.ok(a.equals(b));
  });

  it('is Biểu II.06b by level', async () => {
    const levels = report(
      [
        row('1', 'Cấp tỉnh', figures([1204, 2310, 156], [2011, 1302, 87], [251, 19])),
        row('3', 'Cấp xã', figures([129, 118, 16], [122, 83, 7], [43, 8])),
      ],
      'level',
    );
    const sheet = await readBook(await ii06aXlsx(levels, META));
    assert.equal(sheet.name, 'II.06b');
    assert.equal(sheet.getCell('I1').value, 'Biểu số II.06b/VPCP/KSTT');
    assert.equal(
      sheet.getCell('A3').value,
      'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO CẤP HÀNH CHÍNH',
    );
    const numbers = rowWith(sheet, '(1)');
    assert.equal(sheet.getCell(numbers - HEADER_ROWS, 2).value, 'Cấp');
    assert.equal(sheet.getCell(numbers + 2, 2).value, 'Cấp xã');
  });
});

// ---- the PDF ------------------------------------------------------------------------------------

function withPdf<T>(pdf: Buffer, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-ii06a-'));
  try {
    const path = join(dir, 'ii06a.pdf');
    writeFileSync(path, pdf);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout` of one page (or all), NFC. */
function layoutText(pdf: Buffer, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return withPdf(pdf, (path) =>
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, path, '-'], {
      encoding: 'utf8',
    }).normalize('NFC'),
  );
}

type Word = { text: string; x: number; xMin: number; xMax: number; y: number; yMax: number };

/** The words of each page with their boxes (`pdftotext -bbox`): x the centre, y the top. */
function pageWords(pdf: Buffer): Word[][] {
  const html = withPdf(pdf, (path) =>
    execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }),
  );
  const entities: Record<string, string> = {
    '&amp;': '&',
    '&lt;': '<',
    '&gt;': '>',
    '&quot;': '"',
    '&apos;': "'",
  };
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        text: m[5]!.replace(/&\w+;/g, (e) => entities[e] ?? e).normalize('NFC'),
        x: (Number(m[1]) + Number(m[3])) / 2,
        xMin: Number(m[1]),
        xMax: Number(m[3]),
        y: Number(m[2]),
        yMax: Number(m[4]),
      })),
    );
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A printed row in -layout: its number, the start of its name, then its 11 figures in order. */
function rowPattern(stt: string, name: string, f: Ii06aFigures): RegExp {
  const start = name.split(' ').slice(0, 4).join(' ');
  return new RegExp(
    `^ *${escape(stt)} +${escape(start)}.* +${figuresOf(f).map(grouped).map(escape).join(' +')} *$`,
    'm',
  );
}

/** Which column (3–13) each figure on the line of `anchor` stands in: the nearest column number "(n)". */
function columnsOnLine(words: Word[], anchor: Word): Map<number, string> {
  const labels = words.filter((w) => /^\(\d+\)$/.test(w.text));
  assert.equal(labels.length, 13, 'the column numbers are on the page');
  const out = new Map<number, string>();
  const figure = /^\d{1,3}(\.\d{3})*$/;
  for (const w of words.filter(
    (w) => Math.abs(w.y - anchor.y) < 1 && w.x > anchor.x && figure.test(w.text),
  )) {
    const nearest = labels.reduce((a, b) => (Math.abs(a.x - w.x) <= Math.abs(b.x - w.x) ? a : b));
    const col = Number(nearest.text.slice(1, -1));
    if (col >= 3) {
      assert.ok(!out.has(col), `one figure in column ${col}`);
      out.set(col, w.text);
    }
  }
  return out;
}

const poppler = missingTools('pdftotext', 'pdfinfo', 'pdffonts');

describe('Biểu II.06a as PDF', { skip: poppler }, () => {
  it('is landscape A4 with the title block, the headings and the footer in Vietnamese', async () => {
    const pdf = await ii06aPdf(QUARTER, META);
    const info = pdfInfo(pdf);
    assert.equal(info.Pages, '1');
    assert.match(info['Page size']!, /^841\.89 x 595\.28 pts \(A4\)/);
    const raw = pdfText(pdf);
    const inOrder = [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      'Biểu số II.06a/VPCP/KSTT',
      TITLE_06A,
      PERIOD_LINE,
      AS_OF_LINE,
      'Đơn vị tính: Số hồ sơ',
      ...HEADER.map(([, text]) => text),
      Array.from({ length: 13 }, (_, i) => `(${i + 1})`).join(' '),
      'Tổng cộng',
      'Ngày 05 tháng 01 năm 2027',
      'NGƯỜI LẬP BIỂU',
      '(Ký, ghi rõ họ tên)',
      'THỦ TRƯỞNG ĐƠN VỊ',
      '(Ký tên, đóng dấu)',
      'Trang 1/1',
    ];
    let from = 0;
    for (const text of inOrder) {
      const at = raw.indexOf(text, from);
      assert.ok(at >= 0, `"${text}" (in order) in:\n${raw}`);
      from = at + text.length;
    }
  });

  it('prints each row’s figures in its columns, and the totals', async () => {
    const pdf = await ii06aPdf(QUARTER, META);
    const text = layoutText(pdf);
    QUARTER.rows.forEach((r, i) => assert.match(text, rowPattern(String(i + 1), r.name, r)));
    assert.match(
      text,
      /^ *Tổng cộng +3\.933 +1\.333 +2\.428 +172 +3\.612 +2\.133 +1\.385 +94 +321 +294 +27 *$/m,
    );
    // The long name wraps; its second line is below the first, alone.
    assert.match(text, /^ +phố Hà Nội *$/m);

    const [words] = pageWords(pdf) as [Word[]];
    const check = (anchor: Word | undefined, f: Ii06aFigures): void => {
      assert.ok(anchor);
      const columns = columnsOnLine(words, anchor);
      assert.deepEqual(
        [...columns.entries()].sort(([a], [b]) => a - b),
        II06A_CELLS.map((c) => [c.column, grouped(cellValue(f, c.cell))]),
      );
    };
    QUARTER.rows.forEach((r, i) => {
      const first = r.name.split(' ')[0];
      const stt = words.find((w, k) => w.text === String(i + 1) && words[k + 1]?.text === first);
      check(stt, r);
    });
    check(
      words.find((w, k) => w.text === 'Tổng' && words[k + 1]?.text === 'cộng'),
      QUARTER.total,
    );
  });

  it('draws each merged heading over the columns it spans', async () => {
    const [words] = pageWords(await ii06aPdf(QUARTER, META)) as [Word[]];
    const label = (col: number): Word => words.find((w) => w.text === `(${col})`)!;
    const spans = [
      ['Số hồ sơ nhận giải quyết', 3, 6],
      ['Kết quả giải quyết', 7, 13],
      ['Trong đó', 4, 6],
      ['Số hồ sơ đã giải quyết', 7, 10],
      ['Số hồ sơ đang giải quyết', 11, 13],
      ['Số mới tiếp nhận', 4, 5],
    ] as const;
    for (const [text, first, last] of spans) {
      const parts = text.split(' ');
      const at = words.findIndex((_, k) => parts.every((part, j) => words[k + j]?.text === part));
      assert.ok(at >= 0, text);
      const centre = (words[at]!.xMin + words[at + parts.length - 1]!.xMax) / 2;
      // Columns 3–13 are equally wide: a span's centre is halfway between its end columns' numbers.
      const expected = (label(first).x + label(last).x) / 2;
      assert.ok(Math.abs(centre - expected) < 2, `${text}: centred over (${first})–(${last})`);
    }
  });

  it('sets Vietnamese in the embedded Be Vietnam Pro, never a standard font', async () => {
    const fonts = withPdf(await ii06aPdf(QUARTER, META), (path) =>
      execFileSync('pdffonts', [path], { encoding: 'utf8' }),
    );
    const names = fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')
      .map((l) => l.split(/\s+/)[0]!);
    assert.ok(names.length > 0 && names.every((n) => /\+BeVietnamPro-/.test(n)), fonts);
    assert.doesNotMatch(fonts, /Helvetica|Times|Courier/);
  });

  it('runs 60 rows over pages, the header and the page number on each, every row once', async () => {
    const names = [
      'Ủy ban nhân dân Phường Hoàn Kiếm',
      'Ủy ban nhân dân Phường Cửa Nam',
      'Ủy ban nhân dân Xã Sóc Sơn',
      'Ủy ban nhân dân Xã Đa Phúc',
    ];
    const rows = Array.from({ length: 60 }, (_, i) =>
      row(
        `H26.${i + 1}`,
        `${names[i % names.length]} (${i + 1})`,
        figures([i + 10, 2 * i + 3, i % 7], [i + 5, i + 4, i % 3], [i % 5, i % 2]),
      ),
    );
    const long = report(rows);
    const pdf = await ii06aPdf(long, META);
    const pages = Number(pdfInfo(pdf).Pages);
    assert.ok(pages > 1, `${pages} pages`);
    const texts = Array.from({ length: pages }, (_, p) => layoutText(pdf, p + 1));
    texts.forEach((text, p) => {
      for (const heading of [
        'Số hồ sơ nhận giải quyết',
        'Kết quả giải quyết',
        'Tên cơ quan, đơn vị',
        'Tổng số',
      ]) {
        assert.ok(text.includes(heading), `page ${p + 1}: ${heading}`);
      }
      assert.match(
        text,
        /^ *\(1\) +\(2\) +\(3\) +\(4\) +\(5\) +\(6\) +\(7\) +\(8\) +\(9\) +\(10\) +\(11\) +\(12\) +\(13\) *$/m,
      );
      assert.match(text, new RegExp(`Trang ${p + 1}/${pages}\\s*$`));
      assert.equal(
        text.includes('TÌNH HÌNH, KẾT QUẢ'),
        p === 0,
        `page ${p + 1}: the title on the first page only`,
      );
    });
    const all = texts.join('\n');
    rows.forEach((r, i) => {
      const found = all.match(new RegExp(rowPattern(String(i + 1), r.name, r).source, 'gm')) ?? [];
      assert.equal(found.length, 1, `row ${i + 1} once`);
    });
    assert.match(texts[pages - 1]!, rowPattern('', 'Tổng cộng', long.total));
    assert.ok(texts[pages - 1]!.includes('THỦ TRƯỞNG ĐƠN VỊ'));
    // Nothing runs into the bottom margin (15 mm) but the page number.
    const bottom = 595.28 - (15 * 72) / 25.4;
    pageWords(pdf).forEach((words, p) => {
      const body = words.filter((w) => w.text !== 'Trang' && !/^\d+\/\d+$/.test(w.text));
      assert.ok(
        body.every((w) => w.yMax <= bottom + 0.5),
        `page ${p + 1} stays above the margin`,
      );
    });
  });

  it('is Biểu II.06b by level', async () => {
    const levels = report(
      [row('1', 'Cấp tỉnh', figures([1204, 2310, 156], [2011, 1302, 87], [251, 19]))],
      'level',
    );
    const raw = pdfText(await ii06aPdf(levels, META));
    assert.ok(raw.includes('Biểu số II.06b/VPCP/KSTT'));
    assert.ok(raw.includes('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO CẤP HÀNH CHÍNH'));
    assert.match(raw, /STT Cấp Số hồ sơ nhận giải quyết/);
  });
});
