// Reference seed: every administrative unit and its People's Committee, the demo provinces'
// specialised agencies and the one-stop desks. Idempotent (upserts by code) and skipped when the
// database already holds this version.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../client.ts';
import { foldVietnamese } from '../../../common/text/fold.ts';
import { loadReferenceUnits, type ReferenceUnit } from './reference/units.ts';
import { buildReferenceAgencies, type ReferenceAgency } from './reference/agencies.ts';

export function deskName(agencyName: string): string {
  return `Bộ phận Tiếp nhận và Trả kết quả – ${agencyName}`;
}

function unitPaths(units: ReferenceUnit[]): Map<string, string> {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const paths = new Map<string, string>();
  const pathOf = (code: string): string => {
    const known = paths.get(code);
    if (known) return known;
    const u = byCode.get(code);
    if (!u) throw new Error(`unit ${code} is missing from the reference data`);
    const p = (u.parentCode === null ? '/' : pathOf(u.parentCode)) + `${u.code}/`;
    paths.set(code, p);
    return p;
  };
  for (const u of units) pathOf(u.code);
  return paths;
}

export type ReferenceSeedResult = { skipped: boolean; units: number; agencies: number; desks: number };

export async function seedReference(db: Database, now: Date): Promise<ReferenceSeedResult> {
  const units = loadReferenceUnits();
  const agencies = buildReferenceAgencies(units);
  const version = createHash('sha256')
    .update(JSON.stringify([units, agencies]))
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
    const fresh = (await trx.selectFrom('units').select('code').limit(1).execute()).length === 0;
    if (fresh) {
      await sql`DROP INDEX IF EXISTS units_search_idx`.execute(trx);
      await sql`DROP INDEX IF EXISTS agencies_search_idx`.execute(trx);
    }
    // Bulk writes pass every row as one JSON parameter and let the database unpack it
    // (json_to_recordset): one statement instead of tens of thousands of bind parameters.
    const paths = unitPaths(units);
    const sorted = [...units].sort((a, b) => a.level - b.level || (a.code < b.code ? -1 : 1));
    const unitRows = sorted.map((u) => ({
      code: u.code,
      name: u.name,
      type: u.type,
      level: u.level,
      parent_code: u.parentCode,
      path: paths.get(u.code)!,
      search_text: `${foldVietnamese(u.name)} ${u.code}`,
    }));
    await sql`
      INSERT INTO units (code, name, type, level, parent_code, path, search_text)
      SELECT code, name, type, level, parent_code, path, search_text
      FROM json_to_recordset(${JSON.stringify(unitRows)}::json)
        AS x(code text, name text, type text, level integer, parent_code text, path text, search_text text)
      ORDER BY level, code
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type, level = excluded.level,
        parent_code = excluded.parent_code, path = excluded.path, search_text = excluded.search_text`.execute(
      trx,
    );

    // Agencies in two passes: rows first, then parent links and ancestry paths from the ids.
    const agencyRows = agencies.map((a, i) => ({
      ord: i,
      code: a.code,
      name: a.name,
      unit_code: a.unitCode,
      kind: a.kind,
      search_text: `${foldVietnamese(a.name)} ${a.code}`,
    }));
    await sql`
      INSERT INTO agencies (code, name, unit_code, kind, path, search_text)
      SELECT code, name, unit_code, kind, '/', search_text
      FROM json_to_recordset(${JSON.stringify(agencyRows)}::json)
        AS x(ord integer, code text, name text, unit_code text, kind text, search_text text)
      ORDER BY ord
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, unit_code = excluded.unit_code,
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
