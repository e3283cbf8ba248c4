// Demo seed (issue #17): the national catalogue's procedures that a demo province and its communes
// handle — the ministries' standard procedures at Cấp tỉnh or Cấp xã, and each demo province's own
// (scope local) — imported through the same import as any province's file. Records without flags are
// published and offered: province procedures by the province's agency of their competent kind (else
// its People's Committee), commune procedures likewise in the communes where demo staff work; flagged
// records stay drafts with their flags, offered nowhere. The 47 reference procedures (catalogue.ts) are not touched: procedures.json stays their
// source, with its real forms and the demo's workflows. Demo mode only, and not in the tests' shared
// template (server/db/seeds/national-catalogue.test.ts seeds it itself).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import {
  REFERENCE_DATA_DIR,
  importCatalogue,
  loadNationalCatalogue,
  referenceCatalogueFile,
  type NationalRecord,
} from '../../modules/catalog/index.ts';
import type { Procedure } from '../../../common/catalog/procedure.ts';
import { DEMO_PROVINCE_CODES } from './reference/agencies.ts';

// The two-level map in force since 1/7/2025: provinces, and the communes directly under them.
const LEVEL_DEPTH: Record<string, number> = { province: 1, commune: 2 };

/** What a demo province runs: national standard procedures at Cấp tỉnh / Cấp xã, and its own. */
export function demoNationalRecords(all: NationalRecord[], provinces: readonly string[]): NationalRecord[] {
  const reference = new Set(referenceCatalogueFile().procedures.map((p) => p.code));
  return all.filter((r) => {
    if (reference.has(r.code.trim())) return false;
    if (r.scope === 'local') return r.localProvince !== null && provinces.includes(r.localProvince.id);
    return r.implementingLevels.includes('Cấp tỉnh') || r.implementingLevels.includes('Cấp xã');
  });
}

export type NationalSeedResult = {
  skipped: boolean;
  records: number;
  published: number;
  drafted: number;
  rejected: number;
  offerings: number;
};

export async function seedNationalCatalogue(deps: Deps): Promise<NationalSeedResult> {
  const all = loadNationalCatalogue(REFERENCE_DATA_DIR).procedures;
  const records = demoNationalRecords(all, DEMO_PROVINCE_CODES);
  const version = createHash('sha256')
    .update(JSON.stringify(records))
    .update(JSON.stringify(DEMO_PROVINCE_CODES))
    .digest('hex')
    .slice(0, 16);
  const state = await deps.db
    .selectFrom('seed_state')
    .select('version')
    .where('name', '=', 'national-catalogue')
    .executeTakeFirst();
  const none = { records: records.length, published: 0, drafted: 0, rejected: 0, offerings: 0 };
  if (state?.version === version) return { skipped: true, ...none };

  const by = { userId: null, label: 'seed:national-catalogue' };
  const report = await importCatalogue(deps, by, { procedures: records }, { dryRun: false });
  const now = deps.clock.now();
  let offerings = 0;
  await deps.db.transaction().execute(async (trx) => {
    // Every published record of the file, offered in the demo provinces it applies to.
    const published = await trx
      .selectFrom('procedures as p')
      .innerJoin('procedure_versions as v', 'v.procedure_id', 'p.procedure_id')
      .select(['p.procedure_id', 'v.data'])
      .where('v.status', '=', 'published')
      .where('p.code', 'in', records.length > 0 ? records.map((r) => r.code.trim()) : ['-'])
      .execute();
    const rows = published.flatMap((r) => {
      const p: Procedure = r.data;
      const provinces =
        p.national?.localProvince != null
          ? [p.national.localProvince.id]
          : DEMO_PROVINCE_CODES.filter(() => p.national?.scope !== 'local');
      return p.levels.flatMap((level) =>
        LEVEL_DEPTH[level] === undefined
          ? []
          : provinces.map((province) => ({
              procedure_id: r.procedure_id,
              depth: LEVEL_DEPTH[level],
              kind: p.competentAgency.kind ?? 'people-committee',
              province,
            })),
      );
    });
    // In each unit, the agency of the competent kind, else its People's Committee: one statement.
    // Commune procedures only in the communes where demo staff work: one row per commune for all
    // 3,321 communes would be 216,342 rows and 20 s more at every first start (measured; PGlite). The
    // province administrator offers them elsewhere (PUT /procedures/:code/offerings).
    const inserted = await sql`
      INSERT INTO procedure_offerings (procedure_id, agency_id, created_at)
      SELECT x.procedure_id, a.agency_id, ${now}::timestamptz
      FROM json_to_recordset(${JSON.stringify(rows)}::json)
        AS x(procedure_id bigint, depth integer, kind text, province text)
      JOIN units u ON u.level = x.depth AND u.valid_to IS NULL AND u.path LIKE '/' || x.province || '/%'
        AND (u.level = 1 OR u.unit_id IN (
          SELECT s.unit_id FROM user_roles r JOIN agencies s ON s.agency_id = r.agency_id))
      JOIN agencies a ON a.unit_id = u.unit_id AND a.valid_to IS NULL
        AND a.kind = CASE WHEN EXISTS (
          SELECT 1 FROM agencies k WHERE k.unit_id = u.unit_id AND k.kind = x.kind AND k.valid_to IS NULL
        ) THEN x.kind ELSE 'people-committee' END
      ON CONFLICT DO NOTHING`.execute(trx);
    offerings = Number(inserted.numAffectedRows ?? 0n);
    await trx
      .insertInto('seed_state')
      .values({ name: 'national-catalogue', version, applied_at: now })
      .onConflict((oc) => oc.column('name').doUpdateSet({ version, applied_at: now }))
      .execute();
  });
  return {
    skipped: false,
    records: records.length,
    published: report.created + report.updated,
    drafted: report.drafted,
    rejected: report.rejected.length,
    offerings,
  };
}
