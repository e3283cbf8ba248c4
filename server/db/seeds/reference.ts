// Reference seed: every administrative unit and its People's Committee, the demo provinces'
// specialised agencies and the one-stop desks. Idempotent (upserts by code) and skipped when the
// database already holds this version.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../client.ts';
import { foldVietnamese } from '../../../common/text/fold.ts';
import { loadReferenceUnits, type ReferenceUnit } from './reference/units.ts';
import { buildReferenceAgencies, type ReferenceAgency } from './reference/agencies.ts';

const CHUNK = 2000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

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
    const paths = unitPaths(units);
    const sorted = [...units].sort((a, b) => a.level - b.level || (a.code < b.code ? -1 : 1));
    for (const part of chunks(sorted)) {
      await trx
        .insertInto('units')
        .values(
          part.map((u) => ({
            code: u.code,
            name: u.name,
            type: u.type,
            level: u.level,
            parent_code: u.parentCode,
            path: paths.get(u.code)!,
            search_text: `${foldVietnamese(u.name)} ${u.code}`,
          })),
        )
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            type: eb.ref('excluded.type'),
            level: eb.ref('excluded.level'),
            parent_code: eb.ref('excluded.parent_code'),
            path: eb.ref('excluded.path'),
            search_text: eb.ref('excluded.search_text'),
          })),
        )
        .execute();
    }

    // Agencies in two passes: rows first, then parent links and ancestry paths from the ids.
    for (const part of chunks(agencies)) {
      await trx
        .insertInto('agencies')
        .values(
          part.map((a) => ({
            code: a.code,
            name: a.name,
            unit_code: a.unitCode,
            kind: a.kind,
            path: '/',
            search_text: `${foldVietnamese(a.name)} ${a.code}`,
          })),
        )
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            unit_code: eb.ref('excluded.unit_code'),
            kind: eb.ref('excluded.kind'),
            search_text: eb.ref('excluded.search_text'),
          })),
        )
        .execute();
    }
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
    for (const part of chunks(agencies, 3000)) {
      const rows = part.map(
        (a) =>
          sql`(${a.code}, ${a.parentCode === null ? null : ids.get(a.parentCode)}::bigint, ${agencyPath(a.code)})`,
      );
      await sql`
        UPDATE agencies AS a SET parent_agency_id = v.parent_id, path = v.path
        FROM (VALUES ${sql.join(rows)}) AS v(code, parent_id, path)
        WHERE a.code = v.code`.execute(trx);
    }

    const withDesk = agencies.filter((a) => a.hasDesk);
    for (const part of chunks(withDesk)) {
      await trx
        .insertInto('desks')
        .values(part.map((a) => ({ agency_id: ids.get(a.code)!, name: deskName(a.name) })))
        .onConflict((oc) => oc.columns(['agency_id', 'name']).doNothing())
        .execute();
    }

    await trx
      .insertInto('seed_state')
      .values({ name: 'reference', version, applied_at: now })
      .onConflict((oc) => oc.column('name').doUpdateSet({ version, applied_at: now }))
      .execute();
  });
  return { skipped: false, units: units.length, agencies: agencies.length, desks };
}
