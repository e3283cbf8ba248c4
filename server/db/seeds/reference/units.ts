// Administrative units (đơn vị hành chính) before the 2025 reform, as the GSO published them on
// 01/03/2025: 63 provinces, 696 districts, 10,047 communes. Source and format: data/PROVENANCE.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ReferenceUnit = {
  /** GSO code: 2 digits for a province, 3 for a district, 5 for a commune (e.g. 01, 002, 00070). */
  code: string;
  name: string;
  /** Vietnamese type as published: Tỉnh, Thành phố Trung ương, Quận, Huyện, Thị xã, Thành phố, Phường, Xã, Thị trấn. */
  type: string;
  /** Depth in the tree, 1 for a province. Taken from the parent links, never from the code's length. */
  level: number;
  parentCode: string | null;
};

/** The day the GSO data describes. */
export const REFERENCE_UNITS_DATA_DATE = '2025-03-01';

const UNITS_FILE = join(import.meta.dirname, 'data', 'units-2025-03-01.json');

type UnitRow = [code: string, name: string, type: string, parentCode: string | null];

function isUnitRow(row: unknown): row is UnitRow {
  return (
    Array.isArray(row) &&
    row.length === 4 &&
    typeof row[0] === 'string' &&
    typeof row[1] === 'string' &&
    typeof row[2] === 'string' &&
    (row[3] === null || typeof row[3] === 'string')
  );
}

/** Every unit, parents before their children, in the order of the data file. */
export function loadReferenceUnits(): ReferenceUnit[] {
  const file = JSON.parse(readFileSync(UNITS_FILE, 'utf8')) as { rows?: unknown };
  if (!Array.isArray(file.rows)) throw new Error(`${UNITS_FILE}: no "rows" array`);
  const levels = new Map<string, number>();
  const units: ReferenceUnit[] = [];
  for (const row of file.rows as unknown[]) {
    if (!isUnitRow(row)) throw new Error(`${UNITS_FILE}: malformed row ${JSON.stringify(row)}`);
    const [code, name, type, parentCode] = row;
    if (levels.has(code)) throw new Error(`${UNITS_FILE}: unit ${code} appears twice`);
    let level = 1;
    if (parentCode !== null) {
      const parentLevel = levels.get(parentCode);
      if (parentLevel === undefined)
        throw new Error(`${UNITS_FILE}: unit ${code} comes before its parent ${parentCode}`);
      level = parentLevel + 1;
    }
    levels.set(code, level);
    units.push({ code, name, type, level, parentCode });
  }
  return units;
}
