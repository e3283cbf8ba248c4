// Reading an uploaded list of a province's electronic agency codes: CSV or XLSX as
// platform/table-file.ts reads a person's table (encodings, separators, quotes, a title above the
// header row, Vietnamese or English headers). What the rows mean is agency-import-plan.ts.
import { headerKey, tableReader, type TableRead } from '../../platform/table-file.ts';
import {
  AGENCY_IMPORT_MAX_ROWS,
  AGENCY_MAX_LEVEL,
  type AgencyImportRow,
  type ImportProblem,
} from './agency-import-plan.ts';

export const AGENCY_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** What an XLSX of at most 5 MB may unpack to; more is a ZIP bomb, not a code list. */
export const AGENCY_IMPORT_MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

export type AgencyFileRead =
  | { ok: true; format: 'csv' | 'xlsx'; rows: AgencyImportRow[]; problems: ImportProblem[] }
  | { ok: false; problems: ImportProblem[] };

type Column = 'code' | 'name' | 'parentCode' | 'level' | 'oldCode';

// Folded header texts (foldVietnamese, dots as spaces) and the column each names.
const HEADERS: Record<Column, readonly string[]> = {
  code: [
    'code',
    'agency code',
    'ma',
    'ma dinh danh',
    'ma dinh danh dien tu',
    'ma dinh danh co quan',
    'ma dinh danh dien tu co quan',
    'ma dinh danh dien tu cua co quan',
    'ma co quan',
    'ma moi',
    'ma dinh danh moi',
    'new code',
  ],
  name: [
    'name',
    'agency name',
    'ten',
    'ten co quan',
    'ten don vi',
    'ten co quan don vi',
    'ten co quan to chuc',
  ],
  parentCode: [
    'parent',
    'parent code',
    'parentcode',
    'ma cap tren',
    'ma co quan cap tren',
    'ma don vi cap tren',
    'ma dinh danh cap tren',
    'ma dinh danh co quan cap tren',
    'ma co quan chu quan',
  ],
  level: ['level', 'cap', 'cap co quan'],
  oldCode: ['old code', 'oldcode', 'previous code', 'ma cu', 'ma dinh danh cu', 'ma co quan cu'],
};

const reader = tableReader<Column>({
  headers: HEADERS,
  required: ['code', 'name'],
  requiredWords: { vi: '"Mã định danh" và "Tên cơ quan"', en: 'a "code" and a "name" column' },
  codePrefix: 'AGENCY_IMPORT',
  maxRows: AGENCY_IMPORT_MAX_ROWS,
  maxBytes: AGENCY_IMPORT_MAX_BYTES,
  maxUnzippedBytes: AGENCY_IMPORT_MAX_UNZIPPED_BYTES,
});

// A level cell: "2", 2, "Cấp 2".
function readLevel(text: string): number | 'invalid' | null {
  const t = headerKey(text).replace(/^cap /, '');
  if (t === '') return null;
  if (!/^\d{1,2}$/.test(t)) return 'invalid';
  const n = Number(t);
  return n >= 1 && n <= AGENCY_MAX_LEVEL ? n : 'invalid';
}

function agencyRows(read: TableRead<Column>): AgencyFileRead {
  if (!read.ok) return read;
  const problems: ImportProblem[] = [];
  const rows = read.rows.map(({ line, cells }, index): AgencyImportRow => {
    const level = readLevel(cells.level);
    if (level === 'invalid') {
      problems.push({
        path: `rows[${index}].level`,
        row: index,
        line,
        code: 'AGENCY_LEVEL_INVALID',
        message: `Cấp "${cells.level}" không phải số từ 1 đến ${AGENCY_MAX_LEVEL}.`,
        en: `Level "${cells.level}" is not a number from 1 to ${AGENCY_MAX_LEVEL}.`,
      });
    }
    return {
      line,
      code: cells.code,
      name: cells.name,
      parentCode: cells.parentCode || null,
      level: level === 'invalid' ? null : level,
      oldCode: cells.oldCode || null,
    };
  });
  return { ok: true, format: read.format, rows, problems };
}

/** Reads a CSV code list; the separator is whichever of `;`, `,` and tab gives a header row. */
export function readAgencyCsv(bytes: Uint8Array): AgencyFileRead {
  return agencyRows(reader.csv(bytes));
}

/** Reads an XLSX code list: the first sheet that has a header row. */
export async function readAgencyXlsx(bytes: Uint8Array): Promise<AgencyFileRead> {
  return agencyRows(await reader.xlsx(bytes));
}

/**
 * Reads an uploaded code list, XLSX or CSV by its content (not its name): the rows, with the problems
 * of single rows, or the problems that stop the whole file.
 */
export async function readAgencyFile(bytes: Uint8Array): Promise<AgencyFileRead> {
  return agencyRows(await reader.any(bytes));
}
