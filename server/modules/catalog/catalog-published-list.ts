// The list of procedures a province publishes with its announcing decision (quyết định công bố của Chủ
// tịch UBND tỉnh: ND 63/2010 Chương III, as amended by ND 92/2017): one row per procedure, its national code (Mã TTHC)
// and, as the province's list has them, its name, field, level, the decision's number and the day it
// takes effect. Each row takes the national catalogue's record for its code (catalog-national.ts) with
// that decision's number and day, and the records are imported as any catalogue file
// (catalog-import.service.ts: a trial by default, flagged records as drafts). The file is read by
// platform/table-file.ts (XLSX or CSV by content, a title above the header). A row whose code the
// national catalogue does not have, or has twice, a code repeated in the list and a day that is not a
// date are refused with their row. docs/domain/catalog.md, "The province's published list".
import type { Deps } from '../../deps.ts';
import type { AuditActor } from '../../platform/audit.ts';
import { tableReader } from '../../platform/table-file.ts';
import { importCatalogue, type ImportItem, type ImportReport } from './catalog-import.service.ts';
import { loadNationalCatalogue, type NationalRecord } from './catalog-national.ts';
import { REFERENCE_DATA_DIR, type CatalogueRejection } from './catalog-source.ts';
import { fail } from './catalog.errors.ts';

export const PUBLISHED_LIST_MAX_BYTES = 5 * 1024 * 1024;
/** As many rows as a catalogue file may have records (common/contracts/catalog.ts ImportBody). */
export const PUBLISHED_LIST_MAX_ROWS = 8000;

type Column = 'code' | 'name' | 'field' | 'level' | 'decisionNumber' | 'effectiveFrom';

// Folded header texts (foldVietnamese, dots as spaces) and the column each names.
const HEADERS: Record<Column, readonly string[]> = {
  code: ['ma tthc', 'ma thu tuc', 'ma thu tuc hanh chinh', 'ma so tthc', 'procedure code', 'code'],
  name: ['ten thu tuc', 'ten thu tuc hanh chinh', 'ten tthc', 'procedure', 'procedure name', 'name'],
  field: ['linh vuc', 'field'],
  level: ['cap thuc hien', 'cap', 'level'],
  decisionNumber: [
    'so quyet dinh cong bo',
    'quyet dinh cong bo',
    'so quyet dinh',
    'decision',
    'decision number',
  ],
  effectiveFrom: [
    'ngay hieu luc',
    'ngay co hieu luc',
    'hieu luc tu ngay',
    'effective from',
    'effective date',
  ],
};

const reader = tableReader<Column>({
  headers: HEADERS,
  required: ['code'],
  requiredWords: { vi: '"Mã TTHC"', en: 'a "Mã TTHC" (procedure code) column' },
  codePrefix: 'CATALOG_LIST',
  maxRows: PUBLISHED_LIST_MAX_ROWS,
  maxBytes: PUBLISHED_LIST_MAX_BYTES,
  maxUnzippedBytes: 100 * 1024 * 1024,
});

/** A row of the list as read: its line in the sheet and the cells the import uses. */
export type PublishedRow = {
  line: number;
  code: string;
  name: string;
  decisionNumber: string;
  effective: string;
};

/**
 * The effective day as an ISO date: a date cell (read as 2026-01-15), or 15/01/2026, 15-1-2026,
 * 15.01.2026; `day` null when the cell is empty; `invalid` when it is not a day of the calendar.
 */
export function effectiveDay(text: string): { day: string | null } | 'invalid' {
  const t = text.trim();
  if (t === '') return { day: null };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return 'invalid';
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? 'invalid' : { day };
}

export type ListRecords = {
  /** The national records to import, each with the decision's number and day, in the list's order. */
  procedures: NationalRecord[];
  /** The row (index into the list's rows) of each record. */
  rowOf: number[];
  /** Rows refused before the import, with their reasons. */
  refused: CatalogueRejection[];
};

/**
 * The list's rows as national records. The decision's number and day replace the national record's
 * (the province's decision is what puts the procedure in force there); the ministry's decision number
 * is kept in the record's notes.
 */
export function publishedListRecords(
  rows: readonly PublishedRow[],
  national: readonly NationalRecord[],
): ListRecords {
  const byCode = new Map<string, NationalRecord[]>();
  for (const r of national) {
    const code = r.code.trim();
    byCode.set(code, [...(byCode.get(code) ?? []), r]);
  }
  const out: ListRecords = { procedures: [], rowOf: [], refused: [] };
  const firstLine = new Map<string, number>();
  rows.forEach((row, index) => {
    const reasons: { path: string; message: string }[] = [];
    const at = `Dòng ${row.line}`;
    const found = byCode.get(row.code) ?? [];
    if (row.code === '') reasons.push({ path: 'code', message: `${at}: thiếu Mã TTHC` });
    else if (found.length === 0) {
      reasons.push({
        path: 'code',
        message: `${at}: không có thủ tục mã ${row.code} trong danh mục quốc gia`,
      });
    } else if (found.length > 1) {
      reasons.push({
        path: 'code',
        message: `${at}: mã ${row.code} được danh mục quốc gia dùng cho ${found.length} thủ tục khác nhau: cần xác định đúng thủ tục trước khi nhập`,
      });
    }
    const earlier = firstLine.get(row.code);
    if (row.code !== '' && earlier !== undefined) {
      reasons.push({ path: 'code', message: `${at}: mã ${row.code} đã có ở dòng ${earlier}` });
    } else if (row.code !== '') firstLine.set(row.code, row.line);
    const effective = effectiveDay(row.effective);
    if (effective === 'invalid') {
      reasons.push({
        path: 'decisionDate',
        message: `${at}: ngày hiệu lực “${row.effective}” không phải một ngày (ngày/tháng/năm, ví dụ 15/01/2026)`,
      });
    }
    if (reasons.length > 0 || effective === 'invalid') {
      out.refused.push(row.code === '' ? { index, reasons } : { index, code: row.code, reasons });
      return;
    }
    const record = structuredClone(found[0]!);
    const number = row.decisionNumber.trim();
    if (number !== '') {
      const ministry = typeof record.decisionNumber === 'string' ? record.decisionNumber.trim() : '';
      if (ministry !== '' && ministry !== number) {
        const notes = Array.isArray(record.notes) ? (record.notes as string[]) : [];
        record.notes = [...notes, `Quyết định công bố của bộ, ngành: ${ministry}`];
      }
      record.decisionNumber = number;
    }
    if (effective.day !== null) record.decisionDate = effective.day;
    out.procedures.push(record);
    out.rowOf.push(index);
  });
  return out;
}

/**
 * The shipped national catalogue, read once per process on the first list imported (unzipping and
 * parsing it took about 0.4 s a request); publishedListRecords clones the records it takes.
 */
let shipped: readonly NationalRecord[] | null = null;
const shippedNational = (): readonly NationalRecord[] =>
  (shipped ??= loadNationalCatalogue(REFERENCE_DATA_DIR).procedures);

export type PublishedListReport = ImportReport & {
  /** Each row of the list (the report's `index`): its line in the sheet, and the procedure's name. */
  rows: { index: number; line: number; name: string | null }[];
};

/**
 * Imports the province's published list (its bytes: XLSX or CSV): a trial unless `dryRun` is false.
 * A file that cannot be read as a list (no "Mã TTHC" header, not a spreadsheet, too many rows) is
 * refused whole (400, each problem as a detail); rows are refused one by one in the report.
 */
export async function importPublishedList(
  deps: Deps,
  by: AuditActor,
  input: { bytes: Uint8Array; dryRun: boolean; requestId: string | null },
): Promise<PublishedListReport> {
  const read = await reader.any(input.bytes);
  if (!read.ok) {
    throw fail('CATALOG_PUBLISHED_LIST_UNREADABLE', {
      details: read.problems.map((p) => ({ path: p.path, message: p.message, code: p.code })),
    });
  }
  const rows: PublishedRow[] = read.rows.map(({ line, cells }) => ({
    line,
    code: cells.code,
    name: cells.name,
    decisionNumber: cells.decisionNumber,
    effective: cells.effectiveFrom,
  }));
  const list = publishedListRecords(rows, shippedNational());
  const report = await importCatalogue(
    deps,
    by,
    { procedures: list.procedures },
    { dryRun: input.dryRun, requestId: input.requestId },
  );
  // The import's positions are the records'; the list's are its rows.
  const row = (index: number) => (index < 0 ? index : list.rowOf[index]!);
  const items: ImportItem[] = [
    ...report.items.map((i) => ({ ...i, index: row(i.index) })),
    ...list.refused.map((r) => ({ index: r.index, code: r.code ?? '', result: 'rejected' as const })),
  ].sort((a, b) => a.index - b.index);
  const rejected = [...report.rejected.map((r) => ({ ...r, index: row(r.index) })), ...list.refused].sort(
    (a, b) => a.index - b.index,
  );
  const nameOf = new Map(list.procedures.map((p, i) => [list.rowOf[i]!, p.name]));
  return {
    ...report,
    items,
    rejected,
    rows: rows.map((r, index) => ({ index, line: r.line, name: nameOf.get(index) ?? (r.name || null) })),
  };
}
