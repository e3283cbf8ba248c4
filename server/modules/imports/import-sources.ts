// The file as records with their line numbers: JSON lines read line by line from the request's stream
// (never held whole), or the spreadsheet template's rows turned into DVCQG records (a workbook is read
// whole: it is bounded by XLSX_MAX_BYTES). The template itself is built here too.
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { buildXlsx } from '../../platform/xlsx.ts';
import { fail } from './imports.errors.ts';
import type { ImportLines } from './imports.service.ts';

export const JSONL_MAX_BYTES = 4 * 1024 ** 3;
export const XLSX_MAX_BYTES = 50 * 1024 ** 2;
const XLSX_MAX_UNZIPPED = 400 * 1024 ** 2;

/** Lines of a stream, numbered from 1; a byte-order mark is dropped; past `maxBytes`, 413. */
export async function* streamLines(stream: Readable, maxBytes = JSONL_MAX_BYTES): ImportLines {
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > maxBytes)
      stream.destroy(
        fail('IMPORT_FILE_TOO_LARGE', { params: { limit: `${Math.round(maxBytes / 1024 ** 2)} MB` } }),
      );
  });
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    yield [n, n === 1 ? line.replace(/^\uFEFF/, '') : line];
  }
}

/** The main sheet's columns: the DVCQG record's fields, one dossier a row. */
export const XLSX_DOSSIER_COLUMNS = [
  'MaHoSo',
  'MaHoSoKhac',
  'MaTTHC',
  'KenhThucHien',
  'ChuHoSo',
  'LoaiDoiTuong',
  'SoGiayToChuHoSo',
  'DienThoaiChuHoSo',
  'EmailChuHoSo',
  'MaDonViHanhChinh',
  'DiaChiChiTiet',
  'TrichYeuHoSo',
  'NgayNopHoSo',
  'NgayTiepNhan',
  'NgayHenTra',
  'NgayYeuCauBoSung',
  'NgayTuChoi',
  'NgayKetThucXuLy',
  'NgayTra',
  'TrangThaiHoSo',
  'DonViXuLy',
  'NoiNopHoSo',
  'DaDongBoDVCQG',
] as const;

/** Further sheets, each row naming its dossier by MaHoSo: the lists of the record. */
export const XLSX_LIST_SHEETS = {
  QuaTrinhXuLy: [
    'MaHoSo',
    'NguoiXuLy',
    'ChucDanh',
    'ThoiDiemXuLy',
    'PhongBanXuLy',
    'NoiDungXuLy',
    'TrangThai',
    'NgayKetThucTheoQuyDinh',
  ],
  DanhSachLePhi: ['MaHoSo', 'TenPhiLePhi', 'MaPhiLePhi', 'HinhThucThu', 'Gia'],
  TaiLieuNop: ['MaHoSo', 'MaThanhPhanHoSo', 'TenTepDinhKem', 'DuongDanTaiTepTin'],
  DanhSachGiayToKetQua: ['MaHoSo', 'TenGiayTo', 'MaGiayToKetQua', 'DuongDanTepTinKetQua'],
} as const;
const MAIN_SHEET = 'HoSo';
const NUMERIC = new Set([
  'KenhThucHien',
  'LoaiDoiTuong',
  'TrangThaiHoSo',
  'DaDongBoDVCQG',
  'TrangThai',
  'HinhThucThu',
  'Gia',
]);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A cell as the record's text: a date cell is the wall-clock time it shows (yyyyMMddHHmmss). */
function cellValue(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date)
    return `${v.getUTCFullYear()}${pad(v.getUTCMonth() + 1)}${pad(v.getUTCDate())}${pad(v.getUTCHours())}${pad(v.getUTCMinutes())}${pad(v.getUTCSeconds())}`;
  if ('richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? '' : cellValue(v.result);
  if ('hyperlink' in v) return cellValue(v.text);
  return '';
}

type SheetRows = { line: number; fields: Record<string, string | number> }[];

function sheetRows(sheet: ExcelJS.Worksheet): SheetRows {
  const out: SheetRows = [];
  let header: string[] | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellValue(row.getCell(c).value));
    if (header === null) {
      header = cells;
      return;
    }
    const fields: Record<string, string | number> = {};
    header.forEach((name, i) => {
      const v = cells[i] ?? '';
      if (name === '' || v === '') return;
      fields[name] = NUMERIC.has(name) && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    });
    if (Object.keys(fields).length > 0) out.push({ line: rowNumber, fields });
  });
  return out;
}

/**
 * The template's rows as DVCQG records, numbered by their row in the main sheet. A list row naming no
 * dossier of the main sheet is reported as a record of its own, refused.
 */
export async function xlsxLines(bytes: Buffer): Promise<ImportLines> {
  const invalid = (message: string) => fail('IMPORT_FILE_INVALID', { details: [{ path: 'body', message }] });
  if (bytes.length > XLSX_MAX_BYTES) throw fail('IMPORT_FILE_TOO_LARGE', { params: { limit: '50 MB' } });
  let unzipped = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        unzipped += f.originalSize;
        return false;
      },
    });
  } catch {
    throw invalid('Không đọc được tệp Excel (.xlsx).');
  }
  if (unzipped > XLSX_MAX_UNZIPPED) throw invalid('Tệp Excel giải nén ra quá 400 MB: chia thành nhiều tệp.');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('Không đọc được tệp Excel (.xlsx).');
  }
  const main = book.getWorksheet(MAIN_SHEET);
  if (main === undefined) throw invalid(`Tệp Excel không có trang “${MAIN_SHEET}” (xem mẫu).`);
  const records = sheetRows(main).map(({ line, fields }) => {
    const { MaDonViHanhChinh, DiaChiChiTiet, ...rest } = fields;
    const r: Record<string, unknown> = { ...rest };
    if (MaDonViHanhChinh !== undefined)
      r.DiaChiChuHoSo = { MaDonViHanhChinh, DiaChiChiTiet: DiaChiChiTiet ?? '' };
    return { line, code: String(fields.MaHoSo ?? ''), record: r };
  });
  const byCode = new Map(records.map((x) => [x.code, x.record]));
  const stray: { line: number; record: Record<string, unknown> }[] = [];
  for (const name of Object.keys(XLSX_LIST_SHEETS)) {
    const sheet = book.getWorksheet(name);
    if (sheet === undefined) continue;
    for (const { line, fields } of sheetRows(sheet)) {
      const { MaHoSo, ...item } = fields;
      const target = byCode.get(String(MaHoSo ?? ''));
      if (target === undefined) {
        stray.push({
          line,
          record: {
            MaHoSo,
            __sheet: name,
            __problem: `Trang ${name}, dòng ${line}: không có hồ sơ ${String(MaHoSo ?? '')} ở trang ${MAIN_SHEET}.`,
          },
        });
        continue;
      }
      const list = (target[name] as unknown[] | undefined) ?? [];
      list.push(item);
      target[name] = list;
    }
  }
  async function* lines(): ImportLines {
    for (const x of records) yield [x.line, JSON.stringify(x.record)];
    // Numbered after the main sheet's rows, so each report line is unique.
    const last = records.at(-1)?.line ?? 1;
    for (const [i, x] of stray.entries()) yield [last + 1 + i, JSON.stringify(x.record)];
  }
  return lines();
}

/** The empty template an administrator fills in (headers only, one sheet per list). */
export async function dossierTemplateXlsx(at: Date): Promise<Buffer> {
  const columns = (names: readonly string[]) =>
    names.map((header) => ({ header, width: Math.max(14, header.length + 4) }));
  return buildXlsx({
    title: 'Mẫu nhập hồ sơ từ hệ thống cũ',
    sheetName: MAIN_SHEET,
    columns: columns(XLSX_DOSSIER_COLUMNS),
    rows: [],
    more: Object.entries(XLSX_LIST_SHEETS).map(([sheetName, names]) => ({
      sheetName,
      columns: columns(names),
      rows: [],
    })),
    created: at,
    packagedAt: at,
  });
}
