// Reference seed: the administrative units of both maps (before and since 1/7/2025) with their
// successions, and for the map in force a People's Committee for every unit, the demo provinces'
// specialised agencies and the one-stop desks. Idempotent (upserts by code and first day) and
// skipped when the database already holds this version.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../client.ts';
import { foldVietnamese } from '../../../common/text/fold.ts';
import { deskName } from '../../../common/org/names.ts';
import { loadReferenceMap, unitsInForce, REFORM_DATE, type ReferenceUnit } from './reference/units.ts';
import type { ReferenceAgency } from './reference/agencies.ts';
import { buildReferenceAgencies } from './reference/agencies-2025.ts';

/** The reference map and the agencies of the two-level map in force since 1/7/2025. */
export function referenceData() {
  const { units, successions } = loadReferenceMap();
  const current = unitsInForce(units, REFORM_DATE);
  const former = units.filter((u) => u.validTo !== null);
  const agencies = buildReferenceAgencies(current, successions, former);
  return { units, successions, agencies };
}

const unitRow = (u: ReferenceUnit) => ({
  code: u.code,
  name: u.name,
  type: u.type,
  level: u.level,
  parent_path: u.parentCode === null ? null : u.path.slice(0, u.path.length - u.code.length - 1),
  path: u.path,
  search_text: `${foldVietnamese(u.name)} ${u.code}`,
  valid_from: u.validFrom,
  valid_to: u.validTo,
});

export { deskName };

export type ReferenceSeedResult = { skipped: boolean; units: number; agencies: number; desks: number };

export async function seedReference(db: Database, now: Date): Promise<ReferenceSeedResult> {
  const { units, successions, agencies } = referenceData();
  const version = createHash('sha256')
    .update(JSON.stringify([units, successions, agencies]))
    .digest('hex')
    .slice(0, 16);
  const state = await db
    .selectFrom('seed_state')
    .select('version')
    .where('name', '=', 'reference')
    .executeTakeFirst();
  const desks = agencies.filter((a) => a.hasDesk).length;
  if (state?.version === version)
    return { skipped: true, units: units.length, agencies: agencies.length, desks };

  await db.transaction().execute(async (trx) => {
    // On an empty database the trigram indexes are built once after the load rather than row by
    // row (about a quarter of the seed's time on PGlite: 2.8 → 2.1 s measured); DDL is transactional, so a failure leaves
    // them as they were.
    const fresh = (await trx.selectFrom('units').select('unit_id').limit(1).execute()).length === 0;
    if (fresh) {
      await sql`DROP INDEX IF EXISTS units_search_idx`.execute(trx);
      await sql`DROP INDEX IF EXISTS agencies_search_idx`.execute(trx);
    }
    // Bulk writes pass every row as one JSON parameter and let the database unpack it
    // (json_to_recordset): one statement instead of tens of thousands of bind parameters.
    // A database seeded before the map in time holds the old units as current: end them first, so
    // that a reused code is free before its new unit takes it.
    const ended = units.filter((u) => u.validTo !== null).map((u) => ({ code: u.code, valid_to: u.validTo }));
    await sql`
      UPDATE units SET valid_to = x.valid_to
      FROM json_to_recordset(${JSON.stringify(ended)}::json) AS x(code text, valid_to date)
      WHERE units.code = x.code AND units.valid_from IS NULL AND units.valid_to IS NULL`.execute(trx);
    // Each level after the one above, its parent found by path and validity (a parent in force on
    // the child's first day: the new communes of Hà Nội hang under the one Hà Nội of both maps).
    for (const level of [1, 2, 3]) {
      for (const group of [
        units.filter((u) => u.validTo !== null),
        units.filter((u) => u.validTo === null),
      ]) {
        const rows = group.filter((u) => u.level === level).map(unitRow);
        if (rows.length === 0) continue;
        await sql`
          INSERT INTO units (code, name, type, level, parent_id, path, search_text, valid_from, valid_to)
          SELECT x.code, x.name, x.type, x.level,
            (SELECT p.unit_id FROM units p WHERE p.path = x.parent_path
               AND (p.valid_from IS NULL OR p.valid_from <= coalesce(x.valid_from, '0001-01-01'))
               AND (x.valid_from IS NULL OR p.valid_to IS NULL OR p.valid_to >= x.valid_from)),
            x.path, x.search_text, x.valid_from, x.valid_to
          FROM json_to_recordset(${JSON.stringify(rows)}::json)
            AS x(code text, name text, type text, level integer, parent_path text, path text,
                 search_text text, valid_from date, valid_to date)
          ON CONFLICT (code, valid_from) DO UPDATE SET name = excluded.name, type = excluded.type,
            level = excluded.level, parent_id = excluded.parent_id, path = excluded.path,
            search_text = excluded.search_text, valid_to = excluded.valid_to`.execute(trx);
      }
    }
    const successionRows = successions.map((x) => {
      const [pPath, pFrom] = x.predecessor.split('@');
      const [sPath, sFrom] = x.successor.split('@');
      return {
        p_path: pPath,
        p_from: pFrom || null,
        s_path: sPath,
        s_from: sFrom || null,
        extent: x.extent,
        on: x.effectiveOn,
      };
    });
    await sql`
      INSERT INTO unit_successions (predecessor_id, successor_id, extent, effective_on)
      SELECT p.unit_id, s.unit_id, x.extent, x.on
      FROM json_to_recordset(${JSON.stringify(successionRows)}::json)
        AS x(p_path text, p_from date, s_path text, s_from date, extent text, "on" date)
      JOIN units p ON p.path = x.p_path AND p.valid_from IS NOT DISTINCT FROM x.p_from
      JOIN units s ON s.path = x.s_path AND s.valid_from IS NOT DISTINCT FROM x.s_from
      ON CONFLICT (predecessor_id, successor_id) DO UPDATE SET extent = excluded.extent,
        effective_on = excluded.effective_on`.execute(trx);

    // Agencies in two passes: rows first, then parent links and ancestry paths from the ids.
    const agencyRows = agencies.map((a, i) => ({
      ord: i,
      code: a.code,
      name: a.name,
      unit_path: a.unitKey.split('@')[0],
      unit_from: a.unitKey.split('@')[1] || null,
      kind: a.kind,
      search_text: `${foldVietnamese(a.name)} ${a.code}`,
    }));
    await sql`
      INSERT INTO agencies (code, name, unit_id, kind, path, search_text)
      SELECT x.code, x.name, u.unit_id, x.kind, '/', x.search_text
      FROM json_to_recordset(${JSON.stringify(agencyRows)}::json)
        AS x(ord integer, code text, name text, unit_path text, unit_from date, kind text, search_text text)
      JOIN units u ON u.path = x.unit_path AND u.valid_from IS NOT DISTINCT FROM x.unit_from
      ORDER BY x.ord
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, unit_id = excluded.unit_id,
        kind = excluded.kind, search_text = excluded.search_text`.execute(trx);
    const ids = new Map(
      (await trx.selectFrom('agencies').select(['code', 'agency_id']).execute()).map((r) => [
        r.code,
        r.agency_id,
      ]),
    );
    const byCode = new Map<string, ReferenceAgency>(agencies.map((a) => [a.code, a]));
    const agencyPaths = new Map<string, string>();
    const agencyPath = (code: string): string => {
      const known = agencyPaths.get(code);
      if (known) return known;
      const a = byCode.get(code);
      if (!a) throw new Error(`agency ${code} is missing from the reference data`);
      const p = (a.parentCode === null ? '/' : agencyPath(a.parentCode)) + `${ids.get(code)}/`;
      agencyPaths.set(code, p);
      return p;
    };
    const links = agencies.map((a) => ({
      code: a.code,
      parent_id: a.parentCode === null ? null : ids.get(a.parentCode),
      path: agencyPath(a.code),
    }));
    await sql`
      UPDATE agencies AS a SET parent_agency_id = v.parent_id, path = v.path
      FROM json_to_recordset(${JSON.stringify(links)}::json) AS v(code text, parent_id bigint, path text)
      WHERE a.code = v.code`.execute(trx);

    const deskRows = agencies
      .filter((a) => a.hasDesk)
      .map((a) => ({ agency_id: ids.get(a.code), name: deskName(a.name) }));
    await sql`
      INSERT INTO desks (agency_id, name)
      SELECT agency_id, name FROM json_to_recordset(${JSON.stringify(deskRows)}::json) AS x(agency_id bigint, name text)
      ON CONFLICT (agency_id, name) DO NOTHING`.execute(trx);

    if (fresh) {
      await sql`CREATE INDEX units_search_idx ON units USING gin (search_text gin_trgm_ops)`.execute(trx);
      await sql`CREATE INDEX agencies_search_idx ON agencies USING gin (search_text gin_trgm_ops)`.execute(
        trx,
      );
    }
    await trx
      .insertInto('seed_state')
      .values({ name: 'reference', version, applied_at: now })
      .onConflict((oc) => oc.column('name').doUpdateSet({ version, applied_at: now }))
      .execute();
  });
  return { skipped: false, units: units.length, agencies: agencies.length, desks };
}
