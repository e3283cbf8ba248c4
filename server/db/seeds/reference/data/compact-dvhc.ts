// Rewrites the administrative-unit files shipped in ../shared/data/dvhc into the compact row
// files beside this script. Format only: nested objects become rows; the one thing dropped is the
// merges file's copy of each pre-reform unit's name, identical to the name in the units file
// (see PROVENANCE.md).
//   node server/db/seeds/reference/data/compact-dvhc.ts ../shared/data/dvhc
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Level3 = { level3_id: string; name: string; type: string };
type Level2 = { level2_id: string; name: string; type: string; level3s: Level3[] };
type Level1 = { level1_id: string; name: string; type: string; level2s: Level2[] };
type UnitsSource = { data: Level1[]; data_date: string; generate_date: number };

type Merge = { old_id: string; name: string; type: 'full' | 'partial' };
type MergesSource = {
  data: {
    level1_id: string;
    name: string;
    merges: Merge[];
    level2s: { level2_id: string; name: string; merges: Merge[] }[];
  }[];
};
type Split = { new_id: string; name: string };
type SplitsSource = {
  data: {
    level1_id: string;
    splits: Split[];
    level2s?: { level2_id: string; splits: Split[] }[];
    level3s: { level3_id: string; splits: Split[] }[];
  }[];
};

const sourceDir = process.argv[2];
if (sourceDir === undefined) {
  console.error('usage: compact-dvhc.ts <directory holding units-2025-03-01.json and the 2025-07-01 files>');
  process.exit(2);
}
const read = <T>(file: string): T => JSON.parse(readFileSync(join(sourceDir, file), 'utf8')) as T;

// One row per line: small, yet a changed unit shows as a one-line diff.
function writeRows(file: string, header: Record<string, unknown>, rows: unknown[]): void {
  const head = JSON.stringify(header).slice(0, -1);
  const body = rows.map((row) => JSON.stringify(row)).join(',\n');
  writeFileSync(join(import.meta.dirname, file), `${head},"rows":[\n${body}\n]}\n`);
}

const units = read<UnitsSource>('units-2025-03-01.json');
const [day, month, year] = units.data_date.split('/');
const unitRows: [string, string, string, string | null][] = [];
for (const p of units.data) {
  unitRows.push([p.level1_id, p.name, p.type, null]);
  for (const d of p.level2s) {
    unitRows.push([d.level2_id, d.name, d.type, p.level1_id]);
    for (const c of d.level3s) unitRows.push([c.level3_id, c.name, c.type, d.level2_id]);
  }
}
writeRows(
  'units-2025-03-01.json',
  {
    dataset: 'Vietnamese administrative units (GSO codes) before the 2025 reform',
    dataDate: `${year}-${month}-${day}`,
    generatedAt: new Date(units.generate_date * 1000).toISOString(),
    columns: ['code', 'name', 'type', 'parentCode'],
  },
  unitRows,
);

const merges = read<MergesSource>('merges-2025-07-01.json');
const mergeRows: [string, string, string | null, [string, string][]][] = [];
for (const p of merges.data) {
  mergeRows.push([p.level1_id, p.name, null, p.merges.map((m) => [m.old_id, m.type])]);
  for (const c of p.level2s)
    mergeRows.push([c.level2_id, c.name, p.level1_id, c.merges.map((m) => [m.old_id, m.type])]);
}
writeRows(
  'merges-2025-07-01.json',
  {
    dataset:
      'Units in force from 2025-07-01 (34 provinces, 3,321 communes) and the pre-reform units each was formed from',
    effectiveDate: '2025-07-01',
    columns: ['code', 'name', 'parentCode', 'sources'],
    sourceColumns: ['oldCode', 'extent'],
  },
  mergeRows,
);

const splits = read<SplitsSource>('splits-2025-07-01.json');
const successors = (list: Split[]): [string, string][] => list.map((s) => [s.new_id, s.name]);
const splitRows: [string, [string, string][]][] = [];
for (const p of splits.data) {
  splitRows.push([p.level1_id, successors(p.splits)]);
  for (const d of p.level2s ?? []) splitRows.push([d.level2_id, successors(d.splits)]);
  for (const c of p.level3s) splitRows.push([c.level3_id, successors(c.splits)]);
}
writeRows(
  'splits-2025-07-01.json',
  {
    dataset: 'Pre-reform units and the units in force from 2025-07-01 that took over their territory',
    effectiveDate: '2025-07-01',
    columns: ['oldCode', 'successors'],
    successorColumns: ['newCode', 'newName'],
  },
  splitRows,
);

writeFileSync(
  join(import.meta.dirname, 'provinces-2025-07-01.csv'),
  readFileSync(join(sourceDir, 'provinces-2025-07-01.csv')),
);
console.log(`units ${unitRows.length}, merges ${mergeRows.length}, splits ${splitRows.length}`);
