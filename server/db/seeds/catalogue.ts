// Reference catalogue: the 47 national procedures (published version 1), their two real declaration
// forms, and the offerings of the demo provinces: each procedure is offered at its published levels
// by the agency of its competent kind in every unit of that level (the People's Committee where the
// unit has no agency of that kind). Idempotent through the import (unchanged records are skipped)
// and skipped entirely when the data's hash matches seed_state.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import {
  importCatalogue,
  loadReferenceForms,
  loadReferenceProcedures,
  referenceCatalogueFile,
} from '../../modules/catalog/index.ts';
import type { JsonSchemaObject } from '../../../common/catalog/forms.ts';
import { DEMO_PROVINCE_CODES } from './reference/agencies.ts';

// The two-level map in force since 1/7/2025: provinces, and the communes directly under them.
const LEVEL_DEPTH: Record<string, number> = { province: 1, commune: 2 };

export async function seedCatalogue(
  deps: Deps,
): Promise<{ skipped: boolean; procedures: number; offerings: number }> {
  const file = referenceCatalogueFile();
  const raw = JSON.stringify(file);
  const forms = loadReferenceForms();
  const version = createHash('sha256')
    .update(raw)
    .update(JSON.stringify(forms))
    .update(JSON.stringify(DEMO_PROVINCE_CODES))
    .digest('hex')
    .slice(0, 16);
  const state = await deps.db
    .selectFrom('seed_state')
    .select('version')
    .where('name', '=', 'catalogue')
    .executeTakeFirst();
  if (state?.version === version) return { skipped: true, procedures: 0, offerings: 0 };

  const formByCode = new Map<string, JsonSchemaObject>();
  for (const f of forms) for (const code of f.procedureCodes) formByCode.set(code, f.schema);
  const by = { userId: null, label: 'seed:reference' };
  // The 47 stay published as they always were, their flags stored and shown to administrators
  // (docs/domain/catalog.md, "Flags"): the demo's journeys are built on them.
  const report = await importCatalogue(deps, by, file, {
    dryRun: false,
    forms: formByCode,
    publishFlagged: true,
  });
  if (report.rejected.length > 0)
    throw new Error(`reference catalogue rejected ${report.rejected.length} records`);

  const now = deps.clock.now();
  let offerings = 0;
  await deps.db.transaction().execute(async (trx) => {
    const ids = new Map(
      (await trx.selectFrom('procedures').select(['code', 'procedure_id']).execute()).map((r) => [
        r.code,
        r.procedure_id,
      ]),
    );
    const provincePaths = DEMO_PROVINCE_CODES.map((c) => `/${c}/%`);
    for (const p of loadReferenceProcedures()) {
      const procedureId = ids.get(p.code)!;
      for (const level of p.levels) {
        const depth = LEVEL_DEPTH[level];
        if (depth === undefined) continue;
        for (const kind of [p.competentAgency.kind ?? 'people-committee', 'people-committee']) {
          const inserted = await sql`
            INSERT INTO procedure_offerings (procedure_id, agency_id, created_at)
            SELECT ${procedureId}::bigint, a.agency_id, ${now}::timestamptz
            FROM agencies a JOIN units u ON u.unit_id = a.unit_id
            WHERE u.level = ${depth} AND a.kind = ${kind} AND u.valid_to IS NULL AND a.valid_to IS NULL
              AND (${sql.join(
                provincePaths.map((pp) => sql`u.path LIKE ${pp}`),
                sql` OR `,
              )})
            ON CONFLICT DO NOTHING`.execute(trx);
          const n = Number(inserted.numAffectedRows ?? 0n);
          offerings += n;
          if (n > 0) break;
        }
      }
    }
    await trx
      .insertInto('seed_state')
      .values({ name: 'catalogue', version, applied_at: now })
      .onConflict((oc) => oc.column('name').doUpdateSet({ version, applied_at: now }))
      .execute();
  });
  return { skipped: false, procedures: report.created + report.updated, offerings };
}
