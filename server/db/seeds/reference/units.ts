// Administrative units (đơn vị hành chính) in time: the map the GSO published for 01/03/2025 (63
// provinces, 696 districts, 10,047 communes), in force until 30/06/2025, and the two-level map in
// force from 01/07/2025 (34 provinces, 3,321 communes; Nghị quyết 202/2025/QH15, QĐ 19/2025/QĐ-TTg),
// each new unit linked to the old units it was formed from. Source and format: data/PROVENANCE.md.
//
// Codes were reused by the reform (the new Phường Hoàn Kiếm is 00070, the code of the former Phường
// Hàng Trống), so a unit is told apart by its path of codes and its validity, not by its code. A
// province that kept its code and its name (Hà Nội, or Tuyên Quang, which absorbed Hà Giang) is one
// unit across both maps; one that kept a code under another name (Lào Cai took Yên Bái's 15) is new.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ReferenceUnit = {
  /** GSO code: 2 digits for a province, 3 for a district, 5 for a commune (e.g. 01, 002, 00070). */
  code: string;
  name: string;
  /** Vietnamese type: Tỉnh, Thành phố Trung ương, Quận, Huyện, Thị xã, Thành phố, Phường, Xã, Thị trấn, Đặc khu. */
  type: string;
  /** Depth in the tree, 1 for a province. Taken from the parent links, never from the code's length. */
  level: number;
  parentCode: string | null;
  /** Codes from the province down, e.g. /01/002/00070/: unique with validFrom. */
  path: string;
  /** First day in force; null when the unit predates the reference data. */
  validFrom: string | null;
  /** Last day in force; null while it is in force. */
  validTo: string | null;
};

/** An old unit and a unit that took over all (full) or part (partial) of its territory. */
export type ReferenceSuccession = {
  /** unitKey() of each side. */
  predecessor: string;
  successor: string;
  extent: 'full' | 'partial';
  effectiveOn: string;
};

/** The day the GSO data of the old map describes. */
export const REFERENCE_UNITS_DATA_DATE = '2025-03-01';
/** The first day of the two-level map, and the last day of the old one. */
export const REFORM_DATE = '2025-07-01';
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';

const DATA = join(import.meta.dirname, 'data');
const UNITS_FILE = join(DATA, 'units-2025-03-01.json');
const MERGES_FILE = join(DATA, 'merges-2025-07-01.json');

type UnitRow = [code: string, name: string, type: string, parentCode: string | null];
type MergeRow = [
  code: string,
  name: string,
  parentCode: string | null,
  sources: [string, 'full' | 'partial'][],
];

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

function isMergeRow(row: unknown): row is MergeRow {
  return (
    Array.isArray(row) &&
    row.length === 4 &&
    typeof row[0] === 'string' &&
    typeof row[1] === 'string' &&
    (row[2] === null || typeof row[2] === 'string') &&
    Array.isArray(row[3]) &&
    row[3].every(
      (s: unknown) => Array.isArray(s) && typeof s[0] === 'string' && (s[1] === 'full' || s[1] === 'partial'),
    )
  );
}

function rowsOf(file: string): unknown[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { rows?: unknown };
  if (!Array.isArray(data.rows)) throw new Error(`${file}: no "rows" array`);
  return data.rows as unknown[];
}

/** The units of 01/03/2025, parents before their children, in the order of the data file. */
export function loadPreReformUnits(): ReferenceUnit[] {
  const byCode = new Map<string, ReferenceUnit>();
  const units: ReferenceUnit[] = [];
  for (const row of rowsOf(UNITS_FILE)) {
    if (!isUnitRow(row)) throw new Error(`${UNITS_FILE}: malformed row ${JSON.stringify(row)}`);
    const [code, name, type, parentCode] = row;
    if (byCode.has(code)) throw new Error(`${UNITS_FILE}: unit ${code} appears twice`);
    let level = 1;
    let path = `/${code}/`;
    if (parentCode !== null) {
      const parent = byCode.get(parentCode);
      if (parent === undefined)
        throw new Error(`${UNITS_FILE}: unit ${code} comes before its parent ${parentCode}`);
      level = parent.level + 1;
      path = `${parent.path}${code}/`;
    }
    const unit = { code, name, type, level, parentCode, path, validFrom: null, validTo: null };
    byCode.set(code, unit);
    units.push(unit);
  }
  return units;
}

/** The type word a two-level unit's name starts with (the merges file gives names only). */
function typeFromName(name: string, isProvince: boolean): string {
  if (isProvince) {
    if (name.startsWith('Thành phố ')) return 'Thành phố Trung ương';
    if (name.startsWith('Tỉnh ')) return 'Tỉnh';
  } else {
    for (const t of ['Phường', 'Xã', 'Đặc khu']) if (name.startsWith(`${t} `)) return t;
  }
  throw new Error(`${MERGES_FILE}: no unit type in the name "${name}"`);
}

export type ReferenceMap = { units: ReferenceUnit[]; successions: ReferenceSuccession[] };

/**
 * Both maps: the old units valid until 30/06/2025 (but the provinces that carry on under the same
 * code and name), the new ones from 01/07/2025, parents before children, and the successions.
 */
export function loadReferenceMap(): ReferenceMap {
  const old = loadPreReformUnits();
  const oldByCode = new Map(old.map((u) => [u.code, u]));
  const rows = rowsOf(MERGES_FILE);
  const newProvinces = new Map<string, ReferenceUnit>();
  const continuing = new Set<string>();
  const created: ReferenceUnit[] = [];
  const successions: ReferenceSuccession[] = [];
  for (const row of rows) {
    if (!isMergeRow(row)) throw new Error(`${MERGES_FILE}: malformed row ${JSON.stringify(row)}`);
    const [code, name, parentCode, sources] = row;
    let unit: ReferenceUnit;
    if (parentCode === null) {
      const same = oldByCode.get(code);
      if (same !== undefined && same.level === 1 && same.name === name) {
        continuing.add(code);
        unit = same;
      } else {
        unit = {
          code,
          name,
          type: typeFromName(name, true),
          level: 1,
          parentCode: null,
          path: `/${code}/`,
          validFrom: REFORM_DATE,
          validTo: null,
        };
        created.push(unit);
      }
      if (newProvinces.has(code)) throw new Error(`${MERGES_FILE}: province ${code} appears twice`);
      newProvinces.set(code, unit);
    } else {
      const parent = newProvinces.get(parentCode);
      if (parent === undefined)
        throw new Error(`${MERGES_FILE}: unit ${code} comes before its province ${parentCode}`);
      unit = {
        code,
        name,
        type: typeFromName(name, false),
        level: 2,
        parentCode,
        path: `${parent.path}${code}/`,
        validFrom: REFORM_DATE,
        validTo: null,
      };
      created.push(unit);
    }
    for (const [oldCode, extent] of sources) {
      const from = oldByCode.get(oldCode);
      if (from === undefined) throw new Error(`${MERGES_FILE}: ${code} names an unknown old unit ${oldCode}`);
      if (from === unit) continue;
      successions.push({
        predecessor: unitKey(from),
        successor: unitKey(unit),
        extent,
        effectiveOn: REFORM_DATE,
      });
    }
  }
  const ended = old.map((u) =>
    continuing.has(u.code) && u.level === 1 ? u : { ...u, validTo: LAST_DAY_BEFORE_REFORM },
  );
  return { units: [...ended, ...created], successions };
}

/** Every unit of both maps (see loadReferenceMap). */
export function loadReferenceUnits(): ReferenceUnit[] {
  return loadReferenceMap().units;
}

/** What tells a unit apart in the reference data: its path and first day (a path can be reused). */
export function unitKey(u: Pick<ReferenceUnit, 'path' | 'validFrom'>): string {
  return `${u.path}@${u.validFrom ?? ''}`;
}

/** The key of a unit's parent: the unit at the parent path in force on the unit's first day. */
export function parentKey(u: ReferenceUnit, units: ReadonlyMap<string, ReferenceUnit>): string | null {
  if (u.parentCode === null) return null;
  const parentPath = u.path.slice(0, u.path.length - u.code.length - 1);
  const sameFrom = `${parentPath}@${u.validFrom ?? ''}`;
  if (units.has(sameFrom)) return sameFrom;
  const older = `${parentPath}@`;
  if (units.has(older)) return older;
  throw new Error(`unit ${u.path} has no parent at ${parentPath}`);
}

/** The units in force on `day` (YYYY-MM-DD). */
export function unitsInForce(units: readonly ReferenceUnit[], day: string): ReferenceUnit[] {
  return units.filter(
    (u) => (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || u.validTo >= day),
  );
}
