// Writes the shipped copy of the national catalogue (server/db/seeds/reference/data/procedures/
// national-catalogue.json.gz) from the dataset's national-catalogue.json: every record, in the same
// shape, with only the keys the product reads (server/modules/catalog/catalog-national.ts); what is
// dropped is listed in that folder's PROVENANCE.md. Usage: node scripts/trim-national-catalogue.ts <path>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REFERENCE_DATA_DIR } from '../server/modules/catalog/index.ts';

const pick = (o: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
const RECORD = [
  'code',
  'formalityId',
  'name',
  'field',
  'fieldCode',
  'ministry',
  'scope',
  'localProvince',
  'decisionNumber',
  'decisionDate',
  'procedureType',
  'implementingLevels',
  'levelAsPublishedOn',
  'levelSource',
  'applicants',
  'competentAuthority',
  'implementingAgency',
  'processingTime',
  'fees',
  'feePolicy',
  'dossierComponents',
  'results',
  'onlineService',
  'legalBasis',
  'portalUrl',
  'source',
  'accessDate',
  'notes',
];
type Rec = Record<string, unknown> & {
  processingTime: Record<string, unknown>[];
  fees: Record<string, unknown>[];
  dossierComponents: Record<string, unknown>[];
  feePolicy: Record<string, unknown> | null;
  onlineService: Record<string, unknown> | null;
};
const input = process.argv[2] ?? '../shared/data/procedures/national-catalogue.json';
const file = JSON.parse(readFileSync(input, 'utf8')) as {
  source_notes: Record<string, unknown>;
  procedures: Rec[];
};
const procedures = file.procedures.map((r) => ({
  ...pick(r, RECORD),
  processingTime: r.processingTime.map((t) =>
    pick(t, ['channel', 'value', 'unit', 'unitSource', 'displayed', 'note']),
  ),
  fees: r.fees.map((f) => pick(f, ['channel', 'amountVnd', 'unit', 'displayed', 'amountOther', 'note'])),
  feePolicy: r.feePolicy && pick(r.feePolicy, ['decidedBy', 'exemptions', 'note']),
  dossierComponents: r.dossierComponents.map((c) =>
    pick(c, ['name', 'originals', 'copies', 'group', 'condition', 'submission', 'form']),
  ),
  onlineService: r.onlineService && pick(r.onlineService, ['channelsPublished', 'level', 'note']),
}));
const notes = pick(file.source_notes, [
  'title',
  'generatedOn',
  'accessDate',
  'recordCount',
  'sources',
  'officialPortal',
  'license',
]);
const out = JSON.stringify({
  source_notes: { ...notes, trimmedBy: 'scripts/trim-national-catalogue.ts' },
  procedures,
});
const target = join(REFERENCE_DATA_DIR, 'national-catalogue.json.gz');
writeFileSync(target, gzipSync(out, { level: 9 }));
console.log(`${procedures.length} records, ${out.length} bytes → ${target}`);
