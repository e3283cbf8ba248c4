import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TRACKING_BOOK_COLUMNS } from './slip-forms.ts';
import ExcelJS from 'exceljs';
import { renderTrackingBookXlsx, SHEET_NAME, spreadsheetSerial } from './tracking-book-xlsx.ts';
import { xmlText } from '../../platform/xlsx.ts';
import { slipData, trackingEntries } from './test-fixtures.ts';
import { missingTools, unzipList, unzipRead } from './test-poppler.ts';

const PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'docProps/core.xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/worksheets/sheet1.xml',
];

/**
 * A structural XML check (no parser is installed): one declaration, then balanced elements, quoted
 * attributes, and no stray `<` or `&` in text.
 */
function assertWellFormed(xml: string, part: string): void {
  assert.ok(
    xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'),
    `${part}: declaration`,
  );
  const body = xml.slice(xml.indexOf('?>') + 2);
  const stack: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const text = body.slice(last, m.index);
    assert.ok(!text.includes('<'), `${part}: stray "<" before ${m[0]}`);
    assert.ok(!/&(?!(amp|lt|gt|quot|apos);)/.test(text), `${part}: bare "&" in "${text}"`);
    const [, close, name, , selfClose] = m;
    if (close) assert.equal(stack.pop(), name, `${part}: </${name}> closes the open element`);
    else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
    last = tag.lastIndex;
  }
  assert.equal(body.slice(last).trim(), '', `${part}: nothing after the root`);
  assert.deepEqual(stack, [], `${part}: every element closed`);
  assert.equal(roots, 1, `${part}: one root element`);
}

const book = slipData()['tracking-book'];

describe('the tracking book as XLSX', () => {
  it('drops characters XML cannot hold, and dates in Vietnamese time', () => {
    // Escaping is ExcelJS's: the round trip below reads '<', '"' and '&' back.
    assert.equal(xmlText('<Công ty "A&B">\u0001\t'), '<Công ty "A&B">\t');
    // 09:15 on 1/11/2026 in Hà Nội: 46327 days after 30/12/1899, plus 9h15.
    assert.ok(Math.abs(spreadsheetSerial('2026-11-01T02:15:00Z') - (46327 + (9 * 60 + 15) / 1440)) < 1e-9);
  });

  it('is deterministic', async () => {
    assert.ok((await renderTrackingBookXlsx(book)).equals(await renderTrackingBookXlsx(book)));
  });

  it('is a sound package with the required parts', { skip: missingTools('unzip') }, async () => {
    const xlsx = await renderTrackingBookXlsx(book);
    const { names, tested } = unzipList(xlsx);
    assert.ok(tested, 'unzip -t');
    // ExcelJS adds a theme, shared strings and app properties to the parts written before.
    for (const part of PARTS) assert.ok(names.includes(part), `${part} is in the package`);
    for (const part of names) assertWellFormed(unzipRead(xlsx, part), part);

    const types = unzipRead(xlsx, '[Content_Types].xml');
    for (const [part, type] of [
      ['/xl/workbook.xml', 'spreadsheetml.sheet.main+xml'],
      ['/xl/worksheets/sheet1.xml', 'spreadsheetml.worksheet+xml'],
      ['/xl/styles.xml', 'spreadsheetml.styles+xml'],
    ] as const) {
      assert.match(
        types,
        new RegExp(`PartName="${part}" ContentType="[^"]*${type.replace(/[.+]/g, '\\$&')}"`),
      );
    }
    assert.match(unzipRead(xlsx, '_rels/.rels'), /Target="xl\/workbook.xml"/);
    const workbook = unzipRead(xlsx, 'xl/workbook.xml');
    const sheet = new RegExp(
      `<sheet sheetId="1" name="${SHEET_NAME}" state="visible" r:id="(rId\\d+)"/>`,
    ).exec(workbook);
    assert.ok(sheet, 'the one sheet, named');
    const rels = unzipRead(xlsx, 'xl/_rels/workbook.xml.rels');
    assert.match(rels, new RegExp(`Id="${sheet[1]}" Type="[^"]+/worksheet" Target="worksheets/sheet1.xml"`));
    assert.match(rels, /Type="[^"]+\/styles" Target="styles.xml"/);
  });

  it(
    'has a header row and one row per dossier, Vietnamese text as written',
    { skip: missingTools('unzip') },
    async () => {
      const entries = trackingEntries(40);
      entries[0] = { ...entries[0]!, note: 'Ghi chú <có> "dấu" & ký tự đặc biệt\u0001' };
      const xlsx = await renderTrackingBookXlsx({ ...book, entries });
      const sheet = unzipRead(xlsx, 'xl/worksheets/sheet1.xml');
      const rows = [...sheet.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/g)];
      assert.equal(rows.length, 41);
      assert.deepEqual(
        rows.map((r) => Number(r[1])),
        Array.from({ length: 41 }, (_, i) => i + 1),
      );
      assert.ok(sheet.includes('<dimension ref="A1:L41"/>'));
      assert.ok(sheet.includes('<autoFilter ref="A1:L41"/>'));
      assert.ok(sheet.includes('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'));
      const first = rows[1]![2]!;
      assert.ok(first.startsWith('<c r="A2"><v>1</v></c>'));
      const g2 = new RegExp(
        `<c r="G2" s="(\\d+)"><v>${spreadsheetSerial('2026-11-01T09:15:00+07:00')}</v></c>`,
      );
      const dateStyle = g2.exec(first)?.[1];
      assert.ok(dateStyle, 'G2 is the serial of 09:15 on 1/11/2026 in Hà Nội');
      const styles = unzipRead(xlsx, 'xl/styles.xml');
      const formatId = /<numFmt numFmtId="(\d+)" formatCode="hh:mm dd\/mm\/yyyy"\/>/.exec(styles)?.[1];
      assert.ok(formatId, 'the date format');
      const xfs = [...styles.split('<cellXfs')[1]!.matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
      assert.match(xfs[Number(dateStyle)]!, new RegExp(`numFmtId="${formatId}"`));
      // Entry 3 was not returned: no I (returned) cell, a note instead.
      assert.ok(!rows[3]![2]!.includes('r="I4"'));

      // Text is in the shared-string table: read it back through ExcelJS.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
      const read = workbook.getWorksheet(SHEET_NAME)!;
      const values = (r: number) => (read.getRow(r).values as unknown[]).slice(1);
      assert.deepEqual(
        values(1),
        TRACKING_BOOK_COLUMNS.map((c) => c.header),
      );
      assert.ok(read.getRow(1).font?.bold);
      assert.deepEqual(
        read.columns.map((c) => c.width),
        [6, 28, 34, 24, 34, 26, 17, 17, 17, 18, 18, 20],
      );
      for (const text of [
        '000.12.22.H26-261101-0001',
        'Đăng ký khai sinh',
        'Nguyễn Thị Hường',
        'Số 12 phố Hàng Trống, Phường Hàng Trống, Hà Nội; 0912 345 678',
        'UBND Phường Hàng Trống',
        'Trực tiếp',
        'Ghi chú <có> "dấu" & ký tự đặc biệt',
      ]) {
        assert.ok(values(2).includes(text), `row 2 holds "${text}"`);
      }
      assert.ok(values(4).includes('Chờ bổ sung'));
    },
  );

  it('dates the package and titles it with the register', { skip: missingTools('unzip') }, async () => {
    const core = unzipRead(await renderTrackingBookXlsx(book), 'docProps/core.xml');
    assert.ok(
      core.includes('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-30T10:00:00Z</dcterms:created>'),
    );
    assert.ok(
      core.includes(
        'Sổ theo dõi hồ sơ — Ủy ban nhân dân Phường Hàng Trống — Hộ tịch — 01/11/2026–30/11/2026',
      ),
    );
    assert.ok(core.includes('Mẫu 07 — Thông tư số 03/2025/TT-VPCP'));
  });
});
